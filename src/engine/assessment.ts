import type { HeaderMatch } from './headers.ts';
import { makeIssue } from './messages.ts';
import { a1 } from './address.ts';
import { cellText, foldText, isBlank } from './text.ts';
import type { CellFormat, CellValue, FormatGrid, Grid, Issue } from './types.ts';
import type { AssessmentColumn } from './vocabulary.ts';

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
  /** Percent and date formats of the 目标值 and 实际完成 cells, where the host tells them. */
  targetFormat: CellFormat | null;
  actualFormat: CellFormat | null;
  evidence: CellValue;
  /** The assessor's 考核意见, quoted at the end of the row's 说明. */
  remark: string;
}

/** A 项目: the block of rows that shares one 分值. */
export interface ItemBlock {
  category: string;
  name: string;
  firstRow: number;
  /** The cell the 分值 was read from (the block's first row when it is missing). */
  pointsRow: number;
  points: CellValue;
  /** The unit's 自评分 for the 项目, from the block's first row. */
  selfScore: CellValue;
  /** Rows of the block other than the first that hold a 自评分 (they are not counted). */
  straySelfScoreRows: number[];
  rows: IndicatorRow[];
}

export interface AssessmentLayout {
  header: HeaderMatch<AssessmentColumn>;
  items: ItemBlock[];
  warnings: Issue[];
}

export const UNCATEGORISED = '未分类';

const TEXT_COLUMNS: AssessmentColumn[] = ['content', 'target', 'measure', 'weight', 'rate', 'actual', 'selfScore', 'evidence', 'remark'];

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
export function readAssessmentLayout(
  sheet: string, grid: Grid, header: HeaderMatch<AssessmentColumn>, formats?: FormatGrid,
): AssessmentLayout {
  const col = header.columns;
  const at = (row: CellValue[] | undefined, k: AssessmentColumn): CellValue => {
    const c = col[k];
    if (c === undefined || !row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  };
  const formatAt = (r: number, k: AssessmentColumn): CellFormat | null => {
    const c = col[k];
    return c === undefined ? null : formats?.[r]?.[c] ?? null;
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
      selfScore: at(grid[row], 'selfScore'),
      straySelfScoreRows: [],
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
        warnings.push(makeIssue(sheet, a1(r, c), 'warning', 'points-conflict', {
          value: cellText(points), first: cellText(current.points),
        }));
      }
    }
    if (r !== current.firstRow && !isBlank(at(row, 'selfScore'))) current.straySelfScoreRows.push(r);
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
      targetFormat: formatAt(r, 'target'),
      actualFormat: formatAt(r, 'actual'),
      evidence: at(row, 'evidence'),
      remark: cellText(at(row, 'remark')).trim(),
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
