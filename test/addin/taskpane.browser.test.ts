// The built add-in in Debian Chromium against a fake Office host: builds with OFFICE_JS=local into a temp dir,
// swaps office-js/office.js for test/addin/fake-office/office.js, serves it on 127.0.0.1 and drives the pages.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { importFromText } from '../../src/import/index.ts';
import { buildScoringWorkbook } from '../../src/templates/index.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { seedAsSheets } from '../import/rawXlsx.ts';
import { contractV2Sheets, normalise, SAMPLE_PATH, sampleSheets, SUMMARY } from './fixtures.ts';
import { contractV2Bytes } from '../fixtures/contractV2.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { issueText, statusText } from '../../src/engine/index.ts';
import { STRINGS } from '../../src/ui/index.ts';
import type { MockSheetSpec } from './mockExcel.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FAKE_OFFICE = fileURLToPath(new URL('./fake-office/office.js', import.meta.url));
// Every run leaves a screenshot in out/; UPDATE_SCREENSHOTS=1 also refreshes the one the docs show
// (take it where a CJK font is installed, e.g. Debian's fonts-wqy-microhei).
const SCREENSHOTS = [join(ROOT, 'out/taskpane.png'), ...(process.env.UPDATE_SCREENSHOTS ? [join(ROOT, 'docs/images/taskpane.png')] : [])];
const CHROMIUM = '/usr/bin/chromium';
const SEED = join(ROOT, 'workbook-templates/seed/guangyuan-2014.txt');
const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];
/** The seed's indicator tables stacked in one sheet, as staff receive them. */
const rawSheet = (): MockSheetSpec => ({ name: '指标', grid: seedAsSheets(readFileSync(SEED, 'utf8'), 'stacked')[0].rows });
const XSS = '<img src=x onerror=alert(1)>';

interface CliReport {
  units: { unit: string; total: number; rank: number; grade: string | null; status: string; selfTotal: number | null; cut: number | null }[];
  issues: { sheet: string; cell: string; severity: string; message: string }[];
}

/** The CLI's --json report for the sample: the built CLI when present, else the CLI's source through tsx. */
function cliReport(): CliReport {
  const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'scored.xlsx');
  const built = join(ROOT, 'dist/cli/target-scorer.mjs');
  const args = existsSync(built) ? [built] : ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts')];
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [...args, 'score', SAMPLE_PATH, '--json', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  } catch (e) {
    // Exit status 1 means "scored, with data errors"; the report is on stdout all the same.
    stdout = (e as { stdout?: string }).stdout ?? '';
    if (!stdout) throw e;
  }
  return JSON.parse(stdout) as CliReport;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.png': 'image/png', '.json': 'application/json',
};

