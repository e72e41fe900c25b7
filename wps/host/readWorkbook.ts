import { formatColumns, type CellValue, type FormatGrid, type Grid, type SheetInput } from '../../src/engine/index.ts';
import { blockAddress } from '../../addin/host/address.ts';
import { classifyNumberFormat } from '../../src/formats/numberFormat.ts';
import { valueRows } from './cellValue.ts';
import type { EtRange, EtWorkbook, EtWorksheet } from './et.ts';

export interface SheetRead {
  name: string;
  sheet: EtWorksheet;
  used: EtRange;
  /** 0-based top-left of the used range. */
  top: number;
  left: number;
  values: CellValue[][];
}

export interface WorkbookRead {
  sheets: SheetRead[];
  inputs: SheetInput[];
  /** Worksheets.Count as read, for adding a sheet after the last one. */
  count: number;
}

const sizeOf = (range: EtRange) => () => ({ rows: range.Rows.Count, cols: range.Columns.Count });

/** The used range's values as an engine grid anchored at A1 (rows above and columns left of it padded). */
export function anchoredGrid(values: CellValue[][], top: number, left: number): Grid {
  const pad: CellValue[] = new Array(left).fill(null);
  return [...Array.from({ length: top }, () => []), ...values.map((row) => pad.concat(row))];
}

/** Every worksheet's used range: six bridge calls a sheet (Item, Name, UsedRange, Row, Column, Value2). */
export function readWorkbook(book: EtWorkbook): WorkbookRead {
  const worksheets = book.Worksheets;
  const count = worksheets.Count;
  const sheets: SheetRead[] = [];
  for (let i = 1; i <= count; i++) {
    const sheet = worksheets.Item(i);
    const name = sheet.Name;
    const used = sheet.UsedRange;
    const values = valueRows(used.Value2, sizeOf(used));
    sheets.push({ name, sheet, used, top: used.Row - 1, left: used.Column - 1, values });
  }
  const inputs = sheets.map((s) => withFormats(s, { name: s.name, grid: anchoredGrid(s.values, s.top, s.left) }));
  return { sheets, inputs, count };
}

/**
 * The percent and date formats of the columns the engine reads them for (formatColumns), since WPS, like Excel,
 * keeps 90% as 0.9 and 3/3 as a date serial. One NumberFormat read a column; only a mixed column (null) is read
 * cell by cell, and then only its numbers, the one kind of value a format changes.
 */
function withFormats(read: SheetRead, input: SheetInput): SheetInput {
  const where = formatColumns(input.name, input.grid);
  if (!where) return input;
  const formats: FormatGrid = [];
  const last = input.grid.length - 1;
  for (const col of where.columns) {
    if (last < where.fromRow) continue;
    const whole = read.sheet.Range(blockAddress(where.fromRow, col, last - where.fromRow + 1, 1)).NumberFormat;
    for (let row = where.fromRow; row <= last; row++) {
      if (typeof input.grid[row]?.[col] !== 'number') continue;
      const code = typeof whole === 'string' ? whole : read.sheet.Range(blockAddress(row, col, 1, 1)).NumberFormat;
      const format = typeof code === 'string' ? classifyNumberFormat(code) : null;
      if (format) (formats[row] ??= [])[col] = format;
    }
  }
  return formats.length > 0 ? { ...input, formats } : input;
}

/** Whether a sheet's output cell holds a formula: one call where the used range has none, two otherwise. */
export function formulaCells(read: SheetRead): (row: number, col: number) => boolean {
  const has = read.used.HasFormula;
  if (has === false) return () => false;
  const formulas = valueRows(read.used.Formula, sizeOf(read.used));
  return (row, col) => {
    const r = row - read.top;
    const c = col - read.left;
    const f = formulas[r]?.[c];
    // A text cell typed as '=x keeps "=x" as both its value and its formula.
    return typeof f === 'string' && f.startsWith('=') && f !== read.values[r]?.[c];
  };
}
