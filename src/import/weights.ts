/** `total` units over `n` equal shares; the remainder goes one unit each to the earliest shares. */
function apportion(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * Default 细项分值: `points` split equally over the items, then each item's share equally over its
 * parts (its positive targets), in steps of 0.5 by largest remainder (ties: earlier first); in hundredths
 * where the 分值 is no multiple of 0.5, or where half points would leave some row with 0; equally over the rows
 * where even hundredths per item would leave one at 0.
 * `parts[i]` is how many positive rows item i has; an item with 0 parts (a deduction) gets nothing.
 * The result always adds up exactly to `points`; splitWeights(15, [1, 1, 1, 1]) → [[4], [4], [3.5], [3.5]].
 */
export function splitWeights(points: number, parts: readonly number[]): number[][] {
  const halves = Number.isInteger(points * 2) ? split(points, parts, 2) : null;
  if (halves && !halves.some((w) => w.includes(0))) return halves;
  const hundredths = split(points, parts, 100);
  if (!hundredths.some((w) => w.includes(0))) return hundredths;
  // Too little for equal items: every row gets an equal share instead, so that none is left at 0.
  const rows = hundredths.flat().length;
  const total = Math.round(points * 100);
  if (rows === 0 || total < rows) return hundredths;
  const shares = apportion(total, rows).map((u) => u / 100);
  let next = 0;
  return hundredths.map((w) => w.map(() => shares[next++]));
}

function split(points: number, parts: readonly number[], step: number): number[][] {
  const total = Math.round(points * step);
  const counts = parts.map((p) => (Number.isFinite(p) && p > 0 ? Math.floor(p) : 0));
  const scoring = counts.filter((c) => c > 0).length;
  if (scoring === 0 || total <= 0) return counts.map((c) => new Array<number>(c).fill(0));

  const itemShares = apportion(total, scoring);
  let next = 0;
  return counts.map((c) => (c === 0 ? [] : apportion(itemShares[next++], c).map((u) => u / step)));
}
