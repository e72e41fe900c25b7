import { createElement as h, useEffect, useRef, useState } from 'react';
import {
  Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, makeStyles,
} from '@fluentui/react-components';
import { refusalText } from '../../src/xlsx/index.ts';
import { STRINGS, type Lang } from '../../src/ui/index.ts';
import { CycleReport } from './CycleReport.ts';
import type { CollectReport, CycleReply, CycleRequest } from './cycleProtocol.ts';
import { CYCLE_STRINGS } from './cycleStrings.ts';
import { FilePick } from './FilePick.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';
import { callWorker, type WorkerCall } from './workerCall.ts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  row: { display: 'flex', alignItems: 'center', columnGap: '12px', flexWrap: 'wrap' },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const stem = (file: string) => file.replace(/\.xlsx$/i, '');
/** As the CLI names them: 2014年度考核.xlsx → 2014年度考核.gathered.xlsx, and the folder split writes, zipped. */
export const gatheredName = (file: string): string => `${stem(file)}.gathered.xlsx`;
export const splitZipName = (file: string): string => `${stem(file)}.分发.zip`;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** The 收回时间 written into 收回情况, in the computer's local time, as the CLI writes it. */
const localTime = (d: Date): string =>
  `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

/** A real <a download> link to bytes; its Blob URL lives as long as the link. */
function SaveLink(props: { bytes: Uint8Array; name: string; type: string; label: string; title: string; id: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([props.bytes as BlobPart], { type: props.type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [props.bytes, props.type]);
  return h(Button, {
    as: 'a', appearance: 'primary', href: url ?? undefined, download: props.name, title: props.title,
    disabledFocusable: url === null, ...testId(props.id),
  }, props.label);
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'collected'; report: CollectReport; output: Uint8Array; scored: boolean }
  | { kind: 'split'; zip: Uint8Array; units: number }
  | { kind: 'failed'; message: string; refused: boolean };

/** 分发 and 汇集 on the page: the CLI's split and collect in a worker; nothing leaves the computer. */
export function CyclePanel(props: { lang: Lang }) {
  const { lang } = props;
  const s = CYCLE_STRINGS[lang];
  const styles = useStyles();
  const [master, setMaster] = useState<File | null>(null);
  const [returns, setReturns] = useState<File[]>([]);
  const [score, setScore] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const call = useRef<{ id: number; worker: WorkerCall<unknown> | null }>({ id: 0, worker: null });
  useEffect(() => () => call.current.worker?.cancel(), []);

  const ask = async (request: () => Promise<[CycleRequest, Transferable[]]>) => {
    call.current.worker?.cancel();
    const id = ++call.current.id;
    setOutcome({ kind: 'running' });
    let reply: CycleReply | { type: 'worker-failed'; message: string };
    try {
      const [req, transfer] = await request();
      if (id !== call.current.id) return;
      const worker = callWorker<CycleRequest, CycleReply>('cycle', req, transfer, () => true);
      call.current.worker = worker;
      reply = await worker.reply;
    } catch (error) {
      reply = { type: 'failed', message: String(error) };
    }
    if (id !== call.current.id) return;
    call.current.worker = null;
    if (reply.type === 'collected') setOutcome({ kind: 'collected', report: reply.report, output: new Uint8Array(reply.output), scored: reply.report.scored !== null });
    else if (reply.type === 'split') setOutcome({ kind: 'split', zip: new Uint8Array(reply.zip), units: reply.units.length });
    else if (reply.type === 'refused') setOutcome({ kind: 'failed', message: refusalText(reply, lang), refused: true });
    else setOutcome({ kind: 'failed', message: reply.type === 'worker-failed' ? PAGE_STRINGS[lang].workerFailed : reply.message, refused: false });
  };

  const collect = (m: File, files: File[], withScore: boolean) => void ask(async () => {
    const bytes = await m.arrayBuffer();
    const rs = await Promise.all(files.map(async (f) => ({ file: f.name, bytes: await f.arrayBuffer() })));
    return [{ type: 'collect', master: bytes, returns: rs, now: localTime(new Date()), score: withScore }, [bytes, ...rs.map((r) => r.bytes)]];
  });
  const split = (m: File) => void ask(async () => {
    const bytes = await m.arrayBuffer();
    return [{ type: 'split', master: bytes }, [bytes]];
  });

  // Gathering runs as soon as there is a master and a return, and again whenever either changes.
  const update = (m: File | null, files: File[], withScore: boolean) => {
    setMaster(m);
    setReturns(files);
    setScore(withScore);
    if (m && files.length > 0) collect(m, files, withScore);
    else {
      call.current.id++;
      call.current.worker?.cancel();
      setOutcome({ kind: 'idle' });
    }
  };
  const addReturns = (files: File[]) => {
    const names = new Set(files.map((f) => f.name));
    update(master, [...returns.filter((f) => !names.has(f.name)), ...files], score);
  };

  const name = master ? gatheredName(master.name) : '';
  return h('div', { className: styles.panel, ...testId('cycle') },
    h(Text, null, s.intro),
    h(Subtitle2, { as: 'h2' }, s.masterTitle),
    h(FilePick, { id: 'cycle-master', multiple: false, label: s.chooseMaster, hint: master ? master.name : s.masterHint, onFiles: (f) => update(f[0], returns, score) }),
    master
      ? h('div', { className: styles.row },
        h(Button, { appearance: 'secondary', onClick: () => split(master), ...testId('split') }, s.split))
      : null,
    h(Subtitle2, { as: 'h2' }, s.returnsTitle),
    h(FilePick, { id: 'cycle-returns', multiple: true, label: s.chooseReturns, hint: returns.length ? s.returnsChosen(returns.length) : s.returnsHint, onFiles: addReturns }),
    h('div', { className: styles.row },
      returns.length ? h(Text, { size: 200, ...testId('returns-chosen') }, returns.map((f) => f.name).join('、')) : null,
      returns.length ? h(Button, { appearance: 'subtle', size: 'small', onClick: () => update(master, [], score) }, s.clearReturns) : null),
    h(Checkbox, { label: s.scoreToo, checked: score, onChange: (_e, d) => update(master, returns, d.checked === true), ...testId('score-too') }),
    outcome.kind === 'running' ? h(Spinner, { size: 'tiny', label: s.working }) : null,
    outcome.kind === 'failed'
      ? h(MessageBar, { intent: 'error', layout: 'multiline', ...testId('cycle-failed') },
        h(MessageBarBody, null, h(MessageBarTitle, null, outcome.refused ? s.refusedTitle : STRINGS[lang].failedTitle), outcome.message))
      : null,
    outcome.kind === 'split'
      ? h('div', { className: styles.row },
        h(Text, null, s.splitDone(outcome.units)),
        h(SaveLink, { bytes: outcome.zip, name: splitZipName(master!.name), type: 'application/zip', label: s.downloadSplit, title: s.saveAs(splitZipName(master!.name)), id: 'download-split' }))
      : null,
    outcome.kind === 'collected'
      ? h('div', { className: styles.panel },
        h(MessageBar, { intent: 'success', layout: 'multiline' }, h(MessageBarBody, null,
          s.written(outcome.report.entriesWritten), outcome.report.scored ? ` ${s.scored(outcome.report.scored.units, outcome.report.scored.errors)}` : '')),
        h('div', { className: styles.row },
          h(SaveLink, { bytes: outcome.output, name, type: XLSX_TYPE, label: outcome.scored ? s.downloadScored : s.downloadGathered, title: s.saveAs(name), id: 'download-gathered' }),
          h(Text, null, name)),
        h(CycleReport, { report: outcome.report, lang }))
      : null);
}
