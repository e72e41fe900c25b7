// Builds xlsx/xlsm packages the way Excel lays them out, from rows or raw part XML.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { a1, type Value } from './assessment.ts';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const CT_MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell given as a value, or a formula with its cached value (`shared`/`array` as Excel writes them). */
export type CellSpec = Value | { f: string; v: number; shared?: { si: number; ref?: string }; array?: string };

export function cellXml(row: number, col: number, c: CellSpec): string {
  const r = a1(row, col);
  if (c === null) return '';
  if (typeof c === 'number') return `<c r="${r}"><v>${c}</v></c>`;
  if (typeof c === 'boolean') return `<c r="${r}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if (typeof c === 'string') return `<c r="${r}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
  let f: string;
  if (c.shared) {
    const attrs = `t="shared"${c.shared.ref ? ` ref="${c.shared.ref}"` : ''} si="${c.shared.si}"`;
    f = c.shared.ref ? `<f ${attrs}>${esc(c.f)}</f>` : `<f ${attrs}/>`;
  } else if (c.array) {
    f = `<f t="array" ref="${c.array}">${esc(c.f)}</f>`;
  } else {
    f = `<f>${esc(c.f)}</f>`;
  }
  return `<c r="${r}">${f}<v>${c.v}</v></c>`;
}

export function sheetXml(rows: CellSpec[][], tail = ''): string {
  const body = rows
    .map((cells, r) => {
      const inner = cells.map((c, col) => cellXml(r, col, c)).join('');
      return inner ? `<row r="${r + 1}">${inner}</row>` : '';
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${body}</sheetData>${tail}</worksheet>`;
}

export interface PackageSpec {
  sheets: { name: string; xml: string; state?: 'hidden'; rels?: string }[];
  mainContentType?: string;
  /** Extra `<Default>`/`<Override>` elements for [Content_Types].xml. */
  contentTypes?: string;
  /** Extra `<Relationship>` elements for xl/_rels/workbook.xml.rels. */
  workbookRels?: string;
  /** XML placed after `<sheets>` in workbook.xml (definedNames, externalReferences, calcPr). */
  workbookTail?: string;
  files?: Record<string, Uint8Array | string>;
}

export function buildPackage(spec: PackageSpec): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, data: Uint8Array | string) => (files[name] = typeof data === 'string' ? strToU8(data) : data);
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${spec.mainContentType ?? CT_MAIN}"/>` +
      spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('') +
      (spec.contentTypes ?? '') +
      '</Types>',
  );
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      spec.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${spec.workbookTail ?? ''}</workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">` +
      spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      (spec.workbookRels ?? '') +
      '</Relationships>',
  );
  spec.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, s.xml);
    if (s.rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  for (const [name, data] of Object.entries(spec.files ?? {})) put(name, data);
  return zipSync(files);
}
