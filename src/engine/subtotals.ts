/** What the rows of one 项目 add up to, in hundredths. */
export interface ItemTally {
  positive: number;
  deductions: number; // ≥ 0
  hasPositiveRow: boolean;
}

/**
 * clamp(Σ positive − Σ deductions, 0, 分值); a 项目 with no positive row is scored by deduction:
 * clamp(分值 − Σ deductions, 0, 分值). Row scores are already whole hundredths, so this is exact.
 */
export function itemScore(points: number, t: ItemTally): number {
  const raw = t.hasPositiveRow ? t.positive - t.deductions : points - t.deductions;
  return Math.min(points, Math.max(0, raw));
}

/** Competition ranking, as Excel's and WPS's RANK do: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
export function rankTotals(totals: number[]): number[] {
  const order = totals.map((_, i) => i).sort((a, b) => totals[b] - totals[a]);
  const ranks = new Array<number>(totals.length);
  order.forEach((u, pos) => {
    const prev = order[pos - 1];
    ranks[u] = pos > 0 && totals[prev] === totals[u] ? ranks[prev] : pos + 1;
  });
  return ranks;
}
