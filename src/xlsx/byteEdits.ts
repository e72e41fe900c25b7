import { encodeXml } from './xmlText';

/** Replace bytes [start, end) by `text` (UTF-8). Zero-width edits insert; same-start edits apply in creation order. */
export interface ByteEdit {
  start: number;
  end: number;
  text: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const encoder = new TextEncoder();

/** Splices edits (byte offsets; same-start edits keep creation order) into `b`. */
export function applyByteEdits(b: Uint8Array, edits: ByteEdit[]): Uint8Array {
  const order = edits.map((_, i) => i).sort((x, y) => edits[x].start - edits[y].start || x - y);
  // ASCII texts (nearly all) are encoded straight into the output; the rest are encoded first to learn their size.
  const encoded = edits.map((e) => (NON_ASCII.test(e.text) ? encodeXml(e.text) : null));
  let size = b.length;
  let cursor = 0;
  for (const k of order) {
    const e = edits[k];
    if (e.start < cursor) throw new Error(`overlapping XML edits at ${e.start}`);
    size += (encoded[k]?.length ?? e.text.length) - (e.end - e.start);
    cursor = e.end;
  }
  const out = new Uint8Array(size);
  let at = 0;
  cursor = 0;
  for (const k of order) {
    const e = edits[k];
    out.set(b.subarray(cursor, e.start), at);
    at += e.start - cursor;
    const enc = encoded[k];
    if (enc) {
      out.set(enc, at);
      at += enc.length;
    } else if (e.text.length > 0) {
      encoder.encodeInto(e.text, out.subarray(at, at + e.text.length));
      at += e.text.length;
    }
    cursor = e.end;
  }
  out.set(b.subarray(cursor), at);
  return out;
}

