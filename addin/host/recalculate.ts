import { findFormulaInOutput, formatColumns, scoreWorkbook, type FormatGrid, type ScoreResult, type SheetInput } from '../../src/engine/index.ts';
import { isSummarySheet } from '../../src/engine/index.ts';
import { classifyNumberFormat } from '../../src/formats/numberFormat.ts';
import { blockAddress } from './address.ts';
import { isUserFormula } from './formulaCells.ts';
import { usedRangeToGrid, type OfficeCell } from './grid.ts';
import { boxCells, DEFAULT_READ_BUDGET_BYTES, groupReads, halve, MAX_READ_CELLS, planReads, usedBox } from './readPlan.ts';
import { formulaInOutput, protectedSheet, protectedWorkbook, workbookTooLarge, type Refusal } from './refusal.ts';
import { officeSupports, type Supports } from './requirements.ts';
import { cutAtMerges, DEFAULT_MAX_REQUEST_BYTES, hasFormats, jsonBytes, packBatches, planWrites, type WriteBlock } from './writePlan.ts';

export interface RecalcOptions {
  /** API-set check; defaults to Office.context.requirements.isSetSupported. */
  supports?: Supports;
  /** Upper bound of one write request; larger write sets are cut into row bands over several syncs. */
  maxRequestBytes?: number;
  /** Estimated bytes one read sync may bring back; sheets are grouped, huge ones cut into row bands, to fit. */
  readBudgetBytes?: number;
}

export interface RecalcOutcome {
  result: ScoreResult;
  /** True once every write has reached Excel. */
  written: boolean;
  /** Set when nothing was written because the workbook would lose something of the user's. */
  refusal: Refusal | null;
  syncs: number;
  /** Largest write request (UTF-8 bytes of the queued arrays). */
  largestRequestBytes: number;
  /** What the read syncs brought back (UTF-8 bytes of values, formulas where they are loaded, and number formats). */
  readBytes: number;
  /** Cells whose number format was loaded (only the columns where a percent or date format changes the score). */
  formatCells: number;
  cellsWritten: number;
  /** The sheet left active (the summary), or null. */
  activated: string | null;
}

interface SheetRead {
  sheet: Excel.Worksheet;
  name: string;
  visible: boolean;
  used: Excel.Range;
  protection: Excel.WorksheetProtection | null;
}

interface FormatRead {
  input: SheetInput;
  top: number;
  ranges: { col: number; range: Excel.Range }[];
}

const emptyResult = (): ScoreResult => ({
  units: [], cases: [], rows: [], issues: [], writes: [], newSheets: [], summarySheet: null, grades: null, selfScores: false,
});

/**
 * Scores the open workbook in place: read everything (names, used-range addresses, then values in syncs sized by
 * estimated bytes, then the number formats of the few columns where they matter), score with the shared engine,
 * refuse before writing when a protected sheet or a user's formula is in the way, else write in one more sync.
 */
