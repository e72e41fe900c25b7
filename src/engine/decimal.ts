/**
 * Exact rational numbers for scoring. Every value typed in a workbook is a finite decimal, and every rule is a
 * few multiplications and divisions, so a fraction never loses a digit. Fractions whose parts fit in a safe
 * integer stay plain numbers (the common case, and fast); anything larger moves to bigint and back.
 */
export type Rational =
  | { readonly big: false; readonly n: number; readonly d: number }
  | { readonly big: true; readonly n: bigint; readonly d: bigint };

const MAX = Number.MAX_SAFE_INTEGER;
const safe = (x: number) => x <= MAX && x >= -MAX;

function gcdNum(a: number, b: number): number {
  a = Math.abs(a);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function small(n: number, d: number): Rational {
  if (d < 0) [n, d] = [-n, -d];
  const g = gcdNum(n, d);
  return g > 1 ? { big: false, n: n / g, d: d / g } : { big: false, n, d };
}

function big(n: bigint, d: bigint): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcdBig(n, d);
  if (g > 1n) [n, d] = [n / g, d / g];
  const bn = BigInt(MAX);
  return n <= bn && n >= -bn && d <= bn ? { big: false, n: Number(n), d: Number(d) } : { big: true, n, d };
}

const N = (x: Rational): bigint => (x.big ? x.n : BigInt(x.n));
const D = (x: Rational): bigint => (x.big ? x.d : BigInt(x.d));

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
  return exp >= 0 ? big(n * 10n ** BigInt(exp), 1n) : big(n, 10n ** BigInt(-exp));
}

/** A JS number as the decimal it displays as (0.1 is one tenth, not its binary neighbour). */
export function fromNumber(x: number): Rational {
  if (Number.isSafeInteger(x)) return { big: false, n: x, d: 1 };
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const text = String(x);
  const dot = text.indexOf('.');
  // Most cells hold short decimals such as 1.5 or 0.85: read them without bigint.
  if (dot > 0 && text.length <= 16 && text.indexOf('e') < 0) {
    const frac = text.length - dot - 1;
    return small(Number(text.slice(0, dot) + text.slice(dot + 1)), 10 ** frac);
  }
  return parseDecimal(text)!;
}

export const rational = {
  zero: { big: false, n: 0, d: 1 } as Rational,
  int: (k: number): Rational => fromNumber(k),
  add(a: Rational, b: Rational): Rational {
    if (!a.big && !b.big) {
      const l = a.n * b.d;
      const r = b.n * a.d;
      const d = a.d * b.d;
      if (safe(l) && safe(r) && safe(l + r) && safe(d)) return small(l + r, d);
    }
    return big(N(a) * D(b) + N(b) * D(a), D(a) * D(b));
  },
  sub: (a: Rational, b: Rational): Rational => rational.add(a, rational.neg(b)),
  neg: (a: Rational): Rational => (a.big ? { big: true, n: -a.n, d: a.d } : { big: false, n: -a.n, d: a.d }),
  mul(a: Rational, b: Rational): Rational {
    if (!a.big && !b.big) {
      const n = a.n * b.n;
      const d = a.d * b.d;
      if (safe(n) && safe(d)) return small(n, d);
    }
    return big(N(a) * N(b), D(a) * D(b));
  },
  div(a: Rational, b: Rational): Rational {
    if (rational.isZero(b)) throw new RangeError('division by zero');
    if (!a.big && !b.big) {
      const n = a.n * b.d;
      const d = a.d * b.n;
      if (safe(n) && safe(d)) return small(n, d);
    }
    return big(N(a) * D(b), D(a) * N(b));
  },
  cmp(a: Rational, b: Rational): number {
    if (!a.big && !b.big) {
      const l = a.n * b.d;
      const r = b.n * a.d;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = N(a) * D(b);
    const r = N(b) * D(a);
    return l < r ? -1 : l > r ? 1 : 0;
  },
  min: (a: Rational, b: Rational): Rational => (rational.cmp(a, b) <= 0 ? a : b),
  max: (a: Rational, b: Rational): Rational => (rational.cmp(a, b) >= 0 ? a : b),
  isZero: (a: Rational): boolean => (a.big ? a.n === 0n : a.n === 0),
  isNegative: (a: Rational): boolean => (a.big ? a.n < 0n : a.n < 0),
};

/** Rounds to whole hundredths, halves away from zero as Excel's ROUND(x, 2) does. */
export function toHundredths(x: Rational): number {
  if (!x.big) {
    const abs = Math.abs(x.n) * 200 + x.d; // round(|n|·100/d) = floor((200|n| + d) / 2d)
    const den = 2 * x.d;
    if (safe(abs) && safe(den)) {
      let q = Math.floor(abs / den);
      // Float division can land one off for large operands; correct it exactly.
      if (q * den > abs) q--;
      else if ((q + 1) * den <= abs) q++;
      return x.n < 0 ? -q : q;
    }
  }
  const n = N(x) * 100n;
  const d = D(x);
  const neg = n < 0n;
  const q = ((neg ? -n : n) * 2n + d) / (2n * d);
  return Number(neg ? -q : q);
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
  if (!x.big && x.d === 1) return String(x.n);
  let d = D(x);
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n || D(x) > 10n ** 30n) return formatHundredths(toHundredths(x));
  // A terminating decimal: print it in full.
  const den = D(x);
  let scale = 0n;
  while (10n ** scale % den !== 0n) scale++;
  const digits = (N(x) * (10n ** scale / den)).toString();
  const neg = digits.startsWith('-');
  const body = (neg ? digits.slice(1) : digits).padStart(Number(scale) + 1, '0');
  const intPart = body.slice(0, body.length - Number(scale));
  const fracPart = body.slice(body.length - Number(scale)).replace(/0+$/, '');
  return (neg ? '-' : '') + intPart + (fracPart ? '.' + fracPart : '');
}
