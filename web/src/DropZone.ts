import { createElement as h, useRef, useState, type DragEvent } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PageStrings } from './strings.ts';

const useStyles = makeStyles({
  zone: {
    display: 'flex', alignItems: 'center', columnGap: '12px', rowGap: '8px', flexWrap: 'wrap', padding: '20px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  input: { display: 'none' },
});

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Choose or drop one workbook; `more` tells that other files were given too and ignored. */
export function DropZone(props: { strings: PageStrings; onFile: (file: File, more: boolean) => void }) {
  const { strings: s, onFile } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    if (files && files.length > 0) onFile(files[0], files.length > 1);
  };
  const hover = (e: DragEvent) => {
    e.preventDefault();
    setOver(true);
  };
  return h('div', {
    className: mergeClasses(styles.zone, over && styles.over), 'data-testid': 'drop-zone',
    onDragEnter: hover, onDragOver: hover, onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      take(e.dataTransfer?.files);
    },
  },
  h('input', {
    ref: input, type: 'file', accept: XLSX_ACCEPT, className: styles.input, 'data-testid': 'file-input',
    onChange: (e: { target: HTMLInputElement }) => {
      take(e.target.files);
      e.target.value = ''; // so that choosing the same file again scores it again
    },
  }),
  h(Button, { appearance: 'primary', size: 'large', onClick: () => input.current?.click() }, s.chooseFile),
  h(Text, null, over ? s.dropActive : s.dropHint));
}
