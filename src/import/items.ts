import { parseChineseInteger } from '../engine/numerals';
import type { Comparator, Rule } from './model';
import { extractTargets, type ExtractedTarget } from './targets';
import { toHalfWidth } from './text';

/** One scoring row read from one numbered item, before the 项目's weights are known. */
export interface ItemRow {
  rule: Rule;
  target: number | '是' | null;
  comparator: Comparator;
  measure: string;
  /** 考核内容 */
  content: string;
  /** 扣分标准 */
  rate: string | null;
  confidence: number;
  /**
   * 'share': a share of the 项目's 分值 (see splitWeights);
   * 'points': the 项目's whole 分值 (a deduction capped at it);
   * a number: read from the text (最多扣5分).
   */
  weight: 'share' | 'points' | number;
}

const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)`;
const PER_CASE = new RegExp(`每(?:发生)?一起[^。；;]*?扣\\s*${NUM}\\s*分`);
const PER_CASE_SEVERE = new RegExp(`特别重大[^。；;，,]*?扣\\s*${NUM}\\s*分`);
const PER_CASE_CAP = new RegExp(`(?:最多|最高|累计最多|最多累计)扣\\s*${NUM}\\s*分`);

function readNumber(token: string): number | null {
  if (/^\d/.test(token)) return Number(token);
  return parseChineseInteger(token);
}

/** "4.团县委班子成员赴基层走访、调研：不低于35天" for one of several targets of an item. */
function describe(prefix: string, t: ExtractedTarget): string {
  // A carried comparator (不低于20次、35天) is written out; one already in the source is not repeated.
  const words = t.comparatorText.split('…').filter((w) => w !== '');
  const source = words.every((w) => t.source.includes(w)) ? t.source : `${words.join('')}${t.source}`;
  return `${prefix}${t.label}：${source}`;
}

/**
 * What one numbered item asks for, as scoring rows:
 * - 每发生一起扣X分，特别重大的扣Y分，最多扣Z分 → 按件扣分, 扣分标准 "X/Y", weight Z;
 * - 酌情扣分, 实行扣分制 → one 扣分 row capped at the 项目's 分值;
 * - 交办的其他工作, 评价分 → 评分;
 * - measurable targets → one row per target: 比例 for ≥ targets, 达标 for ≤ < >;
 * - anything else → one 达标 row with target 是.
 */
export function classifyItem(text: string): ItemRow[] {
  const norm = toHalfWidth(text);
  const row = (over: Partial<ItemRow> & Pick<ItemRow, 'rule' | 'weight'>): ItemRow => ({
    target: null,
    comparator: '>=',
    measure: '',
    content: text,
    rate: null,
    confidence: 1,
    ...over,
  });

  const perCase = PER_CASE.exec(norm);
  if (perCase) {
    const each = readNumber(perCase[1]);
    const severeMatch = PER_CASE_SEVERE.exec(norm);
    const severe = severeMatch ? readNumber(severeMatch[1]) : each;
    const capMatch = PER_CASE_CAP.exec(norm);
    const cap = capMatch ? readNumber(capMatch[1]) : null;
    const readable = each !== null && severe !== null;
    return [
      row({
        rule: '按件扣分',
        rate: readable ? `${each}/${severe}` : null,
        weight: cap ?? 'points',
        confidence: readable && cap !== null ? 1 : 0.6,
      }),
    ];
  }
  if (norm.includes('酌情扣分') || norm.includes('实行扣分制')) {
    return [row({ rule: '扣分', weight: 'points', confidence: 0.8 })];
  }
  if (/交办的其他工作|评价分/.test(norm)) {
    return [row({ rule: '评分', weight: 'share' })];
  }

  const targets = extractTargets(text);
  if (targets.length === 0) {
    return [row({ rule: '达标', target: '是', weight: 'share', confidence: 0.8 })];
  }
  const prefix = /^\s*(\d{1,2})\s*[.、](?!\d)/.exec(norm)?.[1];
  return targets.map((t) =>
    row({
      // 比例 and 差额扣分 take only the ≥ form (SCORING.md 2); other comparators are pass/fail.
      rule: t.comparator === '>=' ? '比例' : '达标',
      target: t.value,
      comparator: t.comparator,
      measure: t.measure,
      content: targets.length === 1 ? text : describe(prefix ? `${prefix}.` : '', t),
      weight: 'share',
      confidence: t.confidence,
    }),
  );
}
