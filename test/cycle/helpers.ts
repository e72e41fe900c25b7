import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { ProtectionStyles } from '../../src/xlsx/cellProtection.ts';
import { a1, type CellValue, type SheetInput } from '../../src/engine/index.ts';
import { readUnitSheet, type EntryCell } from '../../src/cycle/unitEntries.ts';
import { openXlsx } from '../../src/xlsx/index.ts';

export const sheetOf = (bytes: Uint8Array, name: string): SheetInput => {
  const s = openXlsx(bytes).readSheets().find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** What a unit types into each of its 实际完成 cells: every value differs from the master's, so taking it shows. */
export function fillFor(master: SheetInput): { entry: EntryCell; value: number | string }[] {
  const model = readUnitSheet(master)!;
  return model.entries.filter((e) => e.column === 'actual').map((entry) => {
    const v: CellValue = master.grid[entry.row]?.[entry.col] ?? null;
    const value = typeof v === 'number' ? v + 1 : v === '是' ? '否' : v === '否' ? '是' : typeof v === 'string' && v.trim() !== '' ? 5 : 2;
    return { entry, value };
  });
}

/** A unit's file saved by another program that rebuilds it (exceljs), with a row inserted above the entries. */
export async function withInsertedRow(file: Uint8Array, sheet: string, fills: { entry: EntryCell; value: number | string }[], firstRow: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  ws.spliceRows(firstRow + 1, 0, ['', '', '', '（本单位补充说明：以下为2014年完成情况）']);
  for (const f of fills) {
    const r = f.entry.row >= firstRow ? f.entry.row + 1 : f.entry.row;
    ws.getCell(r + 1, f.entry.col + 1).value = f.value;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook that has nothing to do with the master. */
export async function unrelatedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['项目', '金额']);
  ws.addRow(['办公用品', 1200]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Whether each cell of a worksheet part is unlocked, read from the cell's style as the file's styles part defines it. */
export function unlockedCells(bytes: Uint8Array, sheetPart: string): Map<string, boolean> {
  const files = unzipSync(bytes);
  const dec = new TextDecoder();
  const styles = new ProtectionStyles(dec.decode(files['xl/styles.xml']));
  const out = new Map<string, boolean>();
  for (const m of dec.decode(files[sheetPart]).matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>/g)) {
    const s = /\bs="(\d+)"/.exec(m[0]);
    out.set(m[1], styles.unlocked(s ? Number(s[1]) : 0));
  }
  return out;
}

/** The cells each merged area of a worksheet part covers besides its top-left, keyed by that top-left (A1). */
export function coveredByMerges(bytes: Uint8Array, sheetPart: string): Map<string, string[]> {
  const xml = new TextDecoder().decode(unzipSync(bytes)[sheetPart]);
  const out = new Map<string, string[]>();
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const [c1, r1, c2, r2] = [col(m[1]), Number(m[2]), col(m[3]), Number(m[4])];
    const cells: string[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) cells.push(a1(r - 1, c - 1));
    out.set(`${m[1]}${m[2]}`, cells);
  }
  return out;
}

/** "K4" → "3:10", the 0-based row:col key the tests use. */
export function a1ToKey(ref: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return `${Number(m[2]) - 1}:${[...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1}`;
}
