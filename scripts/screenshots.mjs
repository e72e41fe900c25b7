// npm run screenshots: retakes every picture the docs show, from the real pages and from LibreOffice renderings of
// the templates, so that a change of the page or of the templates is one command away from new pictures.
// - docs/images/web-start.png, web.png: dist/web/index.html in Debian Chromium, before and after scoring the sample;
// - docs/images/taskpane.png: the add-in's task pane, taken by its own test against the fake Office host;
// - docs/images/sheet-filled.png, sheet-scored.png, summary.png: a 考核表 of the sample before and after scoring,
//   and the 汇总 it gets, rendered by LibreOffice (one page per sheet) and cut out with pdftoppm;
// - docs/images/report-ranking.png, report-feedback.png: the printed 公示 and 反馈 (of UNIT) that `report` makes
//   from the scored sample, as LibreOffice prints them.
// Usage: npm run screenshots [-- --no-taskpane]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHINESE_FONT, CHROMIUM, ensurePackages, POPPLER, SOFFICE } from './lib/debianPackages.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const IMAGES = join(ROOT, 'docs/images');
const SAMPLE = join(ROOT, 'workbook-templates/guangyuan-2014-sample.xlsx');
/** The unit whose sheet is shown: the sample's one deliberate error is on it, so the pictures show an error too. */
const UNIT = '剑阁县';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const LIMIT = 250 * 1024;
const taken = [];

function run(cmd, args, options = {}, ok = [0]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (!ok.includes(r.status)) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status})\n${r.stderr ?? ''}`);
    process.exit(1);
  }
  return r.stdout;
}

const note = (file) => taken.push(file);

async function webPage() {
  const html = readFileSync(join(ROOT, 'dist/web/index.html'));
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const profile = mkdtempSync(join(tmpdir(), 'shots-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  try {
    // Nothing leaves the machine, as in the tests.
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.getByRole('button', { name: /选择工作簿/ }).waitFor();
    const start = join(IMAGES, 'web-start.png');
    await page.screenshot({ path: start, clip: { x: 0, y: 0, width: 1280, height: 300 } });
    note(start);

    await page.locator('input[type="file"]').setInputFiles(SAMPLE);
    await page.getByTestId('download').waitFor();
    const issue = page.locator('[data-testid="issue-list"] li[data-severity="error"]').first();
    await issue.getByRole('button').first().click();
    await issue.getByTestId('issue-detail').waitFor();
    const results = join(IMAGES, 'web.png');
    await page.screenshot({ path: results, fullPage: true });
    note(results);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function taskPane() {
  // The pane needs an Office host; its test builds it against the fake one and refreshes the picture.
  run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/addin/taskpane.browser.test.ts'], {
    env: { ...process.env, UPDATE_SCREENSHOTS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  note(join(IMAGES, 'taskpane.png'));
}

/** Each page's text, one entry per page (pdftotext separates pages with a form feed). */
const pageTexts = (pdf) => run('pdftotext', ['-layout', pdf, '-']).split('\f');

function cut(pdf, pageNo, out, height) {
  const base = out.replace(/\.png$/, '');
  const args = ['-png', '-r', out.includes('report-') ? '70' : '80', '-f', String(pageNo), '-l', String(pageNo), '-singlefile'];
  if (height) args.push('-x', '0', '-y', '0', '-W', out.includes('report-') ? '579' : '4000', '-H', String(height));
  run('pdftoppm', [...args, pdf, base]);
  note(out);
}

function sheets() {
  const work = mkdtempSync(join(tmpdir(), 'shots-soffice-'));
  try {
    const filled = join(work, 'filled.xlsx');
    const scored = join(work, 'scored.xlsx');
    copyFileSync(SAMPLE, filled);
    const score = spawnSync(process.execPath, ['dist/cli/target-scorer.mjs', 'score', filled, '-o', scored], { cwd: ROOT });
    if (score.status !== 0 && score.status !== 1) throw new Error(`scoring the sample failed (exit ${score.status})`);
    // One page per sheet, whatever its print setup, so a page number is a sheet and nothing is split.
    const pdf = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
    run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', pdf,
      '--outdir', work, filled, scored], { stdio: ['ignore', 'ignore', 'pipe'] });
    const unitPage = (texts) => texts.findIndex((t) => t.includes(`共青团${UNIT}委`) && t.includes('计分方式')) + 1;
    const before = pageTexts(join(work, 'filled.pdf'));
    const after = pageTexts(join(work, 'scored.pdf'));
    const summaryPage = after.findIndex((t) => /总分/.test(t) && /排名/.test(t) && /状态/.test(t) && !t.includes('计分方式')) + 1;
    if (!unitPage(before) || !unitPage(after) || !summaryPage) throw new Error('could not find the 考核表 or 汇总 pages in the PDFs');
    // The title, the header and the first two 项目: enough to see which columns are whose.
    cut(join(work, 'filled.pdf'), unitPage(before), join(IMAGES, 'sheet-filled.png'), 560);
    cut(join(work, 'scored.pdf'), unitPage(after), join(IMAGES, 'sheet-scored.png'), 560);
    cut(join(work, 'scored.pdf'), summaryPage, join(IMAGES, 'summary.png'));

    const report = join(work, 'report.xlsx');
    run(process.execPath, ['dist/cli/target-scorer.mjs', 'report', scored, '-o', report], { stdio: ['ignore', 'ignore', 'ignore'] }, [0, 1]);
    run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf',
      '--outdir', work, report], { stdio: ['ignore', 'ignore', 'pipe'] });
    const reportPages = pageTexts(join(work, 'report.pdf'));
    const feedbackPage = reportPages.findIndex((t) => t.includes(`单位：${UNIT}`)) + 1;
    if (!feedbackPage) throw new Error(`no 反馈 page of ${UNIT} in the report`);
    cut(join(work, 'report.pdf'), 1, join(IMAGES, 'report-ranking.png'), 420);
    cut(join(work, 'report.pdf'), feedbackPage, join(IMAGES, 'report-feedback.png'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

ensurePackages([CHROMIUM, SOFFICE, POPPLER, CHINESE_FONT], { zh: '截图', en: 'screenshots' });
run(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'cli'], { stdio: 'inherit' });
run(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'pages'], { stdio: 'inherit' });
mkdirSync(IMAGES, { recursive: true });
await webPage();
if (!process.argv.includes('--no-taskpane')) taskPane();
sheets();

let over = false;
for (const file of taken) {
  const size = statSync(file).size;
  over ||= size > LIMIT;
  console.log(`${file.slice(ROOT.length + 1).padEnd(32)} ${(size / 1024).toFixed(0).padStart(5)} KB${size > LIMIT ? '  over 250 KB' : ''}`);
}
if (over) process.exitCode = 1;
