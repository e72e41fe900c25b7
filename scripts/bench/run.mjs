// npm run bench: engine, file path, the whole CLI process, the floor, naive exceljs and SheetJS, and the Office.js host
// at 8, 200 and 3,000 units, in one run on the same files; then growth, gathering (汇集) and the browser page.
// Prints one table per size and the targets, and writes out/bench/results.json.
// BENCH_SIZES=8,200 npm run bench measures fewer sizes; BENCH_NAIVE=0 leaves out exceljs and SheetJS (slow).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const SIZES = (process.env.BENCH_SIZES ?? '8,200,3000').split(',').map(Number);
const NAIVE = process.env.BENCH_NAIVE !== '0';
const OUT = 'out/bench';
const CLI = 'dist/cli/target-scorer.mjs';
mkdirSync(OUT, { recursive: true });

for (const [entry, outfile] of [['scripts/bench/measure.ts', `${OUT}/measure.mjs`], ['scripts/bench/generate.ts', `${OUT}/generate.mjs`]]) {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
}
execFileSync(process.execPath, ['scripts/build-cli.mjs']);

function measure(task, file) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', `${OUT}/measure.mjs`, task, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { task, failed: (r.stderr || '').split('\n').slice(0, 3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The built CLI as a user runs it, start-up included: wall time and the process's peak RSS, median of `runs`. */
function cliRuns(args, runs) {
  const rssFile = path.join(OUT, `cli-rss-${process.pid}.txt`);
  const times = [];
  const rss = [];
  let status = null;
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', './scripts/bench/peak-rss.mjs', CLI, ...args], {
      encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, BENCH_RSS_FILE: rssFile },
    });
    times.push(performance.now() - t);
    status = r.status;
    if (r.status !== 0 && r.status !== 1) return { failed: (r.stderr || '').split('\n').slice(0, 3).join(' ') };
    rss.push(existsSync(rssFile) ? Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024) : null);
  }
  rmSync(rssFile, { force: true });
  return { totalMs: Math.round(median(times)), runsMs: times.map(Math.round), peakRssMb: Math.max(...rss), exitCode: status };
}

const scoreCli = (file, runs) => cliRuns(['score', file, '-o', `${OUT}/cli-out.xlsx`, '--force'], runs);

