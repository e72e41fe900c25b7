import { refuse } from './refusals';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** Finds `text` encoded as UTF-16LE anywhere in `b`. */
function containsUtf16le(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length * 2;
  for (let i = b.indexOf(first); i >= 0 && i + n <= b.length; i = b.indexOf(first, i + 1)) {
    let k = 0;
    while (k < text.length && b[i + 2 * k] === text.charCodeAt(k) && b[i + 2 * k + 1] === 0) k++;
    if (k === text.length) return true;
  }
  return false;
}

/** Refuses anything that is not a zip before the zip reader sees it. */
export function sniffFormat(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) {
    // Password-protected .xlsx files are OLE containers holding an "EncryptionInfo" stream.
    throw containsUtf16le(bytes, 'EncryptionInfo') ? refuse.encrypted() : refuse.xls();
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).toLowerCase();
  if (head.includes('<html') || head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw refuse.htmlTable();
  }
  throw refuse.notZip();
}
