import {
  ACTUAL_OWNER, ASSESSOR_COLUMNS, OUTPUT_COLUMNS, cellText, findAssessmentHeader, isBlank, readAssessmentLayout, readRuleWord,
  type AssessmentColumn, type AssessmentLayout, type CellValue, type Grid, type HeaderMatch, type SheetInput,
} from '../engine/index.ts';

/** A cell of a 考核表, 0-based. */
export interface CellAt {
  row: number;
  col: number;
}

export type EntryColumn = 'actual' | 'selfScore' | 'evidence';

export interface EntryCell extends CellAt {
  column: EntryColumn;
}

/** What 分发 and 汇集 know of one unit's 考核表. */
export interface UnitSheetModel {
  unit: string;
  header: HeaderMatch<AssessmentColumn>;
  layout: AssessmentLayout;
  /** The unit's entries: 实际完成 of the rows the unit reports, 自评分 on each 项目's first row, 佐证材料. */
  entries: EntryCell[];
  /** The assessor's cells: 得分, 说明, 项目得分, 考核意见 below the header, and 实际完成 of 评分, 扣分 and 一票否决 rows. */
  assessorCells: CellAt[];
}

/** Columns the scorer writes and the assessor types: empty in every issued file. */
export const ASSESSOR_ONLY: readonly AssessmentColumn[] = [...OUTPUT_COLUMNS, ...ASSESSOR_COLUMNS];

const key = (row: number, col: number) => `${row}:${col}`;

export function readUnitSheet(sheet: SheetInput): UnitSheetModel | null {
  const header = findAssessmentHeader(sheet.grid);
  if (!header) return null;
  const layout = readAssessmentLayout(sheet.name, sheet.grid, header, sheet.formats);
  const cols = header.columns;
  const entries: EntryCell[] = [];
  const assessorActual: CellAt[] = [];
  for (const block of layout.items) {
    block.rows.forEach((r) => {
      const rule = readRuleWord(r.rule);
      // An unreadable rule word is the unit's to report against until the assessor fixes it.
      const owner = rule === null ? 'unit' : ACTUAL_OWNER[rule];
      if (owner === 'unit') entries.push({ row: r.row, col: cols.actual!, column: 'actual' });
      else if (owner === 'assessor') assessorActual.push({ row: r.row, col: cols.actual! });
      if (r.row === block.firstRow && cols.selfScore !== undefined) entries.push({ row: r.row, col: cols.selfScore, column: 'selfScore' });
      if (cols.evidence !== undefined) entries.push({ row: r.row, col: cols.evidence, column: 'evidence' });
    });
    if (cols.selfScore !== undefined && !block.rows.some((r) => r.row === block.firstRow)) {
      entries.push({ row: block.firstRow, col: cols.selfScore, column: 'selfScore' });
    }
  }
  const assessorCells: CellAt[] = [...assessorActual];
  const assessorCols = ASSESSOR_ONLY.map((k) => cols[k]).filter((c): c is number => c !== undefined);
  const lastRow = Math.max(sheet.grid.length - 1, ...layout.items.flatMap((b) => b.rows.map((r) => r.row)));
  for (let r = header.row + 1; r <= lastRow; r++) for (const c of assessorCols) assessorCells.push({ row: r, col: c });
  return { unit: sheet.name, header, layout, entries, assessorCells };
}

export const cellAt = (grid: Grid, row: number, col: number): CellValue => grid[row]?.[col] ?? null;

/** How a cell compares: its text, trimmed; a number typed as text is the same number. */
export const comparable = (v: CellValue): string => (isBlank(v) ? '' : cellText(typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v).trim());

/** The cells an issued file carries as they were issued: every cell but the unit's entries, assessor cells blank. */
export function issuedView(grid: Grid, model: UnitSheetModel): Grid {
  const skip = new Set(model.entries.map((e) => key(e.row, e.col)));
  for (const c of model.assessorCells) skip.add(key(c.row, c.col));
  return grid.map((row, r) => (row ? row.map((v, c) => (skip.has(key(r, c)) ? null : v)) : row));
}

/** A digest of every issued cell with its address: equal digests mean the issued part is unchanged. */
export function issuedCanonical(view: Grid): string {
  const parts: string[] = [];
  view.forEach((row, r) => row?.forEach((v, c) => {
    const t = comparable(v);
    if (t !== '') parts.push(`${r},${c}=${t}`);
  }));
  return parts.join('\n');
}
