import { a1 } from './address.ts';
import type { HeaderMatch, RegisterColumn } from './headers.ts';
import type { CaseLevel } from './rules.ts';
import { cellText, foldText, isBlank } from './text.ts';
import type { CellValue, Grid, Issue } from './types.ts';

export interface Case {
  row: number;
  /** The sheet name of the unit, as the workbook spells it. */
  unit: string;
  /** Folded 项目 name, or null when the register names none. */
  item: string | null;
  level: CaseLevel;
}

export interface CaseRegister {
  sheet: string;
  header: HeaderMatch<RegisterColumn>;
  cases: Case[];
  /** Rows that are cases but could not be read; they deduct nothing and carry an error. */
  badRows: number[];
  issues: Issue[];
}

const LEVELS: Record<string, CaseLevel> = {
  严重: 'serious', 严重案件: 'serious', serious: 'serious',
  特别重大: 'major', 特别重大案件: 'major', 特重大: 'major', major: 'major',
};

export function readCaseRegister(sheet: string, grid: Grid, header: HeaderMatch<RegisterColumn>, units: string[]): CaseRegister {
  const byFolded = new Map(units.map((u) => [foldText(u), u]));
  const col = header.columns;
  const at = (row: CellValue[], k: RegisterColumn): CellValue => (col[k] === undefined ? null : row[col[k]!] ?? null);
  const cases: Case[] = [];
  const badRows: number[] = [];
  const issues: Issue[] = [];
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const unitCell = at(row, 'unit');
    const levelCell = at(row, 'level');
    if (isBlank(unitCell) && isBlank(levelCell)) continue;
    const unit = byFolded.get(foldText(cellText(unitCell)));
    const level = LEVELS[foldText(cellText(levelCell))];
    if (!unit) {
      issues.push({
        sheet, cell: a1(r, col.unit!), severity: 'error',
        message: isBlank(unitCell)
          ? '案件缺少单位'
          : `案件的单位“${cellText(unitCell)}”不是任何考核表的名称（考核表有：${units.join('、')}）`,
      });
    }
    if (!level) {
      issues.push({
        sheet, cell: a1(r, col.level!), severity: 'error',
        message: isBlank(levelCell) ? '案件缺少等级（严重或特别重大）' : `案件等级“${cellText(levelCell)}”无法识别，应为“严重”或“特别重大”`,
      });
    }
    if (!unit || !level) {
      badRows.push(r);
      continue;
    }
    const item = at(row, 'item');
    cases.push({ row: r, unit, item: isBlank(item) ? null : foldText(cellText(item)), level });
  }
  return { sheet, header, cases, badRows, issues };
}
