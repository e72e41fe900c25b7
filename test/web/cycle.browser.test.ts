// 分发 and 汇集 on the page (dist/web/index.html) in Debian Chromium: the sample split with src/cycle, returns filled
// by script, the master chosen and the returns dropped on the page; the table, the change and the downloads are
// checked against collectXlsx and splitMaster, and the gathered master part by part against the real CLI's.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { collectXlsx } from '../../src/cycle/collectXlsx.ts';
import { splitMaster } from '../../src/cycle/split.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { fillFor, sheetOf } from '../cycle/helpers.ts';
import { rawEntries } from '../xlsx/helpers.ts';
import { sampleBytes } from './workbooks.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/target-scorer.mjs');
const SCREENSHOTS = [join(ROOT, 'out/web-cycle.png'), ...(process.env.UPDATE_SCREENSHOTS ? [join(ROOT, 'docs/images/web-cycle.png')] : [])];
const MASTER_NAME = '2014年度考核.xlsx';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

let dir = '';
let work = '';
let server: Server;
let base = '';
let browser: Browser;
const master = sampleBytes();
const split = splitMaster(master);
const unitFile = (unit: string) => split.files.find((f) => f.unit === unit)!.bytes;
/** A unit's file with every 实际完成 typed in, and `extra` cells changed besides. */
const filled = (unit: string, extra: { row: number; col: number; value: number }[] = []) =>
  openXlsx(unitFile(unit)).applyWrites([
    ...fillFor(sheetOf(master, unit)).map((f) => ({ sheet: unit, row: f.entry.row, col: f.entry.col, value: f.value })),
    ...extra.map((c) => ({ sheet: unit, ...c })),
  ], []);
// 苍溪县 returns clean; 旺苍县 lowers its 目标值 F4 from 20 to 15; the other six send nothing.
const returns = [
  { file: '苍溪县.xlsx', bytes: filled('苍溪县') },
  { file: '旺苍县（修改）.xlsx', bytes: filled('旺苍县', [{ row: 3, col: 5, value: 15 }]) },
];

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/test-prerequisites.mjs'), '--build', 'cli'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'web-cycle-build-'));
  work = mkdtempSync(join(tmpdir(), 'web-cycle-files-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), mode: 'production', build: { outDir: dir }, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const html = readFileSync(join(dir, 'index.html'));
  server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  for (const d of [dir, work]) if (d) rmSync(d, { recursive: true, force: true });
});

interface Watch {
  offMachine: string[];
  errors: string[];
  workers: number;
}

async function openCycle(at: Date): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { offMachine: [], errors: [], workers: 0 };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: TIME_ZONE, acceptDownloads: true });
  await context.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'blob:') return route.continue();
    watch.offMachine.push(u.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && watch.errors.push(m.text()));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('worker', () => watch.workers++);
  await page.clock.setFixedTime(at);
  await page.goto(base);
  await page.getByTestId('tab-cycle').click();
  await page.getByTestId('cycle-master-zone').waitFor();
  return { page, watch };
}

/** Drops files on a zone as a person would: a real drop event carrying a DataTransfer of File objects. */
async function dropFiles(page: Page, testId: string, files: { file: string; bytes: Uint8Array }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.file, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    return dt;
  }, files.map((f) => ({ file: f.file, b64: Buffer.from(f.bytes).toString('base64') })));
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

const tableRows = (page: Page) => page.locator('[data-testid="returns-table"] tbody tr')
  .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));

