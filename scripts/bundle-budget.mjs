// Prints each add-in page's gzip size (its scripts, preloads and styles) and fails when a page is over budget.
// Usage: node scripts/bundle-budget.mjs [distDir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGETS = { 'commands.html': 60 * 1024, 'taskpane.html': 250 * 1024 };

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
for (const [page, budget] of Object.entries(BUDGETS)) {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)]
    .map((m) => m[1])
    .filter((f) => !f.startsWith('office-js/') && !/^https?:/.test(f));
  let total = 0;
  for (const f of new Set(files)) {
    const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
    total += gz;
    console.log(`  ${f.padEnd(40)} ${kb(gz).padStart(10)} gzip`);
  }
  const over = total > budget;
  failed ||= over;
  console.log(`${page.padEnd(42)} ${kb(total).padStart(10)} gzip  (budget ${kb(budget)})${over ? '  OVER BUDGET' : ''}`);
}
if (failed) {
  console.error('bundle-budget: a page is over its gzip budget / 有页面超出体积预算');
  process.exit(1);
}
