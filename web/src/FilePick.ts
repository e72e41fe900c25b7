import { createElement as h, useRef, useState, type DragEvent } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  zone: {
    display: 'flex', alignItems: 'center', columnGap: '12px', rowGap: '8px', flexWrap: 'wrap', padding: '14px 16px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  input: { display: 'none' },
});

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Choose or drop one workbook, or (multiple) several; `id` names the zone and its input for tests. */
export function FilePick(props: { id: string; multiple: boolean; label: string; hint: string; onFiles: (files: File[]) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const list = files ? Array.from(files) : [];
    if (list.length > 0) props.onFiles(props.multiple ? list : list.slice(0, 1));
  };
  const hover = (e: DragEvent) => {
    e.preventDefault();
    setOver(true);
  };
  return h('div', {
    className: mergeClasses(styles.zone, over && styles.over), 'data-testid': `${props.id}-zone`,
    onDragEnter: hover, onDragOver: hover, onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      take(e.dataTransfer?.files);
    },
  },
  h('input', {
    ref: input, type: 'file', accept: XLSX_ACCEPT, multiple: props.multiple, className: styles.input, 'data-testid': `${props.id}-input`,
    onChange: (e: { target: HTMLInputElement }) => {
      take(e.target.files);
      e.target.value = '';
    },
  }),
  h(Button, { appearance: 'secondary', onClick: () => input.current?.click() }, props.label),
  h(Text, null, props.hint));
}
