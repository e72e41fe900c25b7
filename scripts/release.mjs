// npm run release: one zip for people without Node, out/release/target-scorer-<version>.zip. It holds the page,
// the templates, the Excel add-in (manifest and pages), the WPS add-in with its install scripts, the quick start,
// and 使用说明.txt, all under one folder.
// What goes in is the list ENTRIES below: shipping something more is one line there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { markdownPage } from './lib/markdown.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TOP = `target-scorer-${version}`;
const OUT = join(ROOT, 'out/release', `${TOP}.zip`);
const QUICKSTART = 'docs/quickstart.md';

/**
 * [path in the zip, file or folder of the repository], optional ones skipped when absent. Folders go in whole.
 * Generated entries (使用说明.txt, the quick start as HTML, its pictures) are added after these.
 */
const ENTRIES = [
  ['index.html', 'dist/web/index.html'],
  ['templates/guangyuan-2014.xlsx', 'workbook-templates/guangyuan-2014.xlsx'],
  ['templates/guangyuan-2014-sample.xlsx', 'workbook-templates/guangyuan-2014-sample.xlsx'],
  ['excel-addin/manifest.xml', 'manifest.xml'],
  ['excel-addin/taskpane.html', 'dist/taskpane.html'],
  ['excel-addin/commands.html', 'dist/commands.html'],
  ['excel-addin/assets', 'dist/assets'],
  ['excel-addin/office-js', 'dist/office-js', { optional: true }], // OFFICE_JS=local builds only
  ['wps', 'dist/wps'], // the WPS add-in folder with its install and uninstall scripts
  ['docs/quickstart.md', QUICKSTART],
];

const usage = () => `目标绩效计分 ${version} 使用说明
==============================

index.html
  网页版计分。双击用浏览器（Chrome、Edge、Firefox、360 等新版浏览器）打开，选择或拖入考核工作簿（.xlsx），
  立即看到每个单位的总分、排名、状态和问题清单，再下载计分后的工作簿（原文件不变）。
  工作簿只在本机处理，不上传；网页不联网，可以拷到 U 盘离线使用。WPS 用户请用它。

templates/
  guangyuan-2014.xlsx         空白考核工作簿（填报说明、每单位一张考核表、案件台账、汇总）。
  guangyuan-2014-sample.xlsx  填好示例数据的同一工作簿（编造的数据），先用它试一试。

excel-addin/
  Excel 加载项（“开始”选项卡上的“一键计分”和“计分面板”），由信息中心部署：把本文件夹放到一个 HTTPS 网站上，
  把 manifest.xml 中所有 https://localhost:3000 换成该网站的地址，再通过 Microsoft 365 管理中心或共享文件夹分发 manifest.xml。

wps/
  WPS 表格加载项（“目标绩效计分”选项卡上的“一键计分”和“计分面板”），为当前用户安装，不需要管理员权限：
  Windows 双击 wps/install.cmd；Linux（麒麟、统信 UOS 等）以平时的用户身份运行 sh wps/install.sh。详见 wps/安装说明.txt。

docs/quickstart.html
  考核人快速上手：打开哪个文件、怎样填写考核表、怎样计分、状态和问题清单是什么意思。

-------------------------------------------------------------------------------
Target Scorer ${version}

index.html           the scoring page: open it in any current browser, choose the workbook, read the results and
                     download the scored copy. Nothing is uploaded; the page uses no network. For WPS users.
templates/           the blank assessment workbook and a sample filled with made-up data.
excel-addin/         the Excel add-in: host this folder over HTTPS, replace https://localhost:3000 in manifest.xml
                     with that address, and deploy the manifest (Microsoft 365 admin center or a shared folder).
wps/                 the WPS Spreadsheets add-in: install.cmd (Windows) or "sh install.sh" (Linux) installs it for the
                     current user; uninstall.cmd / uninstall.sh remove it.
docs/quickstart.html the assessor's quick start (Chinese, then English).
`;

