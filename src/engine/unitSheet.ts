import { a1 } from './address.ts';
import { readAssessmentLayout, type IndicatorRow, type ItemBlock } from './assessment.ts';
import { formatHundredths, fromNumber, rational, toHundredths } from './decimal.ts';
import type { HeaderMatch } from './headers.ts';
import { makeIssue, type IssueCode } from './messages.ts';
import type { Case } from './register.ts';
import { caseRatesFor, readRuleWord, scoreRow, type CaseTally, type RowOutcome } from './rules.ts';
import { itemScore } from './subtotals.ts';
import { cellText, foldText, isBlank } from './text.ts';
import type { CellWrite, Grid, Issue, IssueParams, SheetInput } from './types.ts';
import { readNumber } from './values.ts';
import { isDeductionRule, type AssessmentColumn, type RuleWord } from './vocabulary.ts';

export interface RowResult {
  sheet: string;
  cell: string; // the row's 得分 cell
  row: number;
  category: string;
  item: string;
  rule: RuleWord | null;
  status: 'scored' | 'missing' | 'error';
  score: number;
  note: string;
  /** The row's 考核内容, for feedback to the unit. */
  content: string;
  /** The row's 细项分值 (for a deduction row, its cap), or null where it is blank or unreadable. */
  weight: number | null;
  /** Points the row did not earn: weight − score on a positive row, the deduction on a deduction row. */
  lost: number;
  remark: string;
}

/** A 项目 as the engine keeps it: every figure in hundredths. */
export interface ItemTotals {
  category: string;
  item: string;
  points: number;
  score: number;
  selfScore: number | null;
  bonus: boolean;
}

export interface UnitTally {
  unit: string;
  items: ItemTotals[];
  missing: number;
  vetoed: boolean;
  /** 项目 whose 自评分 is blank, and whether the unit typed any. */
  selfScoresMissing: number;
  selfScoresTyped: number;
}

/** What scoring one sheet needs from the rest of the workbook. */
export interface SheetContext {
  cases: Case[] | null;
  /** Register row → nominal deduction in hundredths, from the first 按件扣分 row that takes the case. */
  caseDeductions: Map<number, number>;
  caseUses: Map<number, number>;
  addIssue(unit: string | null, issue: Issue): void;
}

export const at = (grid: Grid, row: number, col: number) => grid[row]?.[col] ?? null;

/** Writes only what differs from a blank cell, so clearing a blank cell is no write at all. */
export function clearIfSet(writes: CellWrite[], sheet: string, grid: Grid, row: number, col: number): void {
  if (!isBlank(at(grid, row, col))) writes.push({ sheet, row, col, value: null });
}

function lastUsedColumn(grid: Grid): number {
  let last = -1;
  for (const row of grid) {
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) if (!isBlank(row[c])) { last = c; break; }
  }
  return last;
}

/** Output columns the sheet lacks are added right of everything it holds, header included. */
export function outputColumns<K extends string>(
  sheet: string, grid: Grid, headerRow: number, found: Partial<Record<K, number>>, wanted: [K, string][], writes: CellWrite[],
): Record<K, number> {
  let next = lastUsedColumn(grid) + 1;
  const cols = { ...found } as Record<K, number>;
  for (const [k, title] of wanted) {
    if (cols[k] !== undefined) continue;
    cols[k] = next++;
    writes.push({ sheet, row: headerRow, col: cols[k], value: title });
  }
  return cols;
}

type Points = { ok: true; hundredths: number } | { ok: false; code: IssueCode; params: IssueParams };

function readPoints(block: ItemBlock): Points {
  const item = block.name;
  if (isBlank(block.points)) return { ok: false, code: 'points-missing', params: { item } };
  const value = cellText(block.points);
  const p = readNumber(block.points, '分');
  if (!p.ok) return { ok: false, code: 'points-unreadable', params: { item, value, reason: p.reason } };
  if (p.percent) return { ok: false, code: 'points-unreadable', params: { item, value, reason: 'percent' } };
  if (rational.cmp(p.value, rational.zero) <= 0) return { ok: false, code: 'points-unreadable', params: { item, value, reason: 'not-positive' } };
  return { ok: true, hundredths: toHundredths(p.value) };
}

