import type { Grid } from '../engine/index.ts';

/**
 * Cells copied from Excel as text: tab between cells, a line break between rows; a cell holding a
 * line break, tab or quote is quoted, with "" for a quote inside.
 */
export function parseTsv(text: string): Grid {
  const grid: Grid = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      grid.push(row.map((c) => (c === '' ? null : c)));
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    grid.push(row.map((c) => (c === '' ? null : c)));
  }
  return grid;
}
