import type { CaseResult, Issue, ScoreResult, UnitResult } from '../engine/index.ts';

export interface FeedbackItem {
  category: string;
  item: string;
  points: number;
  selfScore: number | null;
  score: number;
  /** 自评分 − 得分, where the unit gave a 自评分. */
  cut: number | null;
  bonus: boolean;
}

export interface LostRow {
  item: string;
  cell: string;
  content: string;
  weight: number | null;
  score: number;
  lost: number;
  note: string;
  remark: string;
}

export interface Feedback {
  unit: string;
  title: string;
  date: string;
  total: number | null;
  fullMarks: number;
  rank: number | null;
  /** Units with a rank. */
  ranked: number;
  grade: string | null;
  graded: boolean;
  status: string;
  selfTotal: number | null;
  cut: number | null;
  items: FeedbackItem[];
  lost: LostRow[];
  cases: CaseResult[];
  /** The unit's errors still open. */
  errors: Issue[];
}

const hundredths = (n: number) => Math.round(n * 100);

/**
 * 反馈 of one unit: its total, rank and 等次; every 项目 with 分值, 自评分, 得分 and 核减; every row that lost
 * points (or could not be scored, or was not reported) with 考核内容, 得分, 说明 and 考核意见; its cases; its errors.
 */
export function buildFeedback(result: ScoreResult, unit: UnitResult, title: string, date: string): Feedback {
  const lost = result.rows
    .filter((r) => r.sheet === unit.unit && (r.lost > 0 || r.status !== 'scored'))
    .map((r) => ({ item: r.item, cell: r.cell, content: r.content, weight: r.weight, score: r.score, lost: r.lost, note: r.note, remark: r.remark }));
  return {
    unit: unit.unit,
    title,
    date,
    total: unit.total,
    fullMarks: unit.fullMarks,
    rank: unit.rank,
    ranked: result.units.filter((u) => u.rank !== null).length,
    grade: unit.grade,
    graded: result.grades !== null,
    status: unit.status,
    selfTotal: unit.selfTotal,
    cut: unit.cut,
    items: unit.items.map((it) => ({
      category: it.category, item: it.item, points: it.points, selfScore: it.selfScore, score: it.score, bonus: it.bonus,
      cut: it.selfScore === null ? null : (hundredths(it.selfScore) - hundredths(it.score)) / 100,
    })),
    lost,
    cases: result.cases.filter((c) => c.unit === unit.unit),
    errors: result.issues.filter((i) => i.severity === 'error' && (i.sheet === unit.unit || i.params.unit === unit.unit)),
  };
}
