import { createElement as h } from 'react';
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { placeOf, type UiStrings } from './strings.ts';

export interface IssueItem {
  sheet: string;
  cell: string;
  severity: 'error' | 'warning';
  message: string;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '8px', rowGap: '2px', padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  place: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  message: { gridColumn: '2', wordBreak: 'break-word' },
});

/** sheet!cell: message, errors and warnings marked apart; a click on the place takes the user there. */
export function IssueList(props: { issues: IssueItem[]; strings: UiStrings; onGoTo?: (issue: IssueItem) => void }) {
  const { issues, strings: s, onGoTo } = props;
  const styles = useStyles();
  if (issues.length === 0) return h('p', { 'data-testid': 'no-issues' }, s.noIssues);
  return h('ul', { className: styles.list, 'data-testid': 'issue-list' }, issues.map((issue, i) => {
    const place = placeOf(issue, s);
    const canGo = onGoTo !== undefined && issue.sheet !== '';
    return h('li', { key: i, className: styles.item, 'data-severity': issue.severity },
      h(Badge, { appearance: 'filled', color: issue.severity === 'error' ? 'danger' : 'warning', shape: 'rounded' },
        issue.severity === 'error' ? s.error : s.warning),
      canGo
        ? h(Link, { as: 'button', className: styles.place, title: s.goTo(place), onClick: () => onGoTo!(issue) }, place)
        : h('span', { className: styles.place }, place),
      h('span', { className: styles.message }, issue.message));
  }));
}
