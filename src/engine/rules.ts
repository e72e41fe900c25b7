import { formatHundredths, formatRational, rational, toHundredths, type Rational } from './decimal.ts';
import type { IndicatorRow } from './assessment.ts';
import type { AssessmentColumn } from './headers.ts';
import { cellText, foldText, isBlank } from './text.ts';
import {
  COMPARATOR_WORDS, compare, onPercentScale, readCaseRates, readNumber, readShortfallRate, readTarget, readYesNo,
} from './values.ts';

export type RuleWord = '比例' | '达标' | '差额扣分' | '评分' | '扣分' | '按件扣分';

const RULE_WORDS: Record<string, RuleWord> = {
  比例: '比例', proportional: '比例',
  达标: '达标', threshold: '达标',
  差额扣分: '差额扣分', shortfall: '差额扣分',
  评分: '评分', manual: '评分',
  扣分: '扣分', deduction: '扣分',
  按件扣分: '按件扣分', percase: '按件扣分', 'per-case': '按件扣分',
};

const ruleWordCache = new Map<string, RuleWord | null>();

export function readRuleWord(v: unknown): RuleWord | null {
  const text = cellText(v);
  let rule = ruleWordCache.get(text);
  if (rule === undefined) {
    rule = RULE_WORDS[foldText(text)] ?? null;
    if (ruleWordCache.size < 10_000) ruleWordCache.set(text, rule);
  }
  return rule;
}

export const isDeductionRule = (r: RuleWord): boolean => r === '扣分' || r === '按件扣分';

export type CaseLevel = 'serious' | 'major';

/** Cases of the register that fall on one 按件扣分 row. */
export interface CaseTally {
  serious: number;
  major: number;
}

export type RowOutcome =
  | { kind: 'scored'; hundredths: number; note: string }
  | { kind: 'missing'; note: string }
  | { kind: 'error'; column: AssessmentColumn; message: string };

export interface RuleContext {
  /** Present when the workbook has a 案件台账. */
  cases: CaseTally | null;
  /** Cap for a deduction row whose 细项分值 is blank: its 项目's 分值. */
  itemPoints: Rational | null;
}

const err = (column: AssessmentColumn, message: string): RowOutcome => ({ kind: 'error', column, message });
const ok = (x: Rational, note: (s: string) => string): RowOutcome => {
  const h = toHundredths(x);
  return { kind: 'scored', hundredths: h, note: note(formatHundredths(h)) };
};
const fmt = formatRational;

function readWeight(row: IndicatorRow, deduction: boolean, ctx: RuleContext): Rational | RowOutcome {
  if (isBlank(row.weight)) {
    if (deduction && ctx.itemPoints) return ctx.itemPoints;
    return err('weight', '缺少细项分值');
  }
  const w = readNumber(row.weight, '分');
  if (!w.ok || w.percent) return err('weight', `细项分值“${cellText(row.weight)}”${w.ok ? '不能是百分数' : w.reason}`);
  if (rational.isNegative(w.value)) return err('weight', `细项分值“${cellText(row.weight)}”不能为负数`);
  return w.value;
}

function isPercentRow(row: IndicatorRow): boolean {
  return row.measure !== '' && (row.measure.includes('%') || row.measure.normalize('NFKC').includes('%'));
}

function readActualNumber(row: IndicatorRow, percentRow: boolean): Rational | RowOutcome {
  const a = readNumber(row.actual, row.measure);
  if (!a.ok) return err('actual', `实际完成“${cellText(row.actual)}”${a.reason}`);
  if (a.percent && !percentRow) return err('actual', `实际完成“${cellText(row.actual)}”是百分数，但本行的目标不是百分比`);
  if (rational.isNegative(a.value)) return err('actual', `实际完成“${cellText(row.actual)}”不能为负数`);
  return onPercentScale(a, percentRow);
}

function numericTarget(row: IndicatorRow) {
  const t = readTarget(row.target, row.measure);
  if (!t.ok) return err('target', t.reason);
  if (t.target.kind !== 'number') return err('target', `目标值“${cellText(row.target)}”应为数字`);
  const { comparator, percent } = t.target;
  const percentRow = isPercentRow(row) || percent;
  return { value: onPercentScale(t.target, percentRow), comparator, percentRow };
}

const isOutcome = (x: unknown): x is RowOutcome => typeof x === 'object' && x !== null && 'kind' in x && !('comparator' in x);

function unitText(row: IndicatorRow, percentRow: boolean): string {
  return percentRow ? '%' : row.measure;
}

/** "17/19名", or "63%/90%" on a percentage row. */
function pair(a: Rational, t: Rational, m: string, percentRow: boolean): string {
  return percentRow ? `${fmt(a)}%/${fmt(t)}%` : `${fmt(a)}/${fmt(t)}${m}`;
}

function ratio(a: Rational, t: Rational): string {
  return formatHundredths(toHundredths(rational.mul(rational.div(a, t), rational.int(100)))) + '%';
}