function serve(dir: string): Server {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

let dir = '';
let server: Server;
let base = '';
let browser: Browser;
let cli: CliReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'addin-build-'));
  // The production bundle, as `npm run build` makes it (vitest itself runs with NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.OFFICE_JS = 'local';
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'addin/vite.config.ts'), mode: 'production', build: { outDir: dir }, logLevel: 'warn' });
  } finally {
    delete process.env.OFFICE_JS;
    process.env.NODE_ENV = nodeEnv;
  }
  copyFileSync(FAKE_OFFICE, join(dir, 'office-js/office.js'));
  server = serve(dir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  cli = cliReport();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Watch {
  blocked: string[];
  dialogs: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** A page whose every request outside 127.0.0.1/localhost is aborted and recorded, holding the given workbook. */
async function openPage(
  file: 'taskpane.html' | 'commands.html',
  workbook: { sheets: MockSheetSpec[]; displayLanguage?: string; apiVersion?: number },
  page?: Page,
): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { blocked: [], dialogs: [], cspViolations: [], pageErrors: [] };
  if (!page) {
    const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  }
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    watch.blocked.push(url.href);
    return route.abort();
  });
  page.on('dialog', async (d) => {
    watch.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) watch.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  await page.addInitScript((data) => {
    (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__ = data;
  }, workbook);
  await page.goto(`${base}/${file}`);
  return { page, watch };
}

function expectClean(watch: Watch) {
  expect(watch.blocked, 'requests outside 127.0.0.1').toEqual([]);
  expect(watch.dialogs, 'dialogs').toEqual([]);
  expect(watch.cspViolations, 'CSP violations').toEqual([]);
  expect(watch.pageErrors, 'page errors').toEqual([]);
}

async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.locator('[data-testid="results-table"] tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
}

const fake = <T>(page: Page, pick: string) =>
  page.evaluate((p) => {
    const state = (window as unknown as { __fakeExcel: Record<string, unknown> }).__fakeExcel;
    return state[p];
  }, pick) as Promise<T>;

describe('task pane in Chromium with a fake Office host', () => {
  it('is built with office.js served locally and a CSP without the CDN', () => {
    const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    expect(html).toContain('src="office-js/office.js"');
    expect(html).not.toContain('appsforoffice.microsoft.com');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'self'; script-src 'self'; /);
    expect(existsSync(join(dir, 'office-js/excel-web-16.00.js'))).toBe(true);
    // The ribbon command's page carries no React or Fluent UI.
    const commands = readFileSync(join(dir, 'commands.html'), 'utf8');
    const code = [...commands.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)]
      .map((m) => readFileSync(join(dir, m[1]), 'utf8')).join('\n');
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/react\.transitional\.element|fui-FluentProvider|createRoot/);
  });

  it('scores on 一键计分, shows the CLI’s results, and takes the user to an issue’s cell', async () => {
    const { page, watch } = await openPage('taskpane.html', { sheets: sampleSheets() });
    await page.getByRole('button', { name: '一键计分' }).click();
    await page.locator('[data-testid="results-table"] tbody tr').first().waitFor();

    // The sample has a 等次标准 and 自评分: 等次 gets a column, 自评总分/核减 a line under the unit's name.
    expect(cli.units.every((u) => u.grade !== null && u.selfTotal !== null)).toBe(true);
    expect(await tableRows(page)).toEqual(cli.units.map((u) => [
      u.unit + STRINGS.zh.selfLine(u.selfTotal!.toFixed(2), u.cut!.toFixed(2)), u.total.toFixed(2), String(u.rank),
      u.grade === '待定' ? STRINGS.zh.pendingGrade : u.grade, u.status]));
    expect(await fake<string>(page, 'activeSheet')).toBe(SUMMARY);
    await expect.poll(() => page.locator('[data-testid="issue-list"] li').count()).toBe(cli.issues.length);
    expect(await page.locator('[data-testid="totals-chart"] g').count()).toBe(cli.units.length);

    const issue = cli.issues.find((i) => i.severity === 'error' && i.cell)!;
    const item = page.locator('[data-testid="issue-list"] li', { hasText: issue.message });
    expect(await item.getAttribute('data-severity')).toBe('error');
    await item.getByRole('button', { name: `${issue.sheet}!${issue.cell}` }).click();
    await expect.poll(() => fake(page, 'selection')).toEqual({ sheet: issue.sheet, address: issue.cell });
    expect(await fake<string>(page, 'activeSheet')).toBe(issue.sheet);

    await page.locator('[data-testid="issue-list"]').hover();
    for (const path of SCREENSHOTS) {
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: true });
    }
    expectClean(watch);
    await page.context().close();
  });

  it('shows a sheet named like HTML as text: no element, no script', async () => {
    const sheets = sampleSheets().map((s) => (s.name === '朝天区' ? { ...s, name: XSS } : s));
    const { page, watch } = await openPage('taskpane.html', { sheets });
    await page.getByRole('button', { name: '一键计分' }).click();
    const cell = page.locator('[data-testid="results-table"] td', { hasText: XSS });
    await cell.waitFor();
    const unit = cli.units.find((u) => u.unit === '朝天区')!;
    expect(await cell.textContent()).toBe(XSS + STRINGS.zh.selfLine(unit.selfTotal!.toFixed(2), unit.cut!.toFixed(2)));
    // The name is the cell's own text node (自评总分/核减 follow in a span of their own), and it shows.
    expect(await cell.evaluate((td) => (td.firstChild?.nodeType === Node.TEXT_NODE ? td.firstChild.textContent : null))).toBe(XSS);
    await expect.poll(() => cell.isVisible()).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expectClean(watch);
    await page.context().close();
  });

  it('speaks English when Office’s display language is not Chinese', async () => {
    const { page, watch } = await openPage('taskpane.html', { sheets: sampleSheets(), displayLanguage: 'en-US' });
    await page.getByRole('button', { name: 'Score all' }).click();
    await page.locator('[data-testid="results-table"] tbody tr').first().waitFor();
    const headers = await page.locator('[data-testid="results-table"] th').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['Unit', 'Total', 'Rank', 'Grade', 'Status']);
    const statuses = await page.locator('[data-testid="status"]').allTextContents();
    expect(statuses).toEqual(scoreXlsx(new Uint8Array(readFileSync(SAMPLE_PATH))).result.units.map((u) => statusText(u, 'en')));
    expect(statuses.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    expectClean(watch);
    await page.context().close();
  });

  it.each(['zh-CN', 'en-US'])('shows contract v2 as the CLI scores it (3/3 and 90% read by their formats), in %s', async (displayLanguage) => {
    const lang = displayLanguage === 'zh-CN' ? 'zh' : 'en';
    const s = STRINGS[lang];
    const v2 = scoreXlsx(await contractV2Bytes());
    const { page, watch } = await openPage('taskpane.html', { sheets: await contractV2Sheets(), displayLanguage });
    await page.getByRole('button', { name: s.scoreButton }).click();
    await page.locator('[data-testid="results-table"] tbody tr').first().waitFor();
    expect(await tableRows(page)).toEqual(v2.result.units.map((u) => [
      u.unit + (u.selfTotal === null ? '' : s.selfLine(u.selfTotal.toFixed(2), u.cut!.toFixed(2))),
      u.total === null ? '—' : u.total.toFixed(2),
      u.rank === null ? '—' : String(u.rank),
      u.grade === '待定' ? s.pendingGrade : u.grade ?? '—',
      statusText(u, lang),
    ]));
    expect(await page.locator('[data-testid="results-table"] th').allTextContents()).toEqual([s.unit, s.total, s.rank, s.grade, s.status]);
    const issues = await page.locator('[data-testid="issue-list"] li span[data-code]')
      .evaluateAll((spans) => spans.map((el) => [el.getAttribute('data-code'), (el.textContent ?? '').trim()]));
    expect(issues).toEqual(v2.result.issues.map((i) => [i.code, issueText(i, lang)]));
    expect(issues.map(([code]) => code)).toContain('actual-date');
    // 汇总 in the workbook is the CLI's, whole.
    const sheets = await fake<{ name: string; cells: unknown[][] }[]>(page, 'sheets');
    const want = openXlsx(v2.output!).readSheets().find((x) => x.name === SUMMARY)!.grid;
    expect(normalise(sheets.find((x) => x.name === SUMMARY)!.cells as never)).toEqual(normalise(want));
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, `out/taskpane-v2-${lang}.png`), fullPage: true });
    expectClean(watch);
    await page.context().close();
  });

  it('refuses on a protected sheet, names it, and writes nothing', async () => {
    const sheets = sampleSheets().map((s) => (s.name === '旺苍县' ? { ...s, protected: true } : s));
    const { page, watch } = await openPage('taskpane.html', { sheets });
    const before = await fake<unknown>(page, 'sheets');
    await page.getByRole('button', { name: '一键计分' }).click();
    await page.getByText('“旺苍县”工作表受保护', { exact: false }).waitFor();
    expect(await fake<unknown>(page, 'sheets')).toEqual(before);
    expectClean(watch);
    await page.context().close();
  });
});

