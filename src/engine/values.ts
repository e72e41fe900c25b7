import { fromNumber, parseDecimal, rational, type Rational } from './decimal.ts';
import { parseChineseInteger } from './numerals.ts';
import type { Reason } from './messages.ts';
import type { CellValue } from './types.ts';
import {
  COMPARATOR_WORDS, NO_WORDS, PREFIX_COMPARATORS, SUFFIX_COMPARATORS, YES_WORDS, foldText, type Comparator,
} from './vocabulary.ts';

export { COMPARATOR_WORDS, type Comparator };

/** Measure words a unit may type after a number: 19名, 3次, 40人. */
export const MEASURE_WORDS = [
  '万元', '人次', '名', '人', '次', '个', '场', '条', '篇', '天', '所', '套', '项', '期', '家', '户', '元',
  '件', '起', '份', '批', '支', '处', '本', '部', '分', '小时', '课时', '所学校', '位',
];

export type ReadNumber =
  | { ok: true; value: Rational; percent: boolean }
  | { ok: false; reason: Reason };

function fail(reason: Reason): ReadNumber {
  return { ok: false, reason };
}

/** No indicator counts beyond this; larger values are typing slips and would overflow exact hundredths. */
const LARGEST = 1e12;

function inRange(r: ReadNumber): ReadNumber {
  if (!r.ok) return r;
  const big = rational.cmp(r.value, rational.int(LARGEST)) > 0 || rational.cmp(r.value, rational.int(-LARGEST)) < 0;
  return big ? fail('too-large') : r;
}

function stripMeasure(s: string, extra: string): string {
  const words = extra ? [extra, ...MEASURE_WORDS] : MEASURE_WORDS;
  for (const w of words) if (w && s.length > w.length && s.endsWith(w)) return s.slice(0, -w.length);
  return s;
}

/**
 * Reads a quantity as a unit types it: 19, "１９", "3,000", "19名", "十九", "一百零五", "90%".
 * `measure` is the row's 计量单位, accepted as a trailing word too. A leading sign is kept so
 * that callers can refuse negatives with their own message.
 */
export function readNumber(v: CellValue, measure = ''): ReadNumber {
  return inRange(readAnyNumber(v, measure));
}

function readAnyNumber(v: CellValue, measure: string): ReadNumber {
  if (v === null) return fail('blank');
  if (typeof v === 'boolean') return fail('boolean');
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('not-finite');
    return { ok: true, value: fromNumber(v), percent: false };
  }
  let s = v.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (s === '') return fail('blank');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else {
    s = stripMeasure(s, measure.normalize('NFKC').trim());
    if (s.startsWith('百分之')) {
      percent = true;
      s = s.slice(3);
    }
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const dec = parseDecimal(s);
  if (dec) return { ok: true, value: dec, percent };
  const neg = s.startsWith('-') || s.startsWith('负');
  const body = neg ? s.slice(1) : s;
  const cn = parseChineseInteger(body);
  if (cn !== null) return { ok: true, value: rational.int(neg ? -cn : cn), percent };
  return fail('not-number');
}

/** Puts a number read from a cell on the percent scale when the row is a percentage: 0.9 and 90 both mean 90%. */
export function onPercentScale(r: { value: Rational; percent: boolean }, percentRow: boolean): Rational {
  if (!percentRow || r.percent) return r.value;
  // Excel stores a cell formatted as 90% as 0.9; a typed 90 already means 90%.
  const one = rational.int(1);
  if (!rational.isNegative(r.value) && rational.cmp(r.value, one) <= 0) return rational.mul(r.value, rational.int(100));
  return r.value;
}

