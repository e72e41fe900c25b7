import { formatHundredths, formatRational, rational, toHundredths, type Rational } from './decimal.ts';
import type { IndicatorRow } from './assessment.ts';
import type { IssueCode, Reason } from './messages.ts';
import { cellText, foldText, isBlank } from './text.ts';
import type { IssueParams } from './types.ts';
import {
  COMPARATOR_WORDS, compare, fromFormattedPercent, onPercentScale, readCaseRates, readNumber, readShortfallRate,
  readTarget, readYesNo,
} from './values.ts';
import { RULE_WORDS, isDeductionRule, type AssessmentColumn, type CaseLevel, type RuleWord } from './vocabulary.ts';

export { isDeductionRule, type CaseLevel, type RuleWord };

const RULE_LOOKUP = new Map<string, RuleWord>();
for (const [word, aliases] of Object.entries(RULE_WORDS) as [RuleWord, readonly string[]][]) {
  RULE_LOOKUP.set(foldText(word), word);
  for (const a of aliases) RULE_LOOKUP.set(foldText(a), word);
}

const ruleWordCache = new Map<string, RuleWord | null>();

export function readRuleWord(v: unknown): RuleWord | null {
  const text = cellText(v);
  let rule = ruleWordCache.get(text);
  if (rule === undefined) {
    rule = RULE_LOOKUP.get(foldText(text)) ?? null;
    if (ruleWordCache.size < 10_000) ruleWordCache.set(text, rule);
  }
  return rule;
}

/** Cases of the register that fall on one 按件扣分 row. */
export interface CaseTally {
  serious: number;
  major: number;
}

/** Something worth a second look on a row that was scored all the same. */
export interface RowWarning {
  column: AssessmentColumn;
  code: IssueCode;
  params: IssueParams;
}

export type RowOutcome =
  | { kind: 'scored'; hundredths: number; note: string; warning?: RowWarning; veto?: boolean }
  | { kind: 'missing'; note: string }
  | { kind: 'error'; column: AssessmentColumn; code: IssueCode; params: IssueParams };

export interface RuleContext {
  /** Present when the workbook has a 案件台账. */
  cases: CaseTally | null;
  /** Cap for a deduction row whose 细项分值 is blank: its 项目's 分值. */
  itemPoints: Rational | null;
  /** The sheet has a 佐证材料 column: a bonus then needs its evidence. */
  evidenceColumn: boolean;
}

const err = (column: AssessmentColumn, code: IssueCode, params: IssueParams = {}): RowOutcome =>
  ({ kind: 'error', column, code, params });
const ok = (x: Rational, note: (s: string) => string, extra: Partial<Extract<RowOutcome, { kind: 'scored' }>> = {}): RowOutcome => {
  const h = toHundredths(x);
  return { kind: 'scored', hundredths: h, note: note(formatHundredths(h)), ...extra };
};
const zero = (note: string, extra: Partial<Extract<RowOutcome, { kind: 'scored' }>> = {}): RowOutcome =>
  ({ kind: 'scored', hundredths: 0, note, ...extra });
const fmt = formatRational;

const isOutcome = (x: unknown): x is RowOutcome => typeof x === 'object' && x !== null && 'kind' in x && !('comparator' in x);

function readWeight(row: IndicatorRow, deduction: boolean, ctx: RuleContext): Rational | RowOutcome {
  if (isBlank(row.weight)) {
    if (deduction && ctx.itemPoints) return ctx.itemPoints;
    return err('weight', 'weight-missing');
  }
  const w = readNumber(row.weight, '分');
  const value = cellText(row.weight);
  if (!w.ok) return err('weight', 'weight-unreadable', { value, reason: w.reason });
  if (w.percent) return err('weight', 'weight-unreadable', { value, reason: 'percent' });
  if (rational.isNegative(w.value)) return err('weight', 'weight-unreadable', { value, reason: 'negative' });
  return w.value;
}

function isPercentRow(row: IndicatorRow): boolean {
  return row.targetFormat === 'percent' || (row.measure !== '' && row.measure.normalize('NFKC').includes('%'));
}

function readActualNumber(row: IndicatorRow, percentRow: boolean): Rational | RowOutcome {
  const value = cellText(row.actual);
  if (typeof row.actual === 'number' && row.actualFormat === 'date') return err('actual', 'actual-date', { value });
  if (typeof row.actual === 'number' && row.actualFormat === 'percent') {
    if (!percentRow) return err('actual', 'actual-percent-mismatch', { value: `${fmt(fromFormattedPercent(row.actual))}%` });
    const v = fromFormattedPercent(row.actual);
    return rational.isNegative(v) ? err('actual', 'actual-unreadable', { value, reason: 'negative' }) : v;
  }
  const a = readNumber(row.actual, row.measure);
  if (!a.ok) return err('actual', 'actual-unreadable', { value, reason: a.reason });
  if (a.percent && !percentRow) return err('actual', 'actual-percent-mismatch', { value });
  if (rational.isNegative(a.value)) return err('actual', 'actual-unreadable', { value, reason: 'negative' });
  return onPercentScale(a, percentRow);
}