export async function recalculate(context: Excel.RequestContext, options: RecalcOptions = {}): Promise<RecalcOutcome> {
  const supports = options.supports ?? officeSupports;
  const api12 = supports('ExcelApi', '1.2');
  const api14 = supports('ExcelApi', '1.4');
  const api17 = supports('ExcelApi', '1.7');
  const api113 = supports('ExcelApi', '1.13');
  const budget = options.readBudgetBytes ?? DEFAULT_READ_BUDGET_BYTES;
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  syncs++;

  // The used ranges' addresses first: they size the value reads, so that no response nears Excel on the web's
  // 5 MB limit whatever the sheets hold (a stray far cell, long sheets, or formulas loaded before ExcelApi 1.9).
  const bookProtection = api17 ? context.workbook.protection : null;
  bookProtection?.load('protected');
  const reads: SheetRead[] = worksheets.items.map((sheet) => {
    // valuesOnly (1.2+) keeps formatted-but-empty rows out of the read.
    const used = api14 ? sheet.getUsedRangeOrNullObject(true) : api12 ? sheet.getUsedRange(true) : sheet.getUsedRange();
    used.load('address');
    const protection = api12 ? sheet.protection : null;
    protection?.load('protected');
    return { sheet, name: sheet.name, visible: sheet.visibility === 'Visible', used, protection };
  });
  await context.sync();
  syncs++;

  const boxes = reads.map((r) => (r.used.isNullObject ? null : usedBox(r.used.address)));
  const cells = boxCells(boxes);
  if (cells > MAX_READ_CELLS) {
    return {
      result: emptyResult(), written: false, refusal: workbookTooLarge(cells, MAX_READ_CELLS), syncs, largestRequestBytes: 0,
      readBytes: 0, formatCells: 0, cellsWritten: 0, activated: null,
    };
  }

  const values: OfficeCell[][][] = reads.map(() => []);
  const remaining = boxes.map((b) => b?.rows ?? 0);
  // Bands may come back out of order after a retry: kept by first row, joined once a sheet is complete.
  const chunks = reads.map(() => new Map<number, OfficeCell[][]>());
  const inputs: SheetInput[] = reads.map((r) => ({ name: r.name, grid: [] }));
  let readBytes = 0;
  const finish = (i: number): FormatRead | null => {
    const r = reads[i];
    const box = boxes[i];
    if (!box) return null;
    inputs[i].grid = usedRangeToGrid(values[i], r.used.address);
    return queueFormats(r.sheet, inputs[i]);
  };
  for (let i = 0; i < reads.length; i++) if (!boxes[i]) finish(i);

  // Value reads grouped by estimated bytes; the number formats a sheet needs are known once all its values are
  // back, and ride on the next sync (5 syncs in all for most workbooks).
  const groups = groupReads(planReads(boxes, budget), budget);
  let queuedFormats: FormatRead[] = [];
  const loadedFormats: FormatRead[] = [];
  while (groups.length > 0 || queuedFormats.length > 0) {
    const pieces = groups.shift() ?? [];
    const group = pieces.map((piece) => {
      const range = reads[piece.sheet].sheet.getRange(piece.address);
      range.load('values');
      return { piece, range };
    });
    try {
      // Several read syncs only when the workbook's estimated size passes one response's budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
    } catch (error) {
      syncs++;
      // The estimate was short (long texts): read the same pieces again in halves, and the formats anew.
      const halves = pieces.flatMap(halve);
      if (!isPayloadTooLarge(error) || halves.length === pieces.length) throw error;
      groups.unshift(...halves.map((p) => [p]));
      queuedFormats = queuedFormats.map((f) => queueFormats(reads[inputs.indexOf(f.input)].sheet, f.input)!);
      continue;
    }
    loadedFormats.push(...queuedFormats);
    queuedFormats = [];
    for (const { piece, range } of group) {
      const v = range.values as OfficeCell[][];
      readBytes += jsonBytes(v);
      chunks[piece.sheet].set(piece.from, v);
      remaining[piece.sheet] -= piece.rows;
      if (remaining[piece.sheet] === 0) {
        values[piece.sheet] = joinChunks(chunks[piece.sheet]);
        const formats = finish(piece.sheet);
        if (formats) queuedFormats.push(formats);
      }
    }
  }
  let formatCells = 0;
  for (const f of loadedFormats) {
    const read = applyFormats(f);
    readBytes += read.bytes;
    formatCells += read.cells;
  }

  const result = scoreWorkbook({ sheets: inputs });
  const outcome: RecalcOutcome = {
    result, written: false, refusal: null, syncs, largestRequestBytes: 0, readBytes, formatCells,
    cellsWritten: 0, activated: null,
  };
  if (result.units.length === 0) return outcome;

  outcome.refusal = findProtection(result, reads, bookProtection);
  if (outcome.refusal) return outcome;

  // A user's formula in an output cell is found by loading the formulas of the output runs themselves (one more
  // sync, which also brings the runs' number formats and merged areas): exact at every API level, where a long multi-area address from getSpecialCells may come back cut short.
  const runs = planWrites(result.writes);
  const sheetOf = new Map<string, SheetRead>(reads.map((r) => [r.name, r]));
  const gridOf = new Map<string, SheetInput>(inputs.map((i) => [i.name, i]));
  const formulaCells = new Set<string>();
  // Merged areas the runs enter (1.13+), listed area by area; before 1.13 every output cell is written alone.
  const pieces = new Map<WriteBlock, WriteBlock[]>();
  for (const group of groupChecks(runs, gridOf, budget)) {
    const loaded = group.flatMap((run) => {
      const read = sheetOf.get(run.sheet);
      if (!read) return []; // a sheet the engine adds (汇总)
      const range = read.sheet.getRange(blockAddress(run.top, run.left, run.cells, 1));
      range.load('formulas,numberFormat');
      const merged = api113 ? range.getMergedAreasOrNullObject() : null;
      merged?.load('areas/items/address');
      return [{ run, range, merged }];
    });
    if (loaded.length === 0) continue;
    // More than one check sync only for workbooks whose output cells pass one response's budget.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    outcome.syncs++;
    for (const { run, range, merged } of loaded) {
      const merges = merged && !merged.isNullObject ? merged.areas.items.map((a) => usedBox(a.address)) : null;
      pieces.set(run, merges ? cutAtMerges(run, merges) : api113 ? [run] : cutAtMerges(run, [everyRow(run)]));
      const grid = gridOf.get(run.sheet)!.grid;
      // A number typed into a text-formatted (@) cell stays text: such cells get General, set before the value.
      (range.numberFormat as unknown[][]).forEach(([code], dr) => {
        if (code === '@' && typeof run.values[dr][0] === 'number' && run.formats[dr][0] === null) run.formats[dr][0] = 'General';
      });
      (range.formulas as unknown[][]).forEach(([f], dr) => {
        const row = run.top + dr;
        const value = grid[row]?.[run.left] ?? '';
        if (isUserFormula(f, value)) formulaCells.add(`${run.sheet}!${row},${run.left}`);
      });
    }
  }
  const offender = findFormulaInOutput(result.writes, (sheet, row, col) => formulaCells.has(`${sheet}!${row},${col}`));
  outcome.refusal = offender ? formulaInOutput(offender.params) : null;
  if (outcome.refusal) return outcome;

  const batches = packBatches(runs.flatMap((r) => pieces.get(r) ?? [r]), options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
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
      // The format first: Excel keeps a number typed into a text-formatted cell as text.
      if (hasFormats(block)) range.numberFormat = block.formats;
      range.values = block.values;
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

const isPayloadTooLarge = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';

function joinChunks<T>(chunks: Map<number, T[]>): T[] {
  return [...chunks.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows);
}

/**
 * Excel stores 90% as 0.9 and 3/3 as a date serial; only the number format tells. Queues the load of the formats
 * of the columns the engine reads them for (engine formatColumns), or nothing when a sheet needs none.
 */
function queueFormats(sheet: Excel.Worksheet, input: SheetInput): FormatRead | null {
  const where = formatColumns(input.name, input.grid);
  const rows = input.grid.length - (where?.fromRow ?? 0);
  if (!where || rows <= 0) return null;
  const ranges = where.columns.map((col) => {
    const range = sheet.getRange(blockAddress(where.fromRow, col, rows, 1));
    range.load('numberFormat');
    return { col, range };
  });
  return { input, top: where.fromRow, ranges };
}

/** Sets the input's formats from the loaded codes: percent and date only, the rest left out. */
function applyFormats(f: FormatRead): { bytes: number; cells: number } {
  const grid: FormatGrid = [];
  let bytes = 0;
  let cells = 0;
  for (const { col, range } of f.ranges) {
    const codes = range.numberFormat as unknown[][];
    bytes += jsonBytes(codes);
    codes.forEach((line, dr) => {
      cells++;
      const format = typeof line[0] === 'string' ? classifyNumberFormat(line[0]) : null;
      if (format) (grid[f.top + dr] ??= [])[col] = format;
    });
  }
  f.input.formats = grid;
  return { bytes, cells };
}

/** A stand-in merged area over the run that is wider than it: cuts the run into single cells. */
const everyRow = (run: WriteBlock) => ({ top: run.top, left: run.left, rows: run.cells, cols: 2 });

function findProtection(
  result: ScoreResult,
  reads: SheetRead[],
  bookProtection: Excel.WorkbookProtection | null,
): Refusal | null {
  const targets = new Set(result.writes.map((w) => w.sheet));
  for (const r of reads) {
    if (targets.has(r.name) && r.protection?.protected) return protectedSheet(r.name);
  }
  if (result.newSheets.length > 0 && bookProtection?.protected) return protectedWorkbook(result.newSheets[0]);
  return null;
}

/** The runs in groups whose formulas, estimated from the values already read, fit one response's budget. */
function groupChecks(runs: WriteBlock[], gridOf: Map<string, SheetInput>, budget: number): WriteBlock[][] {
  const groups: WriteBlock[][] = [[]];
  let bytes = 0;
  for (const run of runs) {
    const grid = gridOf.get(run.sheet)?.grid ?? [];
    let runBytes = 8;
    for (let r = run.top; r < run.top + run.cells; r++) runBytes += jsonBytes(grid[r]?.[run.left] ?? '') * 2 + 16;
    if (groups.at(-1)!.length > 0 && bytes + runBytes > budget) {
      groups.push([]);
      bytes = 0;
    }
    groups.at(-1)!.push(run);
    bytes += runBytes;
  }
  return groups;
}