/** Pictures the quick start shows: ![…](images/x.png) and <img src="images/x.png">. */
function quickstartImages(markdown) {
  const refs = [...markdown.matchAll(/!\[[^\]]*\]\((images\/[^)\s]+)\)|<img\s+src="(images\/[^"]+)"/g)].map((m) => m[1] ?? m[2]);
  return [...new Set(refs)].map((ref) => [`docs/${ref}`, `docs/${ref}`]);
}

function filesOf(zipPath, source) {
  const abs = join(ROOT, source);
  if (!statSync(abs).isDirectory()) return [[zipPath, abs]];
  return readdirSync(abs).sort().flatMap((name) => filesOf(posix.join(zipPath, name), join(source, name)));
}

function build() {
  // The page and the add-in pages, rebuilt when their sources changed (the same check `npm test` makes).
  for (const target of ['pages', 'wps']) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/test-prerequisites.mjs'), '--build', target], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

/** The last commit's time, so that the same commit gives the same zip; now, outside a git checkout. */
function releaseDate() {
  try {
    return new Date(Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim()) * 1000);
  } catch {
    return new Date();
  }
}

build();
const markdown = readFileSync(join(ROOT, QUICKSTART), 'utf8');
const files = [...ENTRIES, ...quickstartImages(markdown)].flatMap(([zipPath, source, opts]) => {
  if (!existsSync(join(ROOT, source))) {
    if (opts?.optional) return [];
    console.error(`缺少 / missing: ${source}`);
    process.exit(1);
  }
  return filesOf(zipPath, source);
});
const shipped = new Set(files.map(([zipPath]) => zipPath));
// In the HTML, a link to a file the zip does not hold keeps only its text.
const link = (href) => {
  if (/^(#|https?:)/.test(href)) return href;
  const target = posix.normalize(posix.join('docs', href.split('#')[0]));
  return shipped.has(target) ? href : null;
};

/** Info-ZIP Unicode Path extra field: version 1, the CRC-32 of the header's name, the UTF-8 name. */
function unicodePath(utf8) {
  const field = new Uint8Array(5 + utf8.length);
  new DataView(field.buffer).setUint32(1, crc32(utf8), true);
  field[0] = 1;
  field.set(utf8, 5);
  return field;
}

const mtime = releaseDate();
const stored = /\.(xlsx|png|zip)$/i; // already compressed
const zip = {};
// Names are UTF-8 (fflate sets the flag). Made by Unix with mode 644, Info-ZIP's unzip keeps the bytes as they are
// instead of reading them as a DOS code page, and the Unicode Path field (0x7075) covers unzippers that know only that.
const UNIX = 3;
const MODE = (0o100644 << 16) >>> 0;
const add = (zipPath, bytes) => {
  const name = `${TOP}/${zipPath}`;
  const utf8 = strToU8(name);
  const extra = /[^\x20-\x7e]/.test(name) ? { 0x7075: unicodePath(utf8) } : undefined;
  zip[name] = [bytes, { level: stored.test(zipPath) ? 0 : 9, mtime, os: UNIX, attrs: MODE, extra }];
};
// Windows Notepad reads a UTF-8 file with a byte-order mark and CRLF line ends in any version.
add('使用说明.txt', strToU8(`\ufeff${usage().replace(/\n/g, '\r\n')}`));
for (const [zipPath, abs] of files) add(zipPath, new Uint8Array(readFileSync(abs)));
add('docs/quickstart.html', strToU8(markdownPage(markdown, { link })));

mkdirSync(join(ROOT, 'out/release'), { recursive: true });
const bytes = zipSync(zip);
writeFileSync(OUT, bytes);
console.log(`${relative(ROOT, OUT)}  ${(bytes.length / 1024).toFixed(0)} KB, ${Object.keys(zip).length} files`);
for (const name of Object.keys(zip)) console.log(`  ${name}`);