/** The CLI's gathered master: `collect` run on files written to disk, and the 收回时间 it wrote. */
function cliCollect(score: boolean): { bytes: Uint8Array; at: string } {
  const m = join(work, MASTER_NAME);
  writeFileSync(m, master);
  const files = returns.map((r) => {
    writeFileSync(join(work, r.file), r.bytes);
    return join(work, r.file);
  });
  const out = join(work, score ? 'scored.xlsx' : 'gathered.xlsx');
  const r = spawnSync(process.execPath, [BIN, 'collect', m, ...files, '-o', out, '--force', ...(score ? ['--score'] : [])], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(1); // a change to look at
  const bytes = new Uint8Array(readFileSync(out));
  const sheet = openXlsx(bytes).readSheets().find((s) => s.name === '收回情况')!;
  return { bytes, at: String(sheet.grid.find((row) => row[0] === '苍溪县')![2]) };
}

/** "2026-12-03 10:15" in this computer's time zone, as a Date. */
const localDate = (at: string) => {
  const [d, t] = at.split(' ');
  const [y, mo, da] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  return new Date(y, mo - 1, da, hh, mm, 20);
};

/** Same entries in the same order, each part's uncompressed bytes equal: the CLI deflates with zlib, the page with fflate. */
function expectSameParts(got: Uint8Array, want: Uint8Array) {
  const g = unzipSync(got);
  const w = unzipSync(want);
  expect(Object.keys(g)).toEqual(Object.keys(w));
  for (const name of Object.keys(w)) expect(Buffer.compare(Buffer.from(g[name]), Buffer.from(w[name])), name).toBe(0);
  expect([...rawEntries(got).keys()]).toEqual([...rawEntries(want).keys()]);
}

describe('分发与汇集 on the page', () => {
  for (const score of [false, true]) {
    it(`gathers dropped returns like the CLI${score ? ', scored' : ''}: 收回情况, the change, the downloaded master`, async () => {
      const cli = cliCollect(score);
      const { page, watch } = await openCycle(localDate(cli.at));
      if (score) await page.getByRole('checkbox', { name: '汇集后接着计分' }).check();
      await page.getByTestId('cycle-master-input').setInputFiles({ name: MASTER_NAME, mimeType: XLSX_MIME, buffer: Buffer.from(master) });
      await dropFiles(page, 'cycle-returns-zone', returns);
      await page.getByTestId('download-gathered').waitFor();

      const expected = collectXlsx(master, returns, { now: cli.at, score });
      const rows = await tableRows(page);
      expect(rows).toEqual(expected.gather.units.map((u) => [u.unit, u.files.join('、'), u.gatheredAt, u.status, u.status === '未收回' ? '' : String(u.taken), expect.any(String)]));
      expect(rows.find((r) => r[0] === '苍溪县')!.slice(0, 4)).toEqual(['苍溪县', '苍溪县.xlsx', cli.at, '已收回']);
      expect(rows.find((r) => r[0] === '旺苍县')![3]).toBe('有改动（1处）');
      expect(rows.filter((r) => r[3] === '未收回').map((r) => r[0])).toEqual(['剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区']);
      expect(await page.getByTestId('changes').locator('li').allTextContents()).toEqual(['旺苍县!F4 目标值由“20”改为“15”']);
      await expect.poll(() => page.getByTestId('missing').textContent()).toContain('未收回（6）');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-gathered').click()]);
      expect(download.suggestedFilename()).toBe('2014年度考核.gathered.xlsx');
      const got = new Uint8Array(readFileSync(await download.path()));
      // Byte for byte what collectXlsx writes with the page's codec; part for part what the CLI wrote.
      expect(Buffer.compare(Buffer.from(got), Buffer.from(expected.output))).toBe(0);
      expectSameParts(got, cli.bytes);
      // The change is reported and not copied: the master keeps the issued 目标值.
      expect(sheetOf(got, '旺苍县').grid[3][5]).toBe(20);
      if (!score) for (const s of SCREENSHOTS) await page.screenshot({ path: s, fullPage: true });
      expect(watch.workers, 'gathered in a worker').toBe(1);
      expect(watch.offMachine).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.context().close();
    });
  }

  it('splits the master into one zip of the unit files, each as splitMaster makes it', async () => {
    const { page, watch } = await openCycle(new Date());
    await page.getByTestId('cycle-master-input').setInputFiles({ name: MASTER_NAME, mimeType: XLSX_MIME, buffer: Buffer.from(master) });
    await page.getByTestId('split').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-split').click()]);
    expect(download.suggestedFilename()).toBe('2014年度考核.分发.zip');
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(zip).sort()).toEqual(split.files.map((f) => f.fileName).sort());
    for (const f of split.files) expect(Buffer.compare(Buffer.from(zip[f.fileName]), Buffer.from(f.bytes)), f.fileName).toBe(0);
    expect(watch.offMachine).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});
