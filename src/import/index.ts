import type { Grid } from '../engine/index.ts';
import type { ImportedWorkbook } from './model';
import { readRawTables } from './rawTable';
import { reviewOf, type ReviewItem } from './review';
import { readTextTables, TEXT_SOURCE } from './seedText';
import { parseTsv } from './tsv';
import { assembleWorkbook, type AssembleOptions } from './unitTables';

export { extractTargets, type ExtractedTarget } from './targets';
export { classifyItem, type ItemRow } from './items';
export { splitWeights } from './weights';
export { readSeedText, unitNameFromTitle } from './seedText';
export { splitNumberedItems, type NumberedItem } from './text';
export { isRawIndicatorTable, isRawIndicatorWorkbook, readRawTables, type RawRow, type RawTable } from './rawTable';
export { reviewOf, targetText, type ReviewItem } from './review';
export {
  RULES,
  DEDUCTION_RULES,
  COMPARATORS,
  FLAG_BELOW,
  IndicatorRowSchema,
  ImportedUnitSchema,
  ImportedWorkbookSchema,
  type Rule,
  type Comparator,
  type IndicatorRow,
  type ImportedUnit,
  type ImportedWorkbook,
} from './model';

export interface ImportResult {
  workbook: ImportedWorkbook;
  /** every row, with what a person should check (flagged, notes) */
  review: ReviewItem[];
}

const NO_TABLE = '没有找到指标表：需要一行“类别、内容、分值”表头（考核表已有“计分方式、实际完成”，不需要导入）。';

function result(workbook: ImportedWorkbook): ImportResult {
  return { workbook, review: reviewOf(workbook) };
}

/**
 * Raw indicator tables of some sheets (as openXlsx().readSheets() or Office.js give them) → the units'
 * 考核表 rows and the review. Sheets without a raw table (考核表, 汇总, notes) are passed over.
 */
export function importFromGrids(sheets: readonly { name: string; grid: Grid }[], options: AssembleOptions = {}): ImportResult {
  const tables = sheets.flatMap((s) => readRawTables(s));
  if (tables.length === 0) return result({ units: [], warnings: [NO_TABLE] });
  return result(assembleWorkbook(tables, options));
}

/** The seed's text layout (Word tables saved as text), or cells copied from Excel (tab-separated). */
export function importFromText(text: string): ImportResult {
  const { tables, warnings } = readTextTables(text);
  if (tables.some((t) => t.rows.length > 0)) {
    const wb = assembleWorkbook(tables);
    return result({ units: wb.units, warnings: [...warnings, ...wb.warnings] });
  }
  const tsv = importFromGrids([{ name: TEXT_SOURCE, grid: parseTsv(text) }]);
  return tsv.workbook.units.length > 0 || tables.length === 0 ? tsv : result({ units: [], warnings: [...warnings, NO_TABLE] });
}
