/**
 * Exact rational numbers for scoring. Every value typed in a workbook is a finite decimal,
 * and every rule is a few multiplications and divisions, so a bigint fraction never loses a digit.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses a plain decimal such as "12", "-0.5", "1e-7" or ".25". Returns null for anything else. */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  if (Math.abs(exp) > 400) return null;
  let n = BigInt((m[2] || '0') + frac);
  if (m[1] === '-') n = -n;
  return exp >= 0 ? make(n * 10n ** BigInt(exp), 1n) : make(n, 10n ** BigInt(-exp));
}

/** A JS number as the decimal it displays as (0.1 is one tenth, not its binary neighbour). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return parseDecimal(String(x))!;
}

export const rational = {
  zero: ZERO,
  int: (k: number | bigint): Rational => ({ n: BigInt(k), d: 1n }),
  add: (a: Rational, b: Rational): Rational => make(a.n * b.d + b.n * a.d, a.d * b.d),
  sub: (a: Rational, b: Rational): Rational => make(a.n * b.d - b.n * a.d, a.d * b.d),
  mul: (a: Rational, b: Rational): Rational => make(a.n * b.n, a.d * b.d),
  div: (a: Rational, b: Rational): Rational => {
    if (b.n === 0n) throw new RangeError('division by zero');
    return make(a.n * b.d, a.d * b.n);
  },
  cmp: (a: Rational, b: Rational): number => {
    const l = a.n * b.d;
    const r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  },
  min: (a: Rational, b: Rational): Rational => (rational.cmp(a, b) <= 0 ? a : b),
  max: (a: Rational, b: Rational): Rational => (rational.cmp(a, b) >= 0 ? a : b),
  isZero: (a: Rational): boolean => a.n === 0n,
  isNegative: (a: Rational): boolean => a.n < 0n,
};

/** Rounds to whole hundredths, halves away from zero as Excel's ROUND(x, 2) does. */
export function toHundredths(x: Rational): number {
  const scaled = x.n * 100n;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const q = (abs * 2n + x.d) / (2n * x.d);
  return Number(neg ? -q : q);
}

/** Hundredths back to a JS number for writing into a cell (exact: k / 100 is the shortest decimal). */
export function hundredthsToNumber(h: number): number {
  return h / 100;
}

/** "2.68", "3", "1.5", "-0.5": hundredths as an assessor writes them, without trailing zeros. */
export function formatHundredths(h: number): string {
  const neg = h < 0;
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const fracText = frac === 0 ? '' : '.' + String(frac).padStart(2, '0').replace(/0$/, '');
  return (neg ? '-' : '') + whole + fracText;
}

/** A rational as an assessor reads it: exact when it is a short decimal, else rounded to 2 places. */
export function formatRational(x: Rational): string {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d === 1n) {
    // Terminating decimal: print it in full.
    let scale = 0n;
    let den = x.d;
    while (den !== 1n && 10n ** scale % den !== 0n) scale++;
    const digits = (x.n * (10n ** scale / den)).toString();
    const neg = digits.startsWith('-');
    const body = (neg ? digits.slice(1) : digits).padStart(Number(scale) + 1, '0');
    const intPart = body.slice(0, body.length - Number(scale));
    const fracPart = body.slice(body.length - Number(scale)).replace(/0+$/, '');
    return (neg ? '-' : '') + intPart + (fracPart ? '.' + fracPart : '');
  }
  return formatHundredths(toHundredths(x));
}
