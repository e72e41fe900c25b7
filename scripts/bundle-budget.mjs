// Prints each add-in page's gzip size (its scripts, preloads and styles) and the browser page's (dist/web/index.html,
// one self-contained file: its inline script and worker blocks), and fails when a page is over budget.
// Usage: node scripts/bundle-budget.mjs [distDir]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGETS = { 'commands.html': 60 * 1024, 'taskpane.html': 250 * 1024 };
// The page is one file. What the user waits on is the page script; the scoring worker starts on every file; the
// 生成考核表 worker (exceljs, ~300 KB) only on request, but it is in the file all the same.
const WEB_BUDGETS = { 'page script': 250 * 1024, 'worker-score': 100 * 1024, 'worker-generate': 400 * 1024, 'worker-cycle': 120 * 1024 };
const WEB_BUDGET = 700 * 1024;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (data) => gzipSync(data, { level: 9 }).length;
let failed = false;

function report(page, total, budget) {
  const over = total > budget;
  failed ||= over;
  console.log(`${page.padEnd(42)} ${kb(total).padStart(10)} gzip  (budget ${kb(budget)})${over ? '  OVER BUDGET' : ''}`);
}

for (const [page, budget] of Object.entries(BUDGETS)) {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)]
    .map((m) => m[1])
    .filter((f) => !f.startsWith('office-js/') && !/^https?:/.test(f));
  let total = 0;
  for (const f of new Set(files)) {
    const size = gz(readFileSync(join(dist, f)));
    total += size;
    console.log(`  ${f.padEnd(40)} ${kb(size).padStart(10)} gzip`);
  }
  report(page, total, budget);
}

const web = join(dist, 'web/index.html');
if (existsSync(web)) {
  const html = readFileSync(web, 'utf8');
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const id = /id="([^"]+)"/.exec(m[1])?.[1] ?? 'page script';
    if (WEB_BUDGETS[id]) report(`  ${id}`, gz(m[2]), WEB_BUDGETS[id]);
    else console.log(`  ${id.padEnd(40)} ${kb(gz(m[2])).padStart(10)} gzip`);
  }
  report('web/index.html', gz(html), WEB_BUDGET);
} else {
  console.log('web/index.html: not built (npm run build:web), not checked');
}
if (failed) {
  console.error('bundle-budget: a page is over its gzip budget / 有页面超出体积预算');
  process.exit(1);
}
