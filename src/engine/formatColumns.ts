import { classifySheet, findGradeHeader, findRegisterHeader, isOwnedSheet, type HeaderMatch } from './headers.ts';
import type { Grid } from './types.ts';

/** The columns of one sheet, below its header row, whose percent or date format the engine reads. */
export interface FormatColumns {
  /** First row (0-based) below the header. */
  fromRow: number;
  columns: number[];
}

const pick = <C extends string>(header: HeaderMatch<C>, keys: C[]): FormatColumns | null => {
  const columns = keys.map((k) => header.columns[k]).filter((c): c is number => c !== undefined);
  return columns.length > 0 ? { fromRow: header.row + 1, columns } : null;
};

/**
 * Where scoring a sheet depends on cell formats: 目标值 and 实际完成 of a 考核表, 日期 of a 案件台账, 比例上限 of a
 * 等次标准. A host that pays for every format it loads (Office.js) loads these cells' formats only.
 */
export function formatColumns(name: string, grid: Grid): FormatColumns | null {
  if (isOwnedSheet(name)) return null;
  const kind = classifySheet(grid);
  if (kind.kind === 'assessment') return pick(kind.header, ['target', 'actual']);
  if (kind.kind !== 'other') return null;
  const register = findRegisterHeader(grid);
  if (register) return pick(register, ['date']);
  const grades = findGradeHeader(grid);
  return grades ? pick(grades, ['quota']) : null;
}
