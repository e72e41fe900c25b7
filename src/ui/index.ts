export { ResultsTable, gradeText, statusColor, unitStatus, type UnitRow } from './ResultsTable.ts';
export { LostPoints, type LostRow } from './LostPoints.ts';
export { TotalsChart, type ChartUnit } from './TotalsChart.ts';
export { IssueList, type IssueItem } from './IssueList.ts';
export { ReviewList, type ReviewRow } from './ReviewList.ts';
export { STRINGS, formatScore, langOf, placeOf, type Lang, type RunCounts, type UiStrings } from './strings.ts';
