import { cellText, foldHeader, isBlank, isSummarySheet, type SheetInput } from '../engine/index.ts';
import type { LastYearEntry } from './ranking.ts';
import { unitKey } from './ranking.ts';

export interface LastYear {
  /** unitKey(name) → its published total and rank. */
  units: Map<string, LastYearEntry>;
  /** The unit names in the 汇总's order. */
  order: string[];
}

/** Why last year's workbook cannot be compared with; the message is Chinese first. */
export class LastYearRefusal extends Error {}

const numberOr = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
};

/**
 * Last year's totals and ranks as its 汇总 published them, not scored again: the rules or the entries may have
 * changed since, and the comparison is with what was made public. 单位, 总分 and 排名 are found by their header.
 */
export function readLastYear(sheets: readonly SheetInput[]): LastYear {
  const summary = sheets.find((s) => isSummarySheet(s.name));
  if (!summary) throw new LastYearRefusal('没有“汇总”工作表：上年的工作簿要先计分，才有可比较的总分和排名。/ no 汇总 sheet: last year\'s workbook must be scored first.');
  const header = summary.grid[0] ?? [];
  const col = (name: string) => header.findIndex((v) => foldHeader(cellText(v)) === name);
  const [unit, total, rank] = [col('单位'), col('总分'), col('排名')];
  if (unit < 0 || total < 0 || rank < 0) {
    throw new LastYearRefusal('“汇总”工作表第 1 行缺少“单位”“总分”或“排名”表头，无法读出上年排名。/ 汇总 row 1 lacks 单位, 总分 or 排名.');
  }
  const units = new Map<string, LastYearEntry>();
  const order: string[] = [];
  for (const row of summary.grid.slice(1)) {
    const name = cellText(row?.[unit]).trim();
    if (!row || isBlank(name) || units.has(unitKey(name))) continue;
    units.set(unitKey(name), { total: numberOr(row[total]), rank: numberOr(row[rank]) });
    order.push(name);
  }
  if (order.length === 0) throw new LastYearRefusal('“汇总”工作表中没有任何单位。/ 汇总 lists no unit.');
  if ([...units.values()].every((u) => u.total === null)) {
    throw new LastYearRefusal('“汇总”工作表中没有总分：上年的工作簿要先计分。/ 汇总 holds no total: score last year\'s workbook first.');
  }
  return { units, order };
}
