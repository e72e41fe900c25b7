import { createElement as h } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from '@fluentui/react-components';
import type { Lang } from '../../src/ui/index.ts';
import type { IssueParams } from '../../src/engine/index.ts';
import { refusalText } from '../../src/xlsx/index.ts';
import type { RefusalCode } from './protocol.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  original: { display: 'block', marginTop: '4px' },
});

/** The file cannot be scored: the host's Chinese message, which says what to do (in English beside it). */
export function Refused(props: { lang: Lang; refusal: { code: RefusalCode; message: string; params: IssueParams } }) {
  const { refusal } = props;
  const s = PAGE_STRINGS[props.lang];
  const styles = useStyles();
  return h(MessageBar, { intent: 'error', layout: 'multiline', ...testId('refused') },
    h(MessageBarBody, null,
      h(MessageBarTitle, null, s.refusedTitle),
      refusalText(refusal, props.lang),
      props.lang === 'zh' ? null : h(Text, { className: styles.original, size: 200, lang: 'zh-CN' }, refusal.message)));
}
