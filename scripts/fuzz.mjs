#!/usr/bin/env node
/**
 * npm run fuzz [-- files… [vitest options…]]: every fast-check property (those run with propertyRuns, see
 * test/propertyRuns.ts) with a fresh seed and FUZZ_RUNS cases each (default 100 000), one file after another.
 * Prints each property's seed, case count, time and result, and for a failure the counterexample and the command
 * that replays it. FUZZ_SEED fixes the seed (to replay a failure). `--list` prints the files it would run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Test files that run a fast-check property through propertyRuns. */
function propertyFiles(dir = join(root, 'test')) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => /(?:from |import\()'fast-check'/.test(readFileSync(f, 'utf8')) && readFileSync(f, 'utf8').includes('propertyRuns('))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
}

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--list') {
    console.log(propertyFiles().join('\n'));
    return;
  }
  const files = args.filter((a) => !a.startsWith('-') && a.endsWith('.ts'));
  const options = args.filter((a) => !files.includes(a));
  const runs = process.env.FUZZ_RUNS || '100000';
  const work = mkdtempSync(join(tmpdir(), 'target-scorer-fuzz-'));
  const log = join(work, 'seeds.jsonl');
  const report = join(work, 'report.json');
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', ...(files.length > 0 ? files : propertyFiles()), '--testTimeout=86400000', '--maxWorkers=1',
      '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...options],
    { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ: '1', FUZZ_RUNS: runs, FUZZ_LOG: log } },
  );
  const seeds = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  const results = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).testResults : [];
  const byName = new Map(results.flatMap((f) => f.assertionResults.map((a) => [`${resolve(f.name)}\u0000${[...a.ancestorTitles, a.title].join(' > ')}`, a])));

  console.log(`\n模糊测试 / fuzz: ${seeds.length} properties, ${runs} cases each, ${Math.round((Date.now() - started) / 1000)} s`);
  let failed = 0;
  for (const s of seeds) {
    const a = byName.get(`${resolve(s.file)}\u0000${s.name}`);
    const status = a?.status ?? 'unknown';
    const seconds = a?.duration !== undefined ? (a.duration / 1000).toFixed(1) : '?';
    console.log(`${status === 'passed' ? 'ok  ' : 'FAIL'} seed=${s.seed} runs=${s.numRuns} ${seconds}s ${relative(root, s.file)} › ${s.name}`);
    if (status === 'passed') continue;
    failed++;
    for (const m of a?.failureMessages ?? []) console.log(m.split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n'));
    const title = (a?.title ?? s.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    console.log(`      replay: FUZZ_SEED=${s.seed} FUZZ_RUNS=${s.numRuns} npm run fuzz -- ${relative(root, s.file)} -t ${JSON.stringify(title)}`);
  }
  if (!process.env.FUZZ_KEEP) rmSync(work, { recursive: true, force: true });
  if (seeds.length === 0) console.log('没有运行任何属性测试 / no property ran');
  process.exit(run.status !== 0 || failed > 0 || seeds.length === 0 ? 1 : 0);
}

main();
