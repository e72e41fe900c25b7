import { createElement as h } from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewItem } from '../import/review.ts';
import type { UiStrings } from './strings.ts';

/** One imported row as the review shows it. */
export type ReviewRow = Pick<
  ReviewItem, 'unit' | 'item' | 'label' | 'targetText' | 'rule' | 'weight' | 'rate' | 'confidence' | 'flagged' | 'notes' | 'sharedTable'
>;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid', gridTemplateColumns: '1fr auto', columnGap: '8px', rowGap: '2px', padding: '5px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  label: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word' },
  target: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  meta: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  note: { gridColumn: '1 / span 2', color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  unit: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '4px' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: '4px 0' },
});

function RowItem(props: { row: ReviewRow; strings: UiStrings; withUnit: boolean }) {
  const { row, strings: s, withUnit } = props;
  const styles = useStyles();
  const target = row.targetText || (row.rate ? s.reviewRate(row.rate) : '—');
  return h('li', { className: styles.row, 'data-flagged': row.flagged ? 'true' : 'false' },
    h('span', { className: styles.label },
      row.flagged ? h(Badge, { appearance: 'filled', color: 'warning', shape: 'rounded', style: { marginRight: 6 } }, s.needsReview) : null,
      withUnit ? `${row.unit} · ${row.item} · ${row.label}` : row.label),
    h('span', { className: styles.target }, target),
    h('span', { className: styles.meta }, s.reviewMeta(withUnit ? null : row.item, row.rule, row.weight, row.confidence.toFixed(2))),
    ...row.notes.map((n, i) => h('span', { key: i, className: styles.note }, n)));
}

/**
 * What 生成考核表 read: the rows to check first (with why), the importer's warnings, then each unit's rows,
 * folded, with a shared table (保障指标) as one line.
 */
export function ReviewList(props: { rows: ReviewRow[]; warnings?: string[]; strings: UiStrings }) {
  const { rows, warnings = [], strings: s } = props;
  const styles = useStyles();
  const flagged = rows.filter((r) => r.flagged);
  const units = [...new Set(rows.map((r) => r.unit))];
  return h('div', { className: styles.root, 'data-testid': 'review-list' },
    flagged.length > 0
      ? h('ul', { className: styles.list, 'data-testid': 'review-flagged' },
        flagged.map((r, i) => h(RowItem, { key: i, row: r, strings: s, withUnit: true })))
      : h('p', { 'data-testid': 'review-none-flagged' }, s.reviewNothingFlagged),
    warnings.length > 0
      ? h('ul', { className: styles.list, 'data-testid': 'review-warnings' },
        warnings.map((w, i) => h('li', { key: i, className: styles.row },
          h('span', { className: styles.label }, h(Badge, { appearance: 'tint', color: 'warning', shape: 'rounded', style: { marginRight: 6 } }, s.warning), w))))
      : null,
    units.map((unit) => {
      const own = rows.filter((r) => r.unit === unit && r.sharedTable === null);
      const shared = new Map<string, ReviewRow[]>();
      for (const r of rows) if (r.unit === unit && r.sharedTable !== null) shared.set(r.sharedTable, [...(shared.get(r.sharedTable) ?? []), r]);
      const count = rows.filter((r) => r.unit === unit).length;
      const toCheck = rows.filter((r) => r.unit === unit && r.flagged).length;
      return h('details', { key: unit, className: styles.unit, 'data-unit': unit },
        h('summary', { className: styles.summary }, s.reviewUnit(unit, count, toCheck)),
        h('ul', { className: styles.list },
          own.map((r, i) => h(RowItem, { key: i, row: r, strings: s, withUnit: false })),
          [...shared].map(([name, list]) => h('li', { key: `shared-${name}`, className: styles.row },
            h('span', { className: styles.label }, s.reviewShared(name, list.length)),
            h('span', { className: styles.target }, '—'),
            h('span', { className: styles.meta },
              s.reviewMeta(list[0].item, list[0].rule, list.reduce((n, r) => n + Math.round(r.weight * 100), 0) / 100, '1.00'))))));
    }));
}
