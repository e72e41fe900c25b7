// npm run bench: engine, file path, floor, naive exceljs and the Office.js host at 8, 200 and 3,000 units,
// in one run on the same files. Prints one table per size and writes out/bench/results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { build } from 'esbuild';

const SIZES = (process.env.BENCH_SIZES ?? '8,200,3000').split(',').map(Number);
const OUT = 'out/bench';
mkdirSync(OUT, { recursive: true });

for (const [entry, outfile] of [['scripts/bench/measure.ts', `${OUT}/measure.mjs`], ['scripts/bench/generate.ts', `${OUT}/generate.mjs`]]) {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
}

function measure(task, file) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', `${OUT}/measure.mjs`, task, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return { task, failed: (r.stderr || '').split('\n').slice(0, 3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function cliSample() {
  execFileSync(process.execPath, ['scripts/build-cli.mjs']);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['dist/cli/target-scorer.mjs', 'score', 'workbook-templates/guangyuan-2014-sample.xlsx', '-o', `${OUT}/cli-sample.xlsx`, '--force']);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { runsMs: times.map(Math.round), medianMs: Math.round(times[2]) };
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));
const results = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg().map((x) => +x.toFixed(2)) }, sizes: {} };

for (const units of SIZES) {
  const file = units === 8 ? 'workbook-templates/guangyuan-2014-sample.xlsx' : `${OUT}/units-${units}.xlsx`;
  if (!existsSync(file)) execFileSync(process.execPath, [`${OUT}/generate.mjs`, String(units), file], { stdio: 'inherit' });
  const r = {
    engine: measure('engine', file),
    file: measure('file', file),
    floor: measure('floor', file),
    naive: measure('naive', file),
    office: measure('office', file),
    cycle: units <= 200 ? measure('cycle', file) : { skipped: true },
  };
  r.ratios = {
    oursOverFloor: r.file.totalMs && r.floor.totalMs ? +(r.file.totalMs / r.floor.totalMs).toFixed(2) : null,
    oursOverNaive: r.file.totalMs && r.naive.totalMs ? +(r.file.totalMs / r.naive.totalMs).toFixed(2) : null,
  };
  results.sizes[units] = r;
  const p = r.file.phases ?? {};
  console.log(`\n== ${units} units (${file})`);
  console.log(`${pad('what', 34)}${pad('time ms', 10, true)}${pad('peak RSS MB', 13, true)}  detail`);
  const line = (what, ms, rss, detail = '') => console.log(`${pad(what, 34)}${pad(ms ?? '-', 10, true)}${pad(rss ?? '-', 13, true)}  ${detail}`);
  line('engine alone (grids → writes)', r.engine.totalMs, r.engine.peakRssMb, r.engine.failed ?? `median of 3; ${r.engine.writes} writes`);
  line('file path: read+score+patch+write', r.file.totalMs, r.file.peakRssMb, r.file.failed ?? `read ${p.read}, score ${p.score}, patch ${p.patch}, write ${p.write}`);
  line('floor: unzip + parse sheet XML', r.floor.totalMs, r.floor.peakRssMb, r.floor.failed ?? `unzip ${r.floor.phases.unzip}, parse ${r.floor.phases.parse}`);
  line('naive: exceljs load + writeBuffer', r.naive.totalMs, r.naive.peakRssMb, r.naive.failed ?? `load ${r.naive.phases.load}, writeBuffer ${r.naive.phases.writeBuffer}`);
  line('ratio ours / floor', r.ratios.oursOverFloor, '', 'target ≤ 1.5 at 3,000 units');
  line('ratio ours / naive', r.ratios.oursOverNaive, '', 'target ≤ 0.5 at 3,000 units');
  line('Office.js host (office-addin-mock)', r.office.totalMs, r.office.peakRssMb,
    r.office.failed ?? `syncs ${r.office.syncs}, largest request ${r.office.largestRequestMb} MB, largest read ${r.office.largestResponseMb} MB; ExcelApi 1.1: syncs ${r.office.api11Syncs}, request ${r.office.api11LargestRequestMb} MB, read ${r.office.api11LargestResponseMb} MB`);
  if (!r.cycle.skipped) {
    line('split: one file per unit (分发)', r.cycle.phases?.split, r.cycle.peakRssMb, r.cycle.failed ?? `${r.cycle.units} unit files`);
    line('collect: gather every return (汇集)', r.cycle.phases?.collect, '', r.cycle.failed ?? `${r.cycle.units} returns, ${r.cycle.entriesWritten} entries written`);
  }
}

if (SIZES.includes(200) && SIZES.includes(3000)) {
  const e = results.sizes[3000].engine.totalMs / results.sizes[200].engine.totalMs;
  const f = results.sizes[3000].file.totalMs / results.sizes[200].file.totalMs;
  results.growth = { engine3000over200: +e.toFixed(1), file3000over200: +f.toFixed(1) };
  console.log(`\ngrowth 3,000 / 200 units (15× the data; target ≤ 16×): engine ${e.toFixed(1)}×, file path ${f.toFixed(1)}×`);
}
results.cliSample = cliSample();
console.log(`CLI on the 8-unit sample, whole process incl. Node start-up: median ${results.cliSample.medianMs} ms of 5 (${results.cliSample.runsMs.join(', ')}); target ≤ 1000 ms`);
console.log(`machine: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memGb} GiB, Node ${results.machine.node}, load ${results.machine.loadavg.join(' ')}`);
writeFileSync(`${OUT}/results.json`, JSON.stringify(results, null, 2));
console.log(`\nJSON: ${OUT}/results.json`);
