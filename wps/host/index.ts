export { recalculate, activeWorkbook, NO_WORKBOOK, type WpsOutcome } from './recalculate.ts';
export { selectCell } from './selectCell.ts';
export { generateSheets } from './generateSheets.ts';
export type { EtApplication } from './et.ts';
