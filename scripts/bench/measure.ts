/**
 * One benchmark measurement per process, so that each reports its own peak memory.
 * Usage (bundled by scripts/bench/run.mjs): node measure.mjs <task> <file.xlsx>
 * Prints one JSON line: { task, phases: {name: ms}, totalMs, peakRssMb, ... }.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
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

/** The floor's one look at every byte of a part: counts its tags. */
function countTags(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 60 /* < */) n++;
  return n;
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
      // The least any lose-nothing patcher must do, with Node's native zlib and CRC: read the file, inflate every
      // worksheet, look at each of its bytes once, deflate it again at level 1, and write the zip with every other
      // entry's bytes copied raw. Timed from reading the file to the written file (Node start-up not included).
      const t0 = performance.now();
      const src = timed(phases, 'read', () => new Uint8Array(readFileSync(file)));
      const zip = readZip(src);
      let tags = 0;
      const parts: Uint8Array[] = [];
      const central: Uint8Array[] = [];
      let at = 0;
      let inflateMs = 0;
      let scanMs = 0;
      let deflateMs = 0;
      for (const e of [...zip.entries].sort((a, b) => a.localOffset - b.localOffset)) {
        const cd = src.slice(e.cdStart, e.cdEnd);
        const cv = new DataView(cd.buffer);
        cv.setUint32(42, at, true);
        if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
          const raw = src.subarray(e.localOffset, e.localEnd);
          parts.push(raw);
          at += raw.length;
        } else {
          let t = performance.now();
          const xml = zlib.inflateRawSync(src.subarray(e.dataStart, e.dataStart + e.compressedSize));
          inflateMs += performance.now() - t;
          t = performance.now();
          tags += countTags(xml);
          scanMs += performance.now() - t;
          t = performance.now();
          const comp = zlib.deflateRawSync(xml, { level: 1 });
          const crc = zlib.crc32(xml);
          deflateMs += performance.now() - t;
          const head = src.slice(e.localOffset, e.dataStart);
          const hv = new DataView(head.buffer);
          hv.setUint16(6, e.flags & 0x800, true);
          hv.setUint32(14, crc, true);
          hv.setUint32(18, comp.length, true);
          hv.setUint32(22, xml.length, true);
          cv.setUint16(8, e.flags & 0x800, true);
          cv.setUint32(16, crc, true);
          cv.setUint32(20, comp.length, true);
          cv.setUint32(24, xml.length, true);
          parts.push(head, comp);
          at += head.length + comp.length;
        }
        central.push(cd);
      }
      const cdSize = central.reduce((n, c) => n + c.length, 0);
      const eocd = new Uint8Array(22);
      const ev = new DataView(eocd.buffer);
      ev.setUint32(0, 0x06054b50, true);
      ev.setUint16(8, zip.entries.length, true);
      ev.setUint16(10, zip.entries.length, true);
      ev.setUint32(12, cdSize, true);
      ev.setUint32(16, at, true);
      const out = Buffer.concat([...parts, ...central, eocd]);
      timed(phases, 'write', () => writeFileSync(path.join(tmpdir(), `bench-floor-${process.pid}.xlsx`), out));
      Object.assign(phases, { inflate: Math.round(inflateMs), scan: Math.round(scanMs), deflate: Math.round(deflateMs) });
      return { task, phases, totalMs: Math.round(performance.now() - t0), tags, peakRssMb: peakRssMb() };
    }
    case 'sheetjs': {
      // SheetJS as it is on npm (0.18.5, the last version published there): read every sheet, write the workbook again.
      const t = performance.now();
      const wb = XLSX.read(bytes, { type: 'array' });
      phases.read = Math.round(performance.now() - t);
      const t2 = performance.now();
      XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
      phases.write = Math.round(performance.now() - t2);
      return { task, phases, totalMs: phases.read + phases.write, peakRssMb: peakRssMb() };
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
