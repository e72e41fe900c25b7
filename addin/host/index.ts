export { recalculate, type RecalcOptions, type RecalcOutcome } from './recalculate.ts';
export { selectCell } from './selectCell.ts';
export type { Refusal } from './refusal.ts';
export { officeSupports, type Supports } from './requirements.ts';
