import type { Issue, ScoreResult } from '../engine/index.ts';
import { formatTable } from './table.ts';

export const issueLine = (i: Issue): string => `${i.sheet}${i.cell ? '!' + i.cell : ''}: ${i.message}`;

/** The ranking table and every issue, as the assessor reads them in a terminal. */
export function textReport(result: ScoreResult): string {
  const graded = result.grades !== null;
  const ranked = [...result.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const out = [
    formatTable(
      ['排名', '单位', '总分', ...(graded ? ['等次'] : []), '状态'],
      ranked.map((u) => [
        u.rank === null ? '—' : String(u.rank), u.unit, u.total === null ? '—' : u.total.toFixed(2),
        ...(graded ? [u.grade ?? ''] : []), u.status,
      ]),
      [true, false, true, ...(graded ? [false] : []), false],
    ),
  ];
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  if (errors.length) out.push('', `错误 (${errors.length}) / errors:`, ...errors.map(issueLine));
  if (warnings.length) out.push('', `提醒 (${warnings.length}) / warnings:`, ...warnings.map(issueLine));
  return out.join('\n');
}

/** What `score --json` prints: every number has at most two decimals, and every issue its code and parameters. */
export function jsonReport(result: ScoreResult) {
  return {
    units: result.units.map(({ unit, total, rank, grade, status, vetoed, unscorable, errors, missing, selfTotal, cut, subtotals }) => ({
      unit, total, rank, ...(result.grades ? { grade } : {}), status, vetoed, unscorable, errors, missing,
      ...(result.selfScores ? { selfTotal, cut } : {}), subtotals,
    })),
    issues: result.issues.map(({ sheet, cell, severity, code, params, message }) => ({ sheet, cell, severity, code, params, message })),
    summarySheet: result.summarySheet,
  };
}
