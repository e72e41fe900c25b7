import { createElement as h } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { IssueView } from './protocol.ts';
import type { PageStrings } from './strings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  box: {
    display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '8px', rowGap: '2px', marginTop: '4px', padding: '6px 8px',
    backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  label: { color: tokens.colorNeutralForeground2 },
  value: { wordBreak: 'break-word' },
  hint: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground2 },
});

/** In place of Excel's "go to": the cell's content and its row, and where to fix it. */
export function IssueDetail(props: { issue: IssueView; strings: PageStrings }) {
  const { issue, strings: s } = props;
  const styles = useStyles();
  return h('div', { className: styles.box, ...testId('issue-detail') },
    issue.value !== undefined ? h(Text, { className: styles.label }, s.cellValue) : null,
    issue.value !== undefined ? h(Text, { className: styles.value, ...testId('issue-cell-value') }, issue.value || s.blank) : null,
    issue.row?.length ? h(Text, { className: styles.label }, s.rowValues) : null,
    issue.row?.length ? h(Text, { className: styles.value }, issue.row.join(' | ')) : null,
    issue.cell ? h(Text, { className: styles.hint }, s.findInWorkbook(issue.sheet, issue.cell)) : null);
}
