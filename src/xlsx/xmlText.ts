import { refuse } from './refusals';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Decodes an XML part as UTF-8, keeping a BOM as U+FEFF so that re-encoding gives the same bytes.
 * Refuses DOCTYPE (we never expand entities) and non-UTF-8 parts.
 */
export function decodeXml(bytes: Uint8Array, partName: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[1] === 0) {
    throw refuse.unsupported(`无法读取：部件“${partName}”使用 UTF-16 编码，本工具暂不支持。请在 Excel 或 WPS 中打开后另存为 .xlsx 再重试。`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw refuse.corrupt(`部件“${partName}”不是有效的 UTF-8 文本`);
  }
  if (text.includes('<!DOCTYPE')) throw refuse.corrupt(`部件“${partName}”含有 DOCTYPE 声明`);
  return text;
}

export const encodeXml = (text: string): Uint8Array => encoder.encode(text);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const body = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff && /^#(x[0-9a-f]+|[0-9]+)$/i.test(body)) {
        rep = String.fromCodePoint(code);
      }
    } else {
      rep = NAMED[body];
    }
    if (rep !== undefined) {
      out += s.slice(from, amp) + rep;
      from = semi + 1;
    }
    amp = s.indexOf('&', rep !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(from);
}

/** Character data: literal CR LF / CR become LF (XML end-of-line handling), then entities are expanded. */
export function decodeText(raw: string): string {
  if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
  return decodeEntities(raw);
}

/** OOXML ST_Xstring escapes such as `_x000D_`. */
export function decodeXString(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Protects literal `_xHHHH_` sequences so Excel does not decode them. */
export function encodeXString(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Removes what XML 1.0 cannot carry: control characters other than TAB/LF/CR, U+FFFE/U+FFFF and
 * unpaired surrogates. (A loop rather than a lookbehind regex, which older WebKit lacks.)
 */
export function stripIllegalXmlChars(s: string): string {
  s = s.replace(CONTROL, '');
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
  );
}
