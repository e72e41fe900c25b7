// The page's print view in Debian Chromium: page.pdf() after scoring the sample holds the results table, its
// units and totals, and none of the page's buttons, drop zone or issue list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { sampleBytes } from '../web/workbooks.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';
let server: Server;
let browser: Browser;
let base = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'print-view-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), mode: 'production', build: { outDir: dir }, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const html = readFileSync(join(dir, 'index.html'));
  server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the page’s print view', () => {
  it('prints the results table and nothing of the UI', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    await page.goto(base);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'guangyuan-2014-sample.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(sampleBytes()),
    });
    await page.getByTestId('download').waitFor();
    const screenButtons = await page.getByRole('button').allInnerTexts();
    expect(screenButtons.length).toBeGreaterThan(0);
    const pdf = join(dir, 'print.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    await page.close();
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const u of scoreXlsx(sampleBytes()).result.units) {
      expect(text).toContain(u.unit);
      expect(text).toContain(u.total!.toFixed(2));
    }
    for (const label of screenButtons.map((b) => b.trim()).filter((b) => b.length > 1)) expect(text).not.toContain(label);
    for (const words of ['选择工作簿', '拖入', '下载']) expect(text).not.toContain(words);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(1);
  });
});
