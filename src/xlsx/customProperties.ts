import { resolveTarget, type OpcPackage } from './opcPackage';
import { parseRelationships, relKind } from './relationships';
import { decodeEntities, escapeAttr, escapeText } from './xmlText';

export const CUSTOM_PROPERTIES_PART = 'docProps/custom.xml';
export const CUSTOM_PROPERTIES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
export const CUSTOM_PROPERTIES_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** docProps/custom.xml holding text properties (vt:lpwstr), in the given order. */
export function customPropertiesXml(props: Record<string, string>): string {
  const items = Object.entries(props).map(([name, value], i) =>
    `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeAttr(name)}"><vt:lpwstr>${escapeText(value)}</vt:lpwstr></property>`);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' + items.join('') + '</Properties>';
}

/** Every property of a custom.xml with a text, number or boolean value, as text. */
export function parseCustomProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = /\bname\s*=\s*"([^"]*)"|\bname\s*=\s*'([^']*)'/.exec(m[1]);
    const value = /<(?:\w+:)?(?:lpwstr|lpstr|bstr|i4|r8|bool|filetime)\b[^>]*>([\s\S]*?)</.exec(m[2]);
    if (name && value) out[decodeEntities(name[1] ?? name[2])] = decodeEntities(value[1]);
  }
  return out;
}

/** The custom document properties of an xlsx package (empty when it has none). */
export function readCustomProperties(pkg: OpcPackage): Record<string, string> {
  const root = pkg.has('_rels/.rels') ? parseRelationships(pkg.xml('_rels/.rels')) : [];
  const rel = root.find((r) => relKind(r.type) === 'custom-properties' && !r.external);
  const part = rel ? resolveTarget('', rel.target) : CUSTOM_PROPERTIES_PART;
  return pkg.has(part) ? parseCustomProperties(pkg.xml(part)) : {};
}
