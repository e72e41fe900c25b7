import { createElement as h, type ReactNode } from 'react';
import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { issueText, type Issue } from '../engine/index.ts';
import { placeOf, type UiStrings } from './strings.ts';

/** An engine issue: shown by its code and parameters in the UI's language, never by its Chinese message. */
export type IssueItem = Pick<Issue, 'sheet' | 'cell' | 'severity' | 'code' | 'params'> & { message?: string };

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: '8px', rowGap: '2px', padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    paddingLeft: '6px',
  },
  place: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  message: { gridColumn: '2', wordBreak: 'break-word' },
  detail: { gridColumn: '2' },
});

/**
 * sheet!cell: message, errors and warnings marked apart; a click on the place takes the user there. A host with
 * nowhere to go (the browser page) marks the `selected` issue instead and shows `detail` under it.
 */
export function IssueList(props: {
  issues: IssueItem[];
  strings: UiStrings;
  onGoTo?: (issue: IssueItem, index: number) => void;
  selected?: number;
  detail?: ReactNode;
}) {
  const { issues, strings: s, onGoTo, selected } = props;
  const styles = useStyles();
  if (issues.length === 0) return h('p', { 'data-testid': 'no-issues' }, s.noIssues);
  return h('ul', { className: styles.list, 'data-testid': 'issue-list' }, issues.map((issue, i) => {
    const place = placeOf(issue, s);
    const canGo = onGoTo !== undefined && issue.sheet !== '';
    const isSelected = i === selected;
    return h('li', {
      key: i, className: mergeClasses(styles.item, isSelected && styles.selected), 'data-severity': issue.severity,
      'aria-current': isSelected ? 'true' : undefined,
    },
    h(Badge, { appearance: 'filled', color: issue.severity === 'error' ? 'danger' : 'warning', shape: 'rounded' },
      issue.severity === 'error' ? s.error : s.warning),
    canGo
      ? h(Link, { as: 'button', className: styles.place, title: s.goTo(place), onClick: () => onGoTo!(issue, i) }, place)
      : h('span', { className: styles.place }, place),
    h('span', { className: styles.message, 'data-code': issue.code }, issueText(issue, s.lang)),
    isSelected && props.detail ? h('div', { className: styles.detail }, props.detail) : null);
  }));
}
