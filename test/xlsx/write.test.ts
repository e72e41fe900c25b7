import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellWrite } from '../../src/engine/types';
import { openXlsx, XlsxRefusal } from '../../src/xlsx/index';
import { mainWorkbook, normalise, rawEntries, SHEET_AMP, toBytes, unzipText } from './helpers';

const S = '苍溪县';
const at = (a: string) => ({ row: Number(a.replace(/^[A-Z]+/, '')) - 1, col: a.charCodeAt(0) - 65 });
const w = (sheet: string, a: string, value: CellWrite['value'], numberFormat?: '0.00'): CellWrite => ({
  sheet,
  ...at(a),
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

const WRITES: CellWrite[] = [
  w(S, 'K2', 95.5, '0.00'), // new cell at the end of an existing row
  w(S, 'K10', 88, '0.00'), // existing bold cell
  w(S, 'K11', 1.25, '0.00'), // existing empty cell styled 0.0%
  w(S, 'K8', 70, '0.00'), // new row inside the gap
  w(S, 'K20', 60.125, '0.00'), // new row after the last row
  w(S, 'A5', '备注 <a&b> "引号"', undefined), // new cell before existing ones
  w(S, 'C3', null), // clear a number
  w(S, 'L12', null), // clear a string
  w(SHEET_AMP, 'B2', 9.75, '0.00'),
  w('汇总', 'A1', '县'),
  w('汇总', 'B1', '得分'),
  w('汇总', 'A2', S),
  w('汇总', 'B2', 95.5, '0.00'),
];
const PATCHED = [
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
];

describe('applyWrites on an exceljs workbook', () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await toBytes(mainWorkbook());
    output = openXlsx(input).applyWrites(WRITES, ['汇总']);
  });

  it('copies every untouched entry byte for byte (raw compressed data and local header)', () => {
    const before = rawEntries(input);
    const after = rawEntries(output);
    const untouched = [...before.keys()].filter((n) => !PATCHED.includes(n));
    expect(untouched).toContain('xl/media/image1.png');
    expect(untouched).toContain('xl/drawings/drawing1.xml');
    expect(untouched).toContain('xl/sharedStrings.xml');
    expect(untouched).toContain('xl/worksheets/sheet3.xml');
    for (const name of untouched) {
      expect(after.get(name)?.local, name).toEqual(before.get(name)!.local);
      expect(after.get(name)?.compressed, name).toEqual(before.get(name)!.compressed);
    }
    const inflatedBefore = unzipSync(input);
    const inflatedAfter = unzipSync(output);
    for (const name of untouched) expect(inflatedAfter[name], name).toEqual(inflatedBefore[name]);
    expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
    expect([...after.keys()].slice(before.size)).toEqual(['xl/worksheets/sheet4.xml']);
    for (const name of PATCHED) expect(inflatedAfter[name], name).not.toEqual(inflatedBefore[name]);
  });

  it('re-reads the written values and leaves everything else alone', () => {
    const before = openXlsx(input).readSheets();
    const book = openXlsx(output);
    expect(book.sheetNames).toEqual([S, SHEET_AMP, '隐藏表', '汇总']);
    const after = book.readSheets();

    const expected = structuredClone(before);
    const set = (sheet: number, a: string, v: CellWrite['value']) => {
      const { row, col } = at(a);
      const g = expected[sheet].grid;
      while (g.length <= row) g.push([]);
      while (g[row].length < col) g[row].push(null);
      g[row][col] = v;
    };
    set(0, 'K2', 95.5);
    set(0, 'K10', 88);
    set(0, 'K11', 1.25);
    set(0, 'K8', 70);
    set(0, 'K20', 60.125);
    set(0, 'A5', '备注 <a&b> "引号"');
    set(0, 'C3', null);
    set(0, 'L12', null);
    set(1, 'B2', 9.75);
    // K12 = SUM(K2:K10) reads written cells: its stale cached result is dropped so every reader recomputes it.
    set(0, 'K12', null);
    expected.push({ name: '汇总', grid: [['县', '得分'], [S, 95.5]] });
    // Cleared cells do not extend a row: compare without trailing nulls.
    const trim = (sheets: typeof after) => sheets.map((s) => ({ name: s.name, grid: normalise(s.grid) }));
    expect(trim(after)).toEqual(trim(expected));

    for (const a of ['D2', 'D5', 'J5', 'K12']) expect(book.hasFormula(S, at(a).row, at(a).col), a).toBe(true);
    expect(book.hasFormula(S, at('K2').row, at('K2').col)).toBe(false);
  });

  it('keeps untouched rows and everything outside sheetData byte-identical', () => {
    const before = unzipText(input)['xl/worksheets/sheet1.xml'];
    const after = unzipText(output)['xl/worksheets/sheet1.xml'];
    const rows = (s: string) => new Map([...s.matchAll(/<row r="(\d+)"[^>]*>.*?<\/row>/g)].map((m) => [Number(m[1]), m[0]]));
    const b = rows(before);
    const a = rows(after);
    for (const r of [1, 4, 6]) expect(a.get(r), `row ${r}`).toBe(b.get(r));
    const outside = (s: string) => s.replace(/<sheetData>.*<\/sheetData>/, '').replace(/<dimension ref="[^"]*"\/>/, '');
    expect(outside(after)).toBe(outside(before));
    expect(after).toContain('<dimension ref="A1:L20"/>');
    expect(after).toContain('<c r="K2" s="');
    expect(after).toMatch(/<c r="A5" t="inlineStr"><is><t xml:space="preserve">备注 &lt;a&amp;b&gt; "引号"<\/t><\/is><\/c><c r="B5"/);
    expect(after).toMatch(/<row r="8"><c r="K8" s="\d+"><v>70<\/v><\/c><\/row><row r="10"/);
  });

  it('sets fullCalcOnLoad and registers the new sheet', () => {
    const t = unzipText(output);
    expect(t['xl/workbook.xml']).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(t['xl/workbook.xml']).toMatch(/<sheet name="汇总" sheetId="4" r:id="rId\d+"\/><\/sheets>/);
    expect(t['[Content_Types].xml']).toContain(
      '<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    );
    expect(t['xl/_rels/workbook.xml.rels']).toMatch(/Target="worksheets\/sheet4.xml"/);
  });

  it('loads in exceljs with numbers formatted 0.00 and original styles kept', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(S)!;
    for (const [a, v] of [['K2', 95.5], ['K10', 88], ['K11', 1.25], ['K8', 70], ['K20', 60.125]] as const) {
      expect(ws.getCell(a).value, a).toBe(v);
      expect(ws.getCell(a).numFmt, a).toBe('0.00');
    }
    expect(ws.getCell('K10').font?.bold).toBe(true);
    expect(ws.getCell('A5').value).toBe('备注 <a&b> "引号"');
    expect(ws.getCell('C3').value).toBe(null);
    expect(ws.getCell('D2').value).toEqual({ formula: 'C2/B2', result: 1.125 });
    expect(ws.getCell('A10').isMerged).toBe(true);
    expect(ws.getImages()).toHaveLength(1);
    expect(wb.getWorksheet('隐藏表')!.state).toBe('hidden');
    expect(wb.getWorksheet(SHEET_AMP)!.getCell('B2').numFmt).toBe('0.00');
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A2').value).toBe(S);
    expect(sum.getCell('B2').value).toBe(95.5);
    expect(sum.getCell('B2').numFmt).toBe('0.00');
  });

  it('is idempotent: the same writes over the output give byte-identical entries', () => {
    const again = openXlsx(output).applyWrites(WRITES, ['汇总']);
    const a = unzipSync(output);
    const b = unzipSync(again);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name], name).toEqual(a[name]);
    expect(rawEntries(again)).toEqual(rawEntries(output));
  });

  it('adds one style clone per original style and reuses it', () => {
    const count = (bytes: Uint8Array) => Number(/<cellXfs count="(\d+)"/.exec(unzipText(bytes)['xl/styles.xml'])![1]);
    const xfs = (bytes: Uint8Array) => unzipText(bytes)['xl/styles.xml'].match(/<cellXfs.*<\/cellXfs>/)![0].match(/<xf /g)!.length;
    // Clones of the default xf and the bold one; the percent style's clone equals the default's and is reused.
    expect(count(output)).toBe(count(input) + 2);
    expect(xfs(output)).toBe(count(output));
  });

  it('refuses to overwrite formula cells and produces nothing', () => {
    const book = openXlsx(input);
    for (const a of ['D2', 'D5', 'J5', 'K12']) {
      let result: Uint8Array | undefined;
      let error: unknown;
      try {
        result = book.applyWrites([w(S, 'K2', 1), w(S, a, 1, '0.00')], []);
      } catch (e) {
        error = e;
      }
      expect(result).toBeUndefined();
      expect(error).toBeInstanceOf(XlsxRefusal);
      expect((error as XlsxRefusal).code).toBe('formula-in-output');
      expect((error as XlsxRefusal).message).toBe(
        `“苍溪县”工作表 ${a} 单元格含有公式，计分结果不能覆盖它。请删除该公式或把公式移到其他列后重试。`,
      );
    }
  });

  it('returns the input unchanged when there is nothing to write', () => {
    expect(openXlsx(input).applyWrites([], [])).toEqual(input);
  });

  it('rejects unknown sheets, bad numbers and bad sheet names before writing', () => {
    const book = openXlsx(input);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof XlsxRefusal ? e.code : String(e);
      }
      return 'no error';
    };
    expect(code(() => book.applyWrites([w('不存在', 'A1', 1)], []))).toBe('unsupported');
    expect(code(() => book.applyWrites([w(S, 'K2', Number.NaN)], []))).toBe('unsupported');
    expect(code(() => book.applyWrites([w(S, 'K2', Infinity)], []))).toBe('unsupported');
    expect(code(() => book.applyWrites([], ['a/b']))).toBe('unsupported');
    expect(code(() => book.applyWrites([], ['x'.repeat(32)]))).toBe('unsupported');
  });
});
