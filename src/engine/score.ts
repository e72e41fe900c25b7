import { a1 } from './address.ts';
import { formatHundredths } from './decimal.ts';
import { assignGrades, readGradeTable, type GradeTable } from './grades.ts';
import { classifySheet, findGradeHeader, findRegisterHeader, isOwnedSheet, isSummarySheet, type HeaderMatch } from './headers.ts';
import { makeIssue, statusText } from './messages.ts';
import { readCaseRegister, type Case, type CaseRegister } from './register.ts';
import { parseWorkbookInput } from './schema.ts';
import { rankTotals } from './subtotals.ts';
import { itemKey, summaryItemColumns, summaryWrites, type SummaryUnit } from './summary.ts';
import { cellText } from './text.ts';
import type { CellWrite, Issue, SheetInput, WorkbookInput } from './types.ts';
import { at, clearIfSet, outputColumns, scoreUnitSheet, type RowResult, type UnitTally } from './unitSheet.ts';
import { ASSESSMENT_HEADERS, SHEET_NAMES, type RegisterColumn } from './vocabulary.ts';

export type { RowResult };

export interface ItemResult {
  category: string;
  item: string;
  points: number;
  score: number;
  /** The unit's 自评分, where it typed a readable one. */
  selfScore: number | null;
  /** The 项目 holds 加分 rows: its points are a cap on bonus, not part of the full marks. */
  bonus: boolean;
}

export interface UnitResult {
  unit: string;
  /** null when the sheet cannot be scored (状态 无法计分). */
  total: number | null;
  rank: number | null;
  /** 等次 where the workbook has a 等次标准: a band's name, 待定, or null below every band. */
  grade: string | null;
  vetoed: boolean;
  unscorable: boolean;
  /** 状态 as 汇总 writes it (Chinese); statusText(unit, 'en') gives the English. */
  status: string;
  errors: number;
  missing: number;
  /** Σ 自评分 when the unit typed one for every 项目, else null. */
  selfTotal: number | null;
  /** 自评总分 − 总分. */
  cut: number | null;
  /** Σ 分值 of the 项目 without bonus. */
  fullMarks: number;
  /** 类别 → subtotal. */
  subtotals: Record<string, number>;
  items: ItemResult[];
}

/** A case of the 案件台账, for feedback to its unit. */
export interface CaseResult {
  unit: string;
  sheet: string;
  /** The register row (0-based). */
  row: number;
  item: string | null;
  level: '严重' | '特别重大';
  date: string;
  summary: string;
  /** The case's nominal deduction, or null when no 按件扣分 row took it. */
  deduction: number | null;
}

export interface ScoreResult {
  units: UnitResult[];
  /** The register's readable cases, in register order. */
  cases: CaseResult[];
  rows: RowResult[];
  issues: Issue[];
  writes: CellWrite[];
  /** Sheets the host must create before applying the writes (汇总 when missing). */
  newSheets: string[];
  /** The sheet 汇总 is written to, or null when nothing was scored. */
  summarySheet: string | null;
  /** The 等次 names from the highest, when the workbook has a readable 等次标准; null without one. */
  grades: string[] | null;
  /** Some unit typed a 自评分: 汇总 shows 自评总分 and 核减. */
  selfScores: boolean;
}

interface Found<C extends string> {
  sheet: SheetInput;
  header: HeaderMatch<C>;
}

const fromH = (h: number): number => h / 100;

