import { createElement as h } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { RowResult } from '../engine/index.ts';
import { formatScore, type UiStrings } from './strings.ts';

/** A scoring row that did not earn all its points, as the results show it. */
export type LostRow = Pick<RowResult, 'sheet' | 'cell' | 'item' | 'content' | 'lost' | 'note' | 'remark'>;

const useStyles = makeStyles({
  unit: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '4px' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: '4px 0' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: '8px', padding: '4px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  what: { wordBreak: 'break-word' },
  lost: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', color: tokens.colorPaletteRedForeground1 },
  note: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
});

/** Where each unit lost points and why (the row's 说明, which quotes the assessor's 考核意见), folded per unit. */
export function LostPoints(props: { rows: LostRow[]; strings: UiStrings }) {
  const { strings: s } = props;
  const styles = useStyles();
  const rows = props.rows.filter((r) => r.lost > 0);
  const units = [...new Set(rows.map((r) => r.sheet))];
  return h('div', { 'data-testid': 'lost-points' }, units.map((unit) => {
    const own = rows.filter((r) => r.sheet === unit);
    const total = own.reduce((n, r) => n + Math.round(r.lost * 100), 0) / 100;
    return h('details', { key: unit, className: styles.unit, 'data-unit': unit },
      h('summary', { className: styles.summary }, s.lostUnit(unit, own.length, formatScore(total))),
      h('ul', { className: styles.list }, own.map((r) =>
        h('li', { key: r.cell, className: styles.row },
          h('span', { className: styles.what }, `${r.item} · ${r.content || r.cell}`),
          h('span', { className: styles.lost }, s.lostPoints(formatScore(r.lost))),
          r.note ? h('span', { className: styles.note }, r.note) : null))));
  }));
}
