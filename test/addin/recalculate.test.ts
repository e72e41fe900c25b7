import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from './officeAddinMock.ts';
import { recalculate, selectCell, type Supports } from '../../addin/host/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { MockExcel } from './mockExcel.ts';
import { manyUnits, normalise, sampleBytes, sampleSheets, SUMMARY } from './fixtures.ts';

const allSets: Supports = () => true;
const only = (max: string): Supports => (set, v) => set === 'ExcelApi' && Number(v.split('.')[1]) <= Number(max.split('.')[1]);
const brief = (units: { unit: string; total: number | null; rank: number | null; status: string }[]) =>
  units.map(({ unit, total, rank, status }) => ({ unit, total, rank, status }));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('recalculate on the 8-unit sample', () => {
  const bytes = sampleBytes();
  const cli = scoreXlsx(bytes);

  it('scores like the CLI and leaves the workbook exactly as the xlsx path writes it, in 3 syncs', async () => {
    const excel = new MockExcel(sampleSheets(bytes));
    const outcome = await recalculate(excel.context, { supports: allSets });

    expect(outcome.refusal).toBeNull();
    expect(outcome.written).toBe(true);
    expect(brief(outcome.result.units)).toEqual(brief(cli.result.units));
    expect(outcome.result.units.map((u) => u.subtotals)).toEqual(cli.result.units.map((u) => u.subtotals));
    expect(outcome.result.issues).toEqual(cli.result.issues);
    expect(excel.syncs).toBe(3);
    expect(outcome.syncs).toBe(3);

    // The CLI's patched file, read back, holds the same cells as the mock workbook after the add-in wrote.
    const expected = openXlsx(cli.output!).readSheets();
    expect(excel.sheets.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    for (const sheet of expected) {
      expect(normalise(excel.sheet(sheet.name).cells), sheet.name).toEqual(normalise(sheet.grid));
    }
    expect(excel.activeSheet).toBe(SUMMARY);
    expect(outcome.activated).toBe(SUMMARY);
    expect(excel.requestBytes[2]).toBe(outcome.largestRequestBytes);
    expect(outcome.cellsWritten).toBe(cli.result.writes.length);
    console.info(`8 units: ${outcome.syncs} syncs, largest request ${outcome.largestRequestBytes} B, ` +
      `largest read ${Math.max(...excel.responseBytes)} B`);
  });

  it('formats scores as 0.00 and leaves other cells’ formats alone', async () => {
    const excel = new MockExcel(sampleSheets(bytes));
    const { result } = await recalculate(excel.context, { supports: allSets });
    const scored = result.writes.filter((w) => w.numberFormat === '0.00');
    expect(scored.length).toBeGreaterThan(100);
    for (const w of result.writes) {
      const f = excel.sheet(w.sheet).formats.get(`${w.row},${w.col}`);
      expect(f).toBe(w.numberFormat);
    }
    const formatted = excel.sheets.reduce((n, s) => n + s.formats.size, 0);
    expect(formatted).toBe(scored.length);
  });

  it('creates 汇总 in the write batch when it is missing, and activates it', async () => {
    const excel = new MockExcel(sampleSheets(bytes).filter((s) => s.name !== SUMMARY));
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.result.newSheets).toEqual([SUMMARY]);
    expect(excel.syncs).toBe(3);
    expect(excel.sheets.at(-1)!.name).toBe(SUMMARY);
    expect(excel.activeSheet).toBe(SUMMARY);
    const summary = normalise(excel.sheet(SUMMARY).cells);
    expect(summary[0][0]).toBe('单位');
    expect(summary.slice(1).map((r) => r[0])).toEqual(cli.result.units.map((u) => u.unit));
  });

  it('is idempotent: a second run over its own output changes nothing', async () => {
    const excel = new MockExcel(sampleSheets(bytes));
    await recalculate(excel.context, { supports: allSets });
    const once = excel.sheets.map((s) => normalise(s.cells));
    const again = await recalculate(excel.context, { supports: allSets });
    expect(again.refusal).toBeNull();
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(once);
  });

  it('refuses before writing anything when a sheet that receives results is protected', async () => {
    const sheets = sampleSheets(bytes).map((s) => (s.name === '旺苍县' ? { ...s, protected: true } : s));
    const excel = new MockExcel(sheets);
    const before = excel.sheets.map((s) => normalise(s.cells));
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(false);
    expect(outcome.refusal?.kind).toBe('protected-sheet');
    expect(outcome.refusal?.sheet).toBe('旺苍县');
    expect(outcome.refusal?.message.zh).toContain('工作表“旺苍县”受保护');
    expect(outcome.refusal?.message.zh).toContain('未写入任何内容');
    expect(excel.syncs).toBe(2);
    expect(excel.requestBytes.every((b) => b === 0)).toBe(true);
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(before);
  });

  it('ignores protection of sheets it does not write to (填报说明)', async () => {
    const sheets = sampleSheets(bytes).map((s) => (s.name === '填报说明' ? { ...s, protected: true } : s));
    const outcome = await recalculate(new MockExcel(sheets).context, { supports: allSets });
    expect(outcome.refusal).toBeNull();
    expect(outcome.written).toBe(true);
  });

  it('refuses when the workbook structure is protected and 汇总 must be added', async () => {
    const excel = new MockExcel(sampleSheets(bytes).filter((s) => s.name !== SUMMARY), { workbookProtected: true });
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.refusal?.kind).toBe('protected-workbook');
    expect(outcome.refusal?.message.zh).toContain('汇总');
    expect(excel.sheets.some((s) => s.name === SUMMARY)).toBe(false);
  });

  it.each([['1.9 (formula cells from getSpecialCells)', allSets], ['1.8 (formulas of every cell)', only('1.8')]])(
    'refuses, naming sheet and cell, when an output cell holds a formula of the user’s — ExcelApi %s',
    async (_, supports) => {
      const sheets = sampleSheets(bytes).map((s) =>
        s.name === '苍溪县' ? { ...s, formulas: { N3: '=H3*1', N4: '=H4' } } : s);
      const excel = new MockExcel(sheets);
      const before = excel.sheets.map((s) => normalise(s.cells));
      const outcome = await recalculate(excel.context, { supports });
      expect(outcome.refusal).toMatchObject({ kind: 'formula', sheet: '苍溪县', cell: 'N3' });
      expect(outcome.refusal?.message.zh).toContain('工作表“苍溪县”的 N3 是公式（另有1个输出单元格也是公式）');
      expect(excel.syncs).toBe(2);
      expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(before);
    },
  );

  it('refuses for a formula in 汇总 too', async () => {
    const sheets = sampleSheets(bytes).map((s) => (s.name === SUMMARY ? { ...s, formulas: { Q2: '=SUM(B2:L2)' } } : s));
    const outcome = await recalculate(new MockExcel(sheets).context, { supports: allSets });
    expect(outcome.refusal).toMatchObject({ kind: 'formula', sheet: SUMMARY, cell: 'Q2' });
  });

  it('does not mind formulas in input cells', async () => {
    const sheets = sampleSheets(bytes).map((s) => (s.name === '苍溪县' ? { ...s, formulas: { J3: '=1+2' } } : s));
    const outcome = await recalculate(new MockExcel(sheets).context, { supports: allSets });
    expect(outcome.refusal).toBeNull();
    expect(brief(outcome.result.units)).toEqual(brief(cli.result.units));
  });

  it('works on ExcelApi 1.1 (no valuesOnly, no protection check) and 1.2', async () => {
    for (const max of ['1.1', '1.2']) {
      const excel = new MockExcel(sampleSheets(bytes));
      const outcome = await recalculate(excel.context, { supports: only(max) });
      expect(outcome.written, max).toBe(true);
      expect(excel.syncs).toBe(3);
      expect(brief(outcome.result.units)).toEqual(brief(cli.result.units));
    }
  });

  it('asks Office which API sets exist when no check is passed in', async () => {
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
      context: { requirements: { isSetSupported: (set: string, v: string) => (asked.push(`${set} ${v}`), v === '1.1') } },
    });
    const excel = new MockExcel(sampleSheets(bytes));
    const outcome = await recalculate(excel.context);
    expect(outcome.written).toBe(true);
    expect(asked).toContain('ExcelApi 1.2');
  });

  it('writes nothing and reports the engine’s issue when there is no 考核表', async () => {
    const excel = new MockExcel([{ name: 'Sheet1', grid: [['hello']] }]);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(false);
    expect(outcome.refusal).toBeNull();
    expect(outcome.result.issues[0].message).toContain('没有找到考核表');
    expect(excel.syncs).toBe(2);
  });

  it('handles empty sheets and used ranges that do not start at A1', async () => {
    const [unit] = sampleSheets(bytes).filter((s) => s.name === '苍溪县');
    const shifted = { ...unit, name: '移位', grid: [[], [], ...unit.grid.map((r) => [null, null, ...(r ?? [])])] };
    const excel = new MockExcel([{ name: '空表', grid: [] }, unit, shifted]);
    const outcome = await recalculate(excel.context, { supports: allSets });
    const [a, b] = outcome.result.units;
    expect(b.total).toBe(a.total);
    expect(outcome.result.rows.find((r) => r.sheet === '移位')!.cell).toBe('P5');
  });

  it('keeps text that Excel would turn into a number, date or formula as text', async () => {
    const [unit] = sampleSheets(bytes).filter((s) => s.name === '苍溪县');
    const excel = new MockExcel([{ ...unit, name: '2014' }, { ...unit, name: '-1' }]);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(true);
    const names = normalise(excel.sheet(SUMMARY).cells).slice(1).map((r) => r[0]);
    expect(names).toEqual(['2014', '-1']);
  });
});

