import { createElement as h, useEffect, useRef, useState } from 'react';
import {
  Button, MessageBar, MessageBarBody, MessageBarTitle, Tab, TabList, Text, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import { STRINGS, type Lang } from '../../src/ui/index.ts';
import type { IssueParams } from '../../src/engine/index.ts';
import { CyclePanel } from './CyclePanel.ts';
import { CYCLE_STRINGS } from './cycleStrings.ts';
import { DropZone } from './DropZone.ts';
import type { RefusalCode, ScoreProgress, ScoreSummary } from './protocol.ts';
import { Refused } from './Refused.ts';
import { RunProgress } from './RunProgress.ts';
import { startScoring } from './scoreClient.ts';
import type { WorkerCall } from './workerCall.ts';
import { Scored } from './Scored.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '16px', maxWidth: '1080px', margin: '0 auto', padding: '20px 24px 48px' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: '12px' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type State =
  | { kind: 'idle' }
  | { kind: 'running'; file: string; progress: ScoreProgress | null }
  | { kind: 'done'; file: string; source: File; summary: ScoreSummary; output: Uint8Array | null }
  | { kind: 'refused'; file: string; code: RefusalCode; message: string; params: IssueParams }
  /** `message` is the error's own text; a worker that could not run gets the page's advice instead. */
  | { kind: 'failed'; file: string; message: string; worker?: boolean }
  | { kind: 'cancelled'; file: string };

export function App(props: { initialLang: Lang }) {
  const [lang, setLang] = useState(props.initialLang);
  const s = PAGE_STRINGS[lang];
  const ui = STRINGS[lang];
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [severalFiles, setSeveralFiles] = useState(false);
  const [tab, setTab] = useState<'score' | 'cycle'>('score');
  const run = useRef<{ id: number; score: WorkerCall<unknown> | null }>({ id: 0, score: null });

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const score = async (file: File, more: boolean) => {
    run.current.score?.cancel();
    const id = ++run.current.id;
    const current = () => run.current.id === id;
    setSeveralFiles(more);
    setState({ kind: 'running', file: file.name, progress: null });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (error) {
      if (current()) setState({ kind: 'failed', file: file.name, message: String(error) });
      return;
    }
    if (!current()) return;
    const scoring = startScoring(bytes, (progress) => {
      if (current()) setState({ kind: 'running', file: file.name, progress });
    });
    run.current.score = scoring;
    const reply = await scoring.reply;
    if (!current()) return;
    run.current.score = null;
    if (reply.type === 'done') {
      const output = reply.output ? new Uint8Array(reply.output) : null;
      setState({ kind: 'done', file: file.name, source: file, summary: reply.summary, output });
    } else if (reply.type === 'refused') {
      setState({ kind: 'refused', file: file.name, code: reply.code, message: reply.message, params: reply.params });
    } else {
      setState({ kind: 'failed', file: file.name, message: reply.message, worker: reply.type === 'worker-failed' });
    }
  };

  const cancel = () => {
    if (state.kind !== 'running') return;
    run.current.id++;
    run.current.score?.cancel();
    run.current.score = null;
    setState({ kind: 'cancelled', file: state.file });
  };

  return h('main', { className: styles.root },
    h('div', { className: styles.header },
      h(Title3, { as: 'h1' }, ui.appTitle),
      h(Button, {
        appearance: 'subtle', 'aria-label': s.otherLanguageLabel, ...testId('language'),
        onClick: () => setLang(lang === 'zh' ? 'en' : 'zh'),
      }, s.otherLanguage)),
    h(TabList, { selectedValue: tab, onTabSelect: (_e, d) => setTab(d.value === 'cycle' ? 'cycle' : 'score') },
      h(Tab, { value: 'score', ...testId('tab-score') }, CYCLE_STRINGS[lang].tabScore),
      h(Tab, { value: 'cycle', ...testId('tab-cycle') }, CYCLE_STRINGS[lang].tabCycle)),
    tab === 'cycle' ? h(CyclePanel, { lang }) : null,
    ...(tab === 'score' ? scoreView() : []));

  function scoreView() {
    return [
      h(Text, null, s.intro),
      h(Text, { className: styles.muted, size: 200 }, s.privacy),
      h(DropZone, { strings: s, onFile: (f, more) => void score(f, more) }),
      severalFiles ? h(MessageBar, { intent: 'info' }, h(MessageBarBody, null, s.onlyOneFile)) : null,
      state.kind !== 'idle' ? h(Text, { weight: 'semibold', ...testId('file-name') }, s.fileTitle(state.file)) : null,
      state.kind === 'running' ? h(RunProgress, { progress: state.progress, strings: s, onCancel: cancel }) : null,
      state.kind === 'cancelled' ? h(MessageBar, { intent: 'info' }, h(MessageBarBody, null, s.cancelled)) : null,
      state.kind === 'refused' ? h(Refused, { lang, refusal: state }) : null,
      state.kind === 'failed'
        ? h(MessageBar, { intent: 'error', layout: 'multiline', ...testId('failed') },
          h(MessageBarBody, null, h(MessageBarTitle, null, ui.failedTitle), state.worker ? s.workerFailed : state.message))
        : null,
      state.kind === 'done'
        ? h(Scored, { key: run.current.id, lang, file: state.file, source: state.source, summary: state.summary, output: state.output })
        : null];
  }
}
