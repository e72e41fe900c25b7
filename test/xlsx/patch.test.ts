import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellWrite } from '../../src/engine/types';
import { openXlsx } from '../../src/xlsx/index';
import { patchSheet, type PatchWrite, type StyleSource } from '../../src/xlsx/sheetPatcher';
import { readSheet } from '../../src/xlsx/sheetReader';
import { handMadeXlsx, normalise, NS_MAIN, unzipText, worksheet } from './helpers';
import { propertyRuns } from '../propertyRuns';

const noStyles: StyleSource = { numberStyle: (b) => b + 100 };
const enc = new TextEncoder();
const dec = new TextDecoder();
const patch = (xml: string, ws: PatchWrite[], styles = noStyles) => dec.decode(patchSheet(enc.encode(xml), ws, styles));
const read = (xml: string) => readSheet(enc.encode(xml), []);

const put = (sheet: string, row: number, col: number, value: CellWrite['value'], numberFormat?: '0.00'): CellWrite => ({
  sheet,
  row,
  col,
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

describe('sheet patching details', () => {
  it('keeps the namespace prefix and adds r where insertions would shift r-less cells and rows', () => {
    const xml =
      `<x:worksheet xmlns:x="${NS_MAIN}"><x:dimension ref="A1:C3"/><x:sheetData>` +
      `<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3"><x:v>5</x:v></x:c></x:row><x:row><x:c><x:v>6</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const out = patch(xml, [{ row: 0, col: 0, value: 9 }, { row: 1, col: 2, value: 'b' }, { row: 0, col: 3, value: 4 }], noStyles);
    expect(out).toContain('<x:row r="2"><x:c r="C2" t="inlineStr"><x:is><x:t xml:space="preserve">b</x:t></x:is></x:c></x:row>');
    expect(out).toContain('<x:c r="A1"><x:v>9</x:v></x:c><x:c r="B1"><x:v>3</x:v></x:c><x:c r="D1"><x:v>4</x:v></x:c>');
    expect(out).toContain('<x:row r="4"><x:c><x:v>6</x:v></x:c></x:row>');
    expect(out).toContain('<x:dimension ref="A1:D3"/>');
    expect(read(out).grid).toEqual([[9, 3, null, 4], [null, null, 'b'], [5], [6]]);
  });

  it('expands self-closing sheetData and rows, updates spans, keeps extLst last in a row', () => {
    const empty = `<worksheet xmlns="${NS_MAIN}"><sheetData/></worksheet>`;
    expect(patch(empty, [{ row: 1, col: 1, value: 2.5 }], noStyles)).toBe(
      `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="2"><c r="B2"><v>2.5</v></c></row></sheetData></worksheet>`,
    );
    const xml = worksheet('<row r="1" spans="1:2" ht="20" customHeight="1"/><row r="2" spans="1:1"><c r="A2"><v>1</v></c><extLst><ext/></extLst></row>');
    const out = patch(xml, [{ row: 0, col: 4, value: 1 }, { row: 1, col: 2, value: null }], noStyles);
    expect(out).toContain('<row r="1" spans="1:5" ht="20" customHeight="1"><c r="E1"><v>1</v></c></row>');
    expect(out).toContain('<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"/><extLst><ext/></extLst></row>');
    const multi = worksheet('<row r="1" spans="1:1 3:3"><c r="A1"><v>1</v></c></row>');
    expect(patch(multi, [{ row: 0, col: 5, value: 1 }], noStyles)).toContain('<row r="1"><c r="A1">');
  });

  it('styles new cells from the row (customFormat) or column, and clones styles for 0.00', () => {
    const xml = worksheet(
      '<row r="1" s="7" customFormat="1"><c r="A1" s="3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
      '<cols><col min="2" max="4" width="9" style="5" customWidth="1"/></cols>',
    );
    const out = patch(
      xml,
      [
        { row: 0, col: 0, value: 2, numberFormat: '0.00' },
        { row: 0, col: 2, value: 'x' },
        { row: 1, col: 2, value: 3 },
        { row: 1, col: 7, value: 4, numberFormat: '0.00' },
        { row: 2, col: 3, value: null },
      ],
      noStyles,
    );
    expect(out).toContain('<c r="A1" s="103"><v>2</v></c>');
    expect(out).toContain('<c r="C1" s="7" t="inlineStr">');
    expect(out).toContain('<c r="C2" s="5"><v>3</v></c>');
    expect(out).toContain('<c r="H2" s="100"><v>4</v></c>');
    expect(out).toContain('<row r="3"><c r="D3" s="5"/></row>');
  });

  it('writes numbers in shortest round-trip form and strips XML-illegal characters', () => {
    const xml = worksheet('');
    const values = [0.1 + 0.2, -0, 1e-7, 123456789.125, -42.5, 1 / 3];
    const out = patch(xml, values.map((value, col) => ({ row: 0, col, value })), noStyles);
    expect(out).toContain('<v>0.30000000000000004</v>');
    expect(out).toContain('<c r="B1"><v>0</v></c>');
    expect(out).toContain('<v>1E-7</v>');
    expect(read(out).grid[0]).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
    const text = patch(xml, [{ row: 0, col: 0, value: 'a\u0001b\u0000 _x0041_ \r\n' }], noStyles);
    expect(read(text).grid[0][0]).toBe('ab _x0041_ \r\n');
    const lone = patch(xml, [{ row: 0, col: 0, value: 'x\ud800y😀\udc00z\uffff' }], noStyles);
    expect(read(lone).grid[0][0]).toBe('xy😀z');
  });

  it('writes into a workbook without styles.xml by creating one', async () => {
    const bytes = handMadeXlsx([['表1', worksheet('<row r="1"><c r="A1"><v>1</v></c></row>')]]);
    const out = openXlsx(bytes).applyWrites([put('表1', 0, 1, 2.5, '0.00')], []);
    const t = unzipText(out);
    expect(t['xl/styles.xml']).toContain('<cellXfs count="2">');
    expect(t['[Content_Types].xml']).toContain('PartName="/xl/styles.xml"');
    expect(t['xl/_rels/workbook.xml.rels']).toContain('relationships/styles" Target="styles.xml"');
    expect(t['xl/worksheets/sheet1.xml']).toContain('<c r="B1" s="1"><v>2.5</v></c>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('表1')!.getCell('B1').numFmt).toBe('0.00');
    // Second run: styles exist now and nothing more is added.
    const again = openXlsx(out).applyWrites([put('表1', 0, 1, 2.5, '0.00')], []);
    expect(unzipText(again)).toEqual(t);
  });

  it('puts calcPr in schema order or extends the existing one', () => {
    const tail = '<definedNames><definedName name="x">表1!$A$1</definedName></definedNames><extLst><ext uri="{1}"/></extLst>';
    const a = handMadeXlsx([['表1', worksheet('')]], { workbookTail: tail });
    const wa = unzipText(openXlsx(a).applyWrites([put('表1', 0, 0, 1)], []))['xl/workbook.xml'];
    expect(wa).toContain('</definedNames><calcPr fullCalcOnLoad="1"/><extLst>');
    const b = handMadeXlsx([['表1', worksheet('')]], { workbookTail: '<calcPr calcId="191029"/><oleSize ref="A1:B2"/>' });
    const wb = unzipText(openXlsx(b).applyWrites([put('表1', 0, 0, 1)], []))['xl/workbook.xml'];
    expect(wb).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/><oleSize');
    const c = handMadeXlsx([['表1', worksheet('')]], { workbookTail: '<calcPr fullCalcOnLoad="0"/>' });
    expect(unzipText(openXlsx(c).applyWrites([put('表1', 0, 0, 1)], []))['xl/workbook.xml']).toContain('<calcPr fullCalcOnLoad="1"/>');
    // No writes, only a new sheet: calcPr is left alone.
    const d = unzipText(openXlsx(a).applyWrites([], ['新表']))['xl/workbook.xml'];
    expect(d).not.toContain('calcPr');
    expect(d).toContain('<sheet name="新表" sheetId="2" r:id="rId2"/></sheets>');
  });

  it('round-trips a prefixed worksheet through openXlsx', () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS_MAIN}"><x:dimension ref="A1:B2"/><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>县</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="2"><x:c r="B2"><x:f>B1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = handMadeXlsx([['前缀', sheet]]);
    const out = openXlsx(bytes).applyWrites([put('前缀', 1, 0, 'x'), put('前缀', 0, 2, 3.5, '0.00'), put('前缀', 3, 1, 7)], ['新表']);
    const xml = unzipText(out)['xl/worksheets/sheet1.xml'];
    expect(xml).toContain('<x:row r="4"><x:c r="B4"><x:v>7</x:v></x:c></x:row></x:sheetData>');
    expect(xml).toContain('<x:c r="C1" s="1"><x:v>3.5</x:v></x:c>');
    expect(openXlsx(out).readSheets().map(({ name, grid }) => ({ name, grid }))).toEqual([
      { name: '前缀', grid: [['县', 1, 3.5], ['x', 2], [], [null, 7]] },
      { name: '新表', grid: [] },
    ]);
    // (exceljs itself cannot load prefixed worksheets, so only our reader checks this one.)
  });

  it('treats a newSheets name that already exists (any case) as that sheet', () => {
    const bytes = handMadeXlsx([['Sum', worksheet('<row r="1"><c r="A1"><v>1</v></c></row>')]]);
    const out = openXlsx(bytes).applyWrites([put('SUM', 0, 1, 5)], ['sum']);
    const book = openXlsx(out);
    expect(book.sheetNames).toEqual(['Sum']);
    expect(book.readSheets()[0].grid).toEqual([[1, 5]]);
  });
});

describe('patch then read (property)', () => {
  const cellArb = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.string({ maxLength: 6, unit: 'grapheme' }),
    fc.constant(null),
  );
  const writeArb = fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 8 }), value: cellArb });

  it('reads back exactly what was written, over existing content with and without r attributes', () => {
    fc.assert(
      fc.property(
        fc.array(writeArb, { maxLength: 15 }),
        fc.array(writeArb, { minLength: 1, maxLength: 15 }),
        fc.boolean(),
        (base, writes, dropR) => {
          const initial = patch(worksheet(''), dedupe(base), noStyles);
          // Optionally strip every r attribute that can be inferred from position.
          const start = dropR ? dropInferableR(initial) : initial;
          const expected = read(start).grid.map((r) => [...r]);
          expect(read(initial).grid).toEqual(expected);
          for (const w of dedupe(writes)) {
            while (expected.length <= w.row) expected.push([]);
            while (expected[w.row].length < w.col) expected[w.row].push(null);
            expected[w.row][w.col] = w.value === null ? null : Object.is(w.value, -0) ? 0 : w.value;
          }
          const patched = patch(start, dedupe(writes), noStyles);
          expect(normalise(read(patched).grid)).toEqual(normalise(expected));
          expect(patch(patched, dedupe(writes), noStyles)).toBe(patched);
        },
      ),
      propertyRuns(20140403, 300),
    );
  });
});

function dedupe<T extends { row: number; col: number }>(ws: T[]): T[] {
  return [...new Map(ws.map((w) => [`${w.row},${w.col}`, w])).values()];
}

/** Removes r from rows/cells that directly follow their predecessor, to exercise positional addressing. */
function dropInferableR(xml: string): string {
  let prevRow = 0;
  return xml.replace(/<row r="(\d+)">(.*?)<\/row>/g, (_, r: string, cells: string) => {
    const n = Number(r);
    const keepRow = n !== prevRow + 1;
    prevRow = n;
    let prevCol = 0;
    const body = cells.replace(/<c r="([A-Z]+)\d+"/g, (m, col: string) => {
      const c = col.charCodeAt(0) - 64;
      const keep = c !== prevCol + 1;
      prevCol = c;
      return keep ? m : '<c';
    });
    return `<row${keepRow ? ` r="${n}"` : ''}>${body}</row>`;
  });
}
