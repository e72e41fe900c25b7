import { isBlank, type CellWrite } from '../engine/index.ts';
import type { DeflateCodec } from '../xlsx/codec.ts';
import { openXlsx } from '../xlsx/index.ts';
import { refuse } from '../xlsx/refusals.ts';
import { checkSheetPassword } from '../xlsx/sheetProtection.ts';
import { isInstructionsSheet, issuedDigest, issuedProperties, masterIdentity, masterYear, unitSheets } from './issued.ts';
import { mergedAreas } from './sheetXml.ts';
import { cellAt } from './unitEntries.ts';
import { buildUnitWorkbook, openMasterPackage } from './unitWorkbook.ts';

export interface UnitFile {
  unit: string;
  /** `<unit>.xlsx`, with characters no file system takes replaced. */
  fileName: string;
  bytes: Uint8Array;
  entries: number;
}

export interface SplitResult {
  master: string;
  year: string;
  files: UnitFile[];
}

export interface SplitOptions {
  password?: string;
  codec?: DeflateCodec;
  /** Only these units (all when absent). */
  units?: string[];
}

const safeChar = (ch: string) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch);
export const unitFileName = (unit: string): string => `${[...unit].map(safeChar).join('').trim() || '单位'}.xlsx`;

/** 分发: one workbook per 考核表 of the master. Throws XlsxRefusal before making anything when the master cannot be used. */
export function splitMaster(bytes: Uint8Array, options: SplitOptions = {}): SplitResult {
  if (options.password !== undefined) checkSheetPassword(options.password);
  const book = openXlsx(bytes, { codec: options.codec });
  const sheets = book.readSheets();
  const units = unitSheets(sheets);
  if (units.length === 0) throw refuse.unsupported('无法分发：主表中没有考核表（前20行内同时含有“计分方式”和“实际完成”表头的工作表）。/ The master has no assessment sheet.');
  const year = masterYear(units);
  const master = masterIdentity(units, year);
  const pkg = openMasterPackage(bytes, options.codec);
  const instructions = sheets.find((s) => isInstructionsSheet(s.name) && pkg.parts.has(s.name))?.name;
  const files: UnitFile[] = [];
  for (const { sheet, model } of units) {
    if (options.units && !options.units.includes(sheet.name)) continue;
    const has = (row: number, col: number) => book.hasFormula(sheet.name, row, col);
    const writes: CellWrite[] = [];
    for (const c of model.assessorCells) {
      if (!isBlank(cellAt(sheet.grid, c.row, c.col)) || has(c.row, c.col)) writes.push({ sheet: sheet.name, row: c.row, col: c.col, value: null });
    }
    const entryKeys = new Set<string>();
    const open = (row: number, col: number) => {
      entryKeys.add(`${row}:${col}`);
      // A blank entry cell gets an element of its own, so that it can be unlocked.
      if (isBlank(cellAt(sheet.grid, row, col)) && !has(row, col)) writes.push({ sheet: sheet.name, row, col, value: null });
    };
    for (const e of model.entries) open(e.row, e.col);
    // A merged entry (自评分 per 项目) opens as a whole, as unlocking a merge in Excel or WPS does and as LibreOffice
    // saves it; only its top-left is gathered.
    const part = pkg.parts.get(sheet.name);
    for (const m of part ? mergedAreas(pkg.pkg.xml(part)) : []) {
      if (!entryKeys.has(`${m.r1}:${m.c1}`)) continue;
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) open(r, c);
    }
    const record = { master, unit: sheet.name, year, digest: issuedDigest(sheet, model) };
    const out = buildUnitWorkbook(pkg, {
      keep: sheets.filter((s) => s.name === sheet.name || s.name === instructions).map((s) => s.name),
      unit: sheet.name,
      isEntry: (row, col) => entryKeys.has(`${row}:${col}`),
      writes,
      properties: issuedProperties(record),
      password: options.password,
    });
    files.push({ unit: sheet.name, fileName: unitFileName(sheet.name), bytes: out, entries: model.entries.length });
  }
  return { master, year, files };
}
