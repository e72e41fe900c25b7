import { appendEdit, applyEdits } from './xmlEdit';
import { attrRaw, children, isLocal, prefixOf, rootTag } from './xmlScan';
import { decodeEntities, escapeAttr } from './xmlText';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Relationship[] {
  const root = rootTag(xml);
  const out: Relationship[] = [];
  for (const t of children(xml, root)) {
    if (!isLocal(xml, t, 'Relationship')) continue;
    const get = (n: string) => decodeEntities(attrRaw(xml, t, n) ?? '');
    out.push({ id: get('Id'), type: get('Type'), target: get('Target'), external: get('TargetMode') === 'External' });
  }
  return out;
}

/** The relationship type's last segment ("worksheet", "officeDocument"), so Transitional and Strict URIs both match. */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export function unusedRelIds(existing: Relationship[], count: number): string[] {
  const taken = new Set(existing.map((r) => r.id));
  const out: string[] = [];
  for (let n = 1; out.length < count; n++) {
    const id = `rId${n}`;
    if (!taken.has(id)) out.push(id);
  }
  return out;
}

export function addRelationships(xml: string, rels: { id: string; type: string; target: string }[]): string {
  if (rels.length === 0) return xml;
  const root = rootTag(xml);
  const p = prefixOf(xml, root);
  const text = rels
    .map((r) => `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`)
    .join('');
  return applyEdits(xml, [appendEdit(xml, root, text)]);
}
