import { a1 } from './address.ts';
import { readAssessmentLayout, type AssessmentLayout, type IndicatorRow, type ItemBlock } from './assessment.ts';
import { toHundredths } from './decimal.ts';
import {
  findAssessmentHeader, findRegisterHeader, isSummarySheet, OUTPUT_HEADERS, SUMMARY_SHEET,
  type AssessmentColumn, type HeaderMatch,
} from './headers.ts';
import { readCaseRegister, type Case, type CaseRegister } from './register.ts';
import { caseRatesFor, isDeductionRule, readRuleWord, scoreRow, type CaseTally, type RuleWord } from './rules.ts';
import { parseWorkbookInput } from './schema.ts';
import { itemKey, summaryItemColumns, summaryWrites, type SummaryUnit } from './summary.ts';
import { itemScore, rankTotals, weightMismatchMessage } from './subtotals.ts';
import { cellText, isBlank } from './text.ts';
import type { CellWrite, Grid, Issue, SheetInput, WorkbookInput } from './types.ts';
import { readNumber } from './values.ts';
import { fromNumber, rational } from './decimal.ts';

export interface RowResult {
  sheet: string;
  cell: string; // the row's 得分 cell
  row: number;
  category: string;
  item: string;
  rule: RuleWord | null;
  status: 'scored' | 'missing' | 'error';
  score: number;
  note: string;
}

export interface ItemResult {
  category: string;
  item: string;
  points: number;
  score: number;
}

export interface UnitResult {
  unit: string;
  total: number;
  rank: number;
  status: string;
  errors: number;
  missing: number;
  /** 类别 → subtotal. */
  subtotals: Record<string, number>;
  items: ItemResult[];
}

export interface ScoreResult {
  units: UnitResult[];
  rows: RowResult[];
  issues: Issue[];
  writes: CellWrite[];
  /** Sheets the host must create before applying the writes (汇总 when missing). */
  newSheets: string[];
}

interface UnitSheet {
  sheet: SheetInput;
  header: HeaderMatch<AssessmentColumn>;
}

function lastUsedColumn(grid: Grid): number {
  let last = -1;
  for (const row of grid) {
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) if (!isBlank(row[c])) { last = c; break; }
  }
  return last;
}

/** Output columns the sheet lacks are added right of everything it holds, header included. */
function outputColumns<K extends string>(
  sheet: string, grid: Grid, headerRow: number, found: Partial<Record<K, number>>, wanted: [K, string][], writes: CellWrite[],
): Record<K, number> {
  let next = lastUsedColumn(grid) + 1;
  const cols = { ...found } as Record<K, number>;
  for (const [k, title] of wanted) {
    if (cols[k] !== undefined) continue;
    cols[k] = next++;
    writes.push({ sheet, row: headerRow, col: cols[k], value: title });
  }
  return cols;
}

const at = (grid: Grid, row: number, col: number) => grid[row]?.[col] ?? null;

/** Writes only what differs from a blank cell, so clearing a blank cell is no write at all. */
function clearIfSet(writes: CellWrite[], sheet: string, grid: Grid, row: number, col: number): void {
  if (!isBlank(at(grid, row, col))) writes.push({ sheet, row, col, value: null });
}

function readPoints(block: ItemBlock): number | string {
  if (isBlank(block.points)) return `项目“${block.name}”缺少分值`;
  const p = readNumber(block.points, '分');
  if (!p.ok || p.percent) return `项目“${block.name}”的分值“${cellText(block.points)}”${p.ok ? '不能是百分数' : p.reason}`;
  if (rational.cmp(p.value, rational.zero) <= 0) return `项目“${block.name}”的分值必须大于0`;
  return toHundredths(p.value);
}

function statusText(errors: number, missing: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`有错误（${errors}处）`);
  if (missing > 0) parts.push(`未填报${missing}项`);
  return parts.length ? parts.join('，') : '已完成';
}

