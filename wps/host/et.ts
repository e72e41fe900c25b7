// The part of the WPS 表格 (ET) object model the add-in uses, and nothing more. Every member access crosses the
// bridge into WPS, so the host reads each property once. wps/host/etTypings.check.ts holds these shapes against
// Kingsoft's own typings (et-jsapi-declare).

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** A scalar for one cell, else rows of values; writing null empties a cell. */
  Value2: unknown;
  /** Like Value2, with each formula as its text ("=SUM(A1:A3)"). */
  readonly Formula: unknown;
  /** true: every cell holds a formula; false: none; null: some. */
  readonly HasFormula: boolean | null;
  NumberFormat: unknown;
  /** true: all cells merged; false: none; null: some. */
  readonly MergeCells: boolean | null;
  Select(): unknown;
  Merge(across?: boolean): unknown;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  readonly Visible: unknown;
  Range(address: string): EtRange;
  Activate(): unknown;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: unknown, after?: unknown): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ProtectStructure: boolean;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
}

export interface EtPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): unknown;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: boolean;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null;
  readonly PluginStorage: EtPluginStorage;
}

/** xlSheetVisible; some builds may hand back a boolean. */
export const isVisible = (visible: unknown): boolean => visible === -1 || visible === true;
