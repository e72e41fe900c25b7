import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recalculate, type Supports } from '../../addin/host/index.ts';
import { freeSheetName, generateSheets } from '../../addin/host/generateSheets.ts';
import { importFromText } from '../../src/import/index.ts';
import { buildScoringWorkbook } from '../../src/templates/index.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { seedAsSheets } from '../import/rawXlsx.ts';
import { MockExcel, type MockSheetSpec } from './mockExcel.ts';
import { normalise, sampleSheets } from './fixtures.ts';

const allSets: Supports = () => true;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seed = readFileSync(here('../../workbook-templates/seed/guangyuan-2014.txt'), 'utf8');
const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];

/** The seed's tables as one raw sheet (stacked), the way staff receive them. */
const rawSheet = (name = '指标'): MockSheetSpec => ({ name, grid: seedAsSheets(seed, 'stacked')[0].rows });

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

let template: { name: string; grid: (string | number | boolean | null)[][] }[];
let templateMerges: Map<string, string[]>;
// What the exceljs path (target-scorer import) writes for the same seed; the shipped template carries more.
beforeAll(async () => {
  const bytes = await buildScoringWorkbook(importFromText(seed).workbook);
  template = openXlsx(bytes).readSheets();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  templateMerges = new Map(wb.worksheets.map((ws) => [ws.name, [...(ws.model as unknown as { merges: string[] }).merges].sort()]));
});