describe('recalculate on a 200-unit workbook', () => {
  it('still needs 3 syncs, one write request well under 4 MB', async () => {
    const sheets = manyUnits(200);
    const excel = new MockExcel(sheets);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.result.units).toHaveLength(200);
    expect(outcome.written).toBe(true);
    expect(excel.syncs).toBe(3);
    expect(outcome.largestRequestBytes).toBeLessThan(4_000_000);
    expect(Math.max(...excel.requestBytes)).toBe(outcome.largestRequestBytes);
    expect(excel.sheet(SUMMARY).cells.filter((r) => r?.length).length).toBe(201);
    // Scoring again reads the notes back too: still far below the 5 MB response limit of Excel on the web.
    const again = await recalculate(excel.context, { supports: allSets });
    expect(again.syncs).toBe(3);
    const largestRead = Math.max(...excel.responseBytes);
    expect(largestRead).toBeGreaterThanOrEqual(again.readBytes);
    expect(largestRead).toBeLessThan(4_000_000);
    console.info(`200 units: ${outcome.syncs} syncs, largest request ${outcome.largestRequestBytes} B, ` +
      `largest read ${excel.responseBytes[1]} B (first run) / ${largestRead} B (rerun)`);
  });

  it('cuts the writes into row bands over extra syncs only when one request would be too large', async () => {
    const excel = new MockExcel(manyUnits(40));
    const reference = new MockExcel(manyUnits(40));
    await recalculate(reference.context, { supports: allSets });
    const outcome = await recalculate(excel.context, { supports: allSets, maxRequestBytes: 50_000 });
    expect(excel.syncs).toBeGreaterThan(3);
    expect(Math.max(...excel.requestBytes.slice(2))).toBeLessThanOrEqual(50_000);
    expect(outcome.largestRequestBytes).toBeLessThanOrEqual(50_000);
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(reference.sheets.map((s) => normalise(s.cells)));
    expect(excel.activeSheet).toBe(SUMMARY);
  });
});

