import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openXlsx, type XlsxBook } from '../../src/xlsx/index';
import { handMadeXlsx, mainWorkbook, NS_MAIN, NS_REL, patchZipText, rawEntries, SHEET_AMP, toBytes, unzipText, worksheet } from './helpers';

describe('reading an exceljs workbook', () => {
  let book: XlsxBook;
  beforeAll(async () => {
    book = openXlsx(await toBytes(mainWorkbook()));
  });

  it('lists worksheets in workbook order, hidden ones included', () => {
    expect(book.sheetNames).toEqual(['苍溪县', SHEET_AMP, '隐藏表']);
  });

  it('reads values, cached formula results and gaps', () => {
    const [main, amp, hidden] = book.readSheets();
    const g = main.grid;
    expect(g[0].slice(0, 4)).toEqual(['指标', '目标', '完成', '公式']);
    expect(g[0][10]).toBe('得分');
    expect(g[0].slice(4, 10)).toEqual([null, null, null, null, null, null]);
    expect(g[1].slice(0, 9)).toEqual(['GDP', 100, 112.5, 1.125, true, '#DIV/0!', '100元', '#DIV/0!', false]);
    expect(g[2].slice(0, 5)).toEqual(['富文本', 50, 40, null, false]);
    expect(g[3][3]).toBe(0.5);
    expect(g[5][3]).toBe(0.5);
    expect([g[3][9], g[4][9], g[5][9]]).toEqual([40, 50, 60]);
    expect(g[6]).toEqual([]);
    expect(g[7]).toEqual([]);
    expect(g[8]).toEqual([]);
    expect(g[9][0]).toBe('合计');
    expect(g[9][10]).toBe(7);
    expect(g[10]).toEqual([]); // K11 only has a style
    expect(g[11][10]).toBe(7);
    expect(g[11][11]).toBe('  前后空格  ');
    expect(g.length).toBe(12);

    expect(amp.name).toBe(SHEET_AMP);
    expect(amp.grid).toEqual([['A&B <tag> "q"'], [null, 3.25]]);
    expect(hidden.grid[2][2]).toBe('隐藏');
  });

  it('knows which cells hold formulas', () => {
    const f = (a: string) => {
      const col = a.charCodeAt(0) - 65;
      return book.hasFormula('苍溪县', Number(a.slice(1)) - 1, col);
    };
    for (const a of ['D2', 'G2', 'H2', 'I2', 'D4', 'D5', 'D6', 'J4', 'J5', 'J6', 'K12']) expect(f(a), a).toBe(true);
    for (const a of ['A1', 'B2', 'C2', 'E2', 'F2', 'K10', 'K11', 'D7', 'J7', 'Z99']) expect(f(a), a).toBe(false);
    expect(book.hasFormula('没有这个表', 0, 0)).toBe(false);
  });
});

describe('reading inline strings (exceljs without shared strings)', () => {
  it('reads t="str" and t="inlineStr" rich text', async () => {
    const bytes = await toBytes(mainWorkbook(), { useSharedStrings: false });
    const g = openXlsx(bytes).readSheets()[0].grid;
    expect(g[0][0]).toBe('指标');
    expect(g[2][0]).toBe('富文本');
    expect(g[1][6]).toBe('100元');
  });
});

describe('reading hand-written packages', () => {
  it('handles namespace prefixes, r-less cells and rows, entities, CDATA, rPh and xml:space', () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS_MAIN}"><x:dimension ref="A1:D4"/><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve">  a &amp; b &#x4E2D;&#25991; </x:t></x:is></x:c>` +
      `<x:c r="C2" t="b"><x:v>1</x:v></x:c><!-- comment --><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c r="A4" t="str"><x:f>"x"</x:f><x:v><![CDATA[<cdata>]]></x:v></x:c><x:c r="B4"><x:f>1+1</x:f></x:c>` +
      `<x:c r="C4" t="d"><x:v>2024-01-31T00:00:00</x:v></x:c><x:c r="D4" s="3"/></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const sst =
      `<?xml version="1.0"?><sst xmlns="${NS_MAIN}" count="2" uniqueCount="2"><si><t>中文</t></si>` +
      `<si><r><rPr><b/></rPr><t>漢</t></r><r><t>字_x000D_</t></r><rPh sb="0" eb="1"><t>かん</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const book = openXlsx(handMadeXlsx([['前缀 &amp; 表', sheet]], { sharedStrings: sst }));
    expect(book.sheetNames).toEqual(['前缀 & 表']);
    const g = book.readSheets()[0].grid;
    expect(g[0]).toEqual(['中文', '漢字\r', 2.5]);
    expect(g[1]).toEqual(['  a & b 中文 ', null, true, '#N/A']);
    expect(g[2]).toEqual([]);
    expect(g[3]).toEqual(['<cdata>', null, '2024-01-31T00:00:00']);
    expect(book.hasFormula('前缀 & 表', 3, 0)).toBe(true);
    expect(book.hasFormula('前缀 & 表', 3, 1)).toBe(true);
    expect(book.hasFormula('前缀 & 表', 3, 2)).toBe(false);
  });

  it('skips chartsheets but keeps them in the package', () => {
    const bytes = handMadeXlsx([['数据', worksheet('<row r="1"><c r="A1"><v>1</v></c></row>')]], {
      workbookTail: '',
      extra: {
        'xl/chartsheets/sheet1.xml': strToU8(`<chartsheet xmlns="${NS_MAIN}"/>`),
      },
    });
    // Register the chartsheet in workbook.xml and its rels by editing the generated parts.
    const patched = patchZipText(bytes, {
      'xl/workbook.xml': (s) => s.replace('</sheets>', '<sheet name="图表1" sheetId="9" r:id="rIdC"/></sheets>'),
      'xl/_rels/workbook.xml.rels': (s) =>
        s.replace('</Relationships>', `<Relationship Id="rIdC" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    });
    const book = openXlsx(patched);
    expect(book.sheetNames).toEqual(['数据']);
    expect(book.readSheets().map(({ name, grid }) => ({ name, grid }))).toEqual([{ name: '数据', grid: [[1]] }]);

    const out = book.applyWrites([{ sheet: '数据', row: 0, col: 1, value: 2 }], ['汇总']);
    const before = rawEntries(patched);
    const after = rawEntries(out);
    expect(after.get('xl/chartsheets/sheet1.xml')!.local).toEqual(before.get('xl/chartsheets/sheet1.xml')!.local);
    const wb = unzipText(out)['xl/workbook.xml'];
    expect(wb).toContain('<sheet name="图表1" sheetId="9" r:id="rIdC"/><sheet name="汇总" sheetId="10" r:id="rId2"/></sheets>');
    expect(openXlsx(out).sheetNames).toEqual(['数据', '汇总']);
  });
});

