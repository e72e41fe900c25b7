import { Fragment, createElement as h, useState } from 'react';
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, Title3,
  makeStyles, tokens,
} from '@fluentui/react-components';
import {
  IssueList, LostPoints, ResultsTable, ReviewList, STRINGS, TotalsChart, placeOf, type IssueItem, type Lang, type UiStrings,
} from '../../src/ui/index.ts';
import type { RecalcOutcome } from '../host/index.ts';
import type { GenerateOutcome } from '../host/generateSheets.ts';
import { clearLastRun, describeFailure, describeOutcome, loadLastRun, type LastRun } from '../lastRun.ts';
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

type Generation =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; outcome: GenerateOutcome }
  | { kind: 'failed'; reason: string };

/** What 生成考核表 did, in one message: the sheets added (and renamed), or why nothing was written. */
function GenerationNotice(props: { outcome: GenerateOutcome; strings: UiStrings }) {
  const { outcome, strings: s } = props;
  if (outcome.kind !== 'done') {
    const text = outcome.kind === 'not-raw' ? s.notRawTable(outcome.source)
      : outcome.kind === 'no-units' ? s.noUnitsRead(outcome.source) : s.protectedBook;
    return h('div', { 'data-testid': 'generate-notice' }, h(MessageBar, { intent: 'warning', layout: 'multiline' },
      h(MessageBarBody, null, h(MessageBarTitle, null, s.refusedTitle), text)));
  }
  const sheets = outcome.sheets.map((x) => x.sheet);
  const others = outcome.added.filter((n) => !sheets.includes(n));
  const flagged = outcome.result?.review.some((r) => r.flagged) || (outcome.result?.workbook.warnings.length ?? 0) > 0;
  return h('div', { 'data-testid': 'generate-notice' }, h(MessageBar, { intent: flagged ? 'warning' : 'success', layout: 'multiline' },
    h(MessageBarBody, null,
      h(MessageBarTitle, null, s.generatedTitle),
      s.generated(sheets, others),
      ...outcome.sheets.filter((x) => x.sheet !== x.unit).map((x) => h('div', { key: x.sheet }, s.renamed(x.unit, x.sheet))),
      h('div', null, s.generateNext))));
}

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
  const [generation, setGeneration] = useState<Generation>({ kind: 'idle' });
  const busy = state.kind === 'running' || generation.kind === 'running';

  const generate = async () => {
    setGeneration({ kind: 'running' });
    try {
      setGeneration({ kind: 'done', outcome: await host.generateSheets() });
    } catch (error) {
      console.error(error);
      setGeneration({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

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
      h(Button, { appearance: 'primary', onClick: score, disabled: busy }, s.scoreButton),
      FEATURES.generateSheets ? h(Button, { onClick: generate, disabled: busy }, s.generateSheets) : null,
      state.kind === 'running' ? h(Spinner, { size: 'tiny', label: s.scoring }) : null,
      generation.kind === 'running' ? h(Spinner, { size: 'tiny', label: s.generating }) : null),
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
    generation.kind === 'failed'
      ? h(MessageBar, { intent: 'error', layout: 'multiline' },
        h(MessageBarBody, null, h(MessageBarTitle, null, s.generateFailedTitle), s.generateFailed(generation.reason)))
      : null,
    generation.kind === 'done' ? h(GenerationNotice, { outcome: generation.outcome, strings: s }) : null,
    generation.kind === 'done' && generation.outcome.kind === 'done' && generation.outcome.result
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.reviewTitle(
          generation.outcome.result.review.length, generation.outcome.result.review.filter((r) => r.flagged).length)),
        h(ReviewList, { rows: generation.outcome.result.review, warnings: generation.outcome.result.workbook.warnings, strings: s }))
      : null,
    units.length > 0
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.results),
        h(ResultsTable, { units, strings: s, grades: outcome!.result.grades !== null }),
        outcome!.result.rows.some((r) => r.lost > 0)
          ? h(Fragment, null, h(Subtitle2, { as: 'h2' }, s.lostTitle), h(LostPoints, { rows: outcome!.result.rows, strings: s }))
          : null,
        h(Subtitle2, { as: 'h2' }, s.chartTitle),
        h(TotalsChart, { units, strings: s }))
      : null,
    outcome
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.issues(errors, issues.length - errors)),
        h(IssueList, { issues, strings: s, onGoTo: (i: IssueItem) => void goTo(i.sheet, i.cell) }))
      : null);
}
