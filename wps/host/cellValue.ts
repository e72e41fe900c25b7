import type { CellValue } from '../../src/engine/index.ts';

/**
 * Error values as a COM-style bridge may hand them back: the HRESULT of xlErrDiv0 and friends. The xlsx host reads
 * an error cell as its text, so the WPS host does too; otherwise #DIV/0! would reach the engine as a number.
 */
export const ERROR_CODES: ReadonlyMap<number, string> = new Map([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
  [-2146826245, '#GETTING_DATA'],
]);

/** One cell of Value2 as the engine takes it: empty is null, an error code is its text. */
export function etCell(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') return ERROR_CODES.get(v) ?? (Number.isFinite(v) ? v : String(v));
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return String(v);
  return String(v);
}

/**
 * Value2 of a range as rows: a scalar is one cell, rows of rows are taken as they are, and a flat list (a single
 * row or column some builds hand back flattened) is shaped by the range's size, asked only then.
 */
export function valueRows(value: unknown, size: () => { rows: number; cols: number }): CellValue[][] {
  if (!Array.isArray(value)) return [[etCell(value)]];
  if (value.length === 0) return [];
  if (value.every((row) => Array.isArray(row))) return value.map((row: unknown[]) => row.map(etCell));
  const { rows, cols } = size();
  const flat = value.map(etCell);
  if (rows <= 1) return [flat];
  if (cols <= 1) return flat.map((v) => [v]);
  return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
}
