/**
 * Builds N-unit workbooks in the layout of docs/workbook-format.md for benchmarks: each unit is one of the sample's eight
 * 考核表 (about 76 rows) with its actuals varied, some left blank and a few unreadable, plus a 案件台账.
 * Usage: tsx scripts/bench/generate.ts <units> <out.xlsx> [seed]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const SAMPLE = 'workbook-templates/guangyuan-2014-sample.xlsx';
const SHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL_WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same bytes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Template {
  xml: string;
}

function unitTemplates(files: Record<string, Uint8Array>): Template[] {
  const dec = new TextDecoder();
  const wb = dec.decode(files['xl/workbook.xml']);
  const rels = dec.decode(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="([^"]+)"/g)].map((m) => [m[1] ?? m[4], m[2] ?? m[3]]));
  const out: Template[] = [];
  for (const m of wb.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    if (['填报说明', '案件台账', '汇总'].includes(m[1])) continue;
    out.push({ xml: dec.decode(files['xl/' + targets.get(m[2])!]) });
  }
  return out;
}

/** Varies the numeric actuals (column J) of one unit sheet: most near target, some short, some blank, a few unreadable. */
function varyActuals(xml: string, rand: () => number): string {
  return xml.replace(/<c r="J(\d+)" s="(\d+)"><v>([^<]*)<\/v><\/c>/g, (whole, row, s, v) => {
    const n = Number(v);
    if (!Number.isFinite(n)) return whole;
    const roll = rand();
    if (roll < 0.01) return `<c r="J${row}" s="${s}"/>`;
    if (roll < 0.013) return `<c r="J${row}" s="${s}" t="inlineStr"><is><t>约三十</t></is></c>`;
    const factor = roll < 0.7 ? 1 : 0.6 + rand() * 0.6;
    return `<c r="J${row}" s="${s}"><v>${Math.round(n * factor * 100) / 100}</v></c>`;
  });
}

function registerXml(units: string[], rand: () => number): string {
  const rows = [`<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1" t="inlineStr"><is><t>项目</t></is></c><c r="C1" t="inlineStr"><is><t>等级</t></is></c><c r="D1" t="inlineStr"><is><t>日期</t></is></c><c r="E1" t="inlineStr"><is><t>简要案情</t></is></c><c r="F1" t="inlineStr"><is><t>扣分</t></is></c></row>`];
  let r = 2;
  for (const u of units) {
    if (rand() > 0.25) continue;
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++, r++) {
      const level = rand() < 0.7 ? '严重' : '特别重大';
      const item = rand() < 0.5 ? '<c r="B' + r + '" t="inlineStr"><is><t>青少年维权工作</t></is></c>' : '';
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${esc(u)}</t></is></c>${item}<c r="C${r}" t="inlineStr"><is><t>${level}</t></is></c><c r="D${r}" t="inlineStr"><is><t>2014-0${1 + (r % 9)}-1${r % 10}</t></is></c><c r="E${r}" t="inlineStr"><is><t>案情略</t></is></c></row>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

export function generateWorkbook(units: number, seed = 2014): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  const templates = unitTemplates(files);
  const rand = rng(seed);
  const names = Array.from({ length: units }, (_, i) => `单位${String(i + 1).padStart(4, '0')}`);
  const out: Zippable = {};
  for (const name of ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml', '_rels/.rels', 'docProps/core.xml']) out[name] = files[name];
  const sheets: string[] = [];
  const rels: string[] = [
    `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>`,
    `<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
  ];
  const overrides: string[] = [];
  const add = (name: string, xml: string) => {
    const n = sheets.length + 1;
    out[`xl/worksheets/sheet${n}.xml`] = strToU8(xml);
    sheets.push(`<sheet name="${esc(name)}" sheetId="${n}" r:id="rId${n}"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL_WS}" Target="worksheets/sheet${n}.xml"/>`);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${SHEET_CT}"/>`);
  };
  names.forEach((name, i) => add(name, varyActuals(templates[i % templates.length].xml, rand)));
  add('案件台账', registerXml(names, rand));
  out['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join('')}</sheets><calcPr calcId="171027"/></workbook>`);
  out['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  out['[Content_Types].xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>${overrides.join('')}</Types>`);
  return zipSync(out, { level: 6, mtime: new Date(2014, 0, 1) });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [units, file, seed] = process.argv.slice(2);
  const bytes = generateWorkbook(Number(units), seed ? Number(seed) : undefined);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`${file}: ${units} units, ${(bytes.length / 1e6).toFixed(1)} MB`);
}
