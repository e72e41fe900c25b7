import type { Comparator, ImportedUnit, IndicatorRow } from '../import/model';
import { CASE_HEADERS, COL, FIRST_DATA_ROW, HEADER_ROW, INDICATOR_HEADERS, TITLE_ROW } from './layout';
import { indicatorPageStarts, splitAtPages } from './pageBreaks';

/*
 * The cell values of the generated sheets as plain 2-D arrays, with no exceljs: the Excel add-in
 * writes these through Office.js, and the exceljs writer puts the same values into the .xlsx.
 */

export type SheetCell = string | number | null;

/** 0-based, inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetPlan {
  values: SheetCell[][];
  merges: MergeArea[];
}

const COMPARATOR_WORDS: Record<Exclude<Comparator, '>='>, string> = { '<=': '不超过', '<': '低于', '>': '超过' };

/** 目标值 as the scorer reads it: 19, 是, or 不超过5 for a bound from above. */
export function targetCell(row: IndicatorRow): number | string | null {
  if (row.target === null) return null;
  if (row.target === '是') return '是';
  return row.comparator === '>=' ? row.target : `${COMPARATOR_WORDS[row.comparator]}${row.target}`;
}

/** Who fills the 实际完成 cell of a row. */
export function actualOwner(row: IndicatorRow): 'unit' | 'assessor' | 'register' {
  if (row.rule === '按件扣分') return 'register';
  return row.rule === '评分' || row.rule === '扣分' ? 'assessor' : 'unit';
}

/** Rows [start, end] of each run of equal keys. */
export function runs(keys: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  keys.forEach((k, i) => {
    if (i > 0 && keys[i - 1] === k) out[out.length - 1][1] = i;
    else out.push([i, i]);
  });
  return out;
}

export const INDICATOR_TITLE = (unit: ImportedUnit, suffix = ''): string => `${unit.title}考核表${suffix}`;

/** Columns merged over a 项目's rows: its name, 分值, the unit's 自评分 of it and the scorer's 项目得分. */
export const ITEM_COLUMNS = [COL.item, COL.points, COL.selfScore, COL.subtotal] as const;

/** One unit's 考核表: title, header, one row per indicator; 类别 and the ITEM_COLUMNS merged over their blocks. */
export function indicatorSheetPlan(unit: ImportedUnit, titleSuffix = ''): SheetPlan {
  const width = INDICATOR_HEADERS.length;
  const first = FIRST_DATA_ROW - 1;
  const values: SheetCell[][] = Array.from({ length: first + unit.rows.length }, () => new Array<SheetCell>(width).fill(null));
  values[TITLE_ROW - 1][0] = INDICATOR_TITLE(unit, titleSuffix);
  values[HEADER_ROW - 1] = [...INDICATOR_HEADERS];
  unit.rows.forEach((row, i) => {
    const r = values[first + i];
    r[COL.content - 1] = row.content;
    r[COL.rule - 1] = row.rule;
    r[COL.target - 1] = targetCell(row);
    r[COL.measure - 1] = row.measure === '' ? null : row.measure;
    r[COL.weight - 1] = row.weight;
    r[COL.rate - 1] = row.rate;
  });
  const merges: MergeArea[] = [{ top: TITLE_ROW - 1, left: 0, bottom: TITLE_ROW - 1, right: width - 1 }];
  // Where a page begins inside a block, the block is merged page by page and named again (see pageBreaks.ts).
  const starts = indicatorPageStarts(unit);
  for (const run of runs(unit.rows.map((r) => r.category))) {
    for (const [from, to] of splitAtPages(run, starts)) {
      values[first + from][COL.category - 1] = unit.rows[from].category;
      if (to > from) merges.push({ top: first + from, left: COL.category - 1, bottom: first + to, right: COL.category - 1 });
    }
  }
  for (const run of runs(unit.rows.map((r) => `${r.category}\u0000${r.item}`))) {
    const named = unit.rows[run[0]].item.trim() !== '';
    splitAtPages(run, starts).forEach(([from, to], piece) => {
      if (piece === 0 || named) {
        values[first + from][COL.item - 1] = unit.rows[from].item;
        values[first + from][COL.points - 1] = unit.rows[from].points;
      }
      if (to > from) {
        for (const c of ITEM_COLUMNS) {
          merges.push({ top: first + from, left: c - 1, bottom: first + to, right: c - 1 });
        }
      }
    });
  }
  return { values, merges };
}

export const CASE_TITLE = '案件台账（按件扣分案件登记，由考核组填写）';

/** An empty 案件台账: title (merged over the header's width) and header. */
export function caseRegisterPlan(titleSuffix = ''): SheetPlan {
  const width = CASE_HEADERS.length;
  const title = new Array<SheetCell>(width).fill(null);
  title[0] = `${CASE_TITLE}${titleSuffix}`;
  return { values: [title, [...CASE_HEADERS]], merges: [{ top: 0, left: 0, bottom: 0, right: width - 1 }] };
}

/** 单位 | one column per 项目 (first-seen order) | a 小计 per 类别 | 总分 | 排名 | 状态 */
/** The 汇总 header the scorer writes; `grades` and `selfScores` add the columns it writes for a 等次标准 and for 自评分. */
export function summaryHeaders(units: readonly ImportedUnit[], extra: { grades?: boolean; selfScores?: boolean } = {}): string[] {
  const items: string[] = [];
  const categories: string[] = [];
  for (const u of units) {
    for (const r of u.rows) {
      if (!items.includes(r.item)) items.push(r.item);
      if (!categories.includes(r.category)) categories.push(r.category);
    }
  }
  return [
    '单位', ...items, ...categories.map((c) => `${c}小计`), '总分', '排名',
    ...(extra.grades ? ['等次'] : []), ...(extra.selfScores ? ['自评总分', '核减'] : []), '状态',
  ];
}

/** 汇总: the header and the unit names (the sheet names they are written under) in column A. */
export function summaryPlan(units: readonly ImportedUnit[], sheetNames: readonly string[] = units.map((u) => u.unit)): SheetPlan {
  const headers = summaryHeaders(units);
  const rows = sheetNames.map((name) => {
    const r = new Array<SheetCell>(headers.length).fill(null);
    r[0] = name;
    return r;
  });
  return { values: [headers, ...rows], merges: [] };
}
