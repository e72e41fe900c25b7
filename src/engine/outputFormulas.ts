import { a1 } from './address.ts';
import type { CellWrite } from './types.ts';

export interface FormulaInOutput {
  code: 'formula-in-output';
  params: { sheet: string; cell: string; others: number };
}

/**
 * The first output cell that holds a user's formula, and how many more do: every host refuses to write then,
 * since a score written over a formula would silently replace the user's work.
 */
export function findFormulaInOutput(
  writes: readonly CellWrite[], hasFormula: (sheet: string, row: number, col: number) => boolean,
): FormulaInOutput | null {
  let first: CellWrite | null = null;
  let count = 0;
  for (const w of writes) {
    if (!hasFormula(w.sheet, w.row, w.col)) continue;
    count++;
    first ??= w;
  }
  return first ? { code: 'formula-in-output', params: { sheet: first.sheet, cell: a1(first.row, first.col), others: count - 1 } } : null;
}
