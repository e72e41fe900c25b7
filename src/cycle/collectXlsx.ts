// 汇集 as the xlsx host does it: the master patched in its own zip, the returns only read. Runs in Node and the browser.
import type { ScoreResult } from '../engine/index.ts';
import { scoreXlsx } from '../file/scoreXlsx.ts';
import type { DeflateCodec } from '../xlsx/codec.ts';
import { readCustomProperties } from '../xlsx/customProperties.ts';
import { openXlsx, XlsxRefusal } from '../xlsx/index.ts';
import { OpcPackage } from '../xlsx/opcPackage.ts';
import { refuse } from '../xlsx/refusals.ts';
import { readZip } from '../xlsx/zip.ts';
import { gatherReturns, type GatherResult, type ReturnInput } from './gather.ts';
import { unitSheets } from './issued.ts';

export interface ReturnedFile {
  /** The name shown in the report and in 收回情况 (the file's name, not its path). */
  file: string;
  bytes: Uint8Array;
}

export interface CollectOptions {
  now: string;
  codec?: DeflateCodec;
  /** Score the gathered master as `score` would. */
  score?: boolean;
}

export interface CollectResult {
  gather: GatherResult;
  /** The gathered (and, when asked, scored) master; the master's own bytes when nothing changed. */
  output: Uint8Array;
  scored: ScoreResult | null;
}

/** One return read for gathering; a file that is no usable xlsx is reported, never thrown. */
export function readReturn(f: ReturnedFile, codec?: DeflateCodec): ReturnInput {
  try {
    const sheets = openXlsx(f.bytes, { codec }).readSheets();
    const properties = readCustomProperties(new OpcPackage(readZip(f.bytes, codec)));
    return { file: f.file, sheets, properties };
  } catch (e) {
    if (e instanceof XlsxRefusal) return { file: f.file, sheets: null, properties: {}, refusal: e.message };
    throw e;
  }
}

/** Throws XlsxRefusal, writing nothing, when the master cannot be used; one bad return never stops the others. */
export function collectXlsx(masterBytes: Uint8Array, returns: ReturnedFile[], options: CollectOptions): CollectResult {
  const book = openXlsx(masterBytes, { codec: options.codec });
  const sheets = book.readSheets();
  if (unitSheets(sheets).length === 0) {
    throw refuse.unsupported('无法汇集：主表中没有考核表（前20行内同时含有“计分方式”和“实际完成”表头的工作表）。/ The master has no assessment sheet.');
  }
  const gather = gatherReturns(sheets, returns.map((f) => readReturn(f, options.codec)), { now: options.now });
  const gathered = book.applyWrites(gather.writes, gather.newSheets);
  if (!options.score) return { gather, output: gathered, scored: null };
  const scored = scoreXlsx(gathered, { codec: options.codec });
  return { gather, output: scored.output ?? gathered, scored: scored.result };
}