describe('生成考核表 in Chromium with a fake Office host', () => {
  it('turns the raw indicator sheet into the 考核表 sheets, shows the review list, and the sheets score', async () => {
    const { page, watch } = await openPage('taskpane.html', { sheets: [rawSheet()] });
    await page.getByRole('button', { name: '生成考核表' }).click();
    await page.locator('[data-testid="review-list"]').waitFor();

    const sheets = await fake<{ name: string; cells: unknown[][]; merges: string[] }[]>(page, 'sheets');
    expect(sheets.map((x) => x.name)).toEqual(['指标', ...UNITS, '案件台账', SUMMARY]);
    // What target-scorer import writes for the same seed (the shipped template carries every clause besides).
    const template = openXlsx(await buildScoringWorkbook(importFromText(readFileSync(SEED, 'utf8')).workbook)).readSheets();
    for (const name of UNITS) {
      const cells = sheets.find((x) => x.name === name)!.cells.map((r) => (r ?? []).map((v) => v ?? null));
      expect(normalise(cells as never), name).toEqual(normalise(template.find((x) => x.name === name)!.grid));
    }
    expect(sheets.find((x) => x.name === '苍溪县')!.merges).toContain('B3:B8');
    expect(await fake<string>(page, 'activeSheet')).toBe('苍溪县');

    const notice = page.locator('[data-testid="generate-notice"]');
    expect(await notice.textContent()).toContain(`已生成 8 张考核表：${UNITS.join('、')}。另建“案件台账”“汇总”。`);
    expect(await page.getByRole('heading', { name: '导入清单（605 行，需复核 0 行）' }).isVisible()).toBe(true);
    expect(await page.locator('[data-testid="review-none-flagged"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="review-list"] details').count()).toBe(8);
    const cangxi = page.locator('[data-testid="review-list"] details[data-unit="苍溪县"]');
    await cangxi.locator('summary').click();
    expect(await cangxi.getByText('西部计划志愿者', { exact: true }).isVisible()).toBe(true);
    expect(await cangxi.getByText('≥19名').isVisible()).toBe(true);
    expect(await cangxi.getByText('见保障指标表：25 项扣分').isVisible()).toBe(true);

    // The new sheets are 考核表 the scorer reads.
    await page.getByRole('button', { name: '一键计分' }).click();
    await page.locator('[data-testid="results-table"] tbody tr').first().waitFor();
    expect((await tableRows(page)).map((r) => r[0])).toEqual(UNITS);
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'out/taskpane-generate.png'), fullPage: true });
    expectClean(watch);
    await page.context().close();
  });

  it('never overwrites a sheet: names the renamed ones, and lists the rows to check with the reason', async () => {
    const raw: MockSheetSpec = {
      name: '收到的指标',
      grid: [
        ['共青团苍溪县委2015年度目标绩效指标'],
        ['类别', '项目', '内容', '分值'],
        ['职能指标', '服务青年', '1.培训青年约300人。\n\n2.举办招聘会不少于2场。', 10],
      ],
    };
    const { page, watch } = await openPage('taskpane.html', { sheets: [{ name: '苍溪县', grid: [['旧表']] }, raw] });
    await page.evaluate(() => {
      (window as unknown as { __fakeExcel: { activeSheet: string } }).__fakeExcel.activeSheet = '收到的指标';
    });
    await page.getByRole('button', { name: '生成考核表' }).click();
    await page.locator('[data-testid="review-flagged"]').waitFor();
    const notice = await page.locator('[data-testid="generate-notice"]').textContent();
    expect(notice).toContain('已有名为“苍溪县”的工作表，新表命名为“苍溪县(2)”');
    const sheets = await fake<{ name: string; cells: unknown[][] }[]>(page, 'sheets');
    expect(sheets.map((x) => x.name)).toEqual(['苍溪县', '收到的指标', '苍溪县(2)', '案件台账', SUMMARY]);
    expect(sheets[0].cells).toEqual([['旧表']]);
    const flagged = page.locator('[data-testid="review-flagged"] li');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.textContent()).toContain('目标是约数（约300人），请确定考核值');
    expectClean(watch);
    await page.context().close();
  });

  it('says so, and writes nothing, when the active sheet is not an indicator table', async () => {
    const { page, watch } = await openPage('taskpane.html', { sheets: sampleSheets() });
    const before = await fake<unknown>(page, 'sheets');
    await page.getByRole('button', { name: '生成考核表' }).click();
    await page.getByText('不是指标表', { exact: false }).waitFor();
    expect(await fake<unknown>(page, 'sheets')).toEqual(before);
    expectClean(watch);
    await page.context().close();
  });
});

