import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellWrite } from '../../src/engine/types';
import { cellAddress } from '../../src/xlsx/cellRef';
import { openXlsx } from '../../src/xlsx/index';
import { NS_MAIN, NS_REL } from './helpers';

const SHEETS = 3000;
const ROWS = 70;
const COLS = 8;

/** 3,000 Excel-like sheets of 70 rows: shared-string names, styled numbers, one formula column. */
function bigWorkbook(): Uint8Array {
  const files: Zippable = {};
  let sheets = '';
  let rels = '';
  let types = '';
  for (let s = 1; s <= SHEETS; s++) {
    const rows: string[] = [];
    for (let r = 1; r <= ROWS; r++) {
      let cells = `<c r="A${r}" s="1" t="s"><v>${(r + s) % 100}</v></c>`;
      for (let c = 1; c < COLS - 1; c++) cells += `<c r="${cellAddress(r - 1, c)}" s="2"><v>${(r * c * 1.25).toFixed(2)}</v></c>`;
      cells += `<c r="${cellAddress(r - 1, COLS - 1)}" s="2"><f>B${r}*2</f><v>${r * 2.5}</v></c>`;
      rows.push(`<row r="${r}" spans="1:${COLS}" x14ac:dyDescent="0.25">${cells}</row>`);
    }
    files[`xl/worksheets/sheet${s}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
        `<dimension ref="A1:${cellAddress(ROWS - 1, COLS - 1)}"/><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    sheets += `<sheet name="县${s}" sheetId="${s}" r:id="rId${s}"/>`;
    rels += `<Relationship Id="rId${s}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${s}.xml"/>`;
    types += `<Override PartName="/xl/worksheets/sheet${s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  }
  files['[Content_Types].xml'] = strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${types}</Types>`);
  files['_rels/.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(`<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets><calcPr calcId="191029"/></workbook>`);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
      `<Relationship Id="rIdS" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${NS_MAIN}">${Array.from({ length: 100 }, (_, i) => `<si><t>指标${i}</t></si>`).join('')}</sst>`);
  files['xl/styles.xml'] = strToU8(
    `<styleSheet xmlns="${NS_MAIN}"><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs></styleSheet>`,
  );
  return zipSync(files);
}

describe('performance', () => {
  it(`reads ${SHEETS} sheets × ${ROWS} rows and writes a score column into all of them`, () => {
    const bytes = bigWorkbook();
    let t = performance.now();
    const book = openXlsx(bytes);
    const sheets = book.readSheets();
    const readMs = performance.now() - t;
    expect(sheets).toHaveLength(SHEETS);
    expect(sheets[SHEETS - 1].grid[ROWS - 1]).toEqual(['指标70', 87.5, 175, 262.5, 350, 437.5, 525, 175]);
    expect(book.hasFormula('县1', 0, COLS - 1)).toBe(true);

    const writes: CellWrite[] = book.sheetNames.flatMap((sheet) =>
      Array.from({ length: ROWS }, (_, row) => ({ sheet, row, col: COLS, value: row + 0.25, numberFormat: '0.00' as const })),
    );
    t = performance.now();
    const out = book.applyWrites(writes, ['汇总']);
    const writeMs = performance.now() - t;
    console.log(`xlsx performance: read ${readMs.toFixed(0)} ms, write ${writeMs.toFixed(0)} ms (${(bytes.length / 1e6).toFixed(1)} MB in, ${(out.length / 1e6).toFixed(1)} MB out)`);

    const again = openXlsx(out);
    expect(again.readSheets()[SHEETS - 1].grid[ROWS - 1][COLS]).toBe(ROWS - 1 + 0.25);
    // Loose bounds that only catch a blow-up (e.g. quadratic scanning): the suite runs files in
    // parallel on shared machines. The log line above has the real figures.
    expect(readMs).toBeLessThan(10_000);
    expect(writeMs).toBeLessThan(45_000);
  }, 120_000);
});
