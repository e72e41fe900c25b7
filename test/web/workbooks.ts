// Workbooks for the page tests, made from the sample by editing its package (fflate), so every sheet keeps
// the sample's real layout, styles and shared strings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openXlsx } from '../../src/xlsx/index.ts';

export const SAMPLE_PATH = fileURLToPath(new URL('../../workbook-templates/guangyuan-2014-sample.xlsx', import.meta.url));
export const SEED_PATH = fileURLToPath(new URL('../../workbook-templates/seed/guangyuan-2014.txt', import.meta.url));
export const sampleBytes = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE_PATH));

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface SheetEntry {
  name: string;
  part: string;
}

/** The sample's sheets in workbook order with their parts (the sample names its parts plainly). */
function sampleSheets(files: Record<string, Uint8Array>): SheetEntry[] {
  const rels = new Map([...strFromU8(files['xl/_rels/workbook.xml.rels']).matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)]
    .map((m) => [m[1], `xl/${m[2]}`]));
  return [...strFromU8(files['xl/workbook.xml']).matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)]
    .map((m) => ({ name: m[1], part: rels.get(m[2])! }));
}

/** Rewrites the sheet list (names are plain text here); print titles that name old sheets are dropped. */
function withSheets(files: Record<string, Uint8Array>, sheets: { name: string; xml: Uint8Array }[]): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) if (!k.startsWith('xl/worksheets/sheet')) out[k] = v;
  sheets.forEach((s, i) => (out[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  const workbook = strFromU8(files['xl/workbook.xml'])
    .replace(/<sheets>.*<\/sheets>/s, `<sheets>${sheets.map((s, i) =>
      `<sheet sheetId="${i + 1}" name="${escapeXml(s.name)}" state="visible" r:id="rIdS${i + 1}"/>`).join('')}</sheets>`)
    .replace(/<definedNames>.*<\/definedNames>/s, '');
  out['xl/workbook.xml'] = strToU8(workbook);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']).replace(/<Relationship [^>]*\/worksheet"[^>]*\/>/g, '')
    .replace('</Relationships>', sheets.map((_, i) =>
      `<Relationship Id="rIdS${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') + '</Relationships>');
  out['xl/_rels/workbook.xml.rels'] = strToU8(rels);
  const types = strFromU8(files['[Content_Types].xml']).replace(/<Override PartName="\/xl\/worksheets\/[^>]*\/>/g, '')
    .replace('</Types>', sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('') + '</Types>');
  out['[Content_Types].xml'] = strToU8(types);
  return zipSync(out);
}

/** Names of the sample's 考核表 (their header row holds 计分方式 and 实际完成). */
function unitSheetNames(bytes: Uint8Array): Set<string> {
  return new Set(openXlsx(bytes).readSheets()
    .filter((s) => s.grid.slice(0, 20).some((row) => row?.includes('计分方式') && row.includes('实际完成')))
    .map((s) => s.name));
}

/** `units` unit sheets made by repeating the sample's eight under new names (苍溪县, …, 苍溪县2, …), with its other sheets. */
export function manyUnitsWorkbook(units: number): Uint8Array {
  const bytes = sampleBytes();
  const files = unzipSync(bytes);
  const isUnit = unitSheetNames(bytes);
  const sheets = sampleSheets(files).map((s) => ({ name: s.name, xml: files[s.part] }));
  const unitSheets = sheets.filter((s) => isUnit.has(s.name));
  const first = sheets.findIndex((s) => isUnit.has(s.name));
  const copies = Array.from({ length: units }, (_, i) => {
    const base = unitSheets[i % unitSheets.length];
    const round = Math.floor(i / unitSheets.length);
    return { name: round === 0 ? base.name : `${base.name}${round + 1}`, xml: base.xml };
  });
  const others = sheets.filter((s) => !isUnit.has(s.name));
  return withSheets(files, [...others.slice(0, first), ...copies, ...others.slice(first)]);
}

/** The sample with one unit sheet renamed. */
export function renamedUnitWorkbook(from: string, to: string): Uint8Array {
  const files = unzipSync(sampleBytes());
  const sheets = sampleSheets(files).map((s) => ({ name: s.name === from ? to : s.name, xml: files[s.part] }));
  return withSheets(files, sheets);
}

