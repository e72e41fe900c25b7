/** A cell as every host hands it to the engine: already the displayed value, formulas resolved to their cached result. */
export type CellValue = string | number | boolean | null;

/** Row-major values; grid[0][0] is A1. Rows may be ragged or missing (undefined = blank). */
export type Grid = CellValue[][];

/**
 * How a cell's number format shows it, where that changes its meaning: Excel stores 90% as 0.9 with a percent
 * format, and turns 3/3 into a date serial with a date format. Anything else is left out (undefined or null).
 */
export type CellFormat = 'percent' | 'date';

/** Parallel to the grid: formats[r][c] is the format of grid[r][c]. Sparse; hosts may send only non-general cells. */
export type FormatGrid = (CellFormat | null | undefined)[][];

export interface SheetInput {
  name: string;
  grid: Grid;
  /** Percent and date formats of the sheet's cells, when the host can tell them. */
  formats?: FormatGrid;
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

/** Parameters of a coded issue: names, cells and figures the text quotes. */
export type IssueParams = Record<string, string | number>;

export interface Issue {
  sheet: string;
  /** A1-style address, e.g. "J12"; "" when the issue concerns the whole sheet. */
  cell: string;
  severity: Severity;
  /** Stable code of the issue table (messages.ts); hosts and tests match on it, never on the text. */
  code: string;
  params: IssueParams;
  /** The Chinese text, from the issue table; issueText(issue, 'en') gives the English. */
  message: string;
}
