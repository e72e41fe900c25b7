import { foldText, type ScoreResult, type UnitResult } from '../engine/index.ts';
import type { LastYear } from './lastYear.ts';

/** 上年 figures of one unit, as last year's 汇总 published them. */
export interface LastYearEntry {
  total: number | null;
  rank: number | null;
}

export interface RankingRow {
  rank: number | null;
  unit: string;
  /** Parallel to Ranking.categories. */
  subtotals: (number | null)[];
  total: number | null;
  grade: string | null;
  /** Present only with a comparison: null when the unit was not in last year's 汇总. */
  lastYear?: LastYearEntry | null;
  /** ↑2, ↓1, 持平, 新增, or — where either year has no rank. */
  change?: string;
}

/** A unit whose figures are not final: it has errors, or it cannot be scored. */
export interface PendingUnit {
  unit: string;
  status: string;
}

export interface Ranking {
  title: string;
  /** yyyy年m月d日 */
  date: string;
  categories: string[];
  /** Parallel to categories; null where the units' 满分 differ. */
  fullMarks: (number | null)[];
  fullTotal: number | null;
  graded: boolean;
  compared: boolean;
  rows: RankingRow[];
  pending: PendingUnit[];
  /** Units of last year's 汇总 that are not assessed this year. */
  gone: string[];
}

export const unitKey = (name: string): string => foldText(name);

/** Every 类别 in first-seen order over the units (the order of 汇总's subtotal columns). */
export function categoriesOf(units: readonly UnitResult[]): string[] {
  const seen: string[] = [];
  for (const u of units) for (const it of u.items) if (!seen.includes(it.category)) seen.push(it.category);
  return seen;
}

/** Σ 分值 of the non-bonus 项目 of one 类别; null when the 类别 holds only bonus 项目. */
export function categoryFullMarks(u: UnitResult, category: string): number | null {
  const items = u.items.filter((it) => it.category === category);
  if (items.length === 0 || items.every((it) => it.bonus)) return null;
  return items.filter((it) => !it.bonus).reduce((s, it) => s + Math.round(it.points * 100), 0) / 100;
}

/** The one value every scored unit agrees on, or null. */
function agreed(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length !== values.length) return null;
  return known.every((v) => v === known[0]) ? known[0] : null;
}

/** ↑2 (rose two places), ↓1, 持平, 新增 (not in last year's 汇总); — where a year has no rank. */
export function rankChange(rank: number | null, last: LastYearEntry | null): string {
  if (last === null) return '新增';
  if (rank === null || last.rank === null) return '—';
  const d = last.rank - rank;
  return d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : '持平';
}

export interface RankingOptions {
  title: string;
  date: string;
  lastYear?: LastYear | null;
}

/**
 * 公示: one row per unit in rank order (equal ranks keep the sheet order; units that cannot be scored come last,
 * without rank), each 类别 subtotal, 总分, 等次 where the workbook grades, and with last year's 汇总 its
 * total, rank and the change of rank.
 */
export function buildRanking(result: ScoreResult, options: RankingOptions): Ranking {
  const categories = categoriesOf(result.units);
  const order = result.units.map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map(({ u }) => u);
  const scored = result.units.filter((u) => !u.unscorable);
  const last = options.lastYear ?? null;
  const rows: RankingRow[] = order.map((u) => {
    const row: RankingRow = {
      rank: u.rank,
      unit: u.unit,
      subtotals: categories.map((c) => (u.unscorable ? null : u.subtotals[c] ?? (u.items.some((it) => it.category === c) ? 0 : null))),
      total: u.total,
      grade: u.grade,
    };
    if (last) {
      const entry = last.units.get(unitKey(u.unit)) ?? null;
      row.lastYear = entry;
      row.change = rankChange(u.rank, entry);
    }
    return row;
  });
  const thisYear = new Set(result.units.map((u) => unitKey(u.unit)));
  return {
    title: options.title,
    date: options.date,
    categories,
    fullMarks: categories.map((c) => agreed(scored.map((u) => categoryFullMarks(u, c)))),
    fullTotal: agreed(scored.map((u) => u.fullMarks)),
    graded: result.grades !== null,
    compared: last !== null,
    rows,
    pending: result.units.filter((u) => u.unscorable || u.errors > 0).map((u) => ({ unit: u.unit, status: u.status })),
    gone: last ? last.order.filter((name) => !thisYear.has(unitKey(name))) : [],
  };
}
