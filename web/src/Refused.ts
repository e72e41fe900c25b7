import { createElement as h } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles } from '@fluentui/react-components';
import type { Lang } from '../../src/ui/index.ts';
import type { RefusalCode } from './protocol.ts';
import { REFUSAL_EN } from './refusalText.ts';
import { PAGE_STRINGS } from './strings.ts';
import { testId } from './testId.ts';

const useStyles = makeStyles({
  original: { display: 'block', marginTop: '4px' },
});

/** The file cannot be scored: the host's Chinese message, which says what to do (in English beside it). */
export function Refused(props: { lang: Lang; code: RefusalCode; message: string }) {
  const s = PAGE_STRINGS[props.lang];
  const styles = useStyles();
  return h(MessageBar, { intent: 'error', layout: 'multiline', ...testId('refused') },
    h(MessageBarBody, null,
      h(MessageBarTitle, null, s.refusedTitle),
      props.lang === 'zh' ? props.message : REFUSAL_EN[props.code],
      props.lang === 'zh' ? null : h(Text, { className: styles.original, size: 200, lang: 'zh-CN' }, props.message)));
}
