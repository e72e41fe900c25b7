import { foldText, isBlank } from './text.ts';
import type { CellWrite, Grid } from './types.ts';

export interface SummaryUnit {
  unit: string;
  items: Map<string, number>; // item key → hundredths
  categories: Map<string, number>;
  total: number;
  rank: number;
  status: string;
}

export interface SummaryColumn {
  key: string;
  label: string;
}

export const itemKey = (category: string, item: string): string => `${category}\u0000${item}`;

/** 项目 columns in first-seen order; a name used under two 类别 is written 类别·项目. */
export function summaryItemColumns(seen: { category: string; item: string }[]): SummaryColumn[] {
  const keys = new Map<string, { category: string; item: string }>();
  for (const s of seen) if (!keys.has(itemKey(s.category, s.item))) keys.set(itemKey(s.category, s.item), s);
  const counts = new Map<string, number>();
  for (const { item } of keys.values()) counts.set(foldText(item), (counts.get(foldText(item)) ?? 0) + 1);
  return [...keys].map(([key, { category, item }]) => ({
    key,
    label: (counts.get(foldText(item)) ?? 0) > 1 ? `${category}·${item}` : item,
  }));
}

/**
 * The 汇总 table from A1: 单位 | 项目… | 类别小计… | 总分 | 排名 | 状态, one row per unit.
 * Cells of an earlier table that the new one no longer covers are cleared; anything outside
 * the earlier table's block (a note of the user's beside it) is left alone.
 */
export function summaryWrites(
  sheet: string,
  existing: Grid | null,
  items: SummaryColumn[],
  categories: string[],
  units: SummaryUnit[],
): CellWrite[] {
  const header = ['单位', ...items.map((c) => c.label), ...categories.map((c) => `${c}小计`), '总分', '排名', '状态'];
  const writes: CellWrite[] = header.map((value, col) => ({ sheet, row: 0, col, value }));
  units.forEach((u, i) => {
    const row = i + 1;
    const cells: (number | string | null)[] = [
      u.unit,
      ...items.map((c) => (u.items.has(c.key) ? u.items.get(c.key)! / 100 : null)),
      ...categories.map((c) => (u.categories.has(c) ? u.categories.get(c)! / 100 : null)),
      u.total / 100,
    ];
    cells.forEach((value, col) => {
      const w: CellWrite = { sheet, row, col, value };
      if (col > 0 && value !== null) w.numberFormat = '0.00';
      writes.push(w);
    });
    writes.push({ sheet, row, col: cells.length, value: u.rank });
    writes.push({ sheet, row, col: cells.length + 1, value: u.status });
  });

  if (existing && existing.length > 0) {
    let width = 0;
    const top = existing[0] ?? [];
    while (width < top.length && !isBlank(top[width])) width++;
    let height = 1;
    while (height < existing.length && !isBlank(existing[height]?.[0])) height++;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const covered = r <= units.length && c < header.length;
        if (!covered && !isBlank(existing[r]?.[c])) writes.push({ sheet, row: r, col: c, value: null });
      }
    }
  }
  return writes;
}