const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/** 是/否 and its spellings; null when the text is neither. */
export function readYesNo(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  const s = foldText(v);
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

export type Target =
  | { kind: 'number'; value: Rational; comparator: Comparator; percent: boolean; explicit: boolean }
  | { kind: 'yes' }
  | { kind: 'no' };

export type ReadTarget =
  | { ok: true; target: Target }
  | { ok: false; code: 'target-missing' | 'target-contradictory' | 'target-unreadable'; reason?: Reason };

/**
 * Reads a 目标值: 19, "≥19", "不少于19名", "3000人以上", "不超过5%", "是". A number in a cell formatted as a
 * percentage is what the cell shows: 0.9 with a % format is 90%.
 */
export function readTarget(v: CellValue, measure: string, percentFormat = false): ReadTarget {
  const yn = readYesNo(v);
  if (yn !== null) return { ok: true, target: yn ? { kind: 'yes' } : { kind: 'no' } };
  if (v === null) return { ok: false, code: 'target-missing' };
  if (typeof v === 'number' && percentFormat) {
    const n = readNumber(v);
    if (!n.ok) return { ok: false, code: 'target-unreadable', reason: n.reason };
    return { ok: true, target: { kind: 'number', value: fromFormattedPercent(v), comparator: '>=', percent: true, explicit: false } };
  }
  let s = typeof v === 'string' ? v.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '') : v;
  let comparator: Comparator = '>=';
  let explicit = false;
  if (typeof s === 'string') {
    for (const [word, c] of PREFIX_COMPARATORS) {
      if (s.startsWith(word)) {
        comparator = c;
        explicit = true;
        s = s.slice(word.length);
        break;
      }
    }
    for (const [word, c] of SUFFIX_COMPARATORS) {
      if (s.endsWith(word)) {
        // 达到3000人以上 reads as ≥ 3000 whichever word carries it.
        if (explicit && c !== comparator) return { ok: false, code: 'target-contradictory' };
        comparator = c;
        explicit = true;
        s = s.slice(0, -word.length);
        break;
      }
    }
  }
  const n = readNumber(s, measure);
  if (!n.ok) return { ok: false, code: 'target-unreadable', reason: n.reason };
  return { ok: true, target: { kind: 'number', value: n.value, comparator, percent: n.percent, explicit } };
}

/** A number shown with a % format, on the percent scale: Excel stores 92% as 0.92. */
export function fromFormattedPercent(v: number): Rational {
  return rational.mul(fromNumber(v), rational.int(100));
}

export function compare(a: Rational, c: Comparator, t: Rational): boolean {
  const k = rational.cmp(a, t);
  switch (c) {
    case '>=': return k >= 0;
    case '<=': return k <= 0;
    case '<': return k < 0;
    case '>': return k > 0;
  }
}

/** 按件扣分 rates "严重/特别重大", e.g. "0.5/1"; blank means the contract's default 0.5/1. */
export function readCaseRates(v: CellValue): { serious: Rational; major: Rational } | null {
  if (v === null || (typeof v === 'string' && v.trim() === '')) {
    return { serious: parseDecimal('0.5')!, major: rational.int(1) };
  }
  const s = String(v).normalize('NFKC').replace(/严重|特别重大|重大|分|[\s\u3000]/g, '');
  const parts = s.split(/[/、,;；]/).filter((p) => p !== '');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => parseDecimal(p));
  if (!a || !b || rational.isNegative(a) || rational.isNegative(b)) return null;
  return { serious: a, major: b };
}

/** 差额扣分 rate in points per unit short: "0.5", "0.5分", "每少1名扣0.5分", "每少2人扣1分". */
export function readShortfallRate(v: CellValue): Rational | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? fromNumber(v) : null;
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  const per = /^每(?:少|差|缺)?(\d+(?:\.\d+)?)?[^\d扣]*扣(\d+(?:\.\d+)?)分?$/.exec(s);
  if (per) {
    const unit = parseDecimal(per[1] ?? '1')!;
    const pts = parseDecimal(per[2])!;
    return rational.isZero(unit) ? null : rational.div(pts, unit);
  }
  const plain = /^(\d+(?:\.\d+)?)(?:分)?(?:\/.*)?$/.exec(s);
  return plain ? parseDecimal(plain[1]) : null;
}