/** Scores a whole workbook given as grids: SCORING.md end to end. Pure: no I/O, no host objects. */
export function scoreWorkbook(input: WorkbookInput): ScoreResult {
  const { sheets } = parseWorkbookInput(input);
  const issues: Issue[] = [];
  const writes: CellWrite[] = [];
  const rows: RowResult[] = [];

  const unitSheets: UnitSheet[] = [];
  const registers: { sheet: SheetInput; header: NonNullable<ReturnType<typeof findRegisterHeader>> }[] = [];
  let summary: SheetInput | null = null;
  for (const sheet of sheets) {
    if (isSummarySheet(sheet.name)) {
      summary = sheet;
      continue;
    }
    const header = findAssessmentHeader(sheet.grid);
    if (header) {
      unitSheets.push({ sheet, header });
      continue;
    }
    const reg = findRegisterHeader(sheet.grid);
    if (reg) registers.push({ sheet, header: reg });
  }

  if (unitSheets.length === 0) {
    issues.push({
      sheet: '', cell: '', severity: 'error',
      message: '没有找到考核表：前20行内同时含有“计分方式”和“实际完成”表头的工作表才会被计分',
    });
    return { units: [], rows, issues, writes, newSheets: [] };
  }

  const unitNames = unitSheets.map((u) => u.sheet.name);
  let register: CaseRegister | null = null;
  if (registers.length > 0) {
    const first = registers[0];
    register = readCaseRegister(first.sheet.name, first.sheet.grid, first.header, unitNames);
    issues.push(...register.issues);
    for (const extra of registers.slice(1)) {
      issues.push({
        sheet: extra.sheet.name, cell: '', severity: 'warning',
        message: `工作簿中有多张案件台账，只采用“${first.sheet.name}”，本表未计入`,
      });
    }
  }
  const casesByUnit = new Map<string, Case[]>();
  for (const c of register?.cases ?? []) {
    const list = casesByUnit.get(c.unit) ?? [];
    list.push(c);
    casesByUnit.set(c.unit, list);
  }
  /** Register row → nominal deduction in hundredths, from the first 按件扣分 row that takes the case. */
  const caseDeductions = new Map<number, number>();
  const caseUses = new Map<number, number>();

  const unitErrors = new Map<string, number>();
  const addIssue = (unit: string | null, issue: Issue) => {
    issues.push(issue);
    if (unit && issue.severity === 'error') unitErrors.set(unit, (unitErrors.get(unit) ?? 0) + 1);
  };
  for (const i of register?.issues ?? []) {
    // Register errors count against the unit the case names, when it names a real one.
    const row = Number(/\d+$/.exec(i.cell)?.[0] ?? 0) - 1;
    const unitCol = register!.header.columns.unit!;
    const name = cellText(at(registers[0].sheet.grid, row, unitCol)).trim();
    const unit = unitNames.find((u) => u === name);
    if (unit) unitErrors.set(unit, (unitErrors.get(unit) ?? 0) + 1);
  }

  const unitTallies: { unit: string; items: ItemResult[]; missing: number }[] = [];
  const seenItems: { category: string; item: string }[] = [];
  const seenCategories: string[] = [];

  for (const { sheet, header } of unitSheets) {
    const unit = sheet.name;
    const layout: AssessmentLayout = readAssessmentLayout(unit, sheet.grid, header);
    for (const w of layout.warnings) addIssue(unit, w);
    const cols = outputColumns(unit, sheet.grid, header.row, header.columns, [
      ['score', OUTPUT_HEADERS.score], ['note', OUTPUT_HEADERS.note], ['subtotal', OUTPUT_HEADERS.subtotal],
    ], writes);
    const cellOf = (row: number, k: AssessmentColumn) => a1(row, header.columns[k] ?? header.columns.rule!);
    const unitCases = casesByUnit.get(unit) ?? [];
    let missing = 0;
    const items: ItemResult[] = [];

    for (const block of layout.items) {
      const points = readPoints(block);
      if (typeof points === 'string') {
        addIssue(unit, { sheet: unit, cell: cellOf(block.pointsRow, 'points'), severity: 'error', message: points });
      }
      const cap = typeof points === 'number' ? fromNumber(points / 100) : null;
      let positive = 0;
      let deductions = 0;
      let hasPositiveRow = false;
      let weights = 0;
      let weightsKnown = true;

      for (const row of block.rows) {
        const rule = readRuleWord(row.rule);
        let cases: CaseTally | null = null;
        if (rule === '按件扣分' && register) cases = takeCases(row, block, unitCases, caseDeductions, caseUses);
        const outcome = rule
          ? scoreRow(rule, row, { cases, itemPoints: cap })
          : ({ kind: 'error', column: 'rule', message: `无法识别的计分方式“${cellText(row.rule)}”，应为比例、达标、差额扣分、评分、扣分或按件扣分` } as const);
        let score = 0;
        let note: string;
        if (outcome.kind === 'scored') {
          score = outcome.hundredths;
          note = outcome.note;
        } else if (outcome.kind === 'missing') {
          missing++;
          note = outcome.note;
        } else {
          const cell = cellOf(row.row, outcome.column);
          addIssue(unit, { sheet: unit, cell, severity: 'error', message: outcome.message });
          note = `错误（${cell}）：${outcome.message}`;
        }
        if (rule && !isDeductionRule(rule)) {
          hasPositiveRow = true;
          positive += score;
          const w = readNumber(row.weight, '分');
          if (w.ok && !w.percent) weights += toHundredths(w.value);
          else weightsKnown = false;
        } else if (rule) {
          deductions -= score;
        }
        rows.push({
          sheet: unit, cell: a1(row.row, cols.score), row: row.row, category: block.category, item: block.name,
          rule, status: outcome.kind, score: score / 100, note,
        });
        writes.push({ sheet: unit, row: row.row, col: cols.score, value: score / 100, numberFormat: '0.00' });
        writes.push({ sheet: unit, row: row.row, col: cols.note, value: note });
        if (row.row !== block.firstRow) clearIfSet(writes, unit, sheet.grid, row.row, cols.subtotal);
      }

      const pointsH = typeof points === 'number' ? points : 0;
      const score = typeof points === 'number' ? itemScore(pointsH, { positive, deductions, hasPositiveRow }) : 0;
      if (typeof points === 'number' && hasPositiveRow && weightsKnown && weights !== pointsH) {
        addIssue(unit, {
          sheet: unit, cell: cellOf(block.pointsRow, 'points'), severity: 'warning',
          message: weightMismatchMessage(block.name, weights, pointsH),
        });
      }
      writes.push({ sheet: unit, row: block.firstRow, col: cols.subtotal, value: score / 100, numberFormat: '0.00' });
      items.push({ category: block.category, item: block.name, points: pointsH / 100, score: score / 100 });
      seenItems.push({ category: block.category, item: block.name });
      if (!seenCategories.includes(block.category)) seenCategories.push(block.category);
    }
    unitTallies.push({ unit, items, missing });
  }

  if (register) registerWrites(register, registers[0].sheet.grid, caseDeductions, caseUses, writes, (u, i) => addIssue(u, i));

  const totals = unitTallies.map((u) => u.items.reduce((s, i) => s + Math.round(i.score * 100), 0));
  const ranks = rankTotals(totals);
  const units: UnitResult[] = unitTallies.map((u, i) => {
    const subtotals: Record<string, number> = {};
    for (const it of u.items) subtotals[it.category] = ((subtotals[it.category] ?? 0) * 100 + Math.round(it.score * 100)) / 100;
    const errors = unitErrors.get(u.unit) ?? 0;
    return {
      unit: u.unit, total: totals[i] / 100, rank: ranks[i], status: statusText(errors, u.missing),
      errors, missing: u.missing, subtotals, items: u.items,
    };
  });

  const summaryName = summary?.name ?? SUMMARY_SHEET;
  const summaryUnits: SummaryUnit[] = units.map((u) => ({
    unit: u.unit,
    items: new Map(u.items.map((it) => [itemKey(it.category, it.item), Math.round(it.score * 100)])),
    categories: new Map(Object.entries(u.subtotals).map(([k, v]) => [k, Math.round(v * 100)])),
    total: Math.round(u.total * 100),
    rank: u.rank,
    status: u.status,
  }));
  writes.push(...summaryWrites(summaryName, summary?.grid ?? null, summaryItemColumns(seenItems), seenCategories, summaryUnits));

  return { units, rows, issues, writes, newSheets: summary ? [] : [SUMMARY_SHEET] };
}

