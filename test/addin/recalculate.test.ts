import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from './officeAddinMock.ts';
import { recalculate, selectCell, type Supports } from '../../addin/host/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { MockExcel, PAYLOAD_LIMIT_BYTES, type MockSheetSpec } from './mockExcel.ts';
import { isUnitSheet, manyUnits, normalise, sampleBytes, sampleSheets, SUMMARY } from './fixtures.ts';
import type { Grid } from '../../src/engine/index.ts';
import { a1 } from '../../addin/host/address.ts';

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

  it('scores like the CLI and leaves the workbook exactly as the xlsx path writes it, in 6 syncs', async () => {
    const excel = new MockExcel(sampleSheets(bytes));
    const outcome = await recalculate(excel.context, { supports: allSets });

    expect(outcome.refusal).toBeNull();
    expect(outcome.written).toBe(true);
    expect(brief(outcome.result.units)).toEqual(brief(cli.result.units));
    expect(outcome.result.units.map((u) => u.subtotals)).toEqual(cli.result.units.map((u) => u.subtotals));
    expect(outcome.result.issues).toEqual(cli.result.issues);
    // names, used-range addresses, values, the number formats of 目标值 and 实际完成, the output runs' formulas, writes
    expect(excel.syncs).toBe(6);
    expect(outcome.syncs).toBe(6);

    // The CLI's patched file, read back, holds the same cells as the mock workbook after the add-in wrote.
    const expected = openXlsx(cli.output!).readSheets();
    expect(excel.sheets.map((s) => s.name)).toEqual(expected.map((s) => s.name));
    for (const sheet of expected) {
      expect(normalise(excel.sheet(sheet.name).cells), sheet.name).toEqual(normalise(sheet.grid));
    }
    expect(excel.activeSheet).toBe(SUMMARY);
    expect(outcome.activated).toBe(SUMMARY);
    expect(excel.requestBytes[5]).toBe(outcome.largestRequestBytes);
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
    expect(excel.syncs).toBe(6);
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
    expect(outcome.refusal).toMatchObject({ code: 'protected-sheet', params: { sheet: '旺苍县' } });
    expect(outcome.refusal?.message.zh).toContain('“旺苍县”工作表受保护');
    expect(outcome.refusal?.message.en).toContain('Sheet "旺苍县" is protected');
    expect(outcome.refusal?.message.zh).toContain('未写入任何内容');
    expect(excel.syncs).toBe(4);
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

  it.each([['1.9', allSets], ['1.1', only('1.1')]])(
    'refuses, naming sheet and cell, when an output cell holds a formula of the user’s — ExcelApi %s',
    async (_, supports) => {
      const sheets = sampleSheets(bytes).map((s) =>
        s.name === '苍溪县' ? { ...s, formulas: { N3: '=H3*1', N4: '=H4' } } : s);
      const excel = new MockExcel(sheets);
      const before = excel.sheets.map((s) => normalise(s.cells));
      const outcome = await recalculate(excel.context, { supports });
      expect(outcome.refusal).toMatchObject({ kind: 'formula', sheet: '苍溪县', cell: 'N3' });
      expect(outcome.refusal).toMatchObject({ code: 'formula-in-output', params: { sheet: '苍溪县', cell: 'N3', others: 1 } });
      expect(outcome.refusal?.message.zh).toContain('“苍溪县”工作表 N3 单元格含有公式，计分结果不能覆盖它。（另有 1 个要写入的单元格也含有公式。）');
      expect(excel.syncs).toBe(5);
      expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(before);
    },
  );

  it('finds a formula in an output cell however many formulas the sheet holds elsewhere (no address string parsed)', async () => {
    // 得分 (N) is the first output column; the formulas elsewhere fill Q:AC, right of the last output column (P).
    const last = Math.max(...cli.result.writes.filter((w) => w.sheet === '苍溪县' && w.col === 13).map((w) => w.row));
    const formulas: Record<string, string> = {};
    for (let r = 0; r <= last; r++) for (let c = 16; c < 29; c++) formulas[a1(r, c)] = '=1';
    formulas[a1(last, 13)] = '=H3*1';
    const sheets = sampleSheets(bytes).map((s) => (s.name === '苍溪县' ? { ...s, formulas } : s));
    const excel = new MockExcel(sheets);
    // What getSpecialCells would have named: longer than the 8,192 characters the mock (like Excel) returns.
    const areas = excel.context.workbook.worksheets.getItem('苍溪县').getRange().getSpecialCellsOrNullObject('Formulas');
    areas.load('address');
    await excel.context.sync();
    expect(areas.address.length).toBe(8192);
    expect(areas.address).not.toContain(a1(last, 13));
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.refusal).toMatchObject({ kind: 'formula', sheet: '苍溪县', cell: a1(last, 13) });
    expect(excel.sheet('苍溪县').formulas.get(`${last},13`)).toBe('=H3*1');
  });

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
      expect(excel.syncs).toBe(6);
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
    expect(excel.syncs).toBe(3);
  });

  it('handles empty sheets and used ranges that do not start at A1', async () => {
    const [unit] = sampleSheets(bytes).filter((s) => s.name === '苍溪县');
    const shifted = { ...unit, name: '移位', merges: [], grid: [[], [], ...unit.grid.map((r) => [null, null, ...(r ?? [])])] };
    const excel = new MockExcel([{ name: '空表', grid: [] }, unit, shifted]);
    const outcome = await recalculate(excel.context, { supports: allSets });
    const [a, b] = outcome.result.units;
    expect(b.total).toBe(a.total);
    expect(outcome.result.rows.find((r) => r.sheet === '移位')!.cell).toBe('P5');
  });

  it('writes numbers into text-formatted (@) output columns as numbers: the format goes first', async () => {
    const text: Record<string, string> = {};
    for (const w of cli.result.writes) if (w.sheet === '苍溪县' || w.sheet === SUMMARY) text[a1(w.row, w.col)] = '@';
    const sheets = sampleSheets(bytes).map((s) => (s.name === '苍溪县' || s.name === SUMMARY ? { ...s, numberFormats: text } : s));
    const excel = new MockExcel(sheets);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(true);
    const numeric = cli.result.writes.filter((w) => (w.sheet === '苍溪县' || w.sheet === SUMMARY) && typeof w.value === 'number');
    expect(numeric.length).toBeGreaterThan(100);
    for (const w of numeric) {
      const at = `${w.sheet}!${a1(w.row, w.col)}`;
      expect(excel.sheet(w.sheet).cells[w.row][w.col], at).toBe(w.value);
      expect(excel.sheet(w.sheet).formats.get(`${w.row},${w.col}`), at).toBe(w.numberFormat ?? 'General');
    }
  });

  it('writes only the output cells: merged areas stay whole, with and without ExcelApi 1.13’s merged-area list', async () => {
    for (const supports of [allSets, only('1.12')]) {
      const sheets = sampleSheets(bytes);
      // 项目得分 (P, output) and 自评分 (K, input) are merged per 项目.
      expect(sheets.find((s) => s.name === '苍溪县')!.merges).toEqual(expect.arrayContaining(['P3:P14', 'K3:K14']));
      const excel = new MockExcel(sheets);
      const outcome = await recalculate(excel.context, { supports });
      expect(outcome.written).toBe(true);
      expect(outcome.cellsWritten).toBe(cli.result.writes.length);
      const expected = openXlsx(cli.output!).readSheets();
      for (const sheet of expected) expect(normalise(excel.sheet(sheet.name).cells), sheet.name).toEqual(normalise(sheet.grid));
    }
  });

  it('writes a 项目 merged page by page (its name again on the new page) without covering part of a merge', async () => {
    // 苍溪县's first 项目 (rows 3–14) broken after row 8, as a printed page breaks it: B, C, K and P merged per page.
    const split = (s: MockSheetSpec): MockSheetSpec => {
      const grid = s.grid.map((row) => [...(row ?? [])]);
      grid[8][1] = grid[2][1];
      const merges = (s.merges ?? []).flatMap((m) => (/^[BCKP]3:[BCKP]14$/.test(m) ? [`${m[0]}3:${m[0]}8`, `${m[0]}9:${m[0]}14`] : [m]));
      return { ...s, grid, merges };
    };
    for (const supports of [allSets, only('1.12')]) {
      const sheets = sampleSheets(bytes).map((s) => (s.name === '苍溪县' ? split(s) : s));
      expect(sheets.find((s) => s.name === '苍溪县')!.merges).toEqual(expect.arrayContaining(['P3:P8', 'P9:P14']));
      const excel = new MockExcel(sheets);
      const outcome = await recalculate(excel.context, { supports });
      expect(outcome.refusal).toBeNull();
      expect(outcome.written).toBe(true);
      expect(outcome.cellsWritten).toBe(outcome.result.writes.length);
      for (const w of outcome.result.writes) expect(excel.sheet(w.sheet).cells[w.row]?.[w.col] ?? '', `${w.sheet}!${a1(w.row, w.col)}`).toBe(w.value ?? '');
      expect(brief(outcome.result.units)).toEqual(brief(cli.result.units));
    }
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
  it('needs 7 syncs (values in two reads, as the 107-row sheets’ estimate passes 4 MB), one write request well under 4 MB', async () => {
    const sheets = manyUnits(200);
    const excel = new MockExcel(sheets);
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.result.units).toHaveLength(200);
    expect(outcome.written).toBe(true);
    // names, addresses, values (2 syncs), formats, the output runs' formulas, writes
    expect(excel.syncs).toBe(7);
    expect(outcome.largestRequestBytes).toBeLessThan(4_000_000);
    expect(excel.requestBytes.filter((b) => b > 0)).toEqual([outcome.largestRequestBytes]);
    expect(excel.sheet(SUMMARY).cells.filter((r) => r?.length).length).toBe(201);
    const firstRead = Math.max(...excel.responseBytes);
    // Scoring again reads the notes back too: still far below the 5 MB response limit of Excel on the web.
    const again = await recalculate(excel.context, { supports: allSets });
    expect(again.syncs).toBe(7);
    const largestRead = Math.max(...excel.responseBytes);
    const [, , values, valuesAndFormats, formats] = excel.responseBytes.slice(-7);
    expect(values + valuesAndFormats + formats).toBeGreaterThanOrEqual(again.readBytes);
    expect(largestRead).toBeLessThan(4_000_000);
    console.info(`200 units: ${outcome.syncs} syncs, largest request ${outcome.largestRequestBytes} B, ` +
      `largest read ${firstRead} B (first run) / ${largestRead} B (rerun), ` +
      `number formats ${formats} B for ${again.formatCells} cells`);
  });

  it('cuts the writes into row bands over extra syncs only when one request would be too large', async () => {
    const excel = new MockExcel(manyUnits(40));
    const reference = new MockExcel(manyUnits(40));
    await recalculate(reference.context, { supports: allSets });
    const outcome = await recalculate(excel.context, { supports: allSets, maxRequestBytes: 50_000 });
    expect(excel.syncs).toBeGreaterThan(6);
    expect(Math.max(...excel.requestBytes.slice(5))).toBeLessThanOrEqual(50_000);
    expect(outcome.largestRequestBytes).toBeLessThanOrEqual(50_000);
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(reference.sheets.map((s) => normalise(s.cells)));
    expect(excel.activeSheet).toBe(SUMMARY);
  });
});

