import { createElement as h, useMemo, useState } from 'react';
import { Subtitle2, makeStyles } from '@fluentui/react-components';
import { IssueList, LostPoints, ResultsTable, STRINGS, TotalsChart, type Lang } from '../../src/ui/index.ts';
import { IssueDetail } from './IssueDetail.ts';
import type { ScoreSummary } from './protocol.ts';
import type { PageStrings } from './strings.ts';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', columnGap: '24px', rowGap: '12px', alignItems: 'start' },
  section: { display: 'flex', flexDirection: 'column', rowGap: '6px', minWidth: 0 },
  // Two hundred bars make a tall chart: let it scroll beside the table.
  chart: { maxHeight: '70vh', overflowY: 'auto' },
});

/** The task pane's table, chart and issue list; a click on an issue's place marks it and shows its cell. */
export function Results(props: { summary: ScoreSummary; lang: Lang; strings: PageStrings }) {
  const { summary, lang, strings: s } = props;
  const styles = useStyles();
  const ui = useMemo(() => ({ ...STRINGS[lang], goTo: s.showCell }), [lang, s]);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const { units, issues } = summary;
  const errors = issues.filter((i) => i.severity === 'error').length;
  return h('div', { className: styles.section },
    units.length > 0
      ? h('div', { className: styles.columns },
        h('section', { className: styles.section },
          h(Subtitle2, { as: 'h2' }, ui.results),
          h(ResultsTable, { units, strings: ui, grades: summary.grades }),
          summary.lost.length > 0 ? h(Subtitle2, { as: 'h2' }, ui.lostTitle) : null,
          summary.lost.length > 0 ? h(LostPoints, { rows: summary.lost, strings: ui }) : null),
        h('section', { className: styles.section },
          h(Subtitle2, { as: 'h2' }, ui.chartTitle),
          h('div', { className: styles.chart }, h(TotalsChart, { units, strings: ui }))))
      : null,
    h('section', { className: styles.section },
      h(Subtitle2, { as: 'h2' }, ui.issues(errors, issues.length - errors)),
      h(IssueList, {
        issues, strings: ui, selected,
        onGoTo: (_issue, i) => setSelected(i === selected ? undefined : i),
        detail: selected !== undefined && issues[selected] ? h(IssueDetail, { issue: issues[selected], strings: s }) : null,
      })));
}