/** The register's cases that fall on one 按件扣分 row: its unit's, and of its 项目 where the register names one. */
function takeCases(row: IndicatorRow, block: ItemBlock, cases: Case[], ctx: SheetContext): CaseTally {
  const rates = caseRatesFor(row);
  const tally: CaseTally = { serious: 0, major: 0 };
  const item = foldText(block.name);
  for (const c of cases) {
    if (c.item !== null && c.item !== item) continue;
    tally[c.level]++;
    ctx.caseUses.set(c.row, (ctx.caseUses.get(c.row) ?? 0) + 1);
    if (rates && !ctx.caseDeductions.has(c.row)) {
      ctx.caseDeductions.set(c.row, toHundredths(c.level === 'serious' ? rates.serious : rates.major));
    }
  }
  return tally;
}

const withRemark = (note: string, remark: string) => (remark ? `${note}；考核意见：${remark}` : note);

/** Scores one 考核表: every row's 得分 and 说明, every 项目's 项目得分, and what 汇总 needs of the unit. */
export function scoreUnitSheet(
  sheet: SheetInput, header: HeaderMatch<AssessmentColumn>, ctx: SheetContext, rows: RowResult[], writes: CellWrite[],
): UnitTally {
  const unit = sheet.name;
  const grid = sheet.grid;
  const layout = readAssessmentLayout(unit, grid, header, sheet.formats);
  for (const w of layout.warnings) ctx.addIssue(unit, w);
  const cols = outputColumns(unit, grid, header.row, header.columns, [
    ['score', '得分'], ['note', '说明'], ['subtotal', '项目得分'],
  ], writes);
  const cellOf = (row: number, k: AssessmentColumn) => a1(row, header.columns[k] ?? header.columns.rule!);
  const evidenceColumn = header.columns.evidence !== undefined;
  const tally: UnitTally = { unit, items: [], missing: 0, vetoed: false, selfScoresMissing: 0, selfScoresTyped: 0 };

  for (const block of layout.items) {
    const rules = block.rows.map((r) => readRuleWord(r.rule));
    const vetoOnly = rules.every((r) => r === '一票否决');
    const points: Points = vetoOnly ? { ok: true, hundredths: 0 } : readPoints(block);
    if (!points.ok) ctx.addIssue(unit, makeIssue(unit, cellOf(block.pointsRow, 'points'), 'error', points.code, points.params));
    const cap = points.ok ? fromNumber(points.hundredths / 100) : null;
    let positive = 0;
    let deductions = 0;
    let hasPositiveRow = false;
    let bonus = false;
    let regularRow = false;
    let weights = 0;
    let weightsKnown = true;

    block.rows.forEach((row, i) => {
      const rule = rules[i];
      const cases = rule === '按件扣分' && ctx.cases ? takeCases(row, block, ctx.cases, ctx) : null;
      const outcome: RowOutcome = rule
        ? scoreRow(rule, row, { cases, itemPoints: cap, evidenceColumn })
        : { kind: 'error', column: 'rule', code: 'rule-unknown', params: { value: cellText(row.rule) } };
      let score = 0;
      let note: string;
      if (outcome.kind === 'scored') {
        score = outcome.hundredths;
        note = outcome.note;
        if (outcome.veto) tally.vetoed = true;
        if (outcome.warning) {
          const w = outcome.warning;
          ctx.addIssue(unit, makeIssue(unit, cellOf(row.row, w.column), 'warning', w.code, w.params));
        }
      } else if (outcome.kind === 'missing') {
        tally.missing++;
        note = outcome.note;
      } else {
        const cell = cellOf(row.row, outcome.column);
        const issue = makeIssue(unit, cell, 'error', outcome.code, outcome.params);
        ctx.addIssue(unit, issue);
        note = `错误（${cell}）：${issue.message}`;
      }
      note = withRemark(note, row.remark);
      if (rule === '一票否决' || rule === null) {
        // 0 points either way: neither a positive row nor a deduction.
      } else if (!isDeductionRule(rule)) {
        hasPositiveRow = true;
        positive += score;
        if (rule === '加分') bonus = true;
        else {
          regularRow = true;
          const w = readNumber(row.weight, '分');
          if (w.ok && !w.percent) weights += toHundredths(w.value);
          else weightsKnown = false;
        }
      } else {
        deductions -= score;
      }
      const weight = readNumber(row.weight, '分');
      const weightH = weight.ok && !weight.percent ? toHundredths(weight.value) : null;
      const lost = rule === null || rule === '一票否决' ? 0 : isDeductionRule(rule) ? Math.abs(score) : weightH === null ? 0 : Math.max(0, weightH - score);
      rows.push({
        sheet: unit, cell: a1(row.row, cols.score), row: row.row, category: block.category, item: block.name,
        rule, status: outcome.kind, score: score / 100, note, content: row.content,
        weight: weightH === null ? null : weightH / 100, lost: lost / 100, remark: row.remark,
      });
      writes.push({ sheet: unit, row: row.row, col: cols.score, value: score / 100, numberFormat: '0.00' });
      writes.push({ sheet: unit, row: row.row, col: cols.note, value: note });
      if (row.row !== block.firstRow) clearIfSet(writes, unit, grid, row.row, cols.subtotal);
    });

    if (vetoOnly) {
      clearIfSet(writes, unit, grid, block.firstRow, cols.subtotal);
      continue;
    }
    const pointsH = points.ok ? points.hundredths : 0;
    const score = points.ok ? itemScore(pointsH, { positive, deductions, hasPositiveRow }) : 0;
    // Bonus rows cap each claim; their weights are not shares of the 分值.
    if (points.ok && regularRow && weightsKnown && weights !== pointsH) {
      ctx.addIssue(unit, makeIssue(unit, cellOf(block.pointsRow, 'points'), 'warning', 'weight-mismatch', {
        item: block.name, weights: formatHundredths(weights), points: formatHundredths(pointsH),
        difference: formatHundredths(Math.abs(pointsH - weights)),
      }));
    }
    writes.push({ sheet: unit, row: block.firstRow, col: cols.subtotal, value: score / 100, numberFormat: '0.00' });
    tally.items.push({
      category: block.category, item: block.name, points: pointsH, score, bonus,
      selfScore: readSelfScore(unit, block, header, pointsH, points.ok, tally, ctx),
    });
  }
  return tally;
}

