import { foldText, isBlank } from './text.ts';
import type { CellWrite, Grid } from './types.ts';

export interface SummaryUnit {
  unit: string;
  items: Map<string, number>; // item key → hundredths
  categories: Map<string, number>;
  /** Hundredths; null for a unit that cannot be scored. */
  total: number | null;
  rank: number | null;
  grade: string | null;
  selfTotal: number | null;
  cut: number | null;
  status: string;
}

export interface SummaryOptions {
  grades: boolean;
  selfScores: boolean;
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
 * The 汇总 table from A1: 单位 | 项目… | 类别小计… | 总分 | 排名 | 等次 | 自评总分 | 核减 | 状态, one row per unit
 * (等次 where the workbook has a 等次标准, 自评总分 and 核减 where any unit typed a 自评分). The scorer owns the
 * sheet whole: every other value in it, of an earlier run or an earlier layout, is cleared.
 */
export function summaryWrites(
  sheet: string,
  existing: Grid | null,
  items: SummaryColumn[],
  categories: string[],
  units: SummaryUnit[],
  options: SummaryOptions,
): CellWrite[] {
  const header = [
    '单位', ...items.map((c) => c.label), ...categories.map((c) => `${c}小计`), '总分', '排名',
    ...(options.grades ? ['等次'] : []), ...(options.selfScores ? ['自评总分', '核减'] : []), '状态',
  ];
  const rows: (number | string | null)[][] = [header];
  const score = (h: number | null | undefined) => (h === null || h === undefined ? null : h / 100);
  for (const u of units) {
    rows.push([
      u.unit,
      ...items.map((c) => score(u.items.get(c.key))),
      ...categories.map((c) => score(u.categories.get(c))),
      score(u.total),
      u.rank,
      ...(options.grades ? [u.grade] : []),
      ...(options.selfScores ? [score(u.selfTotal), score(u.cut)] : []),
      u.status,
    ]);
  }
  const scoreColumns = new Set<number>();
  for (let c = 1; c < header.length; c++) if (header[c] !== '排名' && header[c] !== '等次' && header[c] !== '状态') scoreColumns.add(c);

  const writes: CellWrite[] = [];
  const blank = (r: number, c: number) => isBlank(existing?.[r]?.[c]);
  rows.forEach((cells, r) => cells.forEach((value, col) => {
    if (value === null) {
      if (!blank(r, col)) writes.push({ sheet, row: r, col, value: null });
      return;
    }
    const w: CellWrite = { sheet, row: r, col, value };
    if (r > 0 && typeof value === 'number' && scoreColumns.has(col)) w.numberFormat = '0.00';
    writes.push(w);
  }));
  for (let r = 0; r < (existing?.length ?? 0); r++) {
    const line = existing![r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      const covered = r < rows.length && c < header.length;
      if (!covered && !isBlank(line[c])) writes.push({ sheet, row: r, col: c, value: null });
    }
  }
  return writes;
}
