// The built pane page (dist/wps/…/taskpane.html) opened from file: in Debian Chromium, as WPS opens it from the
// jsaddons folder, with the fake ET model as its Application: one classic script, the shared pane, the ET host.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { normalise, sampleBytes, SUMMARY } from '../addin/fixtures.ts';
import { sampleWithMerges } from './samples.ts';
import { ADDIN, ensureWpsBuild } from './bundle.ts';
import type { FakeSheetSpec } from './fakeEt.ts';

let browser: Browser;
let fakeScript = '';
let SAMPLE: FakeSheetSpec[] = [];
const bytes = sampleBytes();
const cli = scoreXlsx(bytes);

beforeAll(async () => {
  ensureWpsBuild();
  SAMPLE = await sampleWithMerges();
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./fakeEtPage.ts', import.meta.url))], bundle: true, format: 'iife', write: false, logLevel: 'warning',
  });
  fakeScript = out.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function openPane(specs: FakeSheetSpec[]): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(`window.fakeEtSpecs = ${JSON.stringify(specs)};\n${fakeScript}`);
  await page.goto(pathToFileURL(`${ADDIN}/taskpane.html`).href);
  return { page, errors };
}

describe('计分面板 in WPS', () => {
  it('scores from the pane like the CLI and takes the user to an issue’s cell', async () => {
    const { page, errors } = await openPane(SAMPLE);
    await page.getByRole('button', { name: '一键计分' }).click();
    await page.locator('[data-testid="results-table"] tbody tr').first().waitFor();
    const rows = await page.locator('[data-testid="results-table"] tbody tr').count();
    expect(rows).toBe(cli.result.units.length);
    const summary = await page.evaluate(() => (window as unknown as { fakeEt: { sheet(n: string): { grid(): unknown } } }).fakeEt.sheet('汇总').grid());
    const expected = openXlsx(cli.output!).readSheets().find((s) => s.name === SUMMARY)!;
    expect(normalise(summary as never)).toEqual(normalise(expected.grid));
    await expect.poll(() => page.locator('[data-testid="issue-list"] li').count()).toBe(cli.result.issues.length);

    const issue = cli.result.issues.find((i) => i.severity === 'error' && i.cell)!;
    const item = page.locator('[data-testid="issue-list"] li', { hasText: issue.message });
    await item.getByRole('button', { name: `${issue.sheet}!${issue.cell}` }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { fakeEt: { selected: string } }).fakeEt.selected))
      .toBe(`${issue.sheet}!${issue.cell}`);
    expect(errors).toEqual([]);
  });

  it('shows the refusal and writes nothing when a unit sheet is protected', async () => {
    const { page, errors } = await openPane(SAMPLE.map((s) => (s.name === '旺苍县' ? { ...s, protected: true } : s)));
    await page.getByRole('button', { name: '一键计分' }).click();
    await page.getByText('“旺苍县”工作表受保护', { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { fakeEt: { log: { writes: number } } }).fakeEt.log.writes)).toBe(0);
    expect(errors).toEqual([]);
  });
});