/** Unit sheets with one stray value far from the table, the way a mistyped cell or a pasted note makes them. */
const withStrayCell = (specs: MockSheetSpec[], row: number, col: number): MockSheetSpec[] => specs.map((s) => {
  if (!isUnitSheet(s)) return s;
  const grid: Grid = s.grid.map((r) => (r ? [...r] : []));
  (grid[row] ??= [])[col] = '备注';
  return { ...s, grid };
});

describe('recalculate reads in syncs sized by estimated bytes', () => {
  it('groups sheets by their used ranges’ size, each sync under the budget, with the same result as one big read', async () => {
    const reference = new MockExcel(manyUnits(40));
    await recalculate(reference.context, { supports: allSets });
    const excel = new MockExcel(manyUnits(40));
    const budget = 100_000;
    const outcome = await recalculate(excel.context, { supports: allSets, readBudgetBytes: budget });
    // names, addresses, at least 2 value groups, the last group's formats, the check, writes
    expect(excel.syncs).toBeGreaterThan(6);
    expect(outcome.syncs).toBe(excel.syncs);
    expect(Math.max(...excel.responseBytes)).toBeLessThanOrEqual(budget);
    expect(Math.max(...excel.responseBytes)).toBeLessThan(Math.max(...reference.responseBytes));
    expect(excel.sheets.map((s) => normalise(s.cells))).toEqual(reference.sheets.map((s) => normalise(s.cells)));
  });

  it('the mock refuses a response over 5 MB as Excel on the web does', async () => {
    const excel = new MockExcel(withStrayCell(manyUnits(10), 4999, 51));
    const worksheets = excel.context.workbook.worksheets;
    worksheets.load('items/name');
    await excel.context.sync();
    for (const sheet of worksheets.items) sheet.getUsedRange(true).load('values');
    await expect(excel.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('reads sheets with a stray far cell in row bands, every response under 5 MB, scoring as without it', async () => {
    const plain = await recalculate(new MockExcel(manyUnits(10)).context, { supports: allSets });
    for (const supports of [allSets, only('1.8')]) {
      const excel = new MockExcel(withStrayCell(manyUnits(10), 4999, 51));
      const outcome = await recalculate(excel.context, { supports });
      expect(outcome.written).toBe(true);
      expect(Math.max(...excel.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(brief(outcome.result.units)).toEqual(brief(plain.result.units));
      expect(outcome.result.writes).toEqual(plain.result.writes);
      // Row bands: more value syncs than sheets.
      expect(excel.syncs).toBeGreaterThan(10 + 4);
    }
  });

  it('reads again in halves when Excel refuses a sync whose texts were longer than estimated', async () => {
    const long = '说明'.repeat(1000);
    const texty = (specs: MockSheetSpec[]) => specs.map((s) => {
      if (!isUnitSheet(s)) return s;
      const grid: Grid = s.grid.map((r) => (r ? [...r] : []));
      grid.forEach((r, i) => { if (i > 0) r[20] = long; });
      return { ...s, grid };
    });
    const plain = await recalculate(new MockExcel(manyUnits(12)).context, { supports: allSets });
    const excel = new MockExcel(texty(manyUnits(12)));
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(true);
    const refused = excel.responseBytes.filter((b) => b > PAYLOAD_LIMIT_BYTES);
    expect(refused).toHaveLength(1);
    expect(outcome.syncs).toBe(excel.syncs);
    expect(brief(outcome.result.units)).toEqual(brief(plain.result.units));
    expect(outcome.result.writes).toEqual(plain.result.writes);
  });

  it('refuses in Chinese, then English, before reading values when the used ranges pass 5,000,000 cells', async () => {
    const excel = new MockExcel(withStrayCell(manyUnits(2), 999_999, 5));
    const outcome = await recalculate(excel.context, { supports: allSets });
    expect(outcome.written).toBe(false);
    expect(outcome.refusal).toMatchObject({ kind: 'too-large', code: 'workbook-too-large', params: { limit: 5_000_000 } });
    expect(Number(outcome.refusal!.params.cells)).toBeGreaterThan(5_000_000);
    expect(outcome.refusal!.message.zh).toMatch(/^工作簿已用区域共有 \d+ 个单元格，超过 Excel 网页版一次计分可读取的 5000000 个。.*未写入任何内容。$/);
    expect(outcome.refusal!.message.en).toContain('more than the 5000000 that Excel on the web can read');
    expect(excel.syncs).toBe(2);
    expect(excel.responseBytes.every((b) => b < 10_000)).toBe(true);
    expect(outcome.result.units).toEqual([]);
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
