import { rangeStart } from './address.ts';
import type { OfficeCell } from './grid.ts';

/** Where a sheet's formulas are: answers "is (row, col) a formula cell?" for the output-cell check. */
export type FormulaCells = (row: number, col: number) => boolean;

const AREA = /(?:^|[!,]\s*)(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*(?:,|$))/g;

/** From a RangeAreas address as getSpecialCells returns it: "Sheet1!K3:K4, Sheet1!M7". */
export function formulaAreas(address: string): FormulaCells {
  const boxes = [...address.matchAll(AREA)].map((m) => {
    const [from, to = from] = m[1].split(':');
    const a = rangeStart(from);
    const b = rangeStart(to);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return (row, col) => boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

/** From the used range's formulas (ExcelApi before 1.9): a formula starts with "=" and is not its own value. */
export function formulaGrid(address: string, values: OfficeCell[][], formulas: unknown[][]): FormulaCells {
  const start = rangeStart(address);
  return (row, col) => {
    const r = row - start.row;
    const c = col - start.col;
    const f = formulas[r]?.[c];
    return typeof f === 'string' && f.startsWith('=') && f !== values[r]?.[c];
  };
}

export const noFormulas: FormulaCells = () => false;
