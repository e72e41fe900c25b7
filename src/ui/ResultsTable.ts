import { createElement as h } from 'react';
import {
  Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses,
} from '@fluentui/react-components';
import type { UnitResult } from '../engine/index.ts';
import { formatScore, type UiStrings } from './strings.ts';

export type UnitRow = Pick<UnitResult, 'unit' | 'total' | 'rank' | 'status' | 'errors' | 'missing'>;

const useStyles = makeStyles({
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  totalCol: { width: '68px' },
  rankCol: { width: '44px' },
  unit: { wordBreak: 'break-all' },
  // Long statuses (有错误（2处），未填报3项) wrap inside the badge instead of spilling out of a narrow pane.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', paddingTop: '1px', paddingBottom: '1px' },
});

export function statusColor(u: Pick<UnitRow, 'errors' | 'missing'>): 'danger' | 'warning' | 'success' {
  return u.errors > 0 ? 'danger' : u.missing > 0 ? 'warning' : 'success';
}

/** 单位 | 总分 | 排名 | 状态, one row per unit in sheet order. */
export function ResultsTable(props: { units: UnitRow[]; strings: UiStrings }) {
  const { units, strings: s } = props;
  const styles = useStyles();
  return h('div', { 'data-testid': 'results-table' }, h(Table, { size: 'small', 'aria-label': s.results },
    h(TableHeader, null,
      h(TableRow, null,
        h(TableHeaderCell, null, s.unit),
        h(TableHeaderCell, { className: mergeClasses(styles.number, styles.totalCol) }, s.total),
        h(TableHeaderCell, { className: mergeClasses(styles.number, styles.rankCol) }, s.rank),
        h(TableHeaderCell, null, s.status))),
    h(TableBody, null, units.map((u) =>
      h(TableRow, { key: u.unit },
        h(TableCell, { className: styles.unit }, u.unit),
        h(TableCell, { className: styles.number }, formatScore(u.total)),
        h(TableCell, { className: styles.number }, u.rank === null ? '—' : String(u.rank)),
        h(TableCell, null,
          h(Badge, { className: styles.badge, appearance: 'tint', color: statusColor(u), shape: 'rounded' }, u.status)))))));
}
