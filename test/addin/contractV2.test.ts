// Contract version 2 through the Office.js host (office-addin-mock): the same workbook the CLI scores, with the
// number formats Excel keeps (0.9 shown as 90%, 41701 shown as 3/3), must give the CLI's result cell for cell.
import { describe, expect, it } from 'vitest';
import { a1 } from '../../addin/host/address.ts';
import { recalculate, type Supports } from '../../addin/host/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { contractV2Bytes, contractV2Workbook, V2_EXPECTED, V2_HEADER } from '../fixtures/contractV2.ts';
import { contractV2Sheets, excelSheetsOf, normalise } from './fixtures.ts';
import { MockExcel } from './mockExcel.ts';
import { describeOutcome } from '../../addin/lastRun.ts';

const allSets: Supports = () => true;

const facts = (units: { unit: string; total: number | null; rank: number | null; grade: string | null; status: string }[]) =>
  units.map(({ unit, total, rank, grade, status }) => ({ unit, total, rank, grade, status }));

describe('contract v2 in the Office.js host', async () => {
  const bytes = await contractV2Bytes();
  const cli = scoreXlsx(bytes);
  const specs = await contractV2Sheets();

  it('gives the CLI’s scores, 等次, statuses, issues and writes, and leaves the workbook as the CLI’s file', async () => {
    const excel = new MockExcel(specs);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.refusal).toBeNull();
    expect(outcome.written).toBe(true);
    expect(facts(outcome.result.units)).toEqual(V2_EXPECTED);
    expect(outcome.result.units).toEqual(cli.result.units);
    expect(outcome.result.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual(cli.result.issues.map((i) => [i.sheet, i.cell, i.code]));
    expect(outcome.result.issues).toEqual(cli.result.issues);
    expect(outcome.result.writes).toEqual(cli.result.writes);
    // The rest too: rows for feedback, the register's cases, the grade names, the summary sheet.
    expect(outcome.result).toEqual(cli.result);
    const expected = openXlsx(cli.output!).readSheets();
    expect(excel.sheets.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    for (const sheet of expected) expect(normalise(excel.sheet(sheet.name).cells), sheet.name).toEqual(normalise(sheet.grid));
    // names, used-range addresses, values, formats, the output runs' formulas, writes
    expect(outcome.syncs).toBe(6);
    expect(excel.syncs).toBe(6);
    console.info(`contract v2: ${outcome.syncs} syncs, ${outcome.formatCells} number formats loaded, ` +
      `format read ${excel.responseBytes[3]} B of ${outcome.readBytes} B read`);
  });

  it('loads number formats only of 目标值 and 实际完成 below the header, 日期 of the register and 比例上限 of 等次标准', async () => {
    const excel = new MockExcel(specs);
    await recalculate(excel.context, { supports: allSets });
    const target = V2_HEADER.indexOf('目标值');
    const actual = V2_HEADER.indexOf('实际完成');
    const units = ['甲县', '乙县', '丙县'].flatMap((u) => [`${u}!${a1(2, target)}:${a1(8, target)}`, `${u}!${a1(2, actual)}:${a1(8, actual)}`]);
    expect(excel.formatLoads).toEqual([...units, '案件台账!D2:D3', '等次标准!C2:C4']);
  });

  it('reads 90% and 3/3 by their formats: without them the result differs', async () => {
    const bare = specs.map((s) => ({ ...s, numberFormats: {} }));
    const outcome = await recalculate(new MockExcel(bare).context, { supports: allSets });
    expect(outcome.result.issues.map((i) => i.code)).not.toContain('actual-date');
    expect(facts(outcome.result.units)).not.toEqual(V2_EXPECTED);
  });

  it('reads a register date typed as a date by its format, as the CLI does', async () => {
    const book = contractV2Workbook();
    const cell = book.getWorksheet('案件台账')!.getCell('D3');
    cell.value = 41791; // 2014-06-01 typed into a date cell
    cell.numFmt = 'yyyy/m/d';
    const { sheets, bytes: file } = await excelSheetsOf(book);
    const viaFile = scoreXlsx(file).result;
    const outcome = await recalculate(new MockExcel(sheets).context, { supports: allSets });
    expect(outcome.result.cases).toEqual(viaFile.cases);
    expect(outcome.result.cases.find((c) => c.unit === '丙县')!.date).toBe('2014-06-01');
    expect(outcome.result).toEqual(viaFile);
  });

  it('changes nothing on a second run', async () => {
    const excel = new MockExcel(specs);
    const first = await recalculate(excel.context, { supports: allSets });
    const once = excel.sheets.map((s) => normalise(s.cells));
    const again = await recalculate(excel.context, { supports: allSets });
    expect(again.result.units).toEqual(first.result.units);
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(once);
  });

  it('needs 6 syncs whatever the number of sheets', async () => {
    const unit = specs.find((s) => s.name === '乙县')!;
    const many = [...Array.from({ length: 60 }, (_, i) => ({ ...unit, name: `乙县${i + 1}` })), ...specs.filter((s) => !s.name.endsWith('县'))];
    const excel = new MockExcel(many);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.result.units).toHaveLength(60);
    // Every copy's 3/3 is read as a date: the formats of all 60 sheets came back in the one format sync.
    expect(outcome.result.issues.filter((i) => i.code === 'actual-date')).toHaveLength(60);
    expect(outcome.result.units.every((u) => u.total === 12.78 && u.grade === '待定')).toBe(true);
    expect(excel.syncs).toBe(6);
    console.info(`contract v2, 60 units: ${excel.syncs} syncs, ${outcome.formatCells} number formats loaded, ` +
      `format read ${excel.responseBytes[3]} B, values read ${excel.responseBytes[2]} B`);
  });
});

describe('what the ribbon’s 一键计分 leaves for the pane', () => {
  it('says why nothing was scored in each language from the issue’s code', async () => {
    const outcome = await recalculate(new MockExcel([{ name: 'Sheet1', grid: [['hello']] }]).context, { supports: allSets });
    const run = describeOutcome(outcome);
    expect(run.ok).toBe(false);
    expect(run.message.zh).toContain('没有找到考核表');
    expect(run.message.en).toContain('No assessment sheet found');
    expect(run.message.en).not.toContain('没有找到考核表');
  });

  it('keeps a refusal’s code and both texts from the engine’s refusal table', async () => {
    const specs = (await contractV2Sheets()).map((s) => (s.name === '乙县' ? { ...s, protected: true } : s));
    const outcome = await recalculate(new MockExcel(specs).context, { supports: allSets });
    expect(outcome.refusal).toMatchObject({ code: 'protected-sheet', sheet: '乙县' });
    expect(describeOutcome(outcome)).toMatchObject({ ok: false, sheet: '乙县', message: outcome.refusal!.message });
    expect(outcome.refusal!.message.en).toBe('Sheet "乙县" is protected, so the scores cannot be written. Unprotect it (Review → Unprotect Sheet) and try again. Nothing was written.');
  });
});
