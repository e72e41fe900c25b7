export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based column → letters ("A", "AB"). */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** 0-based row/col → "K12". */
export const cellAddress = (row: number, col: number): string => columnName(col) + (row + 1);

/**
 * Parses "B3" (also "$B$3", "b3") into 0-based row/col; `row` is -1 when the reference has no digits.
 * Returns null for anything else.
 */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3 || col > MAX_COLS) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart) return { row: -1, col: col - 1 };
  if (row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

export interface CellRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "A1:C3" or "A1" → 0-based inclusive range. */
export function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(':');
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  if (!a || !b || a.row < 0 || b.row < 0) return null;
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}

export function formatRange(r: CellRange): string {
  const a = cellAddress(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellAddress(r.r2, r.c2)}`;
}
