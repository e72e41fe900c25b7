import { createElement as h } from 'react';
import {
  Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { PENDING_GRADE, statusText, type UnitResult } from '../engine/index.ts';
import { formatScore, type UiStrings } from './strings.ts';

export type UnitRow = Pick<UnitResult, 'unit' | 'total' | 'rank' | 'errors' | 'missing'> &
  Partial<Pick<UnitResult, 'status' | 'grade' | 'vetoed' | 'unscorable' | 'selfTotal' | 'cut'>>;

const useStyles = makeStyles({
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  totalCol: { width: '68px' },
  rankCol: { width: '44px' },
  gradeCol: { width: '56px' },
  unit: { wordBreak: 'break-all' },
  // Breaks at the comma or a space, never inside a figure.
  self: { display: 'block', wordBreak: 'keep-all', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  // Long statuses (有错误（2处），未填报3项) wrap inside the badge instead of spilling out of a narrow pane.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', paddingTop: '1px', paddingBottom: '1px' },
});

// Fluent's prop types leave out data-* attributes, which React passes through.
const data = (name: string, value: string) => ({ [`data-${name}`]: value }) as object;

export function statusColor(u: Pick<UnitRow, 'errors' | 'missing' | 'vetoed' | 'unscorable'>): 'danger' | 'warning' | 'success' {
  return u.errors > 0 || u.unscorable || u.vetoed ? 'danger' : u.missing > 0 ? 'warning' : 'success';
}

/** 状态 in the UI's language, from the unit's counts (the engine's table), not from the Chinese text 汇总 holds. */
export const unitStatus = (u: UnitRow, s: UiStrings): string =>
  statusText({ unscorable: u.unscorable ?? false, vetoed: u.vetoed ?? false, errors: u.errors, missing: u.missing }, s.lang);

/** 等次 as 等次标准 names it; 待定 (the engine's word for "not given yet") in the UI's language. */
export const gradeText = (grade: string | null | undefined, s: UiStrings): string =>
  grade === PENDING_GRADE ? s.pendingGrade : grade ?? '—';

/**
 * 单位 | 总分 | 排名 | 等次 | 状态, one row per unit in sheet order. 等次 only when the workbook has a 等次标准;
 * 自评总分 and 核减 under the unit's name when it scored itself.
 */
export function ResultsTable(props: { units: UnitRow[]; strings: UiStrings; grades?: boolean }) {
  const { units, strings: s } = props;
  const grades = props.grades ?? units.some((u) => u.grade != null);
  const styles = useStyles();
  return h('div', { 'data-testid': 'results-table' }, h(Table, { size: 'small', 'aria-label': s.results },
    h(TableHeader, null,
      h(TableRow, null,
        h(TableHeaderCell, null, s.unit),
        h(TableHeaderCell, { className: mergeClasses(styles.number, styles.totalCol) }, s.total),
        h(TableHeaderCell, { className: mergeClasses(styles.number, styles.rankCol) }, s.rank),
        grades ? h(TableHeaderCell, { className: styles.gradeCol }, s.grade) : null,
        h(TableHeaderCell, null, s.status))),
    h(TableBody, null, units.map((u) =>
      h(TableRow, { key: u.unit, ...data('unit', u.unit) },
        h(TableCell, { className: styles.unit },
          u.unit,
          u.selfTotal != null
            ? h('span', { className: styles.self, 'data-testid': 'self-total' }, s.selfLine(formatScore(u.selfTotal), formatScore(u.cut ?? null)))
            : null),
        h(TableCell, { className: styles.number }, formatScore(u.total)),
        h(TableCell, { className: styles.number }, u.rank === null ? '—' : String(u.rank)),
        grades ? h(TableCell, data('testid', 'grade'), gradeText(u.grade, s)) : null,
        h(TableCell, null,
          h(Badge, { className: styles.badge, appearance: 'tint', color: statusColor(u), shape: 'rounded', ...data('testid', 'status') },
            unitStatus(u, s))))))));
}
