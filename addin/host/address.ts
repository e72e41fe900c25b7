import { a1, columnName } from '../../src/engine/index.ts';

export { a1, columnName };

/** 0-based start of a range address as Office.js returns it: "Sheet1!B2:M78", "'My sheet'!C3", "A1". */
export function rangeStart(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(local);
  if (!m) throw new Error(`无法识别的区域地址 / Unreadable range address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B2:D9" for a block whose top-left is (row, col), 0-based. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const start = a1(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(row + rows - 1, col + cols - 1)}`;
}