interface NumericTarget {
  value: Rational;
  comparator: '>=' | '<=' | '<' | '>';
  percentRow: boolean;
}

function targetFailure(row: IndicatorRow, code: IssueCode, reason?: Reason): RowOutcome {
  return err('target', code, reason ? { value: cellText(row.target), reason } : { value: cellText(row.target) });
}

function numericTarget(row: IndicatorRow): NumericTarget | RowOutcome {
  if (typeof row.target === 'number' && row.targetFormat === 'date') return targetFailure(row, 'target-date');
  const t = readTarget(row.target, row.measure, row.targetFormat === 'percent');
  if (!t.ok) return targetFailure(row, t.code, t.reason);
  if (t.target.kind !== 'number') return targetFailure(row, 'target-not-number');
  const { comparator, percent } = t.target;
  const percentRow = isPercentRow(row) || percent;
  return { value: onPercentScale(t.target, percentRow), comparator, percentRow };
}

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

const IMPLAUSIBLE_TIMES = rational.int(100);

/** An entry more than 100 times its target is scored, with a request to check it. */
function implausible(a: Rational, t: Rational, m: string): RowWarning | undefined {
  if (rational.cmp(t, rational.zero) <= 0) return undefined;
  const times = rational.div(a, t);
  if (rational.cmp(times, IMPLAUSIBLE_TIMES) <= 0) return undefined;
  return {
    column: 'actual', code: 'actual-implausible',
    params: { actual: `${fmt(a)}${m}`, target: `${fmt(t)}${m}`, times: formatHundredths(toHundredths(times)) },
  };
}

function readScoreEntry(row: IndicatorRow, what: '评分' | '扣分' | '加分', w: Rational): Rational | RowOutcome {
  const value = cellText(row.actual);
  if (typeof row.actual === 'number' && row.actualFormat === 'date') return err('actual', 'actual-date', { value });
  const a = readNumber(row.actual, '分');
  if (!a.ok) return err('actual', 'score-unreadable', { what, value, reason: a.reason });
  if (a.percent || row.actualFormat === 'percent') return err('actual', 'score-unreadable', { what, value, reason: 'percent' });
  if (rational.isNegative(a.value) || rational.cmp(a.value, w) > 0) {
    return err('actual', 'score-out-of-range', { what, value, max: fmt(w) });
  }
  return a.value;
}

/** Scores one row by its rule word: the rules table of docs/rules.md. */
export function scoreRow(rule: RuleWord, row: IndicatorRow, ctx: RuleContext): RowOutcome {
  if (rule === '按件扣分') return scorePerCase(row, ctx);
  if (rule === '一票否决') return scoreVeto(row);
  const deduction = isDeductionRule(rule);
  const w = readWeight(row, deduction, ctx);
  if (isOutcome(w)) return w;
  // A blank deduction is no deduction, a blank bonus no bonus: neither is the unit's report.
  if (rule === '扣分' && isBlank(row.actual)) return zero('未扣分');
  if (rule === '加分' && isBlank(row.actual)) return zero('未申报加分');
  if (isBlank(row.actual)) return { kind: 'missing', note: '未填报' };

  switch (rule) {
    case '评分': {
      const a = readScoreEntry(row, '评分', w);
      return isOutcome(a) ? a : ok(a, (s) => `评分${s}分`);
    }
    case '扣分': {
      const a = readScoreEntry(row, '扣分', w);
      if (isOutcome(a)) return a;
      if (rational.isZero(a)) return zero('未扣分');
      return ok(rational.neg(a), (s) => `扣${s.replace('-', '')}分`);
    }
    case '加分': {
      const a = readScoreEntry(row, '加分', w);
      if (isOutcome(a)) return a;
      if (rational.isZero(a)) return zero('未申报加分');
      if (ctx.evidenceColumn && isBlank(row.evidence)) {
        return zero(`申报加分${fmt(a)}分，未提供佐证材料，不予加分`, {
          warning: { column: 'evidence', code: 'bonus-no-evidence', params: { claimed: fmt(a) } },
        });
      }
      return ok(a, (s) => `加${s}分`);
    }
    case '比例': {
      const t = numericTarget(row);
      if (isOutcome(t)) return t;
      if (t.comparator !== '>=') return err('target', 'target-comparator', { rule: '比例', value: cellText(row.target) });
      if (rational.cmp(t.value, rational.zero) <= 0) return err('target', 'target-not-positive', { value: cellText(row.target) });
      const a = readActualNumber(row, t.percentRow);
      if (isOutcome(a)) return a;
      const share = rational.min(rational.div(a, t.value), rational.int(1));
      const m = unitText(row, t.percentRow);
      return ok(rational.mul(w, share), (s) => `完成${pair(a, t.value, m, t.percentRow)}（${ratio(a, t.value)}），得${s}分`,
        { warning: implausible(a, t.value, m) });
    }
    case '差额扣分': {
      const t = numericTarget(row);
      if (isOutcome(t)) return t;
      if (t.comparator !== '>=') return err('target', 'target-comparator', { rule: '差额扣分', value: cellText(row.target) });
      const r = readShortfallRate(row.rate);
      if (!r) return isBlank(row.rate) ? err('rate', 'rate-missing') : err('rate', 'rate-unreadable', { value: cellText(row.rate) });
      const a = readActualNumber(row, t.percentRow);
      if (isOutcome(a)) return a;
      const m = unitText(row, t.percentRow);
      const warning = implausible(a, t.value, m);
      const short = rational.max(rational.zero, rational.sub(t.value, a));
      if (rational.isZero(short)) return ok(w, (s) => `完成${pair(a, t.value, m, t.percentRow)}，无差额，得${s}分`, { warning });
      const off = rational.mul(r, short);
      const score = rational.max(rational.zero, rational.sub(w, off));
      return ok(score, (s) => `完成${pair(a, t.value, m, t.percentRow)}，差${fmt(short)}${m}，每${m || '单位'}扣${fmt(r)}分，应扣${fmt(off)}分，得${s}分`);
    }
    case '达标':
      return scoreThreshold(row, w);
  }
  return err('rule', 'rule-unknown', { value: rule });
}

