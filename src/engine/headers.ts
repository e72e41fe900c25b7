import { foldHeader, foldText } from './text.ts';
import type { Grid } from './types.ts';
import {
  ASSESSMENT_HEADERS, GRADE_HEADERS, REGISTER_HEADERS, SHEET_NAMES,
  type AssessmentColumn, type GradeColumn, type RegisterColumn,
} from './vocabulary.ts';

export type { AssessmentColumn, GradeColumn, RegisterColumn };

export interface HeaderMatch<C extends string> {
  row: number;
  columns: Partial<Record<C, number>>;
  /** First column right of every non-blank header cell. */
  nextFreeColumn: number;
}

export const HEADER_SCAN_ROWS = 20;

function lookup<C extends string>(aliases: Record<C, readonly string[]>): Map<string, C> {
  const m = new Map<string, C>();
  for (const [col, words] of Object.entries(aliases) as [C, string[]][]) {
    for (const w of words) m.set(foldHeader(w), col);
  }
  return m;
}

const assessmentLookup = lookup(ASSESSMENT_HEADERS);
const registerLookup = lookup(REGISTER_HEADERS);
const gradeLookup = lookup(GRADE_HEADERS);

/** The known headers of one row, each at its first column. */
function rowColumns<C extends string>(row: unknown[], words: Map<string, C>): HeaderMatch<C> & { texts: string[] } {
  const columns: Partial<Record<C, number>> = {};
  const texts: string[] = [];
  let nextFreeColumn = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    const text = foldHeader(String(v));
    if (text === '') continue;
    nextFreeColumn = c + 1;
    texts[c] = text;
    const col = words.get(text);
    if (col !== undefined && columns[col] === undefined) columns[col] = c;
  }
  return { row: -1, columns, nextFreeColumn, texts };
}

function findHeader<C extends string>(grid: Grid, words: Map<string, C>, required: C[]): HeaderMatch<C> | null {
  const last = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = grid[r];
    if (!row) continue;
    const { columns, nextFreeColumn } = rowColumns(row, words);
    if (required.every((k) => columns[k] !== undefined)) return { row: r, columns, nextFreeColumn };
  }
  return null;
}

export function findAssessmentHeader(grid: Grid): HeaderMatch<AssessmentColumn> | null {
  return findHeader(grid, assessmentLookup, ['rule', 'actual']);
}

export function findRegisterHeader(grid: Grid): HeaderMatch<RegisterColumn> | null {
  return findHeader(grid, registerLookup, ['unit', 'level']);
}

export function findGradeHeader(grid: Grid): HeaderMatch<GradeColumn> | null {
  return findHeader(grid, gradeLookup, ['grade', 'minimum']);
}

/**
 * What a sheet is to the scorer:
 * - assessment: a 考核表 to score;
 * - unscorable: it has 计分方式 (and another 考核表 header) but lacks 实际完成, so it is meant to be scored and cannot be;
 * - reference: 实际完成 and two more 考核表 headers but no 计分方式 (last year's results, say), left alone with a warning.
 */
export type SheetKind =
  | { kind: 'assessment'; header: HeaderMatch<AssessmentColumn> }
  | { kind: 'unscorable'; row: number; column: number; missing: AssessmentColumn; near: string | null }
  | { kind: 'reference'; row: number }
  | { kind: 'other' };

const ACTUAL_WORDS = ASSESSMENT_HEADERS.actual.map(foldHeader);

/** A header someone edited a little: 实际完成情况 or 实际完成数 for 实际完成. */
function nearActual(texts: string[]): string | null {
  for (const t of texts) if (t && ACTUAL_WORDS.some((w) => t !== w && t.includes(w))) return t;
  return null;
}

export function classifySheet(grid: Grid): SheetKind {
  const header = findAssessmentHeader(grid);
  if (header) return { kind: 'assessment', header };
  const last = Math.min(grid.length, HEADER_SCAN_ROWS);
  let reference: SheetKind | null = null;
  for (let r = 0; r < last; r++) {
    const row = grid[r];
    if (!row) continue;
    const { columns, texts } = rowColumns(row, assessmentLookup);
    const known = Object.keys(columns).length;
    if (columns.rule !== undefined && known >= 2) {
      const raw = nearActual(texts);
      const c = raw ? texts.indexOf(raw) : -1;
      return { kind: 'unscorable', row: r, column: columns.rule, missing: 'actual', near: c >= 0 ? String(row[c]).trim() : null };
    }
    if (columns.actual !== undefined && known >= 3) reference ??= { kind: 'reference', row: r };
  }
  return reference ?? { kind: 'other' };
}

export const SUMMARY_SHEET = SHEET_NAMES.summary;
/** 汇总, and 汇总(2) or 汇总 (old) as a copy keeps it, are not the summary: only the name itself is. */
export const isSummarySheet = (name: string): boolean => foldText(name) === SUMMARY_SHEET;
/** Sheets the scorer owns whole and never reads as input. */
export const isOwnedSheet = (name: string): boolean =>
  isSummarySheet(name) || foldText(name) === SHEET_NAMES.returns;
