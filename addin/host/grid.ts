import type { CellValue, Grid } from '../../src/engine/index.ts';
import { rangeStart } from './address.ts';

/** What Office.js hands back for a cell: "" for an empty cell. */
export type OfficeCell = string | number | boolean | null;

/**
 * The used range's values as an engine grid anchored at A1: rows above and columns left of the used range
 * are padded, empty cells become null, so grid[r][c] is the cell at row r, column c of the sheet.
 */
export function usedRangeToGrid(values: OfficeCell[][], address: string): Grid {
  const { row, col } = rangeStart(address);
  const grid: Grid = [];
  for (let r = 0; r < row; r++) grid.push([]);
  const pad: CellValue[] = new Array(col).fill(null);
  for (const line of values) {
    grid.push(pad.concat(line.map((v) => (v === '' || v === undefined ? null : v))));
  }
  return grid;
}
