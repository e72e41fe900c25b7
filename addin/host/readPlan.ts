import { blockAddress, rangeStart } from './address.ts';

/** Excel on the web rejects a response over 5 MB; each read sync is planned to stay below this. */
export const DEFAULT_READ_BUDGET_BYTES = 4_000_000;
/** Excel on the web reads at most 5,000,000 cells of a workbook's ranges; beyond it the add-in refuses. */
export const MAX_READ_CELLS = 5_000_000;
/**
 * Estimated JSON bytes per cell of `values`: the sample's 考核表 average 9 (11 once scored, with notes); a long
 * Chinese text costs far more, so a sync that Excel still refuses is read again in halves.
 */
export const BYTES_PER_CELL = 16;
/** The number formats loaded later for a sheet: 目标值 and 实际完成, `["General"],` each. */
export const FORMAT_BYTES_PER_ROW = 2 * 12;

/** A used range's bounds, 0-based, from its address ("Sheet1!B2:M78"). */
export interface UsedBox {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export function usedBox(address: string): UsedBox {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [from, to = from] = local.split(':');
  const a = rangeStart(from);
  const b = rangeStart(to);
  return { top: a.row, left: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/** One range to read in one sync: a whole used range, or a band of rows of a huge one. */
export interface ReadPiece {
  sheet: number;
  /** 0-based offset of the band's first row inside the used range. */
  from: number;
  rows: number;
  address: string;
  bytes: number;
}

export const estimateBytes = (rows: number, cols: number): number => rows * cols * BYTES_PER_CELL + rows * FORMAT_BYTES_PER_ROW;

/** Cuts each used range into pieces that fit the budget: whole sheets, or row bands of the ones that do not fit. */
export function planReads(boxes: (UsedBox | null)[], budget = DEFAULT_READ_BUDGET_BYTES): ReadPiece[] {
  const pieces: ReadPiece[] = [];
  boxes.forEach((box, sheet) => {
    if (!box) return;
    const rowBytes = estimateBytes(1, box.cols);
    const band = Math.max(1, Math.floor(budget / rowBytes));
    for (let from = 0; from < box.rows; from += band) {
      const rows = Math.min(band, box.rows - from);
      pieces.push({ sheet, from, rows, address: blockAddress(box.top + from, box.left, rows, box.cols), bytes: rows * rowBytes });
    }
  });
  return pieces;
}

/** Groups pieces, in order, into syncs of at most budget estimated bytes each (a piece alone may not be split). */
export function groupReads(pieces: ReadPiece[], budget = DEFAULT_READ_BUDGET_BYTES): ReadPiece[][] {
  const groups: ReadPiece[][] = [];
  let current: ReadPiece[] = [];
  let bytes = 0;
  for (const p of pieces) {
    if (current.length > 0 && bytes + p.bytes > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += p.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A piece in two row bands, for a read Excel refused as too large; a single row stays as it is. */
export function halve(p: ReadPiece): ReadPiece[] {
  if (p.rows < 2) return [p];
  const box = usedBox(p.address);
  const top = Math.ceil(p.rows / 2);
  const part = (from: number, rows: number): ReadPiece => ({
    sheet: p.sheet, from: p.from + from, rows, address: blockAddress(box.top + from, box.left, rows, box.cols),
    bytes: Math.round((p.bytes * rows) / p.rows),
  });
  return [part(0, top), part(top, p.rows - top)];
}

export const boxCells = (boxes: (UsedBox | null)[]): number => boxes.reduce((n, b) => n + (b ? b.rows * b.cols : 0), 0);