describe('ribbon command page in Chromium with a fake Office host', () => {
  it('registers scoreWorkbook, scores without the pane, completes the event and leaves the user on 汇总', async () => {
    const sheets = sampleSheets().filter((s) => s.name !== SUMMARY);
    const { page, watch } = await openPage('commands.html', { sheets });
    await expect.poll(() => page.evaluate(() =>
      typeof (window as unknown as { __fakeExcel: { associated: Record<string, unknown> } }).__fakeExcel.associated.scoreWorkbook)).toBe('function');
    const result = await page.evaluate(async () => {
      const w = window as unknown as {
        __fakeExcel: { associated: Record<string, (e: unknown) => Promise<void>>; activeSheet: string; sheets: { name: string }[] };
        scoreWorkbook: unknown;
      };
      let completed = 0;
      await w.__fakeExcel.associated.scoreWorkbook({ completed: () => completed++ });
      return { completed, active: w.__fakeExcel.activeSheet, sheets: w.__fakeExcel.sheets.map((s) => s.name), global: typeof w.scoreWorkbook };
    });
    expect(result).toMatchObject({ completed: 1, active: SUMMARY, global: 'function' });
    expect(result.sheets.at(-1)).toBe(SUMMARY);
    expectClean(watch);
    await page.context().close();
  });

  it('on refusal writes nothing, still completes, points at the obstacle, and the pane reports it', async () => {
    const sheets = sampleSheets().map((s) => (s.name === '苍溪县' ? { ...s, formulas: { N3: '=H3' } } : s));
    const { page, watch } = await openPage('commands.html', { sheets });
    await expect.poll(() => page.evaluate(() =>
      typeof (window as unknown as { scoreWorkbook?: unknown }).scoreWorkbook)).toBe('function');
    const result = await page.evaluate(async () => {
      const w = window as unknown as {
        __fakeExcel: { activeSheet: string; selection: unknown };
        scoreWorkbook: (e: unknown) => Promise<void>;
      };
      let completed = 0;
      await w.scoreWorkbook({ completed: () => completed++ });
      return { completed, active: w.__fakeExcel.activeSheet, selection: w.__fakeExcel.selection };
    });
    expect(result).toEqual({ completed: 1, active: '苍溪县', selection: { sheet: '苍溪县', address: 'N3' } });
    expectClean(watch);

    // Same origin, so the task pane finds the ribbon's note.
    const pane = await openPage('taskpane.html', { sheets }, page);
    await pane.page.getByText('“苍溪县”工作表 N3 单元格含有公式', { exact: false }).waitFor();
    expect(await pane.page.getByRole('button', { name: '转到 苍溪县!N3' }).isVisible()).toBe(true);
    expectClean(pane.watch);
    await page.context().close();
  });
});
