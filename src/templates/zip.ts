import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Local time on purpose: zip entries store local date fields, so this reads 2014-01-01 00:00 everywhere. */
const ENTRY_TIME = new Date(2014, 0, 1, 0, 0, 0);

/**
 * Re-packs an .xlsx with fixed entry times, so the same workbook always gives the same bytes
 * (exceljs stamps every zip entry with the current time).
 */
export function normalizeZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const name of Object.keys(files)) out[name] = [files[name], { mtime: ENTRY_TIME, level: 6 }];
  return zipSync(out, { mtime: ENTRY_TIME, level: 6 });
}
