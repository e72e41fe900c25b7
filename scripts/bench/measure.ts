/**
 * One benchmark measurement per process, so that each reports its own peak memory.
 * Usage (bundled by scripts/bench/run.mjs): node measure.mjs <task> <file.xlsx>
 * Prints one JSON line: { task, phases: {name: ms}, totalMs, peakRssMb, ... }.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { scoreWorkbook } from '../../src/engine/index.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { readZip } from '../../src/xlsx/zip.ts';
import { zlibCodec } from '../../src/cli/zlibCodec.ts';
import { recalculate } from '../../addin/host/recalculate.ts';
import { MockExcel, type MockSheetSpec } from '../../test/addin/mockExcel.ts';
import { a1 } from '../../addin/host/address.ts';
import { splitMaster } from '../../src/cycle/split.ts';
import { collectXlsx } from '../../src/cycle/collectXlsx.ts';
import { readUnitSheet } from '../../src/cycle/unitEntries.ts';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function timed<T>(phases: Record<string, number>, name: string, f: () => T): T {
  const t = performance.now();
  const r = f();
  phases[name] = Math.round((performance.now() - t) * 10) / 10;
  return r;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<unknown> {
  const [task, file] = process.argv.slice(2);
  const bytes = new Uint8Array(readFileSync(file));
  const phases: Record<string, number> = {};

  switch (task) {
    case 'engine': {
      // Grids in, writes out: the host's reading is done before the clock starts.
      const sheets = openXlsx(bytes, { codec: zlibCodec }).readSheets();
      const rssBefore = Math.round(process.memoryUsage().rss / 1048576);
      const runs: number[] = [];
      let writes = 0;
      let peakOneRun = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        writes = scoreWorkbook({ sheets }).writes.length;
        runs.push(performance.now() - t);
        // Later runs overlap with the garbage of earlier ones; the first run's peak is the engine's.
        if (i === 0) peakOneRun = peakRssMb();
      }
      return { task, totalMs: Math.round(median(runs)), runsMs: runs.map(Math.round), writes, rssBeforeMb: rssBefore, peakRssMb: peakOneRun };
    }
    case 'file': {
      const book = timed(phases, 'read', () => {
        const b = openXlsx(bytes, { codec: zlibCodec });
        return { b, sheets: b.readSheets() };
      });
      const result = timed(phases, 'score', () => scoreWorkbook({ sheets: book.sheets }));
      const out = timed(phases, 'patch', () => book.b.applyWrites(result.writes, result.newSheets));
      timed(phases, 'write', () => writeFileSync(path.join(tmpdir(), `bench-${process.pid}.xlsx`), out));
      const totalMs = Math.round(Object.values(phases).reduce((a, b) => a + b, 0));
      return { task, phases, totalMs, outMb: +(out.length / 1e6).toFixed(1), peakRssMb: peakRssMb() };
    }
    case 'floor': {
      // The least any reader must do: inflate every part (with the same native zlib we use) and walk the
      // sheet XML's cells once.
      let cells = 0;
      const files = timed(phases, 'unzip', () => {
        const zip = readZip(bytes);
        return zip.entries.map((e) => ({ name: e.name, data: e.method === 0 ? bytes.subarray(e.dataStart, e.dataStart + e.compressedSize) : zlib.inflateRawSync(bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)) }));
      });
      timed(phases, 'parse', () => {
        const dec = new TextDecoder();
        for (const { name, data } of files) {
          if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
          const xml = dec.decode(data);
          const re = /<c\b[^>]*>(?:<v>([^<]*)<\/v>)?/g;
          while (re.exec(xml)) cells++;
        }
      });
      return { task, phases, totalMs: Math.round(phases.unzip + phases.parse), cells, peakRssMb: peakRssMb() };
    }
    case 'naive': {
      const wb = new ExcelJS.Workbook();
      await (async () => {
        const t = performance.now();
        await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        phases.load = Math.round(performance.now() - t);
      })();
      const t = performance.now();
      await wb.xlsx.writeBuffer();
      phases.writeBuffer = Math.round(performance.now() - t);
      return { task, phases, totalMs: phases.load + phases.writeBuffer, peakRssMb: peakRssMb() };
    }
    case 'office': {
      const book = openXlsx(bytes, { codec: zlibCodec });
      const specs: MockSheetSpec[] = book.readSheets().map(({ name, grid }) => {
        const formulas: Record<string, string> = {};
        grid.forEach((row, r) => row?.forEach((_, c) => {
          if (book.hasFormula(name, r, c)) formulas[a1(r, c)] = '=CACHED()';
        }));
        return { name, grid, formulas };
      });
      const excel = new MockExcel(specs);
      const t = performance.now();
      const outcome = await recalculate(excel.context, { supports: () => true });
      const again = new MockExcel(specs);
      const legacy = await recalculate(again.context, { supports: (_s: string, v?: string) => !v || Number(v.split('.')[1]) <= 1 });
      return {
        task,
        totalMs: Math.round(performance.now() - t),
        syncs: outcome.syncs,
        largestRequestMb: +(Math.max(...excel.requestBytes) / 1048576).toFixed(2),
        largestResponseMb: +(Math.max(...excel.responseBytes) / 1048576).toFixed(2),
        api11Syncs: legacy.syncs,
        api11LargestRequestMb: +(Math.max(...again.requestBytes) / 1048576).toFixed(2),
        api11LargestResponseMb: +(Math.max(...again.responseBytes) / 1048576).toFixed(2),
        peakRssMb: peakRssMb(),
      };
    }
    case 'cycle': {
      // 分发 of every unit, then 汇集 of one filled return per unit (the filling is done before the clock starts).
      const split = timed(phases, 'split', () => splitMaster(bytes, { codec: zlibCodec }));
      const sheets = openXlsx(bytes, { codec: zlibCodec }).readSheets();
      const returns = split.files.map((f) => {
        const model = readUnitSheet(sheets.find((s) => s.name === f.unit)!)!;
        const writes = model.entries.filter((e) => e.column === 'actual').map((e) => ({ sheet: f.unit, row: e.row, col: e.col, value: 7 }));
        return { file: f.fileName, bytes: openXlsx(f.bytes, { codec: zlibCodec }).applyWrites(writes, []) };
      });
      const gathered = timed(phases, 'collect', () => collectXlsx(bytes, returns, { now: '2026-12-03 10:00', codec: zlibCodec }));
      return {
        task, phases, totalMs: Math.round(phases.split + phases.collect), units: split.files.length,
        entriesWritten: gathered.gather.entryWrites, peakRssMb: peakRssMb(),
      };
    }
    default:
      throw new Error(`unknown task ${task}`);
  }
}

main().then((r) => console.log(JSON.stringify(r)), (e) => {
  console.error(e);
  process.exit(1);
});
