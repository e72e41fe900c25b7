import { foldHeader, foldText } from './text.ts';
import type { Grid } from './types.ts';

export type AssessmentColumn =
  | 'category' | 'item' | 'points' | 'content' | 'rule' | 'target' | 'measure'
  | 'weight' | 'rate' | 'actual' | 'score' | 'note' | 'subtotal';

export type RegisterColumn = 'unit' | 'level' | 'item' | 'date' | 'summary' | 'deduction';

/** Header words and their aliases, as SCORING.md section 1 lists them. */
export const ASSESSMENT_HEADERS: Record<AssessmentColumn, string[]> = {
  category: ['类别', '一级指标', 'category'],
  item: ['项目', '二级指标', 'item'],
  points: ['分值', '项目分值', 'points'],
  content: ['考核内容', '内容', '指标内容', 'content'],
  rule: ['计分方式', '计分方法', 'rule'],
  target: ['目标值', '目标', 'target'],
  measure: ['计量单位', '单位名称', 'measure'],
  weight: ['细项分值', '细项分', 'weight'],
  rate: ['扣分标准', 'deductionrate', 'rate'],
  actual: ['实际完成', '完成情况', '实际值', 'actual'],
  score: ['得分', 'score'],
  note: ['说明', '计分说明', 'note'],
  subtotal: ['项目得分', 'subtotal'],
};

export const REGISTER_HEADERS: Record<RegisterColumn, string[]> = {
  unit: ['单位', 'unit'],
  level: ['等级', '级别', 'level'],
  item: ['项目', 'item'],
  date: ['日期', 'date'],
  summary: ['简要案情', 'summary'],
  deduction: ['扣分', 'deduction'],
};

/** The header each output column gets when the scorer has to add it. */
export const OUTPUT_HEADERS = { score: '得分', note: '说明', subtotal: '项目得分', deduction: '扣分' } as const;

export interface HeaderMatch<C extends string> {
  row: number;
  columns: Partial<Record<C, number>>;
  /** First column right of every non-blank header cell: where missing output columns go. */
  nextFreeColumn: number;
}

const HEADER_SCAN_ROWS = 20;

function lookup<C extends string>(aliases: Record<C, string[]>): Map<string, C> {
  const m = new Map<string, C>();
  for (const [col, words] of Object.entries(aliases) as [C, string[]][]) {
    for (const w of words) m.set(foldHeader(w), col);
  }
  return m;
}

const assessmentLookup = lookup(ASSESSMENT_HEADERS);
const registerLookup = lookup(REGISTER_HEADERS);

function findHeader<C extends string>(grid: Grid, words: Map<string, C>, required: C[]): HeaderMatch<C> | null {
  const last = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = grid[r];
    if (!row) continue;
    const columns: Partial<Record<C, number>> = {};
    let nextFreeColumn = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      const text = foldHeader(String(v));
      if (text === '') continue;
      nextFreeColumn = c + 1;
      const col = words.get(text);
      if (col !== undefined && columns[col] === undefined) columns[col] = c;
    }
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

export const SUMMARY_SHEET = '汇总';
export const isSummarySheet = (name: string): boolean => foldText(name) === SUMMARY_SHEET;
