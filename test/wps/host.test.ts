import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatColumns, type CellWrite } from '../../src/engine/index.ts';
import { importFromText } from '../../src/import/index.ts';
import { buildScoringWorkbook } from '../../src/templates/index.ts';
import { valueRows } from '../../wps/host/cellValue.ts';
import type { EtApplication } from '../../wps/host/et.ts';
import { generateSheets } from '../../wps/host/generateSheets.ts';
import { readWorkbook } from '../../wps/host/readWorkbook.ts';
import { writeRuns } from '../../wps/host/writeRuns.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { seedAsSheets } from '../import/rawXlsx.ts';
import { normalise, sampleBytes, sampleSheets } from '../addin/fixtures.ts';
import { FakeEt } from './fakeEt.ts';
import { propertyRuns } from '../propertyRuns';

const app = (et: FakeEt) => et.application as EtApplication;

describe('reading Value2', () => {
  it('shapes scalars, rows of rows and flat lists by the range size', () => {
    const size = (rows: number, cols: number) => () => ({ rows, cols });
    expect(valueRows(7, size(1, 1))).toEqual([[7]]);
    expect(valueRows(undefined, size(1, 1))).toEqual([[null]]);
    expect(valueRows([[1, ''], [undefined, 'x']], size(2, 2))).toEqual([[1, null], [null, 'x']]);
    expect(valueRows([1, 2, 3], size(1, 3))).toEqual([[1, 2, 3]]);
    expect(valueRows([1, 2, 3], size(3, 1))).toEqual([[1], [2], [3]]);
    expect(valueRows([-2146826246, true], size(1, 2))).toEqual([['#N/A', true]]);
  });

  it('reads every sheet the same whether single rows and columns come back flattened or not', () => {
    const specs = [...sampleSheets(), { name: '一行', grid: [[], [null, '甲', 2, '#REF!']] }];
    const plain = readWorkbook(app(new FakeEt(specs)).ActiveWorkbook!).inputs.map((s) => ({ ...s, grid: normalise(s.grid) }));
    const odd = readWorkbook(app(new FakeEt(specs, { flattenVectors: true, numericErrors: true })).ActiveWorkbook!).inputs
      .map((s) => ({ ...s, grid: normalise(s.grid) }));
    expect(odd).toEqual(plain);
    expect(plain.map((s) => s.grid)).toEqual(specs.map((s) => normalise(s.grid)));
  });

  it('costs six bridge calls a sheet, plus the workbook, the sheet count and one NumberFormat a uniform format column', () => {
    const et = new FakeEt(sampleSheets(sampleBytes()));
    const read = readWorkbook(app(et).ActiveWorkbook!);
    const formatReads = read.inputs.reduce((n, s) => n + (formatColumns(s.name, s.grid)?.columns.length ?? 0), 0);
    expect(formatReads).toBeGreaterThan(0);
    expect(et.log.byMember.get('Range.NumberFormat')).toBe(formatReads);
    expect(et.log.calls).toBe(1 + 1 + 1 + 6 * read.sheets.length + 2 * formatReads);
  });
});

describe('the fake ET model', () => {
  it('refuses, as WPS does, to write across part of a merged area, and reports MergeCells as true, false or null', () => {
    const et = new FakeEt([{ name: 'S', grid: [[1], [2]], merges: ['A2:A4'] }]);
    const sheet = app(et).ActiveWorkbook!.Worksheets.Item(1);
    expect(sheet.Range('A1:A2').MergeCells).toBeNull();
    expect(sheet.Range('A2:A4').MergeCells).toBe(true);
    expect(sheet.Range('B1:B4').MergeCells).toBe(false);
    expect(() => (sheet.Range('A1:A2').Value2 = [[5], [6]])).toThrow('合并单元格');
    sheet.Range('A2').Value2 = 6;
    sheet.Range('A1:A4').Value2 = [[5], [7], [null], [null]];
    expect(et.sheet('S').grid()).toEqual([[5], [7]]);
  });
});

