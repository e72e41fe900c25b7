// Runs a package's command with the office-addin tools' usage data ("telemetry") turned off first.
// Usage: node scripts/without-usage-data.mjs <package-bin> [args...]
//   e.g. node scripts/without-usage-data.mjs office-addin-debugging start manifest.xml desktop --app excel
// `office-addin-usage-data off` is the tools' documented switch: versions 1 and 2 store usageDataLevel "off" in
// ~/office-addin-usage-data.json and then send nothing; version 3 (installed here) has no reporting code at all.
// Bins are started with this Node directly, so neither a shell nor the bins' executable bit is needed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function binOf(name) {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const rel = typeof bin === 'string' ? bin : bin?.[name] ?? Object.values(bin ?? {})[0];
  if (!rel) throw new Error(`${name} has no command`);
  return join(dirname(manifest), rel);
}

function run(name, args) {
  const r = spawnSync(process.execPath, [binOf(name), ...args], { stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

const [name, ...args] = process.argv.slice(2);
const off = run('office-addin-usage-data', ['off']);
if (off !== 0) {
  console.error('无法关闭 office-addin 使用数据收集，已停止 / Could not turn office-addin usage data off; stopping.');
  process.exit(off);
}
if (name) process.exit(run(name, args));
