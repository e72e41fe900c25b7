import type { SheetInput } from '../../src/engine/index.ts';
import { cellText, isBlank } from '../../src/engine/index.ts';
import { parseCellRef } from '../../src/xlsx/cellRef.ts';

const MAX_CELL = 40;
const MAX_CELLS = 8;

const shorten = (s: string) => ([...s].length > MAX_CELL ? [...s].slice(0, MAX_CELL - 1).join('') + '…' : s);

/** What the page shows for an issue's cell, since there is no Excel to go to: its value and its row. */
export function issueContext(sheets: SheetInput[], issue: { sheet: string; cell: string }): { value?: string; row?: string[] } {
  const ref = issue.cell ? parseCellRef(issue.cell) : null;
  const grid = ref && sheets.find((s) => s.name === issue.sheet)?.grid;
  if (!ref || ref.row < 0 || !grid) return {};
  const row = grid[ref.row] ?? [];
  return {
    value: shorten(cellText(row[ref.col] ?? null)),
    row: row.filter((v) => !isBlank(v)).slice(0, MAX_CELLS).map((v) => shorten(cellText(v))),
  };
}
