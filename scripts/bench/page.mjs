// The browser page's time for one workbook in Debian Chromium: the production page is built into out/bench/web,
// opened from file://, the workbook chosen from disk, and the clock stops when the download button shows.
// Usage: node scripts/bench/page.mjs <file.xlsx> [runs]   → one JSON line { runsMs, medianMs }
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const outDir = path.resolve('out/bench/web');
mkdirSync(outDir, { recursive: true });
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
await build({ configFile: path.resolve('web/vite.config.ts'), mode: 'production', build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
process.env.NODE_ENV = nodeEnv;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    // Nothing leaves the machine: every request off file:// is refused.
    await context.route('**/*', (route) => (new URL(route.request().url()).protocol === 'file:' ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(outDir, 'index.html')).href);
    await page.getByRole('button', { name: /选择工作簿|Choose workbook/ }).waitFor();
    const t0 = performance.now();
    await page.locator('input[type="file"]').setInputFiles(path.resolve(file));
    await page.getByTestId('download').waitFor({ timeout: 300_000 });
    times.push(performance.now() - t0);
    await context.close();
  }
} finally {
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ runsMs: times.map(Math.round), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]) }));
