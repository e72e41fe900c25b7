import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { SAMPLE_PATH, sampleSheets } from '../addin/fixtures.ts';
import type { FakeSheetSpec } from './fakeEt.ts';

/** The sample workbook as the fake ET model holds it: values, formulas (cached values kept) and merged areas. */
export async function sampleWithMerges(): Promise<FakeSheetSpec[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SAMPLE_PATH) as unknown as ArrayBuffer);
  const merges = new Map(book.worksheets.map((ws) => [ws.name, [...(ws.model as unknown as { merges: string[] }).merges]]));
  return sampleSheets().map((s) => ({ ...s, merges: merges.get(s.name) ?? [] }));
}
