export { buildTemplateWorkbook, buildScoringWorkbook, CREATOR, FIXED_DATE } from './workbook';
export { sampleData, UNREADABLE_SAMPLE, type SampleData } from './sample';
export { addIndicatorSheet, targetCell, actualOwner, type Actual } from './indicatorSheet';
export { addCaseRegister, type CaseEntry } from './caseRegister';
export { addSummarySheet, summaryHeaders } from './summary';
export { addInstructionsSheet } from './instructions';
export * from './layout';
export * from './sheetValues';
