export { extractTargets, type ExtractedTarget } from './targets';
export { classifyItem, type ItemRow } from './items';
export { splitWeights } from './weights';
export { readSeedText, unitNameFromTitle } from './seedText';
export { splitNumberedItems, type NumberedItem } from './text';
export {
  RULES,
  DEDUCTION_RULES,
  COMPARATORS,
  IndicatorRowSchema,
  ImportedUnitSchema,
  ImportedWorkbookSchema,
  type Rule,
  type Comparator,
  type IndicatorRow,
  type ImportedUnit,
  type ImportedWorkbook,
} from './model';