/** The register's cases that fall on one 按件扣分 row: its unit's, and of its 项目 where the register names one. */
function takeCases(
  row: IndicatorRow, block: ItemBlock, unitCases: Case[], deductions: Map<number, number>, uses: Map<number, number>,
): CaseTally {
  const rates = caseRatesFor(row);
  const tally: CaseTally = { serious: 0, major: 0 };
  const item = block.name.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
  for (const c of unitCases) {
    if (c.item !== null && c.item !== item) continue;
    tally[c.level]++;
    uses.set(c.row, (uses.get(c.row) ?? 0) + 1);
    if (rates && !deductions.has(c.row)) deductions.set(c.row, toHundredths(c.level === 'serious' ? rates.serious : rates.major));
  }
  return tally;
}

function registerWrites(
  register: CaseRegister, grid: Grid, deductions: Map<number, number>, uses: Map<number, number>,
  writes: CellWrite[], addIssue: (unit: string | null, i: Issue) => void,
): void {
  const { sheet, header } = register;
  const cols = outputColumns(sheet, grid, header.row, header.columns, [['deduction', OUTPUT_HEADERS.deduction]], writes);
  const itemCol = header.columns.item;
  for (const c of register.cases) {
    const used = uses.get(c.row) ?? 0;
    if (used === 0) {
      addIssue(c.unit, {
        sheet, cell: a1(c.row, itemCol !== undefined && c.item !== null ? itemCol : header.columns.unit!), severity: 'error',
        message: c.item !== null
          ? `“${c.unit}”的考核表中，项目“${cellText(at(grid, c.row, itemCol!))}”没有按件扣分行，本案件未能扣分`
          : `“${c.unit}”的考核表中没有按件扣分行，本案件未能扣分`,
      });
      clearIfSet(writes, sheet, grid, c.row, cols.deduction);
      continue;
    }
    if (used > 1) {
      addIssue(c.unit, {
        sheet, cell: a1(c.row, header.columns.unit!), severity: 'warning',
        message: `本案件未注明项目，“${c.unit}”有${used}个按件扣分行，已在每一行各计一次；如只应计入其中一项，请填写“项目”列`,
      });
    }
    const d = deductions.get(c.row);
    if (d === undefined) clearIfSet(writes, sheet, grid, c.row, cols.deduction);
    else writes.push({ sheet, row: c.row, col: cols.deduction, value: d / 100, numberFormat: '0.00' });
  }
  for (const r of register.badRows) clearIfSet(writes, sheet, grid, r, cols.deduction);
}
