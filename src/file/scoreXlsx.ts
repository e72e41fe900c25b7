import { scoreWorkbook, type ScoreResult, type SheetInput } from '../engine/index.ts';
import { openXlsx, XlsxRefusal, type DeflateCodec } from '../xlsx/index.ts';

export interface ScoredFile {
  result: ScoreResult;
  /** The patched workbook; null when nothing could be scored (no 考核表). */
  output: Uint8Array | null;
  /** The values the engine read (read-only, shared with the book's cache). */
  sheets: SheetInput[];
}

/** Where a long run is; `sheet` counts worksheets as they are read (1-based). */
export type ScoreProgress =
  | { phase: 'opening' }
  | { phase: 'reading'; sheet: number; sheets: number; name: string }
  | { phase: 'scoring'; sheets: number }
  | { phase: 'writing' };

/**
 * The xlsx host: grids out of the package, writes back into it. Runs the same in Node and the browser.
 * Throws XlsxRefusal before producing any bytes when the file cannot be scored safely.
 */
export interface ScoreXlsxOptions {
  onProgress?: (p: ScoreProgress) => void;
  /** Node passes its native zlib; browsers use the default. */
  codec?: DeflateCodec;
}

export function scoreXlsx(bytes: Uint8Array, { onProgress, codec }: ScoreXlsxOptions = {}): ScoredFile {
  onProgress?.({ phase: 'opening' });
  const book = openXlsx(bytes, { codec });
  if (onProgress) {
    const names = book.sheetNames;
    // hasFormula parses (and caches) one sheet at a time, so the reading can be reported sheet by sheet.
    names.forEach((name, i) => {
      onProgress({ phase: 'reading', sheet: i + 1, sheets: names.length, name });
      book.hasFormula(name, 0, 0);
    });
    onProgress({ phase: 'scoring', sheets: names.length });
  }
  const sheets = book.readSheets();
  const result = scoreWorkbook({ sheets });
  if (result.units.length === 0) return { result, output: null, sheets };
  onProgress?.({ phase: 'writing' });
  return { result, output: book.applyWrites(result.writes, result.newSheets), sheets };
}

/**
 * scoreXlsx for hosts whose codec works off the main thread (Node's, see src/cli/zlibCodec.ts): the sheets are
 * inflated while earlier ones are scanned, and deflated while later ones are patched. Same result, same bytes.
 */
export async function scoreXlsxAsync(bytes: Uint8Array, { onProgress, codec }: ScoreXlsxOptions = {}): Promise<ScoredFile> {
  onProgress?.({ phase: 'opening' });
  const book = openXlsx(bytes, { codec });
  const names = book.sheetNames;
  const sheets = await book.readSheetsAsync((i, name) => onProgress?.({ phase: 'reading', sheet: i + 1, sheets: names.length, name }));
  onProgress?.({ phase: 'scoring', sheets: names.length });
  const result = scoreWorkbook({ sheets });
  if (result.units.length === 0) return { result, output: null, sheets };
  onProgress?.({ phase: 'writing' });
  return { result, output: await book.applyWritesAsync(result.writes, result.newSheets), sheets };
}

export { XlsxRefusal };
