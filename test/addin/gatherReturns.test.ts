// 汇集 through the Office.js host (office-addin-mock): the sample open in Excel, returns made by splitMaster and
// filled by script; the cells written must equal what the CLI's collectXlsx writes into the file, in four syncs.
import { describe, expect, it } from 'vitest';
import { gatherIntoWorkbook } from '../../addin/host/gatherReturns.ts';
import { collectXlsx } from '../../src/cycle/collectXlsx.ts';
import { splitMaster } from '../../src/cycle/split.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { fillFor, sheetOf } from '../cycle/helpers.ts';
import { normalise, sampleBytes, sampleSheets } from './fixtures.ts';
import { MockExcel } from './mockExcel.ts';

const NOW = '2026-12-03 10:15';
const master = sampleBytes();
const split = splitMaster(master);
const unitFile = (unit: string) => split.files.find((f) => f.unit === unit)!.bytes;
const filled = (unit: string, extra: { row: number; col: number; value: number }[] = []) =>
  openXlsx(unitFile(unit)).applyWrites([
    ...fillFor(sheetOf(master, unit)).map((f) => ({ sheet: unit, row: f.entry.row, col: f.entry.col, value: f.value })),
    ...extra.map((c) => ({ sheet: unit, ...c })),
  ], []);
const returns = [
  { file: '苍溪县.xlsx', bytes: filled('苍溪县') },
  { file: '旺苍县（修改）.xlsx', bytes: filled('旺苍县', [{ row: 3, col: 5, value: 15 }]) },
];
const allSets = () => true;

describe('汇集 in the Office.js host', () => {
  it('writes the cells the CLI writes, reports the same, in four syncs', async () => {
    const excel = new MockExcel(sampleSheets());
    const outcome = await gatherIntoWorkbook(excel.context, returns, { now: NOW, supports: allSets });
    const cli = collectXlsx(master, returns, { now: NOW });
    expect(outcome.refusal).toBeNull();
    expect(outcome.written).toBe(true);
    expect(outcome.gather!.units).toEqual(cli.gather.units);
    expect(outcome.gather!.files).toEqual(cli.gather.files);
    expect(outcome.gather!.units.find((u) => u.unit === '旺苍县')!.changes.map((c) => c.message)).toEqual(['旺苍县!F4 目标值由“20”改为“15”']);
    const expected = openXlsx(cli.output).readSheets();
    expect(excel.sheets.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    for (const sheet of expected) expect(normalise(excel.sheet(sheet.name).cells), sheet.name).toEqual(normalise(sheet.grid));
    expect(excel.sheet('旺苍县').cells[3][5]).toBe(20);
    // names; values and protection; number formats; writes
    expect(outcome.syncs).toBe(4);
    expect(excel.syncs).toBe(4);
    console.info(`gather in the pane: ${outcome.syncs} syncs, ${outcome.cellsWritten} cells written`);
  });

  it('changes nothing on a second gather of the same files', async () => {
    const excel = new MockExcel(sampleSheets());
    await gatherIntoWorkbook(excel.context, returns, { now: NOW, supports: allSets });
    const once = excel.sheets.map((s) => normalise(s.cells));
    await gatherIntoWorkbook(excel.context, returns, { now: '2026-12-04 09:00', supports: allSets });
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(once);
  });

  it('refuses, writing nothing, when a unit sheet to write is protected', async () => {
    const excel = new MockExcel(sampleSheets().map((s) => (s.name === '苍溪县' ? { ...s, protected: true } : s)));
    const before = excel.sheets.map((s) => normalise(s.cells));
    const outcome = await gatherIntoWorkbook(excel.context, returns, { now: NOW, supports: allSets });
    expect(outcome.written).toBe(false);
    expect(outcome.refusal?.sheet).toBe('苍溪县');
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(before);
  });
});