/** The unit's 自评分 of one 项目, checked against 0..分值; it changes no score. */
function readSelfScore(
  unit: string, block: ItemBlock, header: HeaderMatch<AssessmentColumn>, points: number, pointsKnown: boolean,
  tally: UnitTally, ctx: SheetContext,
): number | null {
  const col = header.columns.selfScore;
  if (col === undefined) return null;
  for (const r of block.straySelfScoreRows) {
    ctx.addIssue(unit, makeIssue(unit, a1(r, col), 'warning', 'self-score-not-first-row', { item: block.name, first: a1(block.firstRow, col) }));
  }
  const v = block.selfScore;
  if (isBlank(v)) {
    tally.selfScoresMissing++;
    return null;
  }
  tally.selfScoresTyped++;
  const cell = a1(block.firstRow, col);
  const value = cellText(v);
  const n = readNumber(v, '分');
  if (!n.ok || n.percent) {
    ctx.addIssue(unit, makeIssue(unit, cell, 'error', 'self-score-unreadable', { value, reason: n.ok ? 'percent' : n.reason }));
    return null;
  }
  const h = toHundredths(n.value);
  if (rational.isNegative(n.value) || (pointsKnown && h > points)) {
    ctx.addIssue(unit, makeIssue(unit, cell, 'error', 'self-score-out-of-range', { item: block.name, value, max: formatHundredths(points) }));
    return null;
  }
  return h;
}
