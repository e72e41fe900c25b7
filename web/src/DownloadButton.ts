import { createElement as h, useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { xlsxUrl } from './download.ts';
import { testId } from './testId.ts';

/** A real link (<a download>) to the bytes, so "save link as" works too; its Blob URL lives as long as the button. */
export function DownloadButton(props: { bytes: Uint8Array; name: string; label: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = xlsxUrl(props.bytes);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [props.bytes]);
  return h(Button, {
    as: 'a', appearance: 'primary', href: url ?? undefined, download: props.name, title: props.title,
    disabledFocusable: url === null, ...testId('download'),
  }, props.label);
}
