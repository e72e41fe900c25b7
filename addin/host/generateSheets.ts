import { foldText } from '../../src/engine/index.ts';
import { isSummarySheet } from '../../src/engine/index.ts';
import { importFromGrids, isRawIndicatorTable, type ImportResult } from '../../src/import/index.ts';
import { CASE_HEADERS, CASE_LEVELS, CASE_ROWS, CASE_SHEET, COL, FIRST_DATA_ROW, INDICATOR_COLUMNS, SUMMARY_SHEET } from '../../src/templates/layout.ts';
import { actualOwner, caseRegisterPlan, indicatorSheetPlan, summaryPlan, type SheetPlan } from '../../src/templates/sheetValues.ts';
import { blockAddress } from './address.ts';
import { cellInput } from './cellInput.ts';
import { usedRangeToGrid, type OfficeCell } from './grid.ts';
import { officeSupports, type Supports } from './requirements.ts';

export interface GenerateOptions {
  /** API-set check; defaults to Office.context.requirements.isSetSupported. */
  supports?: Supports;
}

export interface GeneratedSheet {
  unit: string;
  /** the sheet's name: the unit's, or 苍溪县(2) where that name is taken */
  sheet: string;
}

export interface GenerateOutcome {
  /**
   * done: sheets added; not-raw: the active sheet holds no indicator table; no-units: a table, but nothing
   * could be read from it; protected: the workbook's structure is protected, so no sheet can be added.
   */
  kind: 'done' | 'not-raw' | 'no-units' | 'protected';
  /** the active sheet that was read */
  source: string;
  result: ImportResult | null;
  /** the 考核表 added, in order */
  sheets: GeneratedSheet[];
  /** every sheet added: the 考核表, then 案件台账 and 汇总 where they were missing */
  added: string[];
  syncs: number;
  cellsWritten: number;
}

const SHEET_NAME_MAX = 31;
const sameName = (a: string, b: string) => foldText(a) === foldText(b);

/** The name itself, or name(2), name(3), … : the first that no sheet has (Excel compares names case-blind). */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const fits = (base: string, suffix: string) => [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  let candidate = fits(name, '');
  for (let k = 2; taken.some((t) => sameName(t, candidate)); k++) candidate = fits(name, `(${k})`);
  return candidate;
}

/** Names of the shared tables the active sheet points to but does not hold: 见保障指标（实行扣分制）. */
function missingTables(result: ImportResult): string[] {
  return [...new Set(result.review.flatMap((r) => (r.missingTable ? [r.missingTable] : [])))];
}

const FILL = { header: '#D9E1F2', unit: '#FFF2CC', assessor: '#FCE4D6', output: '#F2F2F2' } as const;
/** Excel's column width unit is about one digit; Office.js takes points. */
const POINTS_PER_CHAR = 7;

/** Queues one sheet's values (one 2-D array) and its merges; returns the cells written. */
function queuePlan(sheet: Excel.Worksheet, plan: SheetPlan): number {
  const rows = plan.values.length;
  const cols = Math.max(...plan.values.map((r) => r.length));
  const values = plan.values.map((r) => Array.from({ length: cols }, (_, c) => cellInput(r[c] ?? null)));
  sheet.getRange(blockAddress(0, 0, rows, cols)).values = values;
  for (const m of plan.merges) sheet.getRange(blockAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)).merge(false);
  return plan.values.reduce((n, r) => n + r.filter((v) => v !== null).length, 0);
}

function styleHeader(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.fill.color = FILL.header;
  range.format.horizontalAlignment = 'Center';
  range.format.verticalAlignment = 'Center';
  range.format.wrapText = true;
}

/** Runs of equal keys as [first, last] row indexes, skipping null keys. */
function keyRuns<T>(keys: readonly (T | null)[]): [number, number, T][] {
  const out: [number, number, T][] = [];
  keys.forEach((k, i) => {
    if (k === null) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === k) last[1] = i;
    else out.push([i, i, k]);
  });
  return out;
}

/** The template's look, in a handful of range commands: widths, header, wrapping, who-fills-what colours. */
function formatIndicatorSheet(sheet: Excel.Worksheet, plan: SheetPlan, unit: ImportResult['workbook']['units'][number], api17: boolean): void {
  const last = INDICATOR_COLUMNS.length;
  INDICATOR_COLUMNS.forEach((c, i) => {
    sheet.getRange(blockAddress(0, i, 1, 1)).format.columnWidth = c.width * POINTS_PER_CHAR;
  });
  const title = sheet.getRange(blockAddress(0, 0, 1, 1));
  title.format.font.bold = true;
  title.format.font.size = 14;
  title.format.horizontalAlignment = 'Center';
  styleHeader(sheet.getRange(blockAddress(1, 0, 1, last)));
  const first = FIRST_DATA_ROW - 1;
  const rows = plan.values.length - first;
  if (rows <= 0) return;
  const body = sheet.getRange(blockAddress(first, 0, rows, last));
  body.format.wrapText = true;
  body.format.verticalAlignment = 'Center';
  const owners = unit.rows.map((r) => actualOwner(r));
  for (const [from, to, owner] of keyRuns(owners.map((o) => (o === 'register' ? null : o)))) {
    sheet.getRange(blockAddress(first + from, COL.actual - 1, to - from + 1, 1)).format.fill.color = FILL[owner];
  }
  const output = sheet.getRange(blockAddress(first, COL.score - 1, rows, COL.subtotal - COL.score + 1));
  output.format.fill.color = FILL.output;
  output.format.font.italic = true;
  const twoDecimals = Array.from({ length: rows }, () => ['0.00']);
  for (const c of [COL.score, COL.subtotal]) sheet.getRange(blockAddress(first, c - 1, rows, 1)).numberFormat = twoDecimals;
  if (api17) sheet.freezePanes.freezeRows(2);
}