// 汇集 (gathering): the returns are the master's own 分发 files; an older built CLI without the commands prints "not available".
const GATHER = {
  split: (master, dir) => ['split', master, '-o', dir, '--force'],
  collect: (master, dir, out) => ['collect', master, dir, '-o', out, '--force'],
};
function gathering(master, scoreMs) {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const has = (cmd) => new RegExp(`^\\s+${cmd}\\b`, 'm').test(help);
  if (!has('collect')) return { notAvailable: 'collect command missing' };
  if (!has('split')) return { notAvailable: 'split command missing (the returns are made with it)' };
  const dir = path.join(OUT, 'returns-200');
  rmSync(dir, { recursive: true, force: true });
  const made = spawnSync(process.execPath, [CLI, ...GATHER.split(master, dir)], { encoding: 'utf8' });
  if (made.status !== 0) return { notAvailable: `split failed: ${(made.stderr || '').split('\n')[0]}` };
  const r = cliRuns(GATHER.collect(master, dir, `${OUT}/collected-200.xlsx`), 1);
  if (r.failed) return { notAvailable: `collect failed: ${r.failed}` };
  return { ...r, overScore: +(r.totalMs / scoreMs).toFixed(2) };
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const line = (what, ms, rss, detail = '') => console.log(`${pad(what, 36)}${pad(ms ?? '-', 10, true)}${pad(rss ?? '-', 13, true)}  ${detail}`);
const machine = () => ({ cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg().map((x) => +x.toFixed(2)) });
const results = { machine: machine(), sizes: {} };
const targets = [];
const target = (what, value, limit, unit = '×') => {
  const met = value !== null && value !== undefined && value <= limit;
  targets.push({ what, value, limit, met });
  console.log(`${met ? 'met    ' : 'NOT MET'}  ${what}: ${value ?? 'n/a'}${unit} (target ≤ ${limit}${unit})`);
};

for (const units of SIZES) {
  const file = units === 8 ? 'workbook-templates/guangyuan-2014-sample.xlsx' : `${OUT}/units-${units}.xlsx`;
  if (!existsSync(file)) execFileSync(process.execPath, [`${OUT}/generate.mjs`, String(units), file], { stdio: 'inherit' });
  const loadBefore = os.loadavg()[0];
  const r = {
    engine: measure('engine', file),
    file: measure('file', file),
    cli: scoreCli(file, units >= 3000 ? 1 : 3),
    floor: measure('floor', file),
    naive: NAIVE ? measure('naive', file) : { skipped: true },
    sheetjs: NAIVE ? measure('sheetjs', file) : { skipped: true },
    office: measure('office', file),
    cycle: units <= 200 ? measure('cycle', file) : { skipped: true },
  };
  r.load = [+loadBefore.toFixed(2), +os.loadavg()[0].toFixed(2)];
  const ratio = (a, b) => (a && b ? +(a / b).toFixed(2) : null);
  r.ratios = {
    cliOverFloor: ratio(r.cli.totalMs, r.floor.totalMs),
    fileOverFloor: ratio(r.file.totalMs, r.floor.totalMs),
    cliOverExceljs: ratio(r.cli.totalMs, r.naive.totalMs),
    cliOverSheetjs: ratio(r.cli.totalMs, r.sheetjs.totalMs),
  };
  results.sizes[units] = r;
  const p = r.file.phases ?? {};
  const fp = r.floor.phases ?? {};
  const naiveLine = (what, m, detail) => line(what, m.totalMs, m.peakRssMb, m.skipped ? 'skipped (BENCH_NAIVE=0)' : m.failed ?? detail(m));
  console.log(`\n== ${units} units (${file}); load average ${r.load.join(' → ')}`);
  console.log(`${pad('what', 36)}${pad('time ms', 10, true)}${pad('peak RSS MB', 13, true)}  detail`);
  line('engine alone (grids → writes)', r.engine.totalMs, r.engine.peakRssMb, r.engine.failed ?? `median of 3; ${r.engine.writes} writes`);
  line('file path in one process', r.file.totalMs, r.file.peakRssMb, r.file.failed ?? `read ${p.read}, score ${p.score}, patch ${p.patch}, write ${p.write}`);
  line('CLI score, whole process', r.cli.totalMs, r.cli.peakRssMb, r.cli.failed ?? `incl. Node start-up; runs ${r.cli.runsMs.join(', ')}`);
  line('floor: inflate, scan, deflate, zip', r.floor.totalMs, r.floor.peakRssMb,
    r.floor.failed ?? `read ${fp.read}, inflate ${fp.inflate}, scan ${fp.scan}, deflate+crc ${fp.deflate}, write ${fp.write}`);
  naiveLine('naive: exceljs load + writeBuffer', r.naive, (m) => `load ${m.phases.load}, writeBuffer ${m.phases.writeBuffer}`);
  naiveLine('naive: SheetJS 0.18.5 read + write', r.sheetjs, (m) => `read ${m.phases.read}, write ${m.phases.write}`);
  line('ratio CLI / floor', r.ratios.cliOverFloor, '', 'target ≤ 2 at 3,000 units');
  line('ratio CLI / exceljs, CLI / SheetJS', `${r.ratios.cliOverExceljs ?? '-'} ${r.ratios.cliOverSheetjs ?? '-'}`, '');
  line('Office.js host (office-addin-mock)', r.office.totalMs, r.office.peakRssMb,
    r.office.failed ?? `syncs ${r.office.syncs}, largest request ${r.office.largestRequestMb} MB, largest read ${r.office.largestResponseMb} MB; ExcelApi 1.1: syncs ${r.office.api11Syncs}, request ${r.office.api11LargestRequestMb} MB, read ${r.office.api11LargestResponseMb} MB`);
  if (!r.cycle.skipped) {
    line('split: one file per unit (分发)', r.cycle.phases?.split, r.cycle.peakRssMb, r.cycle.failed ?? `${r.cycle.units} unit files`);
    line('collect: gather every return (汇集)', r.cycle.phases?.collect, '', r.cycle.failed ?? `${r.cycle.units} returns, ${r.cycle.entriesWritten} entries written`);
  }
}

console.log('');
if (SIZES.includes(200) && SIZES.includes(3000)) {
  const [a, b] = [results.sizes[200], results.sizes[3000]];
  results.growth = { engine3000over200: +(b.engine.totalMs / a.engine.totalMs).toFixed(1), cli3000over200: +(b.cli.totalMs / a.cli.totalMs).toFixed(1), file3000over200: +(b.file.totalMs / a.file.totalMs).toFixed(1) };
}
if (SIZES.includes(200)) {
  const file = `${OUT}/units-200.xlsx`;
  results.gathering = gathering(file, results.sizes[200].cli.totalMs);
  const page = spawnSync(process.execPath, ['scripts/bench/page.mjs', file, '3'], { encoding: 'utf8' });
  results.page = page.status === 0 ? JSON.parse(page.stdout.trim().split('\n').pop()) : { failed: (page.stderr || '').split('\n').slice(0, 3).join(' ') };
  if (!results.page.failed) results.page.overCli = +(results.page.medianMs / results.sizes[200].cli.totalMs).toFixed(2);
}
results.cliSample = SIZES.includes(8) ? results.sizes[8].cli : cliRuns(['score', 'workbook-templates/guangyuan-2014-sample.xlsx', '-o', `${OUT}/cli-sample.xlsx`, '--force'], 5);

console.log('== targets (each a ratio within this run)');
const big = results.sizes[3000];
if (big) {
  target('file path: CLI at 3,000 units / floor', big.ratios.cliOverFloor, 2);
  target('engine: 3,000 units', big.engine.totalMs, 1000, ' ms');
  target('engine: 3,000 units, peak RSS', big.engine.peakRssMb, 500, ' MB');
  target('memory: CLI at 3,000 units, peak RSS', big.cli.peakRssMb, 1024, ' MB');
}
if (results.growth) {
  target('growth: engine 3,000 / 200 units', results.growth.engine3000over200, 16);
  target('growth: CLI 3,000 / 200 units', results.growth.cli3000over200, 16);
}
if (results.gathering) {
  if (results.gathering.notAvailable) console.log(`n/a      gathering: collect of 200 returns into a 200-unit master / scoring it — not available: ${results.gathering.notAvailable}`);
  else target('gathering: collect 200 returns / score the 200-unit master', results.gathering.overScore, 3);
}
if (results.page) {
  if (results.page.failed) console.log(`failed   page: ${results.page.failed}`);
  else target(`page: 200 units in Chromium (median ${results.page.medianMs} ms of ${results.page.runsMs.join(', ')}) / CLI (${results.sizes[200].cli.totalMs} ms)`, results.page.overCli, 2);
}
target('CLI on the 8-unit sample, whole process', results.cliSample.totalMs, 1000, ' ms');
results.targets = targets;
results.machine.loadavgAtEnd = os.loadavg().map((x) => +x.toFixed(2));
console.log(`machine: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memGb} GiB, Node ${results.machine.node}, ` +
  `load average ${results.machine.loadavg.join(' ')} at the start, ${results.machine.loadavgAtEnd.join(' ')} at the end`);
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2));
console.log(`\nJSON: ${OUT}/results.json`);
