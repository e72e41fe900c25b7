import type { CellWrite } from '../../src/engine/index.ts';
import { cellInput } from './cellInput.ts';

/**
 * One run of output cells: consecutive rows of one column of one sheet, every cell written. Only output cells are
 * touched, so a write never covers part of a merged area or a column of the user's between two output columns.
 */
export interface WriteBlock {
  sheet: string;
  top: number;
  left: number;
  values: (number | string)[][];
  /** null leaves that cell's number format as it is. */
  formats: (string | null)[][];
  cells: number;
}

export interface WriteBatch {
  blocks: WriteBlock[];
  /** Estimated request size: UTF-8 bytes of the queued arrays, as Office.js serialises them. */
  bytes: number;
}

/** Requests to Excel on the web may not exceed 5 MB; stay well below it. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

const encoder = new TextEncoder();
export const jsonBytes = (x: unknown): number => encoder.encode(JSON.stringify(x)).length;

/** The engine's writes as runs, by sheet (first-seen order), then column, then row. */
export function planWrites(writes: CellWrite[]): WriteBlock[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  const runs: WriteBlock[] = [];
  for (const [sheet, list] of bySheet) {
    const sorted = [...list].sort((a, b) => a.col - b.col || a.row - b.row);
    let run: WriteBlock | null = null;
    for (const w of sorted) {
      if (!run || w.col !== run.left || w.row !== run.top + run.cells) {
        run = { sheet, top: w.row, left: w.col, values: [], formats: [], cells: 0 };
        runs.push(run);
      }
      run.values.push([cellInput(w.value)]);
      run.formats.push([w.numberFormat ?? null]);
      run.cells++;
    }
  }
  return runs;
}

function blockBytes(b: WriteBlock): number {
  return jsonBytes(b.values) + (hasFormats(b) ? jsonBytes(b.formats) : 0);
}

export const hasFormats = (b: WriteBlock): boolean => b.formats.some((r) => r.some((f) => f !== null));

/** Cuts a block into row bands of at most maxBytes each (a single row is never cut). */
function splitRows(b: WriteBlock, maxBytes: number): WriteBlock[] {
  if (blockBytes(b) <= maxBytes) return [b];
  const bands: WriteBlock[] = [];
  let start = 0;
  let bytes = 0;
  const band = (from: number, to: number): WriteBlock => {
    const values = b.values.slice(from, to);
    return { sheet: b.sheet, top: b.top + from, left: b.left, values, formats: b.formats.slice(from, to), cells: values.length };
  };
  for (let r = 0; r < b.values.length; r++) {
    const rowBytes = jsonBytes(b.values[r]) + jsonBytes(b.formats[r]) + 2;
    if (r > start && bytes + rowBytes > maxBytes) {
      bands.push(band(start, r));
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  bands.push(band(start, b.values.length));
  return bands;
}

/** Packs the blocks, in order, into as few requests as fit maxBytes each: one for any ordinary workbook. */
export function packBatches(blocks: WriteBlock[], maxBytes = DEFAULT_MAX_REQUEST_BYTES): WriteBatch[] {
  const batches: WriteBatch[] = [];
  let current: WriteBatch = { blocks: [], bytes: 0 };
  for (const piece of blocks.flatMap((b) => splitRows(b, maxBytes))) {
    const bytes = blockBytes(piece);
    if (current.blocks.length > 0 && current.bytes + bytes > maxBytes) {
      batches.push(current);
      current = { blocks: [], bytes: 0 };
    }
    current.blocks.push(piece);
    current.bytes += bytes;
  }
  batches.push(current);
  return batches;
}

/** A merged area, 0-based. */
export interface MergedArea {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * Cuts a run where it would cover part of a merged area, which Excel refuses: a one-column merge inside the run
 * stays whole within one piece; a merge the run only enters (wider, or reaching past the run) is written cell by
 * cell, its top-left alone setting the merged cell.
 */
export function cutAtMerges(run: WriteBlock, merges: MergedArea[]): WriteBlock[] {
  const cuts = new Set<number>();
  const end = run.top + run.cells;
  for (const m of merges) {
    if (m.left > run.left || m.left + m.cols <= run.left || m.top >= end || m.top + m.rows <= run.top) continue;
    const inside = m.cols === 1 && m.top >= run.top && m.top + m.rows <= end;
    const from = Math.max(m.top, run.top);
    const to = Math.min(m.top + m.rows, end);
    if (inside) {
      cuts.add(from);
      cuts.add(to);
    } else {
      for (let r = from; r <= to; r++) cuts.add(r);
    }
  }
  const rows = [...cuts].filter((r) => r > run.top && r < end).sort((a, b) => a - b);
  const pieces: WriteBlock[] = [];
  let start = run.top;
  for (const r of [...rows, end]) {
    const a = start - run.top;
    const b = r - run.top;
    pieces.push({ ...run, top: start, values: run.values.slice(a, b), formats: run.formats.slice(a, b), cells: b - a });
    start = r;
  }
  return pieces;
}
