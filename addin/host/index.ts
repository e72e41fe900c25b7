export { recalculate, type RecalcOptions, type RecalcOutcome } from './recalculate.ts';
export { selectCell } from './selectCell.ts';
export type { Refusal } from './refusal.ts';
export { officeSupports, type Supports } from './requirements.ts';
// generateSheets (生成考核表) is imported from './generateSheets.ts' directly: the ribbon command page shares this
// module and has no use for the importer.
