/** Replace bytes [start, end) by `text` (UTF-8). Zero-width edits insert; same-start edits apply in creation order. */
export interface ByteEdit {
  start: number;
  end: number;
  text: string;
}

const encoder = new TextEncoder();

/** Bytes of `s` in UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD, three bytes). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: two units, four bytes
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * Splices edits (byte offsets; same-start edits keep creation order) into `b`: unchanged runs are copied as
 * they are, texts encoded straight into the output.
 */
export function applyByteEdits(b: Uint8Array, edits: ByteEdit[]): Uint8Array {
  let ordered = true;
  for (let i = 1; i < edits.length && ordered; i++) ordered = edits[i].start >= edits[i - 1].start;
  // Array.prototype.sort is stable: same-start edits keep their creation order.
  const list = ordered ? edits : [...edits].sort((x, y) => x.start - y.start);
  const lengths = new Array<number>(list.length);
  let size = b.length;
  let cursor = 0;
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    if (e.start < cursor) throw new Error(`overlapping XML edits at ${e.start}`);
    lengths[k] = utf8Length(e.text);
    size += lengths[k] - (e.end - e.start);
    cursor = e.end;
  }
  const out = new Uint8Array(size);
  let at = 0;
  cursor = 0;
  for (let k = 0; k < list.length; k++) {
    const e = list[k];
    out.set(b.subarray(cursor, e.start), at);
    at += e.start - cursor;
    if (lengths[k] > 0) {
      encoder.encodeInto(e.text, out.subarray(at, at + lengths[k]));
      at += lengths[k];
    }
    cursor = e.end;
  }
  out.set(b.subarray(cursor), at);
  return out;
}
