import type { CellWrite } from '../../src/engine/index.ts';
import { cellInput } from './cellInput.ts';

/** One rectangle of one sheet: null in values or formats leaves that cell's value or format as it is. */
export interface WriteBlock {
  sheet: string;
  top: number;
  left: number;
  values: (number | string | null)[][];
  formats: (string | null)[][];
  /** Cells the block sets (the rest of the rectangle is null). */
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

/** Groups the engine's writes by sheet (first-seen order) into each sheet's bounding box. */
export function planWrites(writes: CellWrite[]): WriteBlock[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  const blocks: WriteBlock[] = [];
  for (const [sheet, list] of bySheet) {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const w of list) {
      top = Math.min(top, w.row);
      left = Math.min(left, w.col);
      bottom = Math.max(bottom, w.row);
      right = Math.max(right, w.col);
    }
    const rows = bottom - top + 1;
    const cols = right - left + 1;
    const values = Array.from({ length: rows }, () => new Array<number | string | null>(cols).fill(null));
    const formats = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
    for (const w of list) {
      values[w.row - top][w.col - left] = cellInput(w.value);
      if (w.numberFormat) formats[w.row - top][w.col - left] = w.numberFormat;
    }
    blocks.push({ sheet, top, left, values, formats, cells: list.length });
  }
  return blocks;
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
    return {
      sheet: b.sheet, top: b.top + from, left: b.left, values, formats: b.formats.slice(from, to),
      cells: values.reduce((n, r) => n + r.filter((v) => v !== null).length, 0),
    };
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
