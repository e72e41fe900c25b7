import { appendEdit, applyEdits } from './xmlEdit';
import { attrRaw, children, isLocal, prefixOf, rootTag } from './xmlScan';
import { decodeEntities, escapeAttr } from './xmlText';

export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** Lower-cased part names (without leading slash) that have an Override. */
export function overriddenParts(xml: string): Set<string> {
  const root = rootTag(xml);
  const out = new Set<string>();
  for (const t of children(xml, root)) {
    if (!isLocal(xml, t, 'Override')) continue;
    out.add(decodeEntities(attrRaw(xml, t, 'PartName') ?? '').replace(/^\//, '').toLowerCase());
  }
  return out;
}

export function addOverrides(xml: string, overrides: { part: string; contentType: string }[]): string {
  const existing = overriddenParts(xml);
  const fresh = overrides.filter((o) => !existing.has(o.part.toLowerCase()));
  if (fresh.length === 0) return xml;
  const root = rootTag(xml);
  const p = prefixOf(xml, root);
  const text = fresh
    .map((o) => `<${p}Override PartName="/${escapeAttr(o.part)}" ContentType="${escapeAttr(o.contentType)}"/>`)
    .join('');
  return applyEdits(xml, [appendEdit(xml, root, text)]);
}
