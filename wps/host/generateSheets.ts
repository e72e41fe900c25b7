import { foldText, isSummarySheet } from '../../src/engine/index.ts';
import { importFromGrids, isRawIndicatorTable, type ImportResult } from '../../src/import/index.ts';
import { CASE_SHEET, COL, FIRST_DATA_ROW, SUMMARY_SHEET } from '../../src/templates/layout.ts';
import { caseRegisterPlan, indicatorSheetPlan, summaryPlan, type SheetPlan } from '../../src/templates/sheetValues.ts';
import { blockAddress } from '../../addin/host/address.ts';
import { freeSheetName, type GenerateOutcome } from '../../addin/host/generateSheets.ts';
import type { EtApplication, EtWorksheet } from './et.ts';
import { activeWorkbook } from './recalculate.ts';
import { anchoredGrid } from './readWorkbook.ts';
import { valueRows } from './cellValue.ts';
import { writeValue } from './writeRuns.ts';

/** Names of the shared tables the active sheet points to but does not hold: 见保障指标（实行扣分制）. */
function missingTables(result: ImportResult): string[] {
  const names = new Set<string>();
  for (const r of result.review) for (const n of r.notes) {
    const m = /^找不到“(.+?)”表/.exec(n);
    if (m) names.add(m[1]);
  }
  return [...names];
}

function usedGrid(sheet: EtWorksheet) {
  const used = sheet.UsedRange;
  const values = valueRows(used.Value2, () => ({ rows: used.Rows.Count, cols: used.Columns.Count }));
  return anchoredGrid(values, used.Row - 1, used.Column - 1);
}

/** One new sheet's values in one write (the sheet is empty, so nothing of the user's is in the rectangle), its merges. */
function writePlan(sheet: EtWorksheet, plan: SheetPlan): number {
  const rows = plan.values.length;
  const cols = Math.max(...plan.values.map((r) => r.length));
  sheet.Range(blockAddress(0, 0, rows, cols)).Value2 = plan.values.map((r) => Array.from({ length: cols }, (_, c) => writeValue(r[c] ?? null)));
  for (const m of plan.merges) sheet.Range(blockAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)).Merge();
  return plan.values.reduce((n, r) => n + r.filter((v) => v !== null && v !== undefined).length, 0);
}

/**
 * 生成考核表, as in Excel: reads the active sheet's indicator table and adds one 考核表 per unit (plus 案件台账 and
 * 汇总 where missing), never touching an existing sheet. Refuses before adding anything when the workbook is protected.
 */
export function generateSheets(app: EtApplication): GenerateOutcome {
  const book = activeWorkbook(app);
  const active = book.ActiveSheet;
  const source = active.Name;
  const outcome: GenerateOutcome = { kind: 'not-raw', source, result: null, sheets: [], added: [], syncs: 0, cellsWritten: 0 };
  const grid = usedGrid(active);
  if (!isRawIndicatorTable(grid)) return outcome;

  const worksheets = book.Worksheets;
  const count = worksheets.Count;
  const all = Array.from({ length: count }, (_, i) => worksheets.Item(i + 1));
  const names = all.map((s) => s.Name);
  let result = importFromGrids([{ name: source, grid }]);
  const missing = missingTables(result);
  const others = names.filter((n) => n !== source && missing.some((m) => n.includes(m) || m.includes(n)));
  if (others.length > 0) {
    const sheets = [{ name: source, grid }, ...others.map((name) => ({ name, grid: usedGrid(all[names.indexOf(name)]) }))];
    result = importFromGrids(sheets, { unitsFrom: [source] });
  }
  outcome.result = result;
  const units = result.workbook.units;
  if (units.length === 0) return { ...outcome, kind: 'no-units' };
  if (book.ProtectStructure) return { ...outcome, kind: 'protected' };

  const taken = [...names];
  const claim = (name: string) => {
    const free = freeSheetName(name, taken);
    taken.push(free);
    return free;
  };
  outcome.sheets = units.map((u) => ({ unit: u.unit, sheet: claim(u.unit) }));
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  let last = all[all.length - 1];
  const add = (name: string, plan: SheetPlan): EtWorksheet => {
    const sheet = worksheets.Add(undefined, last);
    sheet.Name = name;
    last = sheet;
    outcome.cellsWritten += writePlan(sheet, plan);
    outcome.added.push(name);
    return sheet;
  };
  try {
    let first: EtWorksheet | null = null;
    units.forEach((unit, i) => {
      const sheet = add(outcome.sheets[i].sheet, indicatorSheetPlan(unit));
      first ??= sheet;
      const rows = unit.rows.length;
      if (rows > 0) for (const c of [COL.score, COL.subtotal]) sheet.Range(blockAddress(FIRST_DATA_ROW - 1, c - 1, rows, 1)).NumberFormat = '0.00';
    });
    const sheetNames = outcome.sheets.map((s) => s.sheet);
    if (!names.some((n) => foldText(n) === foldText(CASE_SHEET))) add(claim(CASE_SHEET), caseRegisterPlan());
    if (!names.some((n) => isSummarySheet(n))) add(claim(SUMMARY_SHEET), summaryPlan(units, sheetNames));
    (first as EtWorksheet | null)?.Activate();
  } finally {
    app.ScreenUpdating = screen;
  }
  return { ...outcome, kind: 'done' };
}
