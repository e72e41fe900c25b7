import { createElement as h } from 'react';
import {
  Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { cycleText, RETURN_STATUS } from '../../src/cycle/messages.ts';
import type { Lang } from '../../src/ui/index.ts';
import type { CodedText, CollectReport } from './cycleProtocol.ts';
import { CYCLE_STRINGS } from './cycleStrings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: '6px', minWidth: 0 },
  list: { margin: 0, paddingLeft: '20px' },
  missing: { color: tokens.colorPaletteRedForeground1 },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

const text = (m: CodedText, lang: Lang) => cycleText({ ...m, message: '' }, lang);

/** The 收回情况 table as the sheet has it, then every change (never copied) and every file not used. */
export function CycleReport(props: { report: CollectReport; lang: Lang }) {
  const { report, lang } = props;
  const s = CYCLE_STRINGS[lang];
  const styles = useStyles();
  const changes = report.units.flatMap((u) => u.changes);
  const reasons = [...new Set([
    ...report.unused.map((f) => (f.reason ? text(f.reason, lang) : f.file)),
    ...report.units.flatMap((u) => u.notes.filter((n) => n.code !== 'duplicate').map((n) => text(n, lang))),
  ])];
  const missing = report.units.filter((u) => u.status === RETURN_STATUS.missing).map((u) => u.unit);
  return h('div', { className: styles.section },
    h(Subtitle2, { as: 'h2' }, s.returnsTable),
    h(Table, { size: 'small', 'aria-label': s.returnsTable, ...testId('returns-table') },
      h(TableHeader, null, h(TableRow, null, s.headers.map((t) => h(TableHeaderCell, { key: t }, t)))),
      h(TableBody, null, report.units.map((u) => h(TableRow, { key: u.unit },
        h(TableCell, null, u.unit),
        h(TableCell, null, u.files.join('、')),
        h(TableCell, null, u.gatheredAt),
        h(TableCell, { className: u.status === RETURN_STATUS.missing ? styles.missing : u.changes.length ? styles.changed : undefined }, u.status),
        h(TableCell, null, u.status === RETURN_STATUS.missing ? '' : String(u.taken)),
        h(TableCell, null, u.notes.map((n) => text(n, lang)).join('；')))))),
    h(Text, { ...testId('missing') }, missing.length ? s.missing(missing) : s.allReturned),
    changes.length
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.changesTitle(changes.length)),
        h('ul', { className: styles.list, ...testId('changes') }, changes.map((c, i) => h('li', { key: i }, text(c, lang)))))
      : null,
    reasons.length
      ? h('section', { className: styles.section },
        h(Subtitle2, { as: 'h2' }, s.unusedTitle(reasons.length)),
        h('ul', { className: styles.list, ...testId('unused') }, reasons.map((r) => h('li', { key: r }, r))))
      : null);
}
