import { isLocal, nextChild, readTag, readText, rootTag, skipElement, skipMarkup, type Tag } from './xmlScan';
import { refuse } from './refusals';
import { decodeXString } from './xmlText';

/** Far above any real workbook; bounds the memory a hostile table can take. */
export const MAX_SHARED_STRINGS = 1_000_000;

/**
 * Plain text of a string item (`<si>` or `<is>`): all `<t>` runs, including rich-text runs `<r><t>`,
 * but not phonetic `<rPh>` runs. Returns the text and the index after the element.
 */
export function richText(s: string, el: Tag): { text: string; end: number } {
  if (el.selfClosing) return { text: '', end: el.end };
  let text = '';
  let depth = 0;
  let pos = el.end;
  for (;;) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) return { text: decodeXString(text), end: s.length };
    const c = s.charCodeAt(lt + 1);
    if (c === 47) {
      pos = s.indexOf('>', lt) + 1;
      if (depth-- === 0) return { text: decodeXString(text), end: pos };
      continue;
    }
    if (c === 33 || c === 63) {
      pos = skipMarkup(s, lt);
      continue;
    }
    const t = readTag(s, lt);
    if (isLocal(s, t, 't')) {
      if (t.selfClosing) pos = t.end;
      else {
        const r = readText(s, t.end);
        text += r.text;
        pos = r.end;
      }
    } else if (isLocal(s, t, 'r') && !t.selfClosing) {
      depth++;
      pos = t.end;
    } else {
      pos = skipElement(s, t);
    }
  }
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const root = rootTag(xml);
  if (root.selfClosing) return out;
  let pos = root.end;
  for (let t = nextChild(xml, pos); t; t = nextChild(xml, pos)) {
    if (isLocal(xml, t, 'si')) {
      if (out.length === MAX_SHARED_STRINGS) throw refuse.tooLarge(`共享字符串超过 ${MAX_SHARED_STRINGS / 10_000} 万条`);
      const r = richText(xml, t);
      out.push(r.text);
      pos = r.end;
    } else {
      pos = skipElement(xml, t);
    }
  }
  return out;
}
