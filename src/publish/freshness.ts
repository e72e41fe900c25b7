import { a1, cellText, isBlank, type CellWrite, type SheetInput } from '../engine/index.ts';

export interface StaleCell {
  sheet: string;
  cell: string;
  found: string;
  expected: string;
}

const shown = (v: unknown): string => (isBlank(v) ? '（空）' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : cellText(v));

function same(found: unknown, expected: CellWrite['value']): boolean {
  if (expected === null) return isBlank(found);
  if (typeof expected === 'number') return typeof found === 'number' && Math.abs(found - expected) < 0.005;
  return cellText(found) === expected;
}

/**
 * The output cells whose value differs from what scoring the workbook as it is writes. A workbook just scored
 * has none (scoring is idempotent); one never scored, or whose entries changed after scoring, has some, and a
 * ranking published from it would not be the one its 汇总 shows.
 */
export function staleCells(sheets: readonly SheetInput[], writes: readonly CellWrite[]): StaleCell[] {
  const grids = new Map(sheets.map((s) => [s.name, s.grid]));
  const out: StaleCell[] = [];
  for (const w of writes) {
    const found = grids.get(w.sheet)?.[w.row]?.[w.col] ?? null;
    if (!same(found, w.value)) out.push({ sheet: w.sheet, cell: a1(w.row, w.col), found: shown(found), expected: shown(w.value) });
  }
  return out;
}