describe('生成考核表 on a raw indicator sheet', () => {
  it('adds the eight 考核表, 案件台账 and 汇总 in 2 syncs, with the template’s cells and merges', async () => {
    const excel = new MockExcel([{ name: '说明', grid: [['请看指标表']] }, rawSheet()]);
    excel.activeSheet = '指标';
    const outcome = await generateSheets(excel.context, { supports: allSets });

    expect(outcome.kind).toBe('done');
    expect(outcome.syncs).toBe(2);
    expect(excel.syncs).toBe(2);
    expect(outcome.sheets.map((s) => s.sheet)).toEqual(UNITS);
    expect(excel.sheets.map((s) => s.name)).toEqual(['说明', '指标', ...UNITS, '案件台账', '汇总']);
    expect(outcome.added).toEqual([...UNITS, '案件台账', '汇总']);
    expect(excel.activeSheet).toBe('苍溪县');
    console.info(`生成考核表: ${outcome.syncs} syncs, ${outcome.cellsWritten} cells, request ${excel.requestBytes[1]} B`);

    // The Office path writes what the exceljs path writes (the template has 填报说明 besides).
    for (const name of [...UNITS, '汇总']) {
      expect(normalise(excel.sheet(name).cells), name).toEqual(normalise(template.find((s) => s.name === name)!.grid));
    }
    expect(normalise(excel.sheet('案件台账').cells)).toEqual(normalise(template.find((s) => s.name === '案件台账')!.grid.slice(0, 2)));
    for (const name of UNITS) {
      expect([...excel.sheet(name).merges].sort(), name).toEqual(templateMerges.get(name));
    }
    // The raw sheet and the other sheet are untouched.
    expect(normalise(excel.sheet('指标').cells)).toEqual(normalise(rawSheet().grid));
    expect(excel.sheet('说明').cells).toEqual([['请看指标表']]);
  });

  it('leaves sheets the scorer reads: 一键计分 right after finds every row not yet reported, and no error', async () => {
    const excel = new MockExcel([rawSheet()]);
    await generateSheets(excel.context, { supports: allSets });
    const scored = await recalculate(excel.context, { supports: allSets });
    expect(scored.result.units.map((u) => u.unit)).toEqual(UNITS);
    expect(scored.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Only 保障指标 scores: a 扣分制 项目 with nothing deducted keeps its 15.
    for (const u of scored.result.units) {
      expect(u.total, u.unit).toBe(15);
      expect(u.status, u.unit).toMatch(/^未填报\d+项$/);
    }
  });

  it('never overwrites a sheet: a taken name gets (2), (3)…; an existing 案件台账 or 汇总 is kept', async () => {
    const excel = new MockExcel([
      { name: '苍溪县', grid: [['旧的苍溪县表']] },
      { name: '苍溪县(2)', grid: [['也是旧的']] },
      { name: '朝天区', grid: [['旧的']] },
      rawSheet(),
      { name: '汇总', grid: [['单位', '总分']] },
    ]);
    excel.activeSheet = '指标';
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect(outcome.syncs).toBe(2);
    expect(outcome.sheets.filter((s) => s.sheet !== s.unit)).toEqual([
      { unit: '苍溪县', sheet: '苍溪县(3)' },
      { unit: '朝天区', sheet: '朝天区(2)' },
    ]);
    expect(outcome.added).toContain('案件台账');
    expect(outcome.added).not.toContain('汇总');
    expect(excel.sheet('苍溪县').cells).toEqual([['旧的苍溪县表']]);
    expect(excel.sheet('苍溪县(2)').cells).toEqual([['也是旧的']]);
    expect(excel.sheet('汇总').cells).toEqual([['单位', '总分']]);
    expect(excel.sheet('苍溪县(3)').cells[0][0]).toBe('共青团苍溪县委2014年度目标绩效指标考核表');
  });

  it('reads a 保障指标 table kept on another sheet, in one more sync', async () => {
    const units = seedAsSheets(seed, 'perSheet');
    const sheets: MockSheetSpec[] = [
      { name: '苍溪县指标', grid: units[0].rows },
      { name: '保障指标', grid: units[8].rows },
    ];
    const excel = new MockExcel(sheets);
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect(outcome.syncs).toBe(3);
    expect(outcome.sheets).toEqual([{ unit: '苍溪县', sheet: '苍溪县' }]);
    expect(outcome.result!.workbook.warnings).toEqual([]);
    expect(outcome.result!.review.filter((r) => r.sharedTable === '保障指标')).toHaveLength(25);
  });

  it('without the 保障指标 table, still generates: one 扣分 row, flagged, and a warning', async () => {
    const excel = new MockExcel([{ name: '苍溪县指标', grid: seedAsSheets(seed, 'perSheet')[0].rows }]);
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect(outcome.syncs).toBe(2);
    expect(outcome.result!.workbook.warnings).toEqual(['苍溪县：找不到“保障指标”表，保障指标按一个扣分行处理。']);
    expect(outcome.result!.review.filter((r) => r.flagged).map((r) => [r.item, r.rule, r.weight])).toEqual([['保障指标', '扣分', 15]]);
    // The importer says which table it missed in a field of its own: what the second read looks for.
    expect(outcome.result!.review.flatMap((r) => (r.missingTable ? [r.missingTable] : []))).toEqual(['保障指标']);
  });
});

describe('生成考核表 refuses, writing nothing', () => {
  it('when the active sheet is not an indicator table (a 考核表), after one sync', async () => {
    const excel = new MockExcel(sampleSheets());
    excel.activeSheet = '苍溪县';
    const before = excel.sheets.map((s) => s.name);
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect([outcome.kind, outcome.syncs, outcome.source]).toEqual(['not-raw', 1, '苍溪县']);
    expect(excel.sheets.map((s) => s.name)).toEqual(before);
  });

  it('when the active sheet is empty', async () => {
    const excel = new MockExcel([{ name: 'Sheet1', grid: [] }]);
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect(outcome.kind).toBe('not-raw');
  });

  it('when the workbook’s structure is protected', async () => {
    const excel = new MockExcel([rawSheet()], { workbookProtected: true });
    const outcome = await generateSheets(excel.context, { supports: allSets });
    expect(outcome.kind).toBe('protected');
    expect(excel.sheets.map((s) => s.name)).toEqual(['指标']);
    expect(outcome.result!.workbook.units).toHaveLength(8);
  });
});

describe('freeSheetName', () => {
  it('adds (2), (3)… case-blind, and keeps within 31 characters', () => {
    expect(freeSheetName('苍溪县', [])).toBe('苍溪县');
    expect(freeSheetName('Sheet', ['sheet', 'SHEET(2)'])).toBe('Sheet(3)');
    const long = '很'.repeat(31);
    expect(freeSheetName(long, [long])).toBe(`${'很'.repeat(28)}(2)`);
  });
});
