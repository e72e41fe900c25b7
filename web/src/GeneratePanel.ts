import { createElement as h, useEffect, useRef, useState } from 'react';
import {
  Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { STRINGS, type Lang } from '../../src/ui/index.ts';
import { DownloadButton } from './DownloadButton.ts';
import { sheetsName } from './download.ts';
import type { GenerateReply, GenerateRequest } from './protocol.ts';
import { refusalText } from '../../src/xlsx/index.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';
import { callWorker, type WorkerCall } from './workerCall.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
  actions: { display: 'flex', alignItems: 'center', columnGap: '12px' },
  flagged: { margin: 0, paddingLeft: '20px', color: tokens.colorNeutralForeground2 },
});

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; output: Uint8Array; reply: Extract<GenerateReply, { type: 'done' }> }
  | { kind: 'failed'; message: string };

/** A raw indicator table: offer 生成考核表, run it in its own worker, and offer the new workbook for download. */
export function GeneratePanel(props: { lang: Lang; source: File }) {
  const { lang, source } = props;
  const s = PAGE_STRINGS[lang];
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const call = useRef<WorkerCall<GenerateReply> | null>(null);
  useEffect(() => () => call.current?.cancel(), []);

  const generate = async () => {
    setState({ kind: 'running' });
    try {
      const bytes = await source.arrayBuffer();
      call.current = callWorker<GenerateRequest, GenerateReply>('generate', { bytes }, [bytes], () => true);
      const reply = await call.current.reply;
      if (reply.type === 'done') setState({ kind: 'done', output: new Uint8Array(reply.output), reply });
      else if (reply.type === 'refused') setState({ kind: 'failed', message: refusalText(reply, lang) });
      else setState({ kind: 'failed', message: reply.type === 'worker-failed' ? s.workerFailed : s.generateFailed(reply.message) });
    } catch (error) {
      setState({ kind: 'failed', message: s.generateFailed(String(error)) });
    }
  };

  if (state.kind === 'done') {
    const { reply } = state;
    const name = sheetsName(source.name);
    return h('div', { className: styles.panel, ...testId('generated') },
      h(MessageBar, { intent: reply.flagged.length ? 'warning' : 'success', layout: 'multiline' },
        h(MessageBarBody, null,
          h(MessageBarTitle, null, s.generatedTitle),
          s.generated(reply.units.length),
          reply.flagged.length ? ` ${s.flaggedRows(reply.flagged.length, reply.rows)}` : '',
          ...reply.warnings.map((w) => h('div', { key: w }, w)))),
      reply.flagged.length
        ? h('ul', { className: styles.flagged },
          reply.flagged.map((f, i) => h('li', { key: i }, `${f.unit} · ${f.item} · ${f.label}${f.notes.length ? '：' + f.notes.join('；') : ''}`)))
        : null,
      h('div', { className: styles.actions },
        h(DownloadButton, { bytes: state.output, name, label: s.downloadGenerated, title: s.downloadName(name) }),
        h(Text, null, name)));
  }
  return h('div', { className: styles.panel },
    h(MessageBar, { intent: 'info', layout: 'multiline' }, h(MessageBarBody, null, s.rawTableFound)),
    h('div', { className: styles.actions },
      h(Button, { appearance: 'primary', onClick: generate, disabled: state.kind === 'running' }, STRINGS[lang].generateSheets),
      state.kind === 'running' ? h(Spinner, { size: 'tiny', label: s.generating }) : null),
    state.kind === 'failed'
      ? h(MessageBar, { intent: 'error', layout: 'multiline' }, h(MessageBarBody, null, state.message))
      : null);
}