describe('recalculate beyond READ_SHEETS_PER_SYNC sheets', () => {
  it('reads in groups of sheets, one sync each, with the same result as one big read', async () => {
    const reference = new MockExcel(manyUnits(40));
    await recalculate(reference.context, { supports: allSets });
    const excel = new MockExcel(manyUnits(40));
    const outcome = await recalculate(excel.context, { supports: allSets, readSheetsPerSync: 10 });
    const sheetCount = manyUnits(40).length;
    // 1 sync for the names, one per group of 10 sheets, one for the writes.
    expect(excel.syncs).toBe(1 + Math.ceil(sheetCount / 10) + 1);
    expect(outcome.syncs).toBe(excel.syncs);
    const largestGroupRead = Math.max(...excel.responseBytes);
    expect(largestGroupRead).toBeLessThan(reference.responseBytes[1]);
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(reference.sheets.map((s) => normalise(s.cells)));
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const excel = new MockExcel(sampleSheets());
    await selectCell(excel.context, '剑阁县', 'J5');
    expect(excel.activeSheet).toBe('剑阁县');
    expect(excel.selection).toEqual({ sheet: '剑阁县', address: 'J5' });
    expect(excel.syncs).toBe(1);
  });

  it('only activates the sheet for a whole-sheet issue', async () => {
    const excel = new MockExcel(sampleSheets());
    await selectCell(excel.context, '案件台账', '');
    expect(excel.activeSheet).toBe('案件台账');
    expect(excel.selection).toBeNull();
  });
});