function formatRegister(sheet: Excel.Worksheet, units: readonly string[], api18: boolean): void {
  [20, 16, 10, 12, 50, 10].forEach((w, i) => (sheet.getRange(blockAddress(0, i, 1, 1)).format.columnWidth = w * POINTS_PER_CHAR));
  const title = sheet.getRange('A1');
  title.format.font.bold = true;
  title.format.font.size = 14;
  styleHeader(sheet.getRange(blockAddress(1, 0, 1, CASE_HEADERS.length)));
  sheet.getRange(blockAddress(2, 0, CASE_ROWS, 5)).format.fill.color = FILL.assessor;
  sheet.getRange(blockAddress(2, 5, CASE_ROWS, 1)).format.fill.color = FILL.output;
  if (!api18) return;
  // Lists for 单位 and 等级, as the template has them.
  sheet.getRange(blockAddress(2, 0, CASE_ROWS, 1)).dataValidation.rule = { list: { inCellDropDown: true, source: units.join(',') } };
  sheet.getRange(blockAddress(2, 2, CASE_ROWS, 1)).dataValidation.rule = { list: { inCellDropDown: true, source: CASE_LEVELS.join(',') } };
}

/**
 * 生成考核表: reads the active sheet's indicator table, imports it, and adds one 考核表 per unit (plus 案件台账
 * and 汇总 where missing), never touching an existing sheet. One sync to read and one to write; a third only
 * when the table points to a shared 保障指标 table kept on another sheet, which is then read too.
 */
export async function generateSheets(context: Excel.RequestContext, options: GenerateOptions = {}): Promise<GenerateOutcome> {
  const supports = options.supports ?? officeSupports;
  const api14 = supports('ExcelApi', '1.4');
  const api17 = supports('ExcelApi', '1.7');
  const api18 = supports('ExcelApi', '1.8');
  let syncs = 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const active = worksheets.getActiveWorksheet();
  active.load('name');
  const used = api14 ? active.getUsedRangeOrNullObject(true) : active.getUsedRange(true);
  used.load('address,values');
  const bookProtection = api17 ? context.workbook.protection : null;
  bookProtection?.load('protected');
  await context.sync();
  syncs++;

  const source = active.name;
  const outcome: GenerateOutcome = { kind: 'not-raw', source, result: null, sheets: [], added: [], syncs, cellsWritten: 0 };
  if (used.isNullObject) return outcome;
  const grid = usedRangeToGrid(used.values as OfficeCell[][], used.address);
  if (!isRawIndicatorTable(grid)) return outcome;

  const names = worksheets.items.map((s) => s.name);
  let result = importFromGrids([{ name: source, grid }]);
  const missing = missingTables(result);
  const others = names.filter((n) => n !== source && missing.some((m) => n.includes(m) || m.includes(n)));
  if (others.length > 0) {
    const reads = others.map((name) => {
      const sheet = worksheets.getItem(name);
      const range = api14 ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
      range.load('address,values');
      return { name, range };
    });
    await context.sync();
    syncs++;
    const sheets = [{ name: source, grid }];
    for (const r of reads) {
      if (!r.range.isNullObject) sheets.push({ name: r.name, grid: usedRangeToGrid(r.range.values as OfficeCell[][], r.range.address) });
    }
    result = importFromGrids(sheets, { unitsFrom: [source] });
  }
  outcome.result = result;
  outcome.syncs = syncs;
  const units = result.workbook.units;
  if (units.length === 0) return { ...outcome, kind: 'no-units' };
  if (bookProtection?.protected) return { ...outcome, kind: 'protected' };

  const taken = [...names];
  const claim = (name: string) => {
    const free = freeSheetName(name, taken);
    taken.push(free);
    return free;
  };
  outcome.sheets = units.map((u) => ({ unit: u.unit, sheet: claim(u.unit) }));

  let firstSheet: Excel.Worksheet | null = null;
  units.forEach((unit, i) => {
    const sheet = worksheets.add(outcome.sheets[i].sheet);
    firstSheet ??= sheet;
    const plan = indicatorSheetPlan(unit);
    outcome.cellsWritten += queuePlan(sheet, plan);
    formatIndicatorSheet(sheet, plan, unit, api17);
  });
  outcome.added = outcome.sheets.map((s) => s.sheet);
  const sheetNames = outcome.sheets.map((s) => s.sheet);
  if (!names.some((n) => sameName(n, CASE_SHEET))) {
    const name = claim(CASE_SHEET);
    const sheet = worksheets.add(name);
    outcome.cellsWritten += queuePlan(sheet, caseRegisterPlan());
    formatRegister(sheet, sheetNames, api18);
    outcome.added.push(name);
  }
  if (!names.some((n) => isSummarySheet(n))) {
    const name = claim(SUMMARY_SHEET);
    const sheet = worksheets.add(name);
    const plan = summaryPlan(units, sheetNames);
    outcome.cellsWritten += queuePlan(sheet, plan);
    styleHeader(sheet.getRange(blockAddress(0, 0, 1, plan.values[0].length)));
    outcome.added.push(name);
  }
  firstSheet!.activate();
  await context.sync();
  outcome.syncs = ++syncs;
  return { ...outcome, kind: 'done' };
}
