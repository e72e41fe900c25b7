import { endTagStart, skipElement, type Tag } from './xmlScan';

/** Replace s[start, end) by text. Zero-width edits insert; edits at the same start apply in creation order. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(s: string, edits: Edit[]): string {
  if (edits.length === 0) return s;
  const sorted = edits.map((e, seq) => ({ e, seq })).sort((a, b) => a.e.start - b.e.start || a.seq - b.seq);
  let out = '';
  let cursor = 0;
  for (const { e } of sorted) {
    if (e.start < cursor) throw new Error(`overlapping XML edits at ${e.start}`);
    out += s.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + s.slice(cursor);
}

/** `<x:row r="1"/>` → `<x:row r="1">` */
function openingOf(s: string, t: Tag): string {
  const text = s.slice(t.start, t.end);
  return t.selfClosing ? text.slice(0, -2).trimEnd() + '>' : text;
}

const closingOf = (s: string, t: Tag): string => `</${s.slice(t.start + 1, t.nameEnd)}>`;

/** Edit that appends `text` as the last content of element `t` (expanding a self-closing tag). */
export function appendEdit(s: string, t: Tag, text: string): Edit {
  if (t.selfClosing) return { start: t.start, end: t.end, text: openingOf(s, t) + text + closingOf(s, t) };
  const at = endTagStart(s, t, skipElement(s, t));
  return { start: at, end: at, text };
}
