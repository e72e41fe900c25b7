import { parseChineseInteger } from '../engine/index.ts';
import { MASK } from './distractors';
import type { Comparator, Rule } from './model';
import { extractSpans, itemNumberEnd, strayNumbers, type ExtractedTarget } from './targets';
import { toHalfWidth } from './text';

/** One scoring row read from one numbered item, before the 项目's weights are known. */
export interface ItemRow {
  rule: Rule;
  target: number | '是' | null;
  comparator: Comparator;
  measure: string;
  /** 考核内容 */
  content: string;
  /** a short name for the row in a review list, e.g. 西部计划志愿者 */
  label: string;
  /** 扣分标准 */
  rate: string | null;
  confidence: number;
  /** why a person should check the row (Chinese) */
  notes: string[];
  /**
   * 'share': a share of the 项目's 分值 (see splitWeights);
   * 'points': the 项目's whole 分值 (a deduction capped at it);
   * a number: read from the text (最多扣5分).
   */
  weight: 'share' | 'points' | number;
}

const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)`;
const PER_CASE = new RegExp(`每(?:发生|出现)?一(?:起|件|次)[^。；;]*?扣\\s*${NUM}\\s*分`);
const PER_CASE_SEVERE = new RegExp(`特别重大[^。；;，,]*?扣\\s*${NUM}\\s*分`);
const CAP = new RegExp(`(?:最多|最高|累计最多|最多累计|累计不超过|扣完为止，?最多)扣?\\s*${NUM}\\s*分`);
/** 每少1人扣0.5分: shortfall against the item's target (差额扣分). */
const SHORTFALL = new RegExp(`[，,；;]?\\s*每(?:少|差|缺|减少)(?:报|交|完成|开展|发展|培训|招募|建)?\\s*${NUM}?\\s*(?:名|人|次|个|场|条|篇|天|所|套|项|期|家|户|件|%|个百分点)?\\s*扣\\s*${NUM}\\s*分`);
const DEDUCT = new RegExp(`扣\\s*${NUM}\\s*分`);
const DISCRETIONARY = /酌情扣分|实行扣分制|扣分制/;
const ASSIGNED = /交办/;
const RATING = /评价分|评议|测评|考评|打分|满意度评价/;

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

/** The item's first clause, without its number: a name for rows that have no target of their own. */
export function shortLabel(text: string, max = 24): string {
  const norm = toHalfWidth(text);
  const body = text.slice(itemNumberEnd(norm)).trim();
  const first = body.split(/[，,。；;：:！!？?\n]/)[0].trim() || body;
  return [...first].length > max ? `${[...first].slice(0, max - 1).join('')}…` : first;
}

export interface ClassifyOptions {
  /**
   * Keep every clause of an item that has targets: each target's row shows its own clause, each clause
   * without a target becomes a 达标 row (评分 where it names a rating), so nothing the unit was asked to do
   * is lost. Without it, only the targets are kept, each labelled "3.粉丝数：达到3000人以上".
   */
  clauses?: boolean;
}

/** Clause ends inside an item: ，；。！？ (full and half width, as toHalfWidth leaves them). */
const CLAUSE_END = /[，,；;。！!？?]/g;

/** [start, end) of each clause of `norm` after `from`, without its end mark; empty clauses are left out. */
function clauseSpans(norm: string, from: number): [number, number][] {
  const spans: [number, number][] = [];
  let start = from;
  const ends = new RegExp(CLAUSE_END);
  ends.lastIndex = from;
  for (let m = ends.exec(norm); ; m = ends.exec(norm)) {
    const end = m ? m.index : norm.length;
    if (norm.slice(start, end).trim() !== '') spans.push([start, end]);
    if (!m) break;
    start = end + 1;
  }
  return spans;
}

/** A rate (配备率、达标率) held to a percentage is a threshold: met or not, never scored in proportion. */
const RATE = /率[^，,；;。]*$/;

/**
 * What one numbered item asks for, as scoring rows:
 * - 每发生一起扣X分，特别重大的扣Y分，最多扣Z分 → 按件扣分, 扣分标准 "X/Y", weight Z;
 * - 酌情扣分, 实行扣分制 → one 扣分 row capped at the 项目's 分值;
 * - a target with 每少1人扣0.5分 → 差额扣分 with 扣分标准 0.5;
 * - 交办的其他工作, 评价分 → 评分;
 * - measurable targets → one row per target: 比例 for ≥ targets, 达标 for ≤ < >;
 * - 扣X分 on a condition → one 扣分 row capped at X, to be checked;
 * - anything else → one 达标 row with target 是.
 * Numbers that none of this explains lower the confidence, so the row is flagged for a person.
 */
export function classifyItem(text: string, options: ClassifyOptions = {}): ItemRow[] {
  const norm = toHalfWidth(text);
  const row = (over: Partial<ItemRow> & Pick<ItemRow, 'rule' | 'weight'>): ItemRow => ({
    target: null,
    comparator: '>=',
    measure: '',
    content: text,
    label: shortLabel(text),
    rate: null,
    confidence: 1,
    notes: [],
    ...over,
  });

  const perCase = PER_CASE.exec(norm);
  if (perCase) {
    const each = readNumber(perCase[1]);
    const severeMatch = PER_CASE_SEVERE.exec(norm);
    const severe = severeMatch ? readNumber(severeMatch[1]) : each;
    const capMatch = CAP.exec(norm);
    const cap = capMatch ? readNumber(capMatch[1]) : null;
    const readable = each !== null && severe !== null;
    const notes = [
      ...(readable ? [] : ['每起案件的扣分无法读出，请填写扣分标准']),
      ...(cap !== null ? [] : ['没有写明最多扣几分，暂以项目分值为上限']),
    ];
    return [
      row({
        rule: '按件扣分',
        rate: readable ? `${each}/${severe}` : null,
        weight: cap ?? 'points',
        confidence: notes.length === 0 ? 1 : 0.6,
        notes,
      }),
    ];
  }
  if (DISCRETIONARY.test(norm)) {
    const capMatch = CAP.exec(norm);
    const cap = capMatch ? readNumber(capMatch[1]) : null;
    return [row({ rule: '扣分', weight: cap ?? 'points', confidence: 0.8 })];
  }
  if (ASSIGNED.test(norm) || (RATING.test(norm) && extractSpans(text).length === 0)) {
    return [row({ rule: '评分', weight: 'share' })];
  }

  // The shortfall clause itself (每少1人) holds a number that is no target: hide it from the extractor.
  const shortfall = SHORTFALL.exec(norm);
  const readText = shortfall
    ? text.slice(0, shortfall.index) + MASK.repeat(shortfall[0].length) + text.slice(shortfall.index + shortfall[0].length)
    : text;
  const targets = extractSpans(readText);
  const stray = strayNumbers(readText, targets);
  const strayNote = stray.length > 0 ? [`另有数字未识别为目标：${stray.join('、')}`] : [];

  if (targets.length === 0) {
    const deduct = DEDUCT.exec(norm);
    if (deduct) {
      const capMatch = CAP.exec(norm);
      const cap = readNumber((capMatch ?? deduct)[1]);
      return [
        row({ rule: '扣分', weight: cap ?? 'points', confidence: 0.6, notes: ['按条件扣分，请核对扣分上限和计分方式'] }),
      ];
    }
    return [
      row({
        rule: '达标',
        target: '是',
        weight: 'share',
        confidence: stray.length > 0 ? 0.5 : 0.8,
        notes: strayNote,
      }),
    ];
  }

  let rate: string | null = null;
  if (shortfall) {
    const per = shortfall[1] === undefined ? 1 : readNumber(shortfall[1]);
    const points = readNumber(shortfall[2]);
    rate = per !== null && per > 0 && points !== null ? String(Math.round((points / per) * 10_000) / 10_000) : null;
  }
  const prefix = /^\s*(\d{1,2})\s*[.、](?:(?!\d)|(?=\d{4}\s*年))/.exec(norm)?.[1];
  const ruleOf = (t: ExtractedTarget & { start: number }): Rule => {
    // 比例 and 差额扣分 take only the ≥ form (docs/rules.md); other comparators and rates are pass/fail.
    if (t.comparator !== '>=' || (t.measure === '%' && RATE.test(norm.slice(0, t.start)))) return '达标';
    return rate !== null ? '差额扣分' : '比例';
  };
  const targetRow = (t: (typeof targets)[number], content: string): ItemRow => {
    const rule = ruleOf(t);
    const notes = [...t.notes, ...strayNote];
    if (shortfall && rate === null) notes.push('扣分标准无法读出，按比例计分');
    return row({
      rule,
      target: t.value,
      comparator: t.comparator,
      measure: t.measure,
      content,
      label: t.label,
      rate: rule === '差额扣分' ? rate : null,
      weight: 'share',
      confidence: stray.length > 0 ? Math.min(t.confidence, 0.6) : t.confidence,
      notes,
    });
  };
  if (!options.clauses || targets.length === 0) {
    return targets.map((t) => targetRow(t, targets.length === 1 ? text : describe(prefix ? `${prefix}.` : '', t)));
  }

  // Every clause in its own row: the targets' clauses, and each clause without a target as a task of its own.
  const lead = prefix ? `${prefix}.` : '';
  const rows: ItemRow[] = [];
  for (const [start, end] of clauseSpans(norm, itemNumberEnd(norm))) {
    const clause = text.slice(start, end).trim();
    const inClause = targets.filter((t) => t.start >= start && t.start < end);
    if (inClause.length === 0) {
      // 每少1人扣0.5分 and other deduction wording belong to the clause before them.
      if (rows.length > 0 && DEDUCT.test(toHalfWidth(clause))) {
        const last = rows[rows.length - 1];
        rows[rows.length - 1] = { ...last, content: `${last.content}，${clause}` };
        continue;
      }
      const rating = ASSIGNED.test(clause) || RATING.test(clause);
      rows.push(row({ rule: rating ? '评分' : '达标', target: rating ? null : '是', content: `${lead}${clause}`, label: shortLabel(clause), weight: 'share', confidence: 0.8 }));
      continue;
    }
    for (const t of inClause) {
      const own = inClause.length === 1 ? '' : `（${describe('', t)}）`;
      rows.push(targetRow(t, `${lead}${clause}${own}`));
    }
  }
  return rows;
}
