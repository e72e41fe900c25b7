import ExcelJS from 'exceljs';
import { ImportedWorkbookSchema, type ImportedWorkbook } from '../import/model';
import { addCaseRegister } from './caseRegister';
import { addGradesSheet } from './grades';
import { addIndicatorSheet } from './indicatorSheet';
import { addInstructionsSheet } from './instructions';
import { SAMPLE_MARK } from './layout';
import type { SampleData } from './sample';
import { addSummarySheet } from './summary';
import { normalizeZip } from './zip';

export const CREATOR = 'target-scorer';
/** Fixed so that generating twice gives the same bytes. */
export const FIXED_DATE = new Date(Date.UTC(2014, 0, 1));

/** A unit's full marks: the 分值 of its 项目. */
function fullMarks(rows: readonly { category: string; item: string; points: number }[]): number {
  const seen = new Map(rows.map((r) => [`${r.category}\u0000${r.item}`, r.points]));
  return [...seen.values()].reduce((s, p) => s + Math.round(p * 100), 0) / 100;
}

export interface TemplateOptions {
  /** add the 等次标准 sheet with the example bands (the seed templates) */
  gradeExample?: boolean;
}

/**
 * The scoring workbook for the imported units. Sheet order: 填报说明, one 考核表 per unit in the
 * import's order, 案件台账, 汇总, and 等次标准 with `gradeExample`. With `sample`, the entries of the
 * sample file are filled in and every title says （示例数据，非真实考核结果）.
 */
export async function buildTemplateWorkbook(input: ImportedWorkbook, sample?: SampleData, options: TemplateOptions = {}): Promise<Uint8Array> {
  const imported = ImportedWorkbookSchema.parse(input);
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;

  const suffix = sample ? SAMPLE_MARK : '';
  addInstructionsSheet(wb, imported.units, { sample: sample !== undefined, gradeExample: options.gradeExample === true });
  for (const unit of imported.units) {
    addIndicatorSheet(wb, unit, { titleSuffix: suffix, actuals: sample?.actuals.get(unit.unit), entries: sample?.entries?.get(unit.unit) });
  }
  const perCaseItems = [
    ...new Set(imported.units.flatMap((u) => u.rows.filter((r) => r.rule === '按件扣分').map((r) => r.item))),
  ];
  addCaseRegister(wb, imported.units.map((u) => u.unit), perCaseItems, sample?.cases ?? [], suffix);
  addSummarySheet(wb, imported.units, { grades: options.gradeExample, selfScores: sample !== undefined });
  if (options.gradeExample) addGradesSheet(wb, fullMarks(imported.units[0]?.rows ?? []));

  const buffer = await wb.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(buffer as ArrayBuffer));
}

/**
 * The scoring workbook for imported tables (target-scorer import, the web page): the template's layout
 * with no entries. Runs in browsers too: exceljs and fflate only, no file system.
 */
export function buildScoringWorkbook(imported: ImportedWorkbook): Promise<Uint8Array> {
  return buildTemplateWorkbook(imported);
}