/** Scores a whole workbook given as grids: the contract of docs/rules.md end to end. Pure: no I/O, no host objects. */
export function scoreWorkbook(input: WorkbookInput): ScoreResult {
  const { sheets } = parseWorkbookInput(input);
  const issues: Issue[] = [];
  const writes: CellWrite[] = [];
  const rows: RowResult[] = [];

  type UnitSheet = { sheet: SheetInput; kind: ReturnType<typeof classifySheet> };
  const unitSheets: UnitSheet[] = [];
  const registers: Found<RegisterColumn>[] = [];
  const gradeSheets: Found<'grade' | 'minimum' | 'quota'>[] = [];
  let summary: SheetInput | null = null;
  for (const sheet of sheets) {
    if (isSummarySheet(sheet.name)) summary = sheet;
    if (isOwnedSheet(sheet.name)) continue;
    const kind = classifySheet(sheet.grid);
    if (kind.kind === 'assessment' || kind.kind === 'unscorable') {
      unitSheets.push({ sheet, kind });
      continue;
    }
    if (kind.kind === 'reference') {
      issues.push(makeIssue(sheet.name, '', 'warning', 'reference-sheet', { sheet: sheet.name }));
      continue;
    }
    const reg = findRegisterHeader(sheet.grid);
    if (reg) {
      registers.push({ sheet, header: reg });
      continue;
    }
    const grades = findGradeHeader(sheet.grid);
    if (grades) gradeSheets.push({ sheet, header: grades });
  }

  if (unitSheets.length === 0) {
    issues.push(makeIssue('', '', 'error', 'no-assessment-sheet'));
    return { units: [], cases: [], rows, issues, writes, newSheets: [], summarySheet: null, grades: null, selfScores: false };
  }

  const unitErrors = new Map<string, number>();
  const addIssue = (unit: string | null, issue: Issue) => {
    issues.push(issue);
    if (unit && issue.severity === 'error') unitErrors.set(unit, (unitErrors.get(unit) ?? 0) + 1);
  };

  const unitNames = unitSheets.map((u) => u.sheet.name);
  let register: CaseRegister | null = null;
  if (registers.length > 0) {
    const first = registers[0];
    register = readCaseRegister(first.sheet.name, first.sheet.grid, first.header, unitNames, first.sheet.formats);
    for (const extra of registers.slice(1)) {
      issues.push(makeIssue(extra.sheet.name, '', 'warning', 'extra-register', { used: first.sheet.name }));
    }
    for (const { issue, unit } of register.issues) addIssue(unit, issue);
  }
  let gradeTable: GradeTable | null = null;
  if (gradeSheets.length > 0) {
    const first = gradeSheets[0];
    gradeTable = readGradeTable(first.sheet.name, first.sheet.grid, first.header, first.sheet.formats);
    for (const extra of gradeSheets.slice(1)) {
      issues.push(makeIssue(extra.sheet.name, '', 'warning', 'extra-grades', { used: first.sheet.name }));
    }
    issues.push(...gradeTable.issues);
  }

  const casesByUnit = new Map<string, Case[]>();
  for (const c of register?.cases ?? []) {
    const list = casesByUnit.get(c.unit) ?? [];
    list.push(c);
    casesByUnit.set(c.unit, list);
  }
  const caseDeductions = new Map<number, number>();
  const caseUses = new Map<number, number>();

  const tallies: (UnitTally | null)[] = unitSheets.map(({ sheet, kind }) => {
    if (kind.kind === 'unscorable') {
      addIssue(sheet.name, makeIssue(sheet.name, a1(kind.row, kind.column), 'error', 'sheet-missing-header', {
        sheet: sheet.name, row: kind.row + 1, header: ASSESSMENT_HEADERS[kind.missing][0], near: kind.near ?? '',
      }));
      return null;
    }
    if (kind.kind !== 'assessment') return null;
    return scoreUnitSheet(sheet, kind.header, {
      cases: register ? casesByUnit.get(sheet.name) ?? [] : null, caseDeductions, caseUses, addIssue,
    }, rows, writes);
  });

  if (register) registerWrites(register, registers[0], caseDeductions, caseUses, writes, addIssue);

  const selfScores = tallies.some((t) => t !== null && t.selfScoresTyped > 0);
  const units = unitResults(unitSheets.map((u) => u.sheet.name), tallies, unitErrors, selfScores, gradeTable, addIssue);

  const seenItems: { category: string; item: string }[] = [];
  const seenCategories: string[] = [];
  for (const t of tallies) {
    for (const it of t?.items ?? []) {
      seenItems.push(it);
      if (!seenCategories.includes(it.category)) seenCategories.push(it.category);
    }
  }
  const summaryName = summary?.name ?? SHEET_NAMES.summary;
  const summaryUnits: SummaryUnit[] = units.map((u, i) => ({
    unit: u.unit,
    items: new Map((tallies[i]?.items ?? []).map((it) => [itemKey(it.category, it.item), it.score])),
    categories: new Map(Object.entries(categoryTotals(tallies[i]))),
    total: tallies[i] ? sumScores(tallies[i]!) : null,
    rank: u.rank,
    grade: u.grade,
    selfTotal: u.selfTotal === null ? null : Math.round(u.selfTotal * 100),
    cut: u.cut === null ? null : Math.round(u.cut * 100),
    status: u.status,
  }));
  writes.push(...summaryWrites(summaryName, summary?.grid ?? null, summaryItemColumns(seenItems), seenCategories, summaryUnits, {
    grades: gradeTable !== null, selfScores,
  }));

  const cases: CaseResult[] = (register?.cases ?? []).map((c) => {
    const d = caseUses.has(c.row) ? caseDeductions.get(c.row) : undefined;
    const itemCol = register!.header.columns.item;
    return {
      unit: c.unit, sheet: register!.sheet, row: c.row, level: c.level === 'serious' ? '严重' : '特别重大',
      item: c.item === null || itemCol === undefined ? null : cellText(at(registers[0].sheet.grid, c.row, itemCol)).trim(),
      date: c.date, summary: c.summary, deduction: d === undefined ? null : fromH(d),
    };
  });
  return {
    units, cases, rows, issues, writes,
    newSheets: summary ? [] : [SHEET_NAMES.summary],
    summarySheet: summaryName,
    grades: gradeTable && gradeTable.bands.length > 0 ? gradeTable.bands.map((b) => b.name) : null,
    selfScores,
  };
}

