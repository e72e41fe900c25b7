import { createElement as h } from 'react';
import { tokens } from '@fluentui/react-components';
import { formatScore, type UiStrings } from './strings.ts';
import { statusColor, type UnitRow } from './ResultsTable.ts';

export interface ChartUnit extends UnitRow {
  /** The unit's maximum (Σ of its 项目's points), for the scale. */
  items?: { points: number }[];
}

const ROW = 22;
const LABEL = 112;
const BAR = 150;
const VALUE = 48;
const WIDTH = LABEL + BAR + VALUE;
const MAX_LABEL = 8;

const shortLabel = (name: string) => ([...name].length > MAX_LABEL ? [...name].slice(0, MAX_LABEL - 1).join('') + '…' : name);

/** Horizontal bars of each unit's 总分 against the full score, as plain SVG (no chart library). */
export function TotalsChart(props: { units: ChartUnit[]; strings: UiStrings }) {
  const { units, strings: s } = props;
  const full = Math.max(0, ...units.map((u) => (u.items ?? []).reduce((n, i) => n + i.points, 0)));
  const max = full > 0 ? full : Math.max(1, ...units.map((u) => u.total ?? 0));
  const fill = { danger: tokens.colorPaletteRedBackground3, warning: tokens.colorPaletteMarigoldBackground3, success: tokens.colorBrandBackground };
  return h('svg', {
    role: 'img', 'aria-label': s.chartTitle, viewBox: `0 0 ${WIDTH} ${units.length * ROW + 4}`,
    width: '100%', 'data-testid': 'totals-chart', style: { maxWidth: 480, display: 'block' },
  },
  units.map((u, i) => {
    const y = i * ROW + 2;
    const w = Math.max(0, Math.min(1, (u.total ?? 0) / max)) * BAR;
    const label = s.chartBar(u.unit, formatScore(u.total), formatScore(max));
    return h('g', { key: u.unit, role: 'listitem', 'aria-label': label },
      h('title', null, label),
      h('text', { x: LABEL - 6, y: y + ROW / 2 + 4, textAnchor: 'end', fontSize: 12, fill: tokens.colorNeutralForeground1 }, shortLabel(u.unit)),
      h('rect', { x: LABEL, y: y + 3, width: BAR, height: ROW - 6, rx: 2, fill: tokens.colorNeutralBackground3 }),
      h('rect', { x: LABEL, y: y + 3, width: w, height: ROW - 6, rx: 2, fill: fill[statusColor(u)] }),
      h('text', { x: LABEL + BAR + 4, y: y + ROW / 2 + 4, fontSize: 12, fill: tokens.colorNeutralForeground2 }, formatScore(u.total)));
  }));
}
