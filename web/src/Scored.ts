import { createElement as h } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { STRINGS, type Lang } from '../../src/ui/index.ts';
import { DownloadButton } from './DownloadButton.ts';
import { scoredName } from './download.ts';
import { GeneratePanel } from './GeneratePanel.ts';
import type { ScoreSummary } from './protocol.ts';
import { Results } from './Results.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '16px' },
  actions: { display: 'flex', alignItems: 'center', columnGap: '12px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A finished run: the outcome, the download, and the results; or, for a raw indicator table, 生成考核表. */
export function Scored(props: { lang: Lang; file: string; source: File; summary: ScoreSummary; output: Uint8Array | null }) {
  const { lang, summary, output } = props;
  const s = PAGE_STRINGS[lang];
  const ui = STRINGS[lang];
  const styles = useStyles();
  const errors = summary.issues.filter((i) => i.severity === 'error').length;
  const counts = { units: summary.units.length, cells: summary.cellsWritten, errors, warnings: summary.issues.length - errors };
  const name = scoredName(props.file);
  return h('div', { className: styles.root },
    output
      ? h(MessageBar, { intent: errors > 0 ? 'warning' : 'success', layout: 'multiline', ...testId('done') },
        h(MessageBarBody, null, ui.done(counts, summary.summarySheet)))
      : summary.rawTable
        ? null
        : h(MessageBar, { intent: 'warning', layout: 'multiline', ...testId('no-units') },
          h(MessageBarBody, null, h(MessageBarTitle, null, s.refusedTitle), ui.noUnits)),
    output
      ? h('div', { className: styles.actions },
        h(DownloadButton, { bytes: output, name, label: s.download, title: s.downloadName(name) }),
        h(Text, { className: styles.muted }, name))
      : null,
    // A raw table's only "issue" is that it has no 考核表, which the panel already explains.
    !output && summary.rawTable ? h(GeneratePanel, { lang, source: props.source }) : h(Results, { summary, lang, strings: s }));
}