function scoreThreshold(row: IndicatorRow, w: Rational): RowOutcome {
  if (typeof row.target === 'number' && row.targetFormat === 'date') return targetFailure(row, 'target-date');
  const t = isBlank(row.target)
    ? ({ ok: true, target: { kind: 'yes' } } as const)
    : readTarget(row.target, row.measure, row.targetFormat === 'percent');
  if (!t.ok) return targetFailure(row, t.code, t.reason);
  const target = t.target;
  if (target.kind !== 'number') {
    const a = readYesNo(row.actual);
    if (a === null) return err('actual', 'actual-yes-no', { value: cellText(row.actual) });
    const met = a === (target.kind === 'yes');
    const done = a ? '已完成' : '未完成';
    return met ? ok(w, (s) => `${done}，达标，得${s}分`) : zero(`${done}，未达标，得0分`);
  }
  const percentRow = isPercentRow(row) || target.percent;
  const tv = onPercentScale(target, percentRow);
  const a = readActualNumber(row, percentRow);
  if (isOutcome(a)) return a;
  const m = unitText(row, percentRow);
  const goal = `目标${COMPARATOR_WORDS[target.comparator]}${fmt(tv)}${m}`;
  const warning = target.comparator === '>=' || target.comparator === '>' ? implausible(a, tv, m) : undefined;
  return compare(a, target.comparator, tv)
    ? ok(w, (s) => `完成${fmt(a)}${m}，${goal}，达标，得${s}分`, { warning })
    : zero(`完成${fmt(a)}${m}，${goal}，未达标，得0分`, { warning });
}

function scoreVeto(row: IndicatorRow): RowOutcome {
  if (isBlank(row.actual)) return zero('未发生一票否决事项');
  const a = readYesNo(row.actual);
  if (a === null) return err('actual', 'veto-unreadable', { value: cellText(row.actual) });
  return a ? zero('发生一票否决事项：等次为最低等次', { veto: true }) : zero('未发生一票否决事项');
}

function scorePerCase(row: IndicatorRow, ctx: RuleContext): RowOutcome {
  if (!ctx.cases) return err('rule', 'per-case-no-register');
  const w = readWeight(row, true, ctx);
  if (isOutcome(w)) return w;
  const rates = readCaseRates(row.rate);
  if (!rates) return err('rate', 'case-rates-unreadable', { value: cellText(row.rate) });
  const { serious, major } = ctx.cases;
  if (serious + major === 0) return zero('无案件，未扣分');
  const due = rational.add(rational.mul(rates.serious, rational.int(serious)), rational.mul(rates.major, rational.int(major)));
  const tally = [serious ? `严重${serious}起` : '', major ? `特别重大${major}起` : ''].filter(Boolean).join('、');
  if (rational.cmp(due, w) > 0) {
    return ok(rational.neg(w), (s) => `${tally}，应扣${fmt(due)}分，按上限扣${s.replace('-', '')}分`);
  }
  return ok(rational.neg(due), (s) => `${tally}，扣${s.replace('-', '')}分`);
}

export function caseRatesFor(row: IndicatorRow) {
  return readCaseRates(row.rate);
}
