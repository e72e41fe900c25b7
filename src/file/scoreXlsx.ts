import { scoreWorkbook, type ScoreResult } from '../engine/index.ts';
import { openXlsx, XlsxRefusal } from '../xlsx/index.ts';

export interface ScoredFile {
  result: ScoreResult;
  /** The patched workbook; null when nothing could be scored (no 考核表). */
  output: Uint8Array | null;
}

/**
 * The xlsx host: grids out of the package, writes back into it. Runs the same in Node and the browser.
 * Throws XlsxRefusal before producing any bytes when the file cannot be scored safely.
 */
export function scoreXlsx(bytes: Uint8Array): ScoredFile {
  const book = openXlsx(bytes);
  const result = scoreWorkbook({ sheets: book.readSheets() });
  if (result.units.length === 0) return { result, output: null };
  return { result, output: book.applyWrites(result.writes, result.newSheets) };
}

export { XlsxRefusal };
