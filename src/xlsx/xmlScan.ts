import { refuse } from './refusals';
import { decodeText } from './xmlText';

/** A start tag found in the XML text; offsets index into the string. */
export interface Tag {
  start: number;
  /** Start of the local name (after any `prefix:`). */
  localStart: number;
  nameEnd: number;
  /** Index just after `>`. */
  end: number;
  selfClosing: boolean;
}


const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const DQ = 34;
const SQ = 39;

const malformed = () => refuse.corrupt('XML 结构错误');

function isNameEnd(c: number): boolean {
  return c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

/** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<? ?>` at `lt`; returns the index after it. */
export function skipMarkup(s: string, lt: number): number {
  let close: string;
  if (s.startsWith('<!--', lt)) close = '-->';
  else if (s.startsWith('<![CDATA[', lt)) close = ']]>';
  else if (s.charCodeAt(lt + 1) === QUESTION) close = '?>';
  else close = '>';
  const at = s.indexOf(close, lt + 2);
  if (at < 0) throw malformed();
  return at + close.length;
}

/** Parses the start tag whose `<` is at `lt`. */
export function readTag(s: string, lt: number): Tag {
  let i = lt + 1;
  let localStart = i;
  for (;;) {
    const c = s.charCodeAt(i);
    if (isNameEnd(c)) break;
    if (c === COLON) localStart = i + 1;
    i++;
  }
  const nameEnd = i;
  if (nameEnd === lt + 1) throw malformed();
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === GT) break;
    if (c === DQ || c === SQ) {
      const q = s.indexOf(c === DQ ? '"' : "'", i + 1);
      if (q < 0) throw malformed();
      i = q + 1;
      continue;
    }
    if (Number.isNaN(c)) throw malformed();
    i++;
  }
  return { start: lt, localStart, nameEnd, end: i + 1, selfClosing: s.charCodeAt(i - 1) === SLASH };
}

export const prefixOf = (s: string, t: Tag): string => s.slice(t.start + 1, t.localStart);
export const isLocal = (s: string, t: Tag, name: string): boolean =>
  t.nameEnd - t.localStart === name.length && s.startsWith(name, t.localStart);

/**
 * Next child start tag at or after `pos` inside the current element, skipping text, comments and PIs.
 * Returns null when the parent's end tag comes first (its `<` index is then in `endTagAt.at`).
 */
export function nextChild(s: string, pos: number, endTagAt?: { at: number }): Tag | null {
  for (;;) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) throw malformed();
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      if (endTagAt) endTagAt.at = lt;
      return null;
    }
    if (c === BANG || c === QUESTION) {
      pos = skipMarkup(s, lt);
      continue;
    }
    return readTag(s, lt);
  }
}

/** Index just after the element that starts with `t`. */
export function skipElement(s: string, t: Tag): number {
  if (t.selfClosing) return t.end;
  let depth = 1;
  let pos = t.end;
  for (;;) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) throw malformed();
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) throw malformed();
      pos = gt + 1;
      if (--depth === 0) return pos;
    } else if (c === BANG || c === QUESTION) {
      pos = skipMarkup(s, lt);
    } else {
      const inner = readTag(s, lt);
      pos = inner.end;
      if (!inner.selfClosing) depth++;
    }
  }
}

/** Index of the `<` of the end tag that closes `t` (t must not be self-closing). */
export function endTagStart(s: string, t: Tag, elementEnd: number): number {
  const at = s.lastIndexOf('</', elementEnd - 1);
  if (at < t.end) throw malformed();
  return at;
}

/** Text content of a text-only element (handles CDATA and comments); `pos` is just after the start tag. */
export function readText(s: string, pos: number): { text: string; end: number } {
  let text = '';
  for (;;) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) throw malformed();
    if (lt > pos) text += decodeText(s.slice(pos, lt));
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) throw malformed();
      return { text, end: gt + 1 };
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt);
      if (close < 0) throw malformed();
      text += s.slice(lt + 9, close);
      pos = close + 3;
    } else if (c === BANG || c === QUESTION) {
      pos = skipMarkup(s, lt);
    } else {
      // Unexpected child element: skip it and keep collecting text.
      pos = skipElement(s, readTag(s, lt));
    }
  }
}

export interface Attr {
  name: string;
  /** Offset of the attribute name. */
  start: number;
  valueStart: number;
  valueEnd: number;
}

export function readAttrs(s: string, t: Tag): Attr[] {
  const out: Attr[] = [];
  let i = t.nameEnd;
  const stop = t.end - (t.selfClosing ? 2 : 1);
  while (i < stop) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq > stop) throw malformed();
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < stop && s.charCodeAt(q) !== DQ && s.charCodeAt(q) !== SQ) q++;
    const close = s.indexOf(s[q], q + 1);
    if (q >= stop || close < 0 || close > stop) throw malformed();
    out.push({ name, start: i, valueStart: q + 1, valueEnd: close });
    i = close + 1;
  }
  return out;
}

/** Raw (undecoded) value of an attribute, or undefined. */
export function attrRaw(s: string, t: Tag, name: string): string | undefined {
  for (const a of readAttrs(s, t)) if (a.name === name) return s.slice(a.valueStart, a.valueEnd);
  return undefined;
}

/** First element in document order (skipping prolog) — the root. */
export function rootTag(s: string): Tag {
  const t = nextChild(s, 0);
  if (!t) throw malformed();
  return t;
}

/** Direct children of an element. */
export function children(s: string, parent: Tag): Tag[] {
  const out: Tag[] = [];
  if (parent.selfClosing) return out;
  let pos = parent.end;
  for (let t = nextChild(s, pos); t; t = nextChild(s, pos)) {
    out.push(t);
    pos = skipElement(s, t);
  }
  return out;
}

/**
 * Returns `tag` text with attribute `name` set to `value` (or removed when value is null).
 * Works on the start tag only; untouched attributes keep their exact bytes.
 */
export function setAttr(tagText: string, name: string, value: string | null): string {
  const t = readTag(tagText, 0);
  const a = readAttrs(tagText, t).find((x) => x.name === name);
  if (a) {
    if (value === null) {
      let from = a.start;
      while (from > t.nameEnd && /\s/.test(tagText[from - 1])) from--;
      return tagText.slice(0, from) + tagText.slice(a.valueEnd + 1);
    }
    return tagText.slice(0, a.valueStart) + value + tagText.slice(a.valueEnd);
  }
  if (value === null) return tagText;
  const at = t.end - (t.selfClosing ? 2 : 1);
  let insertAt = at;
  while (insertAt > t.nameEnd && /\s/.test(tagText[insertAt - 1])) insertAt--;
  return `${tagText.slice(0, insertAt)} ${name}="${value}"${tagText.slice(insertAt)}`;
}