describe('write runs', () => {
  const write = fc.record({
    row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 6 }),
    value: fc.oneof(fc.integer(), fc.constant(null), fc.constantFrom('说明', '=A1', '12')),
    numberFormat: fc.constantFrom(undefined, '0.00' as const),
  });

  it('cover exactly the output cells, each once, as rectangles of one number format', () => {
    fc.assert(fc.property(fc.uniqueArray(write, { selector: (w) => `${w.row},${w.col}` }), (cells) => {
      const writes: CellWrite[] = cells.map((w) => ({ sheet: 'S', ...w }));
      const covered = new Map<string, unknown>();
      for (const run of writeRuns(writes)) {
        const width = run.values[0].length;
        for (const [r, line] of run.values.entries()) {
          expect(line).toHaveLength(width);
          line.forEach((v, c) => {
            const k = `${run.top + r},${run.left + c}`;
            expect(covered.has(k)).toBe(false);
            covered.set(k, [v, run.numberFormat]);
          });
        }
      }
      expect(covered.size).toBe(writes.length);
      for (const w of writes) {
        const text = typeof w.value === 'string' && /^[=0-9]/.test(w.value) ? `'${w.value}` : w.value;
        expect(covered.get(`${w.row},${w.col}`)).toEqual([text, w.numberFormat ?? null]);
      }
    }), propertyRuns(160, 300));
  });

  it('stack a full column pair into one rectangle', () => {
    const writes: CellWrite[] = [2, 3, 4].flatMap((row) => [
      { sheet: 'S', row, col: 10, value: row, numberFormat: '0.00' as const }, { sheet: 'S', row, col: 11, value: `得${row}分` },
    ]);
    expect(writeRuns(writes).map((r) => [r.top, r.left, r.values.length, r.values[0].length, r.numberFormat]))
      .toEqual([[2, 10, 3, 1, '0.00'], [2, 11, 3, 1, null]]);
  });
});

describe('生成考核表 in WPS', () => {
  const seed = readFileSync(new URL('../../workbook-templates/seed/guangyuan-2014.txt', import.meta.url), 'utf8');
  const raw = () => ({ name: '指标', grid: seedAsSheets(seed, 'stacked')[0].rows });
  const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];

  // Compared with what the exceljs path (target-scorer import) writes for the same seed; the shipped template carries more.
  it('adds the eight 考核表, 案件台账 and 汇总 after the last sheet with the importer’s cells, leaving the others alone', async () => {
    const bytes = await buildScoringWorkbook(importFromText(seed).workbook);
    const template = openXlsx(bytes).readSheets();
    const et = new FakeEt([{ name: '说明', grid: [['请看指标表']] }, raw()]);
    et.active = et.sheet('指标');
    const outcome = generateSheets(app(et));
    expect(outcome.kind).toBe('done');
    expect(outcome.sheets.map((s) => s.sheet)).toEqual(UNITS);
    expect(et.sheets.map((s) => s.name)).toEqual(['说明', '指标', ...UNITS, '案件台账', '汇总']);
    for (const name of [...UNITS, '汇总']) {
      expect(normalise(et.sheet(name).grid()), name).toEqual(normalise(template.find((s) => s.name === name)!.grid));
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const name of UNITS) {
      const merges = (book.getWorksheet(name)!.model as unknown as { merges: string[] }).merges;
      expect([...et.sheet(name).merges].sort(), name).toEqual([...merges].sort());
    }
    expect(normalise(et.sheet('指标').grid())).toEqual(normalise(raw().grid));
    expect(et.sheet('说明').grid()).toEqual([['请看指标表']]);
    expect(et.active.name).toBe('苍溪县');
    expect(et.screenUpdatingLog).toEqual([false, true]);
  });

  it('refuses when the workbook structure is protected, adding nothing', () => {
    const et = new FakeEt([raw()]);
    et.protectStructure = true;
    expect(generateSheets(app(et)).kind).toBe('protected');
    expect(et.sheets).toHaveLength(1);
    expect(et.log.writes).toBe(0);
  });
});
