import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

export const SHEET_AMP = '收入&支出（万元）';

export async function toBytes(wb: ExcelJS.Workbook, options?: Partial<ExcelJS.XlsxWriteOptions>): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer(options);
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * The main fixture: shared strings, rich text, booleans, errors, formulas with cached results,
 * shared and array formulas, merged cells, gaps, a hidden sheet, an "&" + Chinese sheet name and an image.
 */
export function mainWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('苍溪县');
  ws.getCell('A1').value = '指标';
  ws.getCell('B1').value = '目标';
  ws.getCell('C1').value = '完成';
  ws.getCell('D1').value = '公式';
  ws.getCell('K1').value = '得分';
  ws.getCell('A2').value = 'GDP';
  ws.getCell('B2').value = 100;
  ws.getCell('C2').value = 112.5;
  ws.getCell('D2').value = { formula: 'C2/B2', result: 1.125 };
  ws.getCell('A3').value = { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] };
  ws.getCell('B3').value = 50;
  ws.getCell('C3').value = 40;
  ws.getCell('E2').value = true;
  ws.getCell('E3').value = false;
  ws.getCell('F2').value = { error: '#DIV/0!' };
  ws.getCell('G2').value = { formula: 'B2&"元"', result: '100元' };
  ws.getCell('H2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('I2').value = { formula: 'B2>C2', result: false };
  // Shared formula D4:D6 with cached results; array formula J4:J6.
  for (const r of [4, 5, 6]) {
    ws.getCell(`B${r}`).value = r * 10;
    ws.getCell(`C${r}`).value = r * 5;
  }
  ws.fillFormula('D4:D6', 'C4/B4', [0.5, 0.5, 0.5]);
  (ws.fillFormula as (r: string, f: string, v: number[], t: string) => void)('J4:J6', 'C4:C6*2', [40, 50, 60], 'array');
  // Rows 7-9 left empty (a cell-less gap); then a merged title and a styled score cell.
  ws.getCell('A10').value = '合计';
  ws.mergeCells('A10:C10');
  ws.getCell('K10').value = 7;
  ws.getCell('K10').font = { bold: true };
  ws.getCell('K11').numFmt = '0.0%';
  ws.getCell('K12').value = { formula: 'SUM(K2:K10)', result: 7 };
  ws.getCell('L12').value = '  前后空格  ';
  const img = wb.addImage({ buffer: Buffer.from(PNG_1X1) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(img, 'M2:N4');

  const amp = wb.addWorksheet(SHEET_AMP);
  amp.getCell('A1').value = 'A&B <tag> "q"';
  amp.getCell('B2').value = 3.25;
  const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
  hidden.getCell('C3').value = '隐藏';
  return wb;
}

export interface RawEntry {
  name: string;
  method: number;
  /** Local header + compressed data, exactly as stored. */
  local: Uint8Array;
  compressed: Uint8Array;
}

/** Independent minimal zip walker (central directory → local headers) for byte comparisons. */
export function rawEntries(bytes: Uint8Array): Map<string, RawEntry> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = new Map<string, RawEntry>();
  for (let i = 0; i < count; i++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const nlen = dv.getUint16(p + 28, true);
    const elen = dv.getUint16(p + 30, true);
    const clen = dv.getUint16(p + 32, true);
    const off = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nlen));
    const data = off + 30 + dv.getUint16(off + 26, true) + dv.getUint16(off + 28, true);
    out.set(name, { name, method, local: bytes.subarray(off, data + csize), compressed: bytes.subarray(data, data + csize) });
    p += 46 + nlen + elen + clen;
  }
  return out;
}

export const unzipText = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, new TextDecoder().decode(v)]));

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-written xlsx package; `sheets` maps sheet name → worksheet XML. */
export function handMadeXlsx(
  sheets: [string, string][],
  opts: { workbookNs?: string; extra?: Zippable; sharedStrings?: string; styles?: string; workbookTail?: string } = {},
): Uint8Array {
  const ns = opts.workbookNs ?? NS_MAIN;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${NS_REL}"><sheets>` +
        sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${opts.workbookTail ?? ''}</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        (opts.sharedStrings ? `<Relationship Id="rIdS" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        (opts.styles ? `<Relationship Id="rIdY" Type="${NS_REL}/styles" Target="styles.xml"/>` : '') +
        '</Relationships>',
    ),
    ...Object.fromEntries(sheets.map(([, xml], i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(xml)])),
    ...(opts.sharedStrings ? { 'xl/sharedStrings.xml': strToU8(opts.sharedStrings) } : {}),
    ...(opts.styles ? { 'xl/styles.xml': strToU8(opts.styles) } : {}),
    ...opts.extra,
  };
  return zipSync(files);
}

export const worksheet = (sheetData: string, before = '', after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** Re-zips `bytes` with some text entries rewritten (fresh compression for all entries). */
export function patchZipText(bytes: Uint8Array, edits: Record<string, (s: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, f] of Object.entries(edits)) files[name] = strToU8(f(new TextDecoder().decode(files[name])));
  return zipSync(files);
}

/** Drops trailing nulls in each row and trailing empty rows, so grids compare by content. */
export function normalise<T>(g: T[][]): T[][] {
  const lastIndex = <U>(a: U[], f: (x: U) => boolean) => {
    for (let i = a.length - 1; i >= 0; i--) if (f(a[i])) return i;
    return -1;
  };
  const rows = g.map((r) => r.slice(0, lastIndex(r, (v) => v !== null) + 1));
  return rows.slice(0, lastIndex(rows, (r) => r.length > 0) + 1);
}
