// Hostile workbooks: each is built here, small on disk, and tries to make the reader hang, blow up memory,
// expand entities or write scores into the wrong place.
import * as fflate from 'fflate';
import { Deflate, strToU8, zipSync, type Zippable } from 'fflate';
import { unitRows } from './assessment.ts';
import { buildPackage, NS_MAIN, NS_REL, sheetXml } from './package.ts';
import { crc32, rawZip, type RawEntry } from './rawZip.ts';

export type Expect =
  | { outcome: 'refused'; code: string; message: RegExp }
  | { outcome: 'scored' | 'no-units'; issue?: RegExp };

export interface HostileFile {
  id: string;
  what: string;
  build(): Uint8Array;
  expect: Expect;
}

const MB = 1024 * 1024;
const unitSheet = () => sheetXml(unitRows('苍溪县'));
const withSheets = (...extra: { name: string; xml: string }[]) =>
  buildPackage({ sheets: [{ name: '苍溪县', xml: unitSheet() }, ...extra] });

const LAUGHS =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
  ']>\n';

/** Replaces one part of a normal package, keeping the rest. */
function replacePart(pkg: Uint8Array, name: string, data: Uint8Array | string): Uint8Array {
  const files: Zippable = fflate.unzipSync(pkg);
  files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

/** A worksheet whose XML is `mb` megabytes of whitespace, deflated without ever holding it whole. */
function whitespaceSheetStream(mb: number): { stored: Uint8Array; size: number; crc: number } {
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const tail = strToU8('<sheetData/></worksheet>');
  const chunk = new Uint8Array(MB).fill(0x20);
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => out.push(c));
  let crc = crc32(head);
  d.push(head);
  for (let i = 0; i < mb; i++) {
    d.push(chunk);
    crc = crc32(chunk, crc);
  }
  d.push(tail, true);
  crc = crc32(tail, crc);
  const stored = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    stored.set(c, at);
    at += c.length;
  }
  return { stored, size: head.length + mb * MB + tail.length, crc };
}

/** The package's entries stored uncompressed, plus a raw extra entry. */
function packageWith(extra: RawEntry[], base = withSheets()): Uint8Array {
  const files = fflate.unzipSync(base);
  const entries: RawEntry[] = Object.entries(files).map(([name, data]) => ({ name, stored: data, method: 0, size: data.length, crc: crc32(data) }));
  const names = new Set(extra.map((e) => e.name));
  return rawZip([...entries.filter((e) => !names.has(e.name)), ...extra]);
}

