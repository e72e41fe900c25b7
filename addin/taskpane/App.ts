import { createElement as h, useState } from 'react';
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, Title3,
  Tooltip, makeStyles, tokens,
} from '@fluentui/react-components';
import { IssueList, ResultsTable, STRINGS, TotalsChart, placeOf, type IssueItem, type Lang } from '../../src/ui/index.ts';
import type { RecalcOutcome } from '../host/index.ts';
import { clearLastRun, describeFailure, describeOutcome, loadLastRun, type LastRun } from '../shared/lastRun.ts';
import { FEATURES } from './features.ts';
import type { PaneHost } from './officeHost.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '12px', padding: '12px 16px 24px' },
  actions: { display: 'flex', columnGap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', rowGap: '6px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; outcome: RecalcOutcome }
  | { kind: 'failed'; reason: string };

function Notice(props: { run: LastRun; lang: Lang; title?: string; onGoTo: (sheet: string, cell: string) => void; onDismiss?: () => void }) {
  const s = STRINGS[props.lang];
  const { run } = props;
  const place = run.sheet ? placeOf({ sheet: run.sheet, cell: run.cell ?? '' }, s) : null;
  return h(MessageBar, { intent: run.ok ? 'success' : 'error', layout: 'multiline' },
    h(MessageBarBody, null,
      props.title ? h(MessageBarTitle, null, props.title) : null,
      run.message[props.lang]),
    place || props.onDismiss
      ? h(MessageBarActions, null,
        place ? h(Button, { size: 'small', onClick: () => props.onGoTo(run.sheet!, run.cell ?? '') }, s.goTo(place)) : null,
        props.onDismiss ? h(Button, { size: 'small', appearance: 'subtle', onClick: props.onDismiss }, s.dismiss) : null)
      : null);
}

export function App(props: { lang: Lang; host: PaneHost }) {
  const { lang, host } = props;
  const s = STRINGS[lang];
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [lastRun, setLastRun] = useState<LastRun | null>(() => {
    const run = loadLastRun();
    return run && !run.ok ? run : null;
  });
  const [goToError, setGoToError] = useState<string | null>(null);

  const score = async () => {
    setState({ kind: 'running' });
    setGoToError(null);
    setLastRun(null);
    clearLastRun();
    try {
      setState({ kind: 'done', outcome: await host.recalculate() });
    } catch (error) {
      console.error(error);
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const goTo = async (sheet: string, cell: string) => {
    setGoToError(null);
    try {
      await host.goTo(sheet, cell);
    } catch (error) {
      setGoToError(s.goToFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  const outcome = state.kind === 'done' ? state.outcome : null;
  const units = outcome?.result.units ?? [];
  const issues: IssueItem[] = outcome?.result.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'error').length;

  return h('main', { className: styles.root },
    h(Title3, { as: 'h1' }, s.appTitle),
    h(Text, { className: styles.muted }, s.intro),
    h('div', { className: styles.actions },
      h(Button, { appearance: 'primary', onClick: score, disabled: state.kind === 'running' }, s.scoreButton),
      state.kind === 'running' ? h(Spinner, { size: 'tiny', label: s.scoring }) : null,
      FEATURES.generateSheets
        ? h(Tooltip, { content: s.comingSoon, relationship: 'description' }, h(Button, { disabled: true }, s.generateSheets))
        : null),
    lastRun
      ? h(Notice, { run: lastRun, lang, title: s.lastRibbonRun(new Date(lastRun.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')),
        onGoTo: goTo,
        onDismiss: () => {
          clearLastRun();
          setLastRun(null);
        } })
      : null,
    state.kind === 'failed' ? h(Notice, { run: describeFailure(new Error(state.reason)), lang, title: s.failedTitle, onGoTo: goTo }) : null,
    outcome ? h(Notice, { run: describeOutcome(outcome), lang, title: outcome.refusal ? s.refusedTitle : undefined, onGoTo: goTo }) : null,
    goToError ? h(MessageBar, { intent: 'warning' }, h(MessageBarBody, null, goToError)) : null,
    units.length > 0
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.results),
        h(ResultsTable, { units, strings: s }),
        h(Subtitle2, { as: 'h2' }, s.chartTitle),
        h(TotalsChart, { units, strings: s }))
      : null,
    outcome
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.issues(errors, issues.length - errors)),
        h(IssueList, { issues, strings: s, onGoTo: (i: IssueItem) => void goTo(i.sheet, i.cell) }))
      : null);
}
