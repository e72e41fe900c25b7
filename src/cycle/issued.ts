import { cellText, classifySheet, foldText, isOwnedSheet, SHEET_NAMES, type SheetInput } from '../engine/index.ts';
import { sha256Hex } from './sha256.ts';
import { issuedCanonical, issuedView, readUnitSheet, type UnitSheetModel } from './unitEntries.ts';

/** Names of the custom document properties an issued file carries (visible under 文件 → 属性 → 自定义). */
export const ISSUED_PROPERTY = {
  master: '目标绩效·主表标识',
  unit: '目标绩效·单位',
  year: '目标绩效·年度',
  digest: '目标绩效·下达内容摘要',
  version: '目标绩效·格式版本',
} as const;

export const ISSUED_FORMAT_VERSION = '1';

/** What an issued file says about itself. */
export interface IssuedRecord {
  master: string;
  unit: string;
  year: string;
  digest: string;
}

export function issuedProperties(r: IssuedRecord): Record<string, string> {
  return {
    [ISSUED_PROPERTY.master]: r.master,
    [ISSUED_PROPERTY.unit]: r.unit,
    [ISSUED_PROPERTY.year]: r.year,
    [ISSUED_PROPERTY.digest]: r.digest,
    [ISSUED_PROPERTY.version]: ISSUED_FORMAT_VERSION,
  };
}

/** The record in a return's properties, or null when it carries none (a file not made by 分发, or one whose program dropped them). */
export function readIssuedRecord(props: Record<string, string>): IssuedRecord | null {
  const unit = props[ISSUED_PROPERTY.unit];
  const master = props[ISSUED_PROPERTY.master];
  if (!unit || !master) return null;
  return { unit, master, year: props[ISSUED_PROPERTY.year] ?? '', digest: props[ISSUED_PROPERTY.digest] ?? '' };
}

/** The master's 考核表 in sheet order, each read for the cycle. */
export function unitSheets(sheets: SheetInput[]): { sheet: SheetInput; model: UnitSheetModel }[] {
  const out: { sheet: SheetInput; model: UnitSheetModel }[] = [];
  for (const sheet of sheets) {
    if (isOwnedSheet(sheet.name) || classifySheet(sheet.grid).kind !== 'assessment') continue;
    const model = readUnitSheet(sheet);
    if (model) out.push({ sheet, model });
  }
  return out;
}

const YEAR = /((?:19|20)\d{2})\s*年/;

/** The year named in the title rows (above the header) of the first 考核表 that names one, else ''. */
export function masterYear(units: { sheet: SheetInput; model: UnitSheetModel }[]): string {
  for (const { sheet, model } of units) {
    for (let r = 0; r < model.header.row; r++) {
      for (const v of sheet.grid[r] ?? []) {
        const m = YEAR.exec(cellText(v));
        if (m) return m[1];
      }
    }
  }
  return '';
}

/** The master's identity: its units in order and its year, so a file issued from another master or year is told apart. */
export function masterIdentity(units: { sheet: SheetInput }[], year: string): string {
  return sha256Hex(JSON.stringify({ units: units.map((u) => foldText(u.sheet.name)), year })).slice(0, 16);
}

export const issuedDigest = (sheet: SheetInput, model: UnitSheetModel): string =>
  sha256Hex(issuedCanonical(issuedView(sheet.grid, model))).slice(0, 32);

export const isInstructionsSheet = (name: string): boolean => foldText(name) === SHEET_NAMES.instructions;