function withWorkbookRels(extraRels: string, extraSheets: string): Uint8Array {
  const base = fflate.unzipSync(withSheets());
  const dec = new TextDecoder();
  const wb = dec.decode(base['xl/workbook.xml']).replace('</sheets>', `${extraSheets}</sheets>`);
  const rels = dec.decode(base['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `${extraRels}</Relationships>`);
  return zipSync({ ...base, 'xl/workbook.xml': strToU8(wb), 'xl/_rels/workbook.xml.rels': strToU8(rels) });
}

const random = (n: number, seed = 7) => {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) b[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return b;
};

const sstXml = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;

/** A sheet that uses shared strings: cell A1 is string 0 and so on. */
function withSharedStrings(sst: string, cells = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'): Uint8Array {
  const base = fflate.unzipSync(withSheets());
  const dec = new TextDecoder();
  const rels = dec.decode(base['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `<Relationship Id="rIdS" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  const ct = dec.decode(base['[Content_Types].xml']).replace(
    '</Types>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  const sheet2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS_MAIN}"><sheetData>${cells}</sheetData></worksheet>`;
  const wb = dec.decode(base['xl/workbook.xml']).replace('</sheets>', '<sheet name="字符串" sheetId="9" r:id="rIdT"/></sheets>');
  return zipSync(
    {
    ...base,
    '[Content_Types].xml': strToU8(ct),
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdT" Type="${NS_REL}/worksheet" Target="worksheets/strings.xml"/></Relationships>`)),
    'xl/worksheets/strings.xml': strToU8(sheet2),
    'xl/sharedStrings.xml': strToU8(sst),
    },
    { level: 1 },
  );
}

let ws100: ReturnType<typeof whitespaceSheetStream> | undefined;
const whitespace100 = () => (ws100 ??= whitespaceSheetStream(100));

export const HOSTILE: HostileFile[] = [
  {
    id: 'entries-10001',
    what: '10,001 个部件的压缩包 / a zip with 10,001 entries',
    build: () => {
      const many: Zippable = {};
      for (let i = 0; i <= 10_000; i++) many[`f${i}`] = new Uint8Array(0);
      return zipSync(many, { level: 0 });
    },
    expect: { outcome: 'refused', code: 'too-large', message: /包含 10001 个部件/ },
  },
  {
    id: 'declared-total-3x400mb',
    what: '三个部件各声明解压后 400 MB（合计超过 1 GB）/ three entries declaring 400 MB each',
    build: () =>
      packageWith(
        [1, 2, 3].map((i) => ({ name: `xl/media/image${i}.png`, stored: random(400 * 1024, i), method: 8 as const, size: 400 * MB, crc: 0 })),
      ),
    expect: { outcome: 'refused', code: 'too-large', message: /总大小超过 1 GB/ },
  },
  {
    id: 'declared-size-lie',
    what: '1 KB 的压缩数据声明解压后 500 MB（超出 deflate 的最大压缩比）/ 1 KB of deflate declaring 500 MB',
    build: () => {
      const stored = fflate.deflateSync(strToU8(unitSheet()));
      return packageWith([{ name: 'xl/worksheets/sheet1.xml', stored, method: 8, size: 500 * MB, crc: 0 }]);
    },
    expect: { outcome: 'refused', code: 'corrupt', message: /声明的大小与压缩数据不符/ },
  },
  {
    id: 'deflate-1000x-past-declared',
    what: '工作表的 deflate 流解压出 100 MB，比声明的大小多约 1000 倍 / a deflate stream expanding ~1000× past its declared size',
    build: () => {
      const s = whitespace100();
      return packageWith([{ name: 'xl/worksheets/sheet1.xml', stored: s.stored, method: 8, size: s.stored.length, crc: 0 }]);
    },
    expect: { outcome: 'refused', code: 'corrupt', message: /解压后超过声明的大小/ },
  },
  {
    id: 'deflate-1000x-honest-100mb',
    what: '另一张工作表是如实声明的 100 MB 空白（约 1000:1 压缩），在上限之内 / an honest 1000:1 100 MB sheet beside the 考核表',
    build: () => {
      const s = whitespace100();
      const base = withSheets({ name: '空白', xml: sheetXml([]) });
      return packageWith([{ name: 'xl/worksheets/sheet2.xml', stored: s.stored, method: 8, size: s.size, crc: s.crc }], base);
    },
    expect: { outcome: 'scored' },
  },
  {
    id: 'part-200mb',
    what: '一张工作表如实声明解压后 200 MB（超过单个部件 128 MB 的上限）/ a 200 MB worksheet',
    build: () =>
      packageWith([{ name: 'xl/worksheets/sheet1.xml', stored: random(200 * 1024), method: 8, size: 200 * MB, crc: 0 }]),
    expect: { outcome: 'refused', code: 'too-large', message: /超过 128 MB/ },
  },
  {
    id: 'billion-laughs-sheet',
    what: '工作表中的实体膨胀（billion laughs）/ billion laughs in a worksheet',
    build: () =>
      replacePart(withSheets(), 'xl/worksheets/sheet1.xml', unitSheet().replace(/^<\?xml[^>]*>\n/, LAUGHS).replace('<t>类别</t>', '<t>&lol9;</t>')),
    expect: { outcome: 'refused', code: 'corrupt', message: /DOCTYPE/ },
  },
  {
    id: 'billion-laughs-workbook',
    what: 'workbook.xml 中的实体膨胀 / billion laughs in workbook.xml',
    build: () => {
      const files = fflate.unzipSync(withSheets());
      const wb = new TextDecoder().decode(files['xl/workbook.xml']).replace(/^<\?xml[^>]*>\n/, LAUGHS).replace('name="苍溪县"', 'name="&lol9;"');
      return zipSync({ ...files, 'xl/workbook.xml': strToU8(wb) });
    },
    expect: { outcome: 'refused', code: 'corrupt', message: /DOCTYPE/ },
  },
  {
    id: 'billion-laughs-sst',
    what: '共享字符串表中的实体膨胀 / billion laughs in sharedStrings.xml',
    build: () => withSharedStrings(sstXml(['&lol9;']).replace(/^<\?xml[^>]*>\n/, LAUGHS)),
    expect: { outcome: 'refused', code: 'corrupt', message: /DOCTYPE/ },
  },
  {
    id: 'sst-1000001',
    what: '1,000,001 条共享字符串 / a shared-string table of 1,000,001 items',
    build: () => withSharedStrings(sstXml(Array.from({ length: 1_000_001 }, (_, i) => `s${i}`))),
    expect: { outcome: 'refused', code: 'too-large', message: /共享字符串超过 100 万条/ },
  },
  {
    id: 'sst-300k-chinese',
    what: '30 万条中文共享字符串（上限之内）/ 300,000 Chinese shared strings, within the limit',
    build: () =>
      withSharedStrings(
        sstXml(Array.from({ length: 300_000 }, (_, i) => `考核内容第${i}条：组织开展青年志愿服务活动`)),
        Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r * 150}</v></c></row>`).join(''),
      ),
    expect: { outcome: 'scored' },
  },
  {
    id: 'cell-beyond-xfd',
    what: '单元格地址超出 XFD 列 / a cell at XFE1',
    build: () => withSheets({ name: '越界', xml: sheetXml([]).replace('<sheetData>', '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row>') }),
    expect: { outcome: 'refused', code: 'corrupt', message: /单元格地址无效/ },
  },
  {
    id: 'row-beyond-1048576',
    what: '行号超过 1048576 / a row numbered 1048577',
    build: () => withSheets({ name: '越界', xml: sheetXml([]).replace('<sheetData>', '<sheetData><row r="1048577"><c><v>1</v></c></row>') }),
    expect: { outcome: 'refused', code: 'corrupt', message: /行号无效/ },
  },
  {
    id: 'sparse-far-right-cells',
    what: '60 万行、每行一个 XFD 列的单元格（稀疏表撑大内存）/ 600,000 rows each with one cell in column XFD',
    build: () =>
      withSheets({
        name: '稀疏',
        xml: sheetXml([]).replace(
          '<sheetData>',
          '<sheetData>' + Array.from({ length: 600_000 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join(''),
        ),
      }),
    expect: { outcome: 'refused', code: 'too-large', message: /已用区域过大/ },
  },
  {
    id: 'last-cell-xfd1048576',
    what: '唯一的单元格在 XFD1048576（合法的最远单元格）/ one value in the last cell XFD1048576',
    build: () => withSheets({ name: '最远', xml: sheetXml([]).replace('<sheetData>', '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }),
    expect: { outcome: 'scored' },
  },
  {
    id: 'duplicate-sheet-names',
    what: 'workbook.xml 中两个工作表同名（不区分大小写）/ two sheets of one name in workbook.xml',
    build: () => {
      const files = fflate.unzipSync(withSheets({ name: 'ABC', xml: unitSheet() }, { name: 'abc', xml: unitSheet() }));
      return zipSync(files);
    },
    expect: { outcome: 'refused', code: 'corrupt', message: /两个工作表都叫“abc”/ },
  },
  {
    id: 'duplicate-unit-sheets',
    what: '两个同名考核表 / two 考核表 sheets both named 苍溪县',
    build: () => withSheets({ name: '苍溪县', xml: unitSheet() }),
    expect: { outcome: 'refused', code: 'corrupt', message: /两个工作表都叫“苍溪县”/ },
  },
  {
    id: 'sheets-50000',
    what: 'workbook.xml 列出 5 万个（图表）工作表 / workbook.xml listing 50,000 chart sheets',
    build: () =>
      withWorkbookRels(
        Array.from({ length: 50_000 }, (_, i) => `<Relationship Id="rIdC${i}" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet${i}.xml"/>`).join(''),
        Array.from({ length: 50_000 }, (_, i) => `<sheet name="图${i}" sheetId="${i + 100}" r:id="rIdC${i}"/>`).join(''),
      ),
    expect: { outcome: 'scored' },
  },
  {
    id: 'array-formula-whole-sheet',
    what: '一个覆盖整张表（A1:XFD1048576）、读取得分的数组公式 / an array formula over the whole sheet reading a score',
    build: () =>
      withSheets({ name: '数组', xml: sheetXml([]).replace('<sheetData>', '<sheetData><row r="1"><c r="A1"><f t="array" ref="A1:XFD1048576">苍溪县!K3*1</f><v>0</v></c></row>') }),
    expect: { outcome: 'scored' },
  },
  {
    id: 'formula-chain-reversed-50k',
    what: '5 万个首尾相接、倒序排列、最终读取得分的公式 / 50,000 formulas chained in reverse order down to a score',
    build: () =>
      withSheets({
        name: '链',
        xml: sheetXml([]).replace(
          '<sheetData>',
          '<sheetData>' +
            Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><f>${i === 49_999 ? '苍溪县!K3' : `A${i + 2}+1`}</f><v>0</v></c></row>`).join(''),
        ),
      }),
    expect: { outcome: 'scored' },
  },
  {
    id: 'whole-column-formulas-50k',
    what: '5 万个对得分整列求和的公式 / 50,000 formulas summing the whole score column',
    build: () =>
      withSheets({
        name: '整列',
        xml: sheetXml([]).replace(
          '<sheetData>',
          '<sheetData>' + Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><f>SUM(苍溪县!K:K)+B${i + 1}</f><v>0</v></c></row>`).join(''),
        ),
      }),
    expect: { outcome: 'scored' },
  },
  {
    id: 'number-1e999',
    what: '实际完成单元格存着 1e999（超出双精度范围）/ an actual stored as 1e999',
    build: () => {
      const rows = unitRows('苍溪县');
      return buildPackage({ sheets: [{ name: '苍溪县', xml: sheetXml(rows).replace('<c r="J3"><v>36</v></c>', '<c r="J3"><v>1e999</v></c>') }] });
    },
    expect: { outcome: 'scored', issue: /^苍溪县!J3: 实际完成“1e999”无法识别为数字$/ },
  },
  {
    id: 'nesting-1m',
    what: '工作表中 100 万层嵌套元素 / one million nested elements in a worksheet',
    build: () =>
      withSheets({ name: '嵌套', xml: sheetXml([]).replace('<sheetData>', `<extLst>${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}</extLst><sheetData>`) }),
    expect: { outcome: 'scored' },
  },
  {
    id: 'cell-text-10m-chars',
    what: '标题单元格中 1000 万个汉字（30 MB）/ a title cell of 10 million Chinese characters',
    build: () => {
      const rows = unitRows('苍溪县');
      rows[0] = ['考'.repeat(10_000_000)];
      return buildPackage({ sheets: [{ name: '苍溪县', xml: sheetXml(rows) }] });
    },
    expect: { outcome: 'scored' },
  },
];
