import type { CellWrite } from '../../src/engine/index.ts';
import { cellInput } from '../../addin/host/cellInput.ts';

/** A rectangle of output cells, every one of them written (no placeholders: in WPS a null empties a cell). */
export interface WriteRun {
  sheet: string;
  top: number;
  left: number;
  values: (number | string | null)[][];
  numberFormat: string | null;
}

/** The value Value2 takes: null clears; text that WPS would parse (=, numbers, dates…) keeps a leading apostrophe. */
export const writeValue = (v: CellWrite['value']): number | string | null => (typeof v === 'string' ? cellInput(v) : v);

/**
 * The engine's writes as few rectangles as possible without touching any other cell: runs of adjacent cells
 * along a row with the same number format, then runs of rows with the same span stacked into one rectangle.
 */
export function writeRuns(writes: readonly CellWrite[]): WriteRun[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  const out: WriteRun[] = [];
  for (const [sheet, list] of bySheet) {
    const cells = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
    const open = new Map<string, WriteRun>();
    let row = -1;
    let current: WriteRun | null = null;
    const close = () => {
      if (!current) return;
      const key = `${current.left}:${current.values[0].length}:${current.numberFormat}`;
      const above = open.get(key);
      if (above && above.top + above.values.length === current.top) above.values.push(current.values[0]);
      else {
        out.push(current);
        open.set(key, current);
      }
      current = null;
    };
    for (const w of cells) {
      const format = w.numberFormat ?? null;
      if (w.row !== row) {
        close();
        for (const [k, r] of open) if (r.top + r.values.length < w.row) open.delete(k);
        row = w.row;
      }
      const cur = current as WriteRun | null;
      if (cur && cur.left + cur.values[0].length === w.col && cur.numberFormat === format) {
        cur.values[0].push(writeValue(w.value));
      } else {
        close();
        current = { sheet, top: w.row, left: w.col, values: [[writeValue(w.value)]], numberFormat: format };
      }
    }
    close();
  }
  return out;
}
