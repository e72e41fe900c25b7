export { scoreWorkbook } from './score.ts';
export type { ScoreResult, UnitResult, RowResult, ItemResult } from './score.ts';
export type { CellValue, Grid, SheetInput, WorkbookInput, CellWrite, Issue, Severity } from './types.ts';
