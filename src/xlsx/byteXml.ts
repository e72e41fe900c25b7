// Tag-level scanning straight over UTF-8 bytes. Worksheets are by far the largest parts, so they are
// read and patched without decoding them to a JS string; every markup character is ASCII, so byte
// offsets of '<', '>', quotes and names are unambiguous in UTF-8.
import { refuse } from './refusals';

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
export const BANG = 33; // !
export const QUESTION = 63; // ?
export const COLON = 58; // :
export const EQ = 61; // =
export const DQ = 34; // "
export const SQ = 39; // '

export const malformed = () => refuse.corrupt('XML 结构错误');

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** ASCII slice as a string (markup names, numbers, cell references). */
export const ascii = (b: Uint8Array, start: number, end: number): string => latin1.decode(b.subarray(start, end));

export function utf8Text(b: Uint8Array, start: number, end: number): string {
  try {
    return utf8.decode(b.subarray(start, end));
  } catch {
    throw refuse.corrupt('文本不是有效的 UTF-8');
  }
}

export interface BTag {
  start: number;
  localStart: number;
  nameEnd: number;
  /** Index just after '>'. */
  end: number;
  selfClosing: boolean;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Index of the '>' that ends the tag whose attributes start at `i` (quote-aware). */
export function tagClose(b: Uint8Array, i: number): number {
  const n = b.length;
  for (; i < n; i++) {
    const c = b[i];
    if (c === GT) return i;
    if (c === DQ || c === SQ) {
      i++;
      while (i < n && b[i] !== c) i++; // attribute values are short: a loop beats indexOf
    }
  }
  throw malformed();
}

export function readTagB(b: Uint8Array, lt: number): BTag {
  let i = lt + 1;
  let localStart = i;
  const n = b.length;
  for (; i < n; i++) {
    const c = b[i];
    if (c === GT || c === SLASH || isSpace(c)) break;
    if (c === COLON) localStart = i + 1;
  }
  if (i === lt + 1) throw malformed();
  const gt = tagClose(b, i);
  return { start: lt, localStart, nameEnd: i, end: gt + 1, selfClosing: b[gt - 1] === SLASH };
}

/** Skips a comment, CDATA section or processing instruction starting at `lt`; refuses DOCTYPE. */
export function skipMarkupB(b: Uint8Array, lt: number): number {
  const c1 = b[lt + 1];
  let close: number[];
  if (c1 === QUESTION) close = [QUESTION, GT];
  else if (b[lt + 2] === 45 /* - */) close = [45, 45, GT];
  else if (b[lt + 2] === 91 /* [ */) close = [93, 93, GT];
  else if (b[lt + 2] === 68 /* D */) throw refuse.corrupt('XML 含有 DOCTYPE 声明');
  else close = [GT];
  for (let i = b.indexOf(close[close.length - 1], lt + 2); i >= 0; i = b.indexOf(close[close.length - 1], i + 1)) {
    let k = 1;
    while (k < close.length && b[i - k] === close[close.length - 1 - k]) k++;
    if (k === close.length && i - close.length + 1 >= lt + 2) return i + 1;
  }
  throw malformed();
}

export function isLocalB(b: Uint8Array, t: BTag, name: string): boolean {
  if (t.nameEnd - t.localStart !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[t.localStart + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** Next child start tag at or after `pos`; null when an end tag comes first (its '<' goes to `endAt.at`). */
export function nextChildB(b: Uint8Array, pos: number, endAt?: { at: number }): BTag | null {
  for (;;) {
    const lt = b.indexOf(LT, pos);
    if (lt < 0) throw malformed();
    const c = b[lt + 1];
    if (c === SLASH) {
      if (endAt) endAt.at = lt;
      return null;
    }
    if (c === BANG || c === QUESTION) {
      pos = skipMarkupB(b, lt);
      continue;
    }
    return readTagB(b, lt);
  }
}

/** Index just after the element whose start tag ends at `end` (`selfClosing` as parsed). */
export function skipElementB(b: Uint8Array, end: number, selfClosing: boolean): number {
  if (selfClosing) return end;
  const n = b.length;
  let depth = 1;
  let i = end;
  for (;;) {
    while (i < n && b[i] !== LT) i++; // manual scans beat indexOf over the short gaps between tags
    if (i >= n) throw malformed();
    const lt = i;
    const c = b[lt + 1];
    if (c === SLASH) {
      i = lt + 2;
      while (i < n && b[i] !== GT) i++;
      if (i >= n) throw malformed();
      i++;
      if (--depth === 0) return i;
    } else if (c === BANG || c === QUESTION) {
      i = skipMarkupB(b, lt);
    } else {
      i = lt + 1;
      while (i < n && b[i] !== GT && b[i] !== SLASH && !isSpace(b[i])) i++;
      const gt = tagClose(b, i);
      i = gt + 1;
      if (b[gt - 1] !== SLASH) depth++;
    }
  }
}

/** Raw (entity-encoded) value of an unprefixed attribute, decoded as UTF-8; undefined when absent. */
export function attrB(b: Uint8Array, t: BTag, name: string): string | undefined {
  const r = attrRangeB(b, t, name);
  return r && utf8Text(b, r[0], r[1]);
}

/** [valueStart, valueEnd] of an attribute, or undefined. */
export function attrRangeB(b: Uint8Array, t: BTag, name: string): [number, number] | undefined {
  const a = attrExtentB(b, t, name);
  return a && [a.valueStart, a.valueEnd];
}

/** Where an attribute sits in its tag: name start, value start/end (the closing quote is at valueEnd). */
export function attrExtentB(b: Uint8Array, t: BTag, name: string): { nameStart: number; valueStart: number; valueEnd: number } | undefined {
  let i = t.nameEnd;
  const stop = t.end - 1;
  while (i < stop) {
    const c = b[i];
    if (isSpace(c) || c === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < stop && b[i] !== EQ && !isSpace(b[i])) i++;
    const nameEnd = i;
    while (i < stop && b[i] !== DQ && b[i] !== SQ) i++;
    const q = b[i];
    let close = i + 1;
    while (close < stop && b[close] !== q) close++;
    if (i >= stop || close >= stop) throw malformed();
    if (nameEnd - nameStart === name.length) {
      let k = 0;
      while (k < name.length && b[nameStart + k] === name.charCodeAt(k)) k++;
      if (k === name.length) return { nameStart, valueStart: i + 1, valueEnd: close };
    }
    i = close + 1;
  }
  return undefined;
}

/** Non-negative integer attribute value, undefined when absent, 0 when malformed. */
export function intAttrB(b: Uint8Array, t: BTag, name: string): number | undefined {
  const r = attrRangeB(b, t, name);
  if (!r) return undefined;
  let v = 0;
  for (let i = r[0]; i < r[1]; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return 0;
    v = v * 10 + d;
  }
  return r[1] > r[0] ? v : 0;
}

/** Start tag of the document's root element. */
export function rootTagB(b: Uint8Array): BTag {
  const t = nextChildB(b, 0);
  if (!t) throw malformed();
  return t;
}

/** Rejects UTF-16 parts and any DOCTYPE. */
export function checkXmlBytes(b: Uint8Array, part: string): void {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || b[1] === 0) {
    throw refuse.unsupported(`无法读取：部件“${part}”使用 UTF-16 编码，本工具暂不支持。请在 Excel 或 WPS 中打开后另存为 .xlsx 再重试。`);
  }
  for (let i = b.indexOf(BANG); i >= 0; i = b.indexOf(BANG, i + 1)) {
    if (b[i - 1] === LT && b[i + 1] === 68 && ascii(b, i + 1, i + 8) === 'DOCTYPE') {
      throw refuse.corrupt(`部件“${part}”含有 DOCTYPE 声明`);
    }
  }
}
