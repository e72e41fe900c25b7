import { a1 } from './address.ts';
import type { HeaderMatch } from './headers.ts';
import { makeIssue } from './messages.ts';
import { cellText, foldText, isBlank } from './text.ts';
import { serialToDate } from './dates.ts';
import type { CellValue, FormatGrid, Grid, Issue } from './types.ts';
import { CASE_LEVELS, type CaseLevel, type RegisterColumn } from './vocabulary.ts';

export interface Case {
  row: number;
  /** The sheet name of the unit, as the workbook spells it. */
  unit: string;
  /** Folded 项目 name, or null when the register names none. */
  item: string | null;
  level: CaseLevel;
  /** The register's 日期 and 简要案情, as typed. */
  date: string;
  summary: string;
}

/** An issue of the register, with the unit it counts against when it names one (or nearly names one). */
export interface RegisterIssue {
  issue: Issue;
  unit: string | null;
}

export interface CaseRegister {
  sheet: string;
  header: HeaderMatch<RegisterColumn>;
  cases: Case[];
  /** Rows that are cases but could not be read; they deduct nothing and carry an error. */
  badRows: number[];
  issues: RegisterIssue[];
}

const LEVELS = new Map<string, CaseLevel>();
for (const [level, words] of Object.entries(CASE_LEVELS) as [CaseLevel, readonly string[]][]) {
  for (const w of words) LEVELS.set(foldText(w), level);
}

/** 苍溪 for 苍溪县: the one 考核表 whose name contains the register's spelling, if exactly one does. */
function nearUnit(folded: string, units: { folded: string; name: string }[]): string | null {
  if (folded === '') return null;
  const hits = units.filter((u) => u.folded.includes(folded));
  return hits.length === 1 ? hits[0].name : null;
}

export function readCaseRegister(
  sheet: string, grid: Grid, header: HeaderMatch<RegisterColumn>, units: string[], formats?: FormatGrid,
): CaseRegister {
  const folded = units.map((name) => ({ folded: foldText(name), name }));
  const byFolded = new Map(folded.map((u) => [u.folded, u.name]));
  const col = header.columns;
  const at = (row: CellValue[], k: RegisterColumn): CellValue => (col[k] === undefined ? null : row[col[k]!] ?? null);
  const cases: Case[] = [];
  const badRows: number[] = [];
  const issues: RegisterIssue[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const unitCell = at(row, 'unit');
    const levelCell = at(row, 'level');
    if (isBlank(unitCell) && isBlank(levelCell)) continue;
    const key = foldText(cellText(unitCell));
    const unit = byFolded.get(key);
    const level = LEVELS.get(foldText(cellText(levelCell)));
    // A level error of a known unit, or of one the register nearly names, counts against that unit.
    let owner: string | null = unit ?? null;
    if (!unit) {
      const cell = a1(r, col.unit!);
      const value = cellText(unitCell).trim();
      const proposal = nearUnit(key, folded);
      owner = proposal;
      const issue = isBlank(unitCell)
        ? makeIssue(sheet, cell, 'error', 'case-unit-missing')
        : proposal
          ? makeIssue(sheet, cell, 'error', 'case-unit-near', { value, proposal })
          : makeIssue(sheet, cell, 'error', 'case-unit-unknown', { value, units: units.join('、') });
      issues.push({ issue, unit: proposal });
    }
    if (!level) {
      const cell = a1(r, col.level!);
      const issue = isBlank(levelCell)
        ? makeIssue(sheet, cell, 'error', 'case-level-missing')
        : makeIssue(sheet, cell, 'error', 'case-level-unknown', { value: cellText(levelCell).trim() });
      issues.push({ issue, unit: owner });
    }
    if (!unit || !level) {
      badRows.push(r);
      continue;
    }
    const item = at(row, 'item');
    cases.push({
      row: r, unit, item: isBlank(item) ? null : foldText(cellText(item)), level,
      date: dateText(at(row, 'date'), col.date === undefined ? null : formats?.[r]?.[col.date]), summary: cellText(at(row, 'summary')).trim(),
    });
  }
  return { sheet, header, cases, badRows, issues };
}

function dateText(v: CellValue, format: string | null | undefined): string {
  if (typeof v === 'number' && format === 'date' && v >= 1 && v < 2_958_466) return serialToDate(v);
  return cellText(v).trim();
}
