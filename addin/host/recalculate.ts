import { scoreWorkbook, type ScoreResult, type SheetInput } from '../../src/engine/index.ts';
import { isSummarySheet } from '../../src/engine/index.ts';
import { a1, blockAddress } from './address.ts';
import { formulaAreas, formulaGrid, noFormulas, type FormulaCells } from './formulaCells.ts';
import { usedRangeToGrid, type OfficeCell } from './grid.ts';
import { formulaInOutput, protectedSheet, protectedWorkbook, type Refusal } from './refusal.ts';
import { officeSupports, type Supports } from './requirements.ts';
import { DEFAULT_MAX_REQUEST_BYTES, hasFormats, jsonBytes, packBatches, planWrites } from './writePlan.ts';

export interface RecalcOptions {
  /** API-set check; defaults to Office.context.requirements.isSetSupported. */
  supports?: Supports;
  /** Upper bound of one write request; larger write sets are cut into row bands over several syncs. */
  maxRequestBytes?: number;
  /** Sheets read per sync; a 考核表 of about 76 rows reads as about 10 KB, so 250 sheets stay near 2.5 MB. */
  readSheetsPerSync?: number;
}

export const READ_SHEETS_PER_SYNC = 250;

export interface RecalcOutcome {
  result: ScoreResult;
  /** True once every write has reached Excel. */
  written: boolean;
  /** Set when nothing was written because the workbook would lose something of the user's. */
  refusal: Refusal | null;
  syncs: number;
  /** Largest write request (UTF-8 bytes of the queued arrays). */
  largestRequestBytes: number;
  /** What the read sync brought back (UTF-8 bytes of values, and formulas where they are loaded). */
  readBytes: number;
  cellsWritten: number;
  /** The sheet left active (the summary), or null. */
  activated: string | null;
}

interface SheetRead {
  sheet: Excel.Worksheet;
  name: string;
  visible: boolean;
  used: Excel.Range;
  formulaAreas: Excel.RangeAreas | null;
  protection: Excel.WorksheetProtection | null;
}

/**
 * Scores the open workbook in place: read everything (2 syncs), score with the shared engine, refuse before
 * writing when a protected sheet or a user's formula is in the way, else write everything in one more sync.
 */
export async function recalculate(context: Excel.RequestContext, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const supports = options.supports ?? officeSupports;
  const api12 = supports('ExcelApi', '1.2');
  const api14 = supports('ExcelApi', '1.4');
  const api17 = supports('ExcelApi', '1.7');
  const api19 = supports('ExcelApi', '1.9');
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  syncs++;

  // Up to READ_SHEETS_PER_SYNC sheets are read in one sync (3 syncs in all); larger workbooks are read in
  // groups so that no response nears Excel on the web's 5 MB limit.
  const reads: SheetRead[] = [];
  const bookProtection = api17 ? context.workbook.protection : null;
  bookProtection?.load('protected');
  const perSync = options.readSheetsPerSync ?? READ_SHEETS_PER_SYNC;
  for (let start = 0; start < worksheets.items.length || start === 0; start += perSync) {
    for (const sheet of worksheets.items.slice(start, start + perSync)) {
      // valuesOnly (1.2+) keeps formatted-but-empty rows out of the read.
      const used = api14 ? sheet.getUsedRangeOrNullObject(true) : api12 ? sheet.getUsedRange(true) : sheet.getUsedRange();
      // Where 1.9 can name the formula cells, skip loading every cell's formula: it halves the read, which on
      // Excel on the web must stay under 5 MB. Asked of the whole sheet, since the used range may be a null object.
      const areas = api19 ? sheet.getRange().getSpecialCellsOrNullObject('Formulas') : null;
      areas?.load('address');
      used.load(api19 ? 'address,values' : 'address,values,formulas');
      const protection = api12 ? sheet.protection : null;
      protection?.load('protected');
      reads.push({ sheet, name: sheet.name, visible: sheet.visibility === 'Visible', used, formulaAreas: areas, protection });
    }
    // Several read syncs only for workbooks of more than READ_SHEETS_PER_SYNC sheets.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }

  let readBytes = 0;
  const inputs: SheetInput[] = [];
  const formulasOf = new Map<string, FormulaCells>();
  for (const r of reads) {
    if (r.used.isNullObject) {
      inputs.push({ name: r.name, grid: [] });
      formulasOf.set(r.name, noFormulas);
      continue;
    }
    const values = r.used.values as OfficeCell[][];
    readBytes += jsonBytes(values);
    inputs.push({ name: r.name, grid: usedRangeToGrid(values, r.used.address) });
    if (r.formulaAreas) {
      formulasOf.set(r.name, r.formulaAreas.isNullObject ? noFormulas : formulaAreas(r.formulaAreas.address));
    } else {
      const formulas = r.used.formulas as unknown[][];
      readBytes += jsonBytes(formulas);
      formulasOf.set(r.name, formulaGrid(r.used.address, values, formulas));
    }
  }

  const result = scoreWorkbook({ sheets: inputs });
  const outcome: RecalcOutcome = {
    result, written: false, refusal: null, syncs, largestRequestBytes: 0, readBytes, cellsWritten: 0, activated: null,
  };
  if (result.units.length === 0) return outcome;

  outcome.refusal = findRefusal(result, reads, bookProtection, formulasOf);
  if (outcome.refusal) return outcome;

  const batches = packBatches(planWrites(result.writes), options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  const sheetObjects = new Map<string, Excel.Worksheet>(reads.map((r) => [r.name, r.sheet]));
  const summary = reads.find((r) => isSummarySheet(r.name));
  // A hidden sheet cannot be activated, and a failed command would stop the batch after the writes.
  const summaryName = result.newSheets.find((n) => isSummarySheet(n)) ?? (summary?.visible ? summary.name : null);

  for (let i = 0; i < batches.length; i++) {
    if (i === 0) {
      for (const name of result.newSheets) sheetObjects.set(name, worksheets.add(name));
    }
    for (const block of batches[i].blocks) {
      const rows = block.values.length;
      const cols = block.values[0].length;
      const range = sheetObjects.get(block.sheet)!.getRange(blockAddress(block.top, block.left, rows, cols));
      range.values = block.values;
      if (hasFormats(block)) range.numberFormat = block.formats;
      outcome.cellsWritten += block.cells;
    }
    if (i === batches.length - 1 && summaryName) {
      sheetObjects.get(summaryName)!.activate();
      outcome.activated = summaryName;
    }
    outcome.largestRequestBytes = Math.max(outcome.largestRequestBytes, batches[i].bytes);
    // More than one write sync only when the writes exceed one request's size limit (huge workbooks).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    outcome.syncs++;
  }
  outcome.written = true;
  return outcome;
}

function findRefusal(
  result: ScoreResult,
  reads: SheetRead[],
  bookProtection: Excel.WorkbookProtection | null,
  formulasOf: Map<string, FormulaCells>,
): Refusal | null {
  const targets = new Set(result.writes.map((w) => w.sheet));
  for (const r of reads) {
    if (targets.has(r.name) && r.protection?.protected) return protectedSheet(r.name);
  }
  if (result.newSheets.length > 0 && bookProtection?.protected) return protectedWorkbook(result.newSheets[0]);

  let first: { sheet: string; cell: string } | null = null;
  let count = 0;
  for (const w of result.writes) {
    if (!formulasOf.get(w.sheet)?.(w.row, w.col)) continue;
    count++;
    first ??= { sheet: w.sheet, cell: a1(w.row, w.col) };
  }
  return first ? formulaInOutput(first.sheet, first.cell, count - 1) : null;
}