const sumScores = (t: UnitTally): number => t.items.reduce((s, i) => s + i.score, 0);

function categoryTotals(t: UnitTally | null): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const it of t?.items ?? []) totals[it.category] = (totals[it.category] ?? 0) + it.score;
  return totals;
}

function unitResults(
  names: string[], tallies: (UnitTally | null)[], unitErrors: Map<string, number>, selfScores: boolean,
  gradeTable: GradeTable | null, addIssue: (unit: string | null, i: Issue) => void,
): UnitResult[] {
  const totals = tallies.map((t) => (t ? sumScores(t) : null));
  const scored = totals.map((t, i) => [t, i] as const).filter(([t]) => t !== null);
  const ranks = rankTotals(scored.map(([t]) => t!));
  const rankOf = new Map(scored.map(([, i], k) => [i, ranks[k]]));

  const grades = gradeTable
    ? assignGrades(tallies.map((t, i) => ({ total: totals[i], errors: unitErrors.get(names[i]) ?? 0, vetoed: t?.vetoed ?? false })), gradeTable.bands)
    : null;

  return names.map((unit, i) => {
    const t = tallies[i];
    const errors = unitErrors.get(unit) ?? 0;
    const total = totals[i];
    let selfTotal: number | null = null;
    if (t && selfScores) {
      if (t.selfScoresMissing === 0 && t.items.every((it) => it.selfScore !== null)) {
        selfTotal = t.items.reduce((s, it) => s + it.selfScore!, 0);
      } else {
        const missing = t.items.filter((it) => it.selfScore === null).length;
        addIssue(null, makeIssue(unit, '', 'warning', 'self-score-incomplete', { unit, missing }));
      }
    }
    const grade = grades ? grades[i] : null;
    if (grades && grade === null && total !== null) {
      addIssue(null, makeIssue(unit, '', 'warning', 'grade-below-all', { unit, total: formatHundredths(total) }));
    }
    const parts = { unscorable: t === null, vetoed: t?.vetoed ?? false, errors, missing: t?.missing ?? 0 };
    const subtotals = Object.fromEntries(Object.entries(categoryTotals(t)).map(([k, v]) => [k, fromH(v)]));
    return {
      unit,
      total: total === null ? null : fromH(total),
      rank: rankOf.get(i) ?? null,
      grade,
      vetoed: parts.vetoed,
      unscorable: parts.unscorable,
      status: statusText(parts),
      errors,
      missing: parts.missing,
      selfTotal: selfTotal === null ? null : fromH(selfTotal),
      cut: selfTotal === null || total === null ? null : fromH(selfTotal - total),
      fullMarks: fromH((t?.items ?? []).filter((it) => !it.bonus).reduce((s, it) => s + it.points, 0)),
      subtotals,
      items: (t?.items ?? []).map((it) => ({
        category: it.category, item: it.item, points: fromH(it.points), score: fromH(it.score),
        selfScore: it.selfScore === null ? null : fromH(it.selfScore), bonus: it.bonus,
      })),
    };
  });
}

function registerWrites(
  register: CaseRegister, found: Found<RegisterColumn>, deductions: Map<number, number>, uses: Map<number, number>,
  writes: CellWrite[], addIssue: (unit: string | null, i: Issue) => void,
): void {
  const { sheet, header } = register;
  const grid = found.sheet.grid;
  const cols = outputColumns(sheet, grid, header.row, header.columns, [['deduction', '扣分']], writes);
  const itemCol = header.columns.item;
  for (const c of register.cases) {
    const used = uses.get(c.row) ?? 0;
    if (used === 0) {
      const item = c.item !== null ? cellText(at(grid, c.row, itemCol!)).trim() : '';
      const cell = a1(c.row, itemCol !== undefined && c.item !== null ? itemCol : header.columns.unit!);
      addIssue(c.unit, makeIssue(sheet, cell, 'error', 'case-no-row', { unit: c.unit, item }));
      clearIfSet(writes, sheet, grid, c.row, cols.deduction);
      continue;
    }
    if (used > 1) {
      addIssue(c.unit, makeIssue(sheet, a1(c.row, header.columns.unit!), 'warning', 'case-several-rows', { unit: c.unit, rows: used }));
    }
    const d = deductions.get(c.row);
    if (d === undefined) clearIfSet(writes, sheet, grid, c.row, cols.deduction);
    else writes.push({ sheet, row: c.row, col: cols.deduction, value: d / 100, numberFormat: '0.00' });
  }
  for (const r of register.badRows) clearIfSet(writes, sheet, grid, r, cols.deduction);
}
