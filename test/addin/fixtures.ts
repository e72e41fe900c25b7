import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import type { Grid } from '../../src/engine/index.ts';
import { a1 } from '../../addin/host/address.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import type { MockSheetSpec } from './mockExcel.ts';
import type ExcelJS from 'exceljs';
import { contractV2Workbook } from '../fixtures/contractV2.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../workbook-templates/guangyuan-2014-sample.xlsx', import.meta.url));
export const SUMMARY = '汇总';

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

/** The sample workbook's sheets, as the mock Excel holds them (formula cells keep their cached value, merges kept). */
export function sampleSheets(bytes = sampleBytes()): MockSheetSpec[] {
  const book = openXlsx(bytes);
  const merges = mergesBySheet(bytes);
  return book.readSheets().map(({ name, grid }) => {
    const formulas: Record<string, string> = {};
    grid.forEach((row, r) => row?.forEach((_, c) => {
      if (book.hasFormula(name, r, c)) formulas[a1(r, c)] = '=CACHED()';
    }));
    return { name, grid, formulas, merges: merges.get(name) ?? [] };
  });
}

/** Each sheet's <mergeCell ref> areas, read straight from the package (the sample names its parts plainly). */
function mergesBySheet(bytes: Uint8Array): Map<string, string[]> {
  const files = unzipSync(bytes);
  const text = (path: string) => strFromU8(files[path]);
  const targets = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*>/g)].map((m) =>
    [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1].replace(/^\/?(xl\/)?/, 'xl/')]));
  const out = new Map<string, string[]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const part = targets.get(/r:id="([^"]+)"/.exec(m[0])![1]);
    if (!part || !files[part]) continue;
    out.set(name, [...text(part).matchAll(/<mergeCell ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g)].map((x) => x[1]));
  }
  return out;
}

export const isUnitSheet = (s: { grid: Grid }) =>
  s.grid.slice(0, 20).some((row) => row?.includes('计分方式') && row.includes('实际完成'));

/** A workbook of `units` unit sheets made by repeating the sample's unit sheets under new names, without 汇总. */
export function manyUnits(units: number, sheets = sampleSheets()): MockSheetSpec[] {
  const unitSheets = sheets.filter(isUnitSheet);
  const others = sheets.filter((s) => !isUnitSheet(s) && s.name !== SUMMARY);
  const out: MockSheetSpec[] = [];
  for (let i = 0; i < units; i++) {
    const base = unitSheets[i % unitSheets.length];
    const round = Math.floor(i / unitSheets.length);
    out.push({ ...base, name: round === 0 ? base.name : `${base.name}${round + 1}` });
  }
  return [...others.slice(0, 1), ...out, ...others.slice(1)];
}

/** Trailing blanks dropped, undefined as null: two grids that show the same cells compare equal. */
export function normalise(grid: Grid): Grid {
  const rows = grid.map((row) => {
    const r = Array.from(row ?? [], (v) => (v === undefined || v === '' ? null : v));
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** A workbook as Excel holds it: the saved file's values, and each cell's number format code as exceljs wrote it. */
export async function excelSheetsOf(book: ExcelJS.Workbook): Promise<{ sheets: MockSheetSpec[]; bytes: Uint8Array }> {
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  const sheets = openXlsx(bytes).readSheets().map(({ name, grid }) => {
    const numberFormats: Record<string, string> = {};
    book.getWorksheet(name)!.eachRow((row, r) => row.eachCell((cell, c) => {
      if (cell.numFmt) numberFormats[a1(r - 1, c - 1)] = cell.numFmt;
    }));
    return { name, grid, numberFormats };
  });
  return { sheets, bytes };
}

/** The contract-v2 workbook as Excel holds it. */
export const contractV2Sheets = async (): Promise<MockSheetSpec[]> => (await excelSheetsOf(contractV2Workbook())).sheets;
