/** A cell as every host hands it to the engine: already the displayed value, formulas resolved to their cached result. */
export type CellValue = string | number | boolean | null;

/** Row-major values; grid[0][0] is A1. Rows may be ragged or missing (undefined = blank). */
export type Grid = CellValue[][];

export interface SheetInput {
  name: string;
  grid: Grid;
}

export interface WorkbookInput {
  sheets: SheetInput[];
}

/** One output cell. row/col are 0-based (row 0 = sheet row 1, col 0 = column A). null clears the cell's value. */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  value: number | string | null;
  /** Scores carry '0.00'; text and cleared cells carry none. */
  numberFormat?: '0.00';
}

export type Severity = 'error' | 'warning';

export interface Issue {
  sheet: string;
  /** A1-style address, e.g. "J12"; "" when the issue concerns the whole sheet. */
  cell: string;
  severity: Severity;
  /** Chinese first. */
  message: string;
}
