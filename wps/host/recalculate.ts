import { findFormulaInOutput, isSummarySheet, scoreWorkbook } from '../../src/engine/index.ts';
import { blockAddress } from '../../addin/host/address.ts';
import type { RecalcOutcome } from '../../addin/host/index.ts';
import { formulaInOutput, protectedSheet, protectedWorkbook, type Refusal } from '../../addin/host/refusal.ts';
import { isVisible, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from './et.ts';
import { formulaCells, readWorkbook, type WorkbookRead } from './readWorkbook.ts';
import { writeRuns, type WriteRun } from './writeRuns.ts';

interface PlannedWrite {
  run: WriteRun;
  /** null for a sheet still to be added */
  range: EtRange | null;
}

const addressOf = (run: WriteRun) => blockAddress(run.top, run.left, run.values.length, run.values[0].length);

/**
 * The range each run goes to. A run that touches a merged area is cut into rows, and a row into cells, since
 * writing across part of a merged area fails. One MergeCells read for each multi-cell run, all before any write.
 */
function planRun(sheet: EtWorksheet, run: WriteRun): PlannedWrite[] {
  const range = sheet.Range(addressOf(run));
  const rows = run.values.length;
  const cols = run.values[0].length;
  if (rows * cols === 1 || range.MergeCells === false) return [{ run, range }];
  if (rows > 1) return run.values.flatMap((line, r) => planRun(sheet, { ...run, top: run.top + r, values: [line] }));
  return cellsOf(run).map((piece) => ({ run: piece, range: sheet.Range(addressOf(piece)) }));
}

const cellsOf = (run: WriteRun): WriteRun[] => run.values[0].map((v, c) => ({ ...run, left: run.left + c, values: [[v]] }));

/** The Office.js host's outcome (the shared task pane reads it); syncs counts the rectangles written. */
export type WpsOutcome = RecalcOutcome;

export const NO_WORKBOOK = '没有打开的工作簿，请先打开考核工作簿。 / No workbook is open.';

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error(NO_WORKBOOK);
  return book;
}

/**
 * Scores the open workbook in place. WPS applies each write at once and cannot undo it, so everything that could
 * stop a write (a protected sheet, a protected workbook, a formula in an output cell) is checked before the first.
 * Only output cells are written, rectangle by rectangle, with screen updating off and restored in `finally`.
 */
export function recalculate(app: EtApplication): WpsOutcome {
  const book = activeWorkbook(app);
  const read = readWorkbook(book);
  const result = scoreWorkbook({ sheets: read.inputs });
  const outcome: WpsOutcome = {
    result, written: false, refusal: null, syncs: 0, largestRequestBytes: 0, readBytes: 0, formatCells: 0, cellsWritten: 0, activated: null,
  };
  if (result.units.length === 0) return outcome;
  outcome.refusal = findRefusal(book, read, result);
  if (outcome.refusal) return outcome;

  const sheets = new Map<string, EtWorksheet>(read.sheets.map((s) => [s.name, s.sheet]));
  const planned = writeRuns(result.writes).flatMap((run) => {
    const sheet = sheets.get(run.sheet);
    return sheet ? planRun(sheet, run) : [{ run, range: null }];
  });
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    if (result.newSheets.length > 0) {
      const worksheets = book.Worksheets;
      let last = read.sheets.length > 0 ? read.sheets[read.sheets.length - 1].sheet : null;
      for (const name of result.newSheets) {
        const added = last ? worksheets.Add(undefined, last) : worksheets.Add();
        added.Name = name;
        sheets.set(name, added);
        last = added;
      }
    }
    for (const { run, range: target } of planned) {
      const rows = run.values.length;
      const cols = run.values[0].length;
      const range = target ?? sheets.get(run.sheet)!.Range(addressOf(run));
      range.Value2 = rows === 1 && cols === 1 ? run.values[0][0] : run.values;
      if (run.numberFormat) range.NumberFormat = run.numberFormat;
      outcome.cellsWritten += rows * cols;
      outcome.syncs++;
    }
    outcome.written = true;
    const summaryName = result.newSheets.find((n) => isSummarySheet(n)) ?? read.sheets.find((s) => isSummarySheet(s.name))?.name;
    if (summaryName) {
      const summary = sheets.get(summaryName)!;
      // A hidden sheet cannot be activated.
      if (result.newSheets.includes(summaryName) || isVisible(summary.Visible)) {
        summary.Activate();
        outcome.activated = summaryName;
      }
    }
  } finally {
    app.ScreenUpdating = screen;
  }
  return outcome;
}

function findRefusal(book: EtWorkbook, read: WorkbookRead, result: WpsOutcome['result']): Refusal | null {
  const targets = new Set(result.writes.map((w) => w.sheet));
  const targetReads = read.sheets.filter((s) => targets.has(s.name));
  for (const s of targetReads) if (s.sheet.ProtectContents) return protectedSheet(s.name);
  if (result.newSheets.length > 0 && book.ProtectStructure) return protectedWorkbook(result.newSheets[0]);
  const formulas = new Map(targetReads.map((s) => [s.name, formulaCells(s)]));
  const found = findFormulaInOutput(result.writes, (sheet, row, col) => formulas.get(sheet)?.(row, col) ?? false);
  return found ? formulaInOutput(found.params) : null;
}
