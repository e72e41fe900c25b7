import { createElement as h } from 'react';
import { Button, Field, ProgressBar, makeStyles } from '@fluentui/react-components';
import type { ScoreProgress } from './protocol.ts';
import { progressValue } from './progress.ts';
import type { PageStrings } from './strings.ts';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', columnGap: '12px' },
  field: { flexGrow: 1 },
});

export function RunProgress(props: { progress: ScoreProgress | null; strings: PageStrings; onCancel: () => void }) {
  const { progress, strings: s } = props;
  const styles = useStyles();
  const value = progressValue(progress);
  return h('div', { className: styles.row, 'data-testid': 'progress', 'data-value': value.toFixed(3) },
    h(Field, { className: styles.field, label: s.progress(progress), validationState: 'none' },
      h(ProgressBar, { value, thickness: 'large' })),
    h(Button, { onClick: props.onCancel }, s.cancel));
}
