import type { Comparator, ImportedWorkbook, IndicatorRow, Rule } from './model';

/** One scoring row as the review list shows it: what was read, how sure the reader is, and why to check it. */
export interface ReviewItem {
  unit: string;
  category: string;
  /** 项目 */
  item: string;
  /** a short name, e.g. 西部计划志愿者 */
  label: string;
  /** 考核内容 as written to the sheet */
  content: string;
  rule: Rule;
  target: number | '是' | null;
  comparator: Comparator;
  measure: string;
  /** the target as people read it: ≥19名, ≤2起, 是; '' where the row has none */
  targetText: string;
  weight: number;
  rate: string | null;
  confidence: number;
  flagged: boolean;
  /** why a person should look at the row (Chinese) */
  notes: string[];
  /** the shared table (保障指标) the row comes from, or null for the unit's own items */
  sharedTable: string | null;
  /** the shared table the row points to but the import did not find, or null */
  missingTable: string | null;
}

const SIGN: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' };

export function targetText(row: Pick<IndicatorRow, 'target' | 'comparator' | 'measure'>): string {
  if (row.target === null) return '';
  if (row.target === '是') return '是';
  return `${SIGN[row.comparator]}${row.target}${row.measure}`;
}

/** Every row of every unit, in sheet order. */
export function reviewOf(workbook: ImportedWorkbook): ReviewItem[] {
  return workbook.units.flatMap((u) =>
    u.rows.map((r) => ({
      unit: u.unit,
      category: r.category,
      item: r.item,
      label: r.label ?? r.content,
      content: r.content,
      rule: r.rule,
      target: r.target,
      comparator: r.comparator,
      measure: r.measure,
      targetText: targetText(r),
      weight: r.weight,
      rate: r.rate,
      confidence: r.confidence,
      flagged: r.flagged,
      notes: r.notes ?? [],
      sharedTable: r.sharedTable ?? null,
      missingTable: r.missingTable ?? null,
    })),
  );
}
