import { classifySheet, findAssessmentHeader } from '../engine/index.ts';
import { foldHeader } from '../engine/index.ts';
import type { Grid } from '../engine/index.ts';

/*
 * The indicator tables staff receive, as a sheet holds them: a title row (共青团苍溪县委2014年度目标
 * 绩效指标), a header 类别 | 内容 | 分值 (类别 often merged over a 项目 column), then blocks whose
 * 类别 and 项目 cells are merged down, with the 项目's numbered items in one cell and its 分值 beside
 * them. Merged cells hold their value only in the top-left cell. Several such tables may be stacked in
 * one sheet. This module only finds the tables and their cells; unitTables.ts reads what they mean.
 */

/** One row of a raw table: the four cells that matter, as text ('' where blank or merged). */
export interface RawRow {
  category: string;
  item: string;
  content: string;
  points: string;
  /** where the row is, for messages: its 内容 cell "Sheet1!C5", or '' for text */
  at: string;
  /** each cell's address for messages ('' for text, or where the table has no such column) */
  cells?: Record<'category' | 'item' | 'points', string>;
}

export interface RawTable {
  /** the title above the header, '' where there is none */
  title: string;
  /** the sheet the table is on, or 文本 for text */
  source: string;
  rows: RawRow[];
}

const WORDS = {
  category: ['类别', '一级指标', '指标类别', '考核类别', '类型'],
  item: ['项目', '二级指标', '考核项目', '指标项目'],
  content: ['内容', '考核内容', '指标内容', '目标任务', '工作内容', '工作任务', '考核指标', '具体指标', '目标内容'],
  points: ['分值', '分数', '权重', '标准分', '满分', '项目分值', '指标分值'],
} as const;
type Role = keyof typeof WORDS;

const ROLE_OF = new Map<string, Role>(
  (Object.entries(WORDS) as [Role, readonly string[]][]).flatMap(([role, words]) => words.map((w) => [foldHeader(w), role] as [string, Role])),
);

export interface RawHeader {
  row: number;
  category: number | null;
  item: number | null;
  content: number;
  points: number;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));
const blank = (v: unknown): boolean => text(v).trim() === '';

/** The header of a raw table on row `r`, or null: 内容 and 分值, and 类别 or 项目, left to right. */
function headerAt(grid: Grid, r: number): RawHeader | null {
  const row = grid[r];
  if (!row) return null;
  const at: Partial<Record<Role, number>> = {};
  for (let c = 0; c < row.length; c++) {
    if (blank(row[c])) continue;
    const role = ROLE_OF.get(foldHeader(text(row[c])));
    if (role !== undefined && at[role] === undefined) at[role] = c;
  }
  if (at.content === undefined || at.points === undefined) return null;
  if (at.category === undefined && at.item === undefined) return null;
  const first = at.category ?? at.item!;
  if (first >= at.content) return null;
  // 类别 merged over two columns: the column between it and 内容 holds the 项目 (or a sub-group).
  let item = at.item ?? null;
  if (item === null && at.category !== undefined && at.content - at.category >= 2) item = at.category + 1;
  return { row: r, category: at.category ?? null, item, content: at.content, points: at.points };
}

const HEADER_SCAN_ROWS = 20;

/**
 * A workbook is a raw indicator table to import only when none of its sheets is, or nearly is, a 考核表:
 * one that cannot be scored is to be repaired, not replaced by generated sheets.
 */
export function isRawIndicatorWorkbook(sheets: { grid: Grid }[]): boolean {
  return sheets.some((s) => isRawIndicatorTable(s.grid)) && sheets.every((s) => classifySheet(s.grid).kind === 'other');
}

/**
 * Whether a sheet holds an indicator table to import (类别 | 内容 | 分值 in its first 20 rows) rather
 * than a 考核表 that can already be scored (计分方式 and 实际完成).
 */
export function isRawIndicatorTable(grid: Grid): boolean {
  if (classifySheet(grid).kind !== 'other') return false;
  for (let r = 0; r < Math.min(grid.length, HEADER_SCAN_ROWS); r++) if (headerAt(grid, r)) return true;
  return false;
}

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The only text of a row, where it has exactly one non-blank cell, in a column left of `before`. */
function loneText(grid: Grid, r: number, before: number): string | null {
  const row = grid[r] ?? [];
  let found: string | null = null;
  for (let c = 0; c < row.length; c++) {
    if (blank(row[c])) continue;
    if (found !== null || c >= before) return null;
    found = text(row[c]).trim();
  }
  return found;
}

const isBlankRow = (grid: Grid, r: number) => (grid[r] ?? []).every(blank);

/** Every raw indicator table of one sheet, top to bottom. */
export function readRawTables(sheet: { name: string; grid: Grid }): RawTable[] {
  const { grid, name } = sheet;
  const headers: RawHeader[] = [];
  for (let r = 0; r < grid.length; r++) {
    const h = headerAt(grid, r);
    if (h) headers.push(h);
  }
  if (findAssessmentHeader(grid) !== null) return [];

  // A table's title is the nearest one-cell row above its header (blank rows between are allowed). Below
  // another table, only a cell left of 内容 counts: a lone 内容 cell there continues that table.
  const titles = headers.map((h, k) => {
    const floor = k === 0 ? 0 : headers[k - 1].row + 1;
    for (let r = h.row - 1; r >= floor; r--) {
      if (isBlankRow(grid, r)) continue;
      const t = loneText(grid, r, k === 0 ? Infinity : h.content);
      return t !== null ? { text: t, row: r } : null;
    }
    return null;
  });

  return headers.map((h, k) => {
    const end = k + 1 < headers.length ? (titles[k + 1]?.row ?? headers[k + 1].row) : grid.length;
    const rows: RawRow[] = [];
    for (let r = h.row + 1; r < end; r++) {
      const row = grid[r] ?? [];
      const cell = (c: number | null) => (c === null ? '' : text(row[c]));
      const address = (c: number | null) => (c === null ? '' : `${name}!${columnName(c)}${r + 1}`);
      const raw: RawRow = {
        category: cell(h.category),
        item: cell(h.item),
        content: cell(h.content),
        points: cell(h.points),
        at: address(h.content),
        cells: { category: address(h.category), item: address(h.item), points: address(h.points) },
      };
      if ([raw.category, raw.item, raw.content, raw.points].every((v) => v.trim() === '')) continue;
      rows.push(raw);
    }
    return { title: titles[k]?.text ?? '', source: name, rows };
  });
}
