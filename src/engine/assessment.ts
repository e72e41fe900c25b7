import { a1 } from './address.ts';
import type { AssessmentColumn, HeaderMatch } from './headers.ts';
import { cellText, foldText, isBlank } from './text.ts';
import type { CellValue, Grid, Issue } from './types.ts';

/** One row of a 考核表 that carries a rule word. */
export interface IndicatorRow {
  row: number;
  rule: CellValue;
  content: string;
  target: CellValue;
  measure: string;
  weight: CellValue;
  rate: CellValue;
  actual: CellValue;
}

/** A 项目: the block of rows that shares one 分值. */
export interface ItemBlock {
  category: string;
  name: string;
  firstRow: number;
  /** The cell the 分值 was read from (the block's first row when it is missing). */
  pointsRow: number;
  points: CellValue;
  rows: IndicatorRow[];
}

export interface AssessmentLayout {
  header: HeaderMatch<AssessmentColumn>;
  items: ItemBlock[];
  warnings: Issue[];
}

export const UNCATEGORISED = '未分类';

const TEXT_COLUMNS: AssessmentColumn[] = ['content', 'target', 'measure', 'weight', 'rate', 'actual'];

/** "职能指标（70分）" → "职能指标": a group total written into the 类别 cell is not part of its name. */
export function categoryName(text: string): string {
  const t = text.replace(/[\s\u3000]+/g, '');
  const stripped = t.replace(/[（(][^（()）]*分[)）]$/, '');
  return stripped === '' ? t : stripped;
}

interface OpenBlock extends ItemBlock {
  named: boolean;
}

/**
 * Splits a 考核表 into 项目 blocks. A blank 类别 or 项目 continues the one above (merged cells hold their
 * value only in the top-left cell). A group with no 项目 names of its own is one 项目, or one per row that
 * carries its own 分值 (重点工作 in the seed).
 */
export function readAssessmentLayout(sheet: string, grid: Grid, header: HeaderMatch<AssessmentColumn>): AssessmentLayout {
  const col = header.columns;
  const at = (row: CellValue[] | undefined, k: AssessmentColumn): CellValue => {
    const c = col[k];
    if (c === undefined || !row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  };
  const warnings: Issue[] = [];
  const blocks: OpenBlock[] = [];
  let category = '';
  let current: OpenBlock | null = null;

  const open = (name: string | null, row: number, points: CellValue): OpenBlock => {
    const b: OpenBlock = {
      category: category || UNCATEGORISED,
      name: name ?? '',
      named: name !== null,
      firstRow: row,
      pointsRow: row,
      points,
      rows: [],
    };
    blocks.push(b);
    return b;
  };

  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const cat = at(row, 'category');
    const item = at(row, 'item');
    const points = at(row, 'points');
    const rule = at(row, 'rule');
    const hasText = !isBlank(cat) || !isBlank(item) || !isBlank(points) || TEXT_COLUMNS.some((k) => !isBlank(at(row, k)));
    if (isBlank(rule) && !hasText) continue; // spacer

    let categoryChanged = false;
    if (!isBlank(cat)) {
      const name = categoryName(cellText(cat));
      if (name !== category) {
        category = name;
        categoryChanged = true;
      }
    }
    if (!isBlank(item)) {
      const name = cellText(item).trim();
      if (categoryChanged || !current || !current.named || foldText(current.name) !== foldText(name)) {
        current = open(name, r, points);
      }
    } else if (categoryChanged || !current) {
      current = open(null, r, points);
    } else if (!current.named && !isBlank(points) && !isBlank(current.points)) {
      current = open(null, r, points);
    }
    if (!isBlank(points)) {
      if (isBlank(current.points)) {
        current.points = points;
        current.pointsRow = r;
      } else if (foldText(cellText(points)) !== foldText(cellText(current.points))) {
        const c = col.points!;
        warnings.push({
          sheet,
          cell: a1(r, c),
          severity: 'warning',
          message: `分值“${cellText(points)}”与本项目首行的分值“${cellText(current.points)}”不一致，按首行计`,
        });
      }
    }
    if (isBlank(rule)) continue; // heading: text without a rule word is not scored
    current.rows.push({
      row: r,
      rule,
      content: cellText(at(row, 'content')).trim(),
      target: at(row, 'target'),
      measure: cellText(at(row, 'measure')).trim(),
      weight: at(row, 'weight'),
      rate: at(row, 'rate'),
      actual: at(row, 'actual'),
    });
  }

  const scored = blocks.filter((b) => b.rows.length > 0);
  const unnamedPerCategory = new Map<string, OpenBlock[]>();
  for (const b of scored) {
    if (b.named) continue;
    const list = unnamedPerCategory.get(b.category) ?? [];
    list.push(b);
    unnamedPerCategory.set(b.category, list);
  }
  for (const [cat, list] of unnamedPerCategory) {
    list.forEach((b, i) => (b.name = list.length === 1 ? cat : `${cat}${i + 1}`));
  }
  return { header, items: scored.map(({ named: _named, ...b }) => b), warnings };
}