/** Scores one row by its rule word: SCORING.md section 2. */
export function scoreRow(rule: RuleWord, row: IndicatorRow, ctx: RuleContext): RowOutcome {
  const deduction = isDeductionRule(rule);
  if (rule === '按件扣分') return scorePerCase(row, ctx);
  if (rule === '扣分' && isBlank(row.actual)) {
    const w = readWeight(row, true, ctx);
    if (isOutcome(w)) return w;
    return { kind: 'scored', hundredths: 0, note: '未扣分' };
  }
  const w = readWeight(row, deduction, ctx);
  if (isOutcome(w)) return w;
  if (isBlank(row.actual)) return { kind: 'missing', note: '未填报' };

  switch (rule) {
    case '评分':
    case '扣分': {
      const a = readNumber(row.actual, '分');
      const what = rule === '评分' ? '评分' : '扣分';
      if (!a.ok || a.percent) return err('actual', `${what}“${cellText(row.actual)}”${a.ok ? '不能是百分数' : a.reason}`);
      if (rational.isNegative(a.value) || rational.cmp(a.value, w) > 0) {
        return err('actual', `${what}“${cellText(row.actual)}”超出范围，应在0到${fmt(w)}分之间`);
      }
      if (rule === '评分') return ok(a.value, (s) => `评分${s}分`);
      if (rational.isZero(a.value)) return { kind: 'scored', hundredths: 0, note: '未扣分' };
      return ok(rational.sub(rational.zero, a.value), (s) => `扣${s.replace('-', '')}分`);
    }
    case '比例': {
      const t = numericTarget(row);
      if (isOutcome(t)) return t;
      if (t.comparator !== '>=') return err('target', `比例计分的目标值只能是“不少于”形式，“${cellText(row.target)}”不适用`);
      if (rational.cmp(t.value, rational.zero) <= 0) return err('target', `比例计分的目标值必须大于0，现为“${cellText(row.target)}”`);
      const a = readActualNumber(row, t.percentRow);
      if (isOutcome(a)) return a;
      const share = rational.min(rational.div(a, t.value), rational.int(1));
      const m = unitText(row, t.percentRow);
      return ok(rational.mul(w, share), (s) => `完成${pair(a, t.value, m, t.percentRow)}（${ratio(a, t.value)}），得${s}分`);
    }
    case '差额扣分': {
      const t = numericTarget(row);
      if (isOutcome(t)) return t;
      if (t.comparator !== '>=') return err('target', `差额扣分的目标值只能是“不少于”形式，“${cellText(row.target)}”不适用`);
      const r = readShortfallRate(row.rate);
      if (!r) return err('rate', isBlank(row.rate) ? '差额扣分缺少扣分标准（每差一个单位扣几分）' : `扣分标准“${cellText(row.rate)}”无法识别`);
      const a = readActualNumber(row, t.percentRow);
      if (isOutcome(a)) return a;
      const m = unitText(row, t.percentRow);
      const short = rational.max(rational.zero, rational.sub(t.value, a));
      if (rational.isZero(short)) return ok(w, (s) => `完成${pair(a, t.value, m, t.percentRow)}，无差额，得${s}分`);
      const off = rational.mul(r, short);
      const score = rational.max(rational.zero, rational.sub(w, off));
      return ok(score, (s) => `完成${pair(a, t.value, m, t.percentRow)}，差${fmt(short)}${m}，每${m || '单位'}扣${fmt(r)}分，应扣${fmt(off)}分，得${s}分`);
    }
    case '达标': {
      const t = isBlank(row.target) ? ({ ok: true, target: { kind: 'yes' } } as const) : readTarget(row.target, row.measure);
      if (!t.ok) return err('target', t.reason);
      const target = t.target;
      if (target.kind !== 'number') {
        const a = readYesNo(row.actual);
        if (a === null) return err('actual', `实际完成“${cellText(row.actual)}”应填“是”或“否”`);
        const met = a === (target.kind === 'yes');
        const done = a ? '已完成' : '未完成';
        return met ? ok(w, (s) => `${done}，达标，得${s}分`) : { kind: 'scored', hundredths: 0, note: `${done}，未达标，得0分` };
      }
      const percentRow = isPercentRow(row) || target.percent;
      const tv = onPercentScale(target, percentRow);
      const a = readActualNumber(row, percentRow);
      if (isOutcome(a)) return a;
      const m = unitText(row, percentRow);
      const goal = `目标${COMPARATOR_WORDS[target.comparator]}${fmt(tv)}${m}`;
      return compare(a, target.comparator, tv)
        ? ok(w, (s) => `完成${fmt(a)}${m}，${goal}，达标，得${s}分`)
        : { kind: 'scored', hundredths: 0, note: `完成${fmt(a)}${m}，${goal}，未达标，得0分` };
    }
  }
  return err('rule', `未知的计分方式“${rule}”`);
}

function scorePerCase(row: IndicatorRow, ctx: RuleContext): RowOutcome {
  if (!ctx.cases) return err('rule', '按件扣分需要“案件台账”工作表，但工作簿中没有找到');
  const w = readWeight(row, true, ctx);
  if (isOutcome(w)) return w;
  const rates = readCaseRates(row.rate);
  if (!rates) return err('rate', `扣分标准“${cellText(row.rate)}”无法识别，应写成“严重/特别重大”的每起扣分，如 0.5/1`);
  const { serious, major } = ctx.cases;
  if (serious + major === 0) return { kind: 'scored', hundredths: 0, note: '无案件，未扣分' };
  const due = rational.add(rational.mul(rates.serious, rational.int(serious)), rational.mul(rates.major, rational.int(major)));
  const tally = [serious ? `严重${serious}起` : '', major ? `特别重大${major}起` : ''].filter(Boolean).join('、');
  if (rational.cmp(due, w) > 0) {
    return ok(rational.sub(rational.zero, w), (s) => `${tally}，应扣${fmt(due)}分，按上限扣${s.replace('-', '')}分`);
  }
  return ok(rational.sub(rational.zero, due), (s) => `${tally}，扣${s.replace('-', '')}分`);
}

export function caseRatesFor(row: IndicatorRow) {
  return readCaseRates(row.rate);
}
