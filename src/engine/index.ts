// The engine's only entry point: hosts, the importer and the templates import from here and nowhere else in
// src/engine (a lint rule enforces it).
export { scoreWorkbook } from './score.ts';
export type { ScoreResult, UnitResult, RowResult, ItemResult, CaseResult } from './score.ts';
export type {
  CellFormat, CellValue, CellWrite, FormatGrid, Grid, Issue, IssueParams, Severity, SheetInput, WorkbookInput,
} from './types.ts';
export {
  ISSUE_TEXTS, REASONS, REFUSAL_TEXTS, issueText, makeIssue, messageText, statusText,
  type IssueCode, type Lang, type RefusalCode, type UnitStatusParts,
} from './messages.ts';
export * from './vocabulary.ts';
export { cellText, isBlank } from './text.ts';
export { a1, columnName } from './address.ts';
export {
  HEADER_SCAN_ROWS, SUMMARY_SHEET, classifySheet, findAssessmentHeader, findGradeHeader, findRegisterHeader,
  isOwnedSheet, isSummarySheet, type HeaderMatch, type SheetKind,
} from './headers.ts';
export { formatColumns, type FormatColumns } from './formatColumns.ts';
export { findFormulaInOutput, type FormulaInOutput } from './outputFormulas.ts';
export { readRuleWord } from './rules.ts';
export { parseChineseInteger, CHINESE_NUMERAL_CHARS } from './numerals.ts';
export { readNumber, readYesNo, MEASURE_WORDS } from './values.ts';
export { readAssessmentLayout, type AssessmentLayout, type ItemBlock, type IndicatorRow } from './assessment.ts';
