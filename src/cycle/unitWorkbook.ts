// 分发 at the package level: one unit's workbook made by pruning the master's zip, never by rebuilding it.
import type { CellWrite } from '../engine/index.ts';
import { ProtectionStyles } from '../xlsx/cellProtection.ts';
import type { DeflateCodec } from '../xlsx/codec.ts';
import { CONTENT_TYPES_PART } from '../xlsx/contentTypes.ts';
import { CUSTOM_PROPERTIES_PART, CUSTOM_PROPERTIES_REL, CUSTOM_PROPERTIES_TYPE, customPropertiesXml } from '../xlsx/customProperties.ts';
import { OpcPackage, relsPartFor, resolveTarget } from '../xlsx/opcPackage.ts';
import { refuse } from '../xlsx/refusals.ts';
import { parseRelationships, relKind } from '../xlsx/relationships.ts';
import { patchSheet } from '../xlsx/sheetPatcher.ts';
import { protectSheetXml, sheetProtectionXml } from '../xlsx/sheetProtection.ts';
import { NumberStyles } from '../xlsx/styles.ts';
import { parseWorkbook, type WorkbookSheet } from '../xlsx/workbookXml.ts';
import { children, isLocal, prefixOf, rootTag, setAttr, skipElement } from '../xlsx/xmlScan.ts';
import { decodeEntities, encodeXml } from '../xlsx/xmlText.ts';
import { readZip, writeZip, type NewEntry, type ZipEntry } from '../xlsx/zip.ts';
import { freezeOutsideFormulas, isTabSelected, relockSheet, renumberSharedStrings, sharedStringsUsed } from './sheetXml.ts';

/** The master's package, opened once for every unit file. */
export interface MasterPackage {
  pkg: OpcPackage;
  workbookPart: string;
  sheets: WorkbookSheet[];
  /** sheet name → worksheet part */
  parts: Map<string, string>;
  rels: ReturnType<typeof parseRelationships>;
  /** Parts read once for all the unit files (the shared strings and styles are as large as the whole master). */
  cache: Map<string, unknown>;
}

function cached<T>(master: MasterPackage, key: string, make: () => T): T {
  if (!master.cache.has(key)) master.cache.set(key, make());
  return master.cache.get(key) as T;
}

export function openMasterPackage(bytes: Uint8Array, codec?: DeflateCodec): MasterPackage {
  const pkg = new OpcPackage(readZip(bytes, codec));
  const office = parseRelationships(pkg.xml('_rels/.rels')).find((r) => relKind(r.type) === 'officeDocument' && !r.external);
  if (!office) throw refuse.corrupt('缺少工作簿部件');
  const workbookPart = resolveTarget('', office.target);
  const rels = parseRelationships(pkg.xml(relsPartFor(workbookPart)));
  const sheets = parseWorkbook(pkg.xml(workbookPart));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const parts = new Map<string, string>();
  for (const s of sheets) {
    const rel = byId.get(s.relId);
    if (rel && relKind(rel.type) === 'worksheet') parts.set(s.name, resolveTarget(workbookPart, rel.target));
  }
  return { pkg, workbookPart, sheets, parts, rels, cache: new Map() };
}

export interface UnitFileSpec {
  /** Sheets kept, in master order: the unit's 考核表 and 填报说明 when there is one. */
  keep: string[];
  unit: string;
  /** The unit's entry cells (unlocked); every other cell of every kept sheet is locked. */
  isEntry: (row: number, col: number) => boolean;
  /** Cells emptied in the unit's sheet (the assessor's), and entry cells given an element of their own. */
  writes: CellWrite[];
  properties: Record<string, string>;
  password?: string;
}

const WORKBOOK_KINDS = new Set(['worksheet', 'styles', 'theme', 'sharedStrings']);
const ROOT_KINDS = new Set(['officeDocument', 'core-properties', 'extended-properties']);
/** Parts that belong to the whole workbook; a kept sheet never takes them along. */
const SHEET_REL_DROPPED = new Set(['pivotTable']);

function removeElements(xml: string, parentName: string, drop: (tagText: string) => boolean): string {
  const root = rootTag(xml);
  const parent = parentName === '' ? root : children(xml, root).find((t) => isLocal(xml, t, parentName));
  if (!parent) return xml;
  let out = '';
  let cursor = 0;
  for (const t of children(xml, parent)) {
    const end = skipElement(xml, t);
    if (drop(xml.slice(t.start, end))) {
      out += xml.slice(cursor, t.start);
      cursor = end;
    }
  }
  return out + xml.slice(cursor);
}

const attrOf = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag.slice(0, tag.indexOf('>') + 1));
  return m ? decodeEntities(m[2] ?? m[3]) : undefined;
};

/** workbook.xml with only the kept sheets, their names renumbered, and nothing that points at a dropped part. */
function prunedWorkbookXml(xml: string, sheets: WorkbookSheet[], keep: Set<string>, activeTab: number): string {
  const index = new Map<number, number>();
  let next = 0;
  sheets.forEach((s, i) => { if (keep.has(s.name)) index.set(i, next++); });
  const dropped = sheets.filter((s) => !keep.has(s.name)).map((s) => s.name);
  const mentionsDropped = (formula: string) =>
    dropped.some((n) => formula.includes(`'${n.replace(/'/g, "''")}'!`) || formula.includes(`${n}!`));
  let out = removeElements(xml, 'sheets', (t) => !keep.has(attrOf(t, 'name') ?? ''));
  out = removeElements(out, '', (t) => /^<(?:\w+:)?(externalReferences|pivotCaches)\b/.test(t));
  out = out.replace(/<((?:\w+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g, (whole, p: string, attrs: string, body: string) => {
    const local = attrOf(`<x${attrs}>`, 'localSheetId');
    if (local !== undefined) {
      const n = index.get(Number(local));
      if (n === undefined) return '';
      return `<${p}definedName${setAttr(`<x${attrs}>`, 'localSheetId', String(n)).slice(2, -1)}>${body}</${p}definedName>`;
    }
    return mentionsDropped(decodeEntities(body)) ? '' : whole;
  });
  out = out.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, '');
  out = out.replace(/<(?:\w+:)?workbookView\b[^>]*>/, (tag) => setAttr(setAttr(tag, 'firstSheet', null), 'activeTab', activeTab === 0 ? null : String(activeTab)));
  return out;
}

/** app.xml without the list of sheet names, which would name the other units. */
const prunedAppXml = (xml: string) =>
  xml.replace(/<((?:\w+:)?)HeadingPairs\b[\s\S]*?<\/\1HeadingPairs>/, '').replace(/<((?:\w+:)?)TitlesOfParts\b[\s\S]*?<\/\1TitlesOfParts>/, '');

function relsWithout(xml: string, drop: (id: string) => boolean, add = ''): string {
  let out = removeElements(xml, '', (t) => drop(attrOf(t, 'Id') ?? ''));
  if (add) out = out.replace(/<\/((?:\w+:)?)Relationships>\s*$/, `${add}</$1Relationships>`);
  return out;
}

/** The shared strings the kept sheets use, in their old order, and the old → new index map. */
function prunedSharedStrings(xml: string, items: string[], used: Set<number>): { xml: string; map: Map<number, number> } {
  const root = rootTag(xml);
  const map = new Map<number, number>();
  let body = '';
  for (const i of [...used].sort((a, b) => a - b)) {
    if (i >= items.length) continue;
    map.set(i, map.size);
    body += items[i];
  }
  const p = prefixOf(xml, root);
  let open = setAttr(xml.slice(root.start, root.end).replace(/\s*\/>$/, '>'), 'count', String(map.size));
  open = setAttr(open, 'uniqueCount', String(map.size));
  return { xml: `${xml.slice(0, root.start)}${open}${body}</${p}sst>`, map };
}

/** One unit's workbook: the master's package with every other sheet and part left out. */
export function buildUnitWorkbook(master: MasterPackage, spec: UnitFileSpec): Uint8Array {
  const { pkg, workbookPart } = master;
  const keep = new Set(spec.keep);
  const keptSheets = master.sheets.filter((s) => keep.has(s.name));
  const keepParts = new Set<string>([CONTENT_TYPES_PART.toLowerCase(), '_rels/.rels', workbookPart.toLowerCase()]);
  const replaced = new Map<ZipEntry, Uint8Array>();
  const added: NewEntry[] = [];
  const put = (part: string, text: string) => {
    const e = pkg.entry(part);
    keepParts.add(part.toLowerCase());
    if (e) replaced.set(e, encodeXml(text));
    else added.push({ name: part, data: encodeXml(text) });
  };

  // The workbook's relationships: kept sheets and the parts every sheet shares.
  const keptRelIds = new Set<string>();
  const sheetRelIds = new Map(keptSheets.map((s) => [s.relId, s.name]));
  let stylesPart: string | undefined;
  let sstPart: string | undefined;
  for (const r of master.rels) {
    const kind = relKind(r.type);
    if (r.external || !WORKBOOK_KINDS.has(kind)) continue;
    if (kind === 'worksheet' && !sheetRelIds.has(r.id)) continue;
    const part = resolveTarget(workbookPart, r.target);
    if (!pkg.has(part)) continue;
    keptRelIds.add(r.id);
    keepParts.add(part.toLowerCase());
    if (kind === 'styles') stylesPart = part;
    if (kind === 'sharedStrings') sstPart = part;
  }
  const wbRels = relsPartFor(workbookPart);
  put(wbRels, relsWithout(pkg.xml(wbRels), (id) => !keptRelIds.has(id)));

  // Parts the kept sheets reach (drawings, comments, tables, printer settings, images), followed to the end.
  const follow = (part: string) => {
    const relsPart = relsPartFor(part);
    if (!pkg.has(relsPart)) return;
    const rels = parseRelationships(pkg.xml(relsPart));
    const dropped = rels.filter((r) => SHEET_REL_DROPPED.has(relKind(r.type))).map((r) => r.id);
    if (dropped.length) put(relsPart, relsWithout(pkg.xml(relsPart), (id) => dropped.includes(id)));
    else keepParts.add(relsPart.toLowerCase());
    for (const r of rels) {
      if (r.external || dropped.includes(r.id)) continue;
      const target = resolveTarget(part, r.target);
      if (keepParts.has(target.toLowerCase()) || !pkg.has(target)) continue;
      keepParts.add(target.toLowerCase());
      follow(target);
    }
  };

  const stylesXml = cached(master, 'styles', () => (stylesPart ? pkg.xml(stylesPart) : MINIMAL_STYLES));
  const protection = new ProtectionStyles(stylesXml);
  const numberStyles = { numberStyle: (base: number) => base }; // cleared cells carry no format
  const sheetXml = new Map<string, string>();
  let activeTab = 0;
  keptSheets.forEach((s, i) => {
    const part = master.parts.get(s.name);
    if (!part) throw refuse.corrupt(`工作表“${s.name}”的部件缺失`);
    keepParts.add(part.toLowerCase());
    follow(part);
    const bytes = pkg.xmlBytes(part);
    const isUnit = s.name === spec.unit;
    let xml = new TextDecoder().decode(isUnit ? patchSheet(bytes, spec.writes, numberStyles as unknown as NumberStyles) : bytes);
    xml = freezeOutsideFormulas(xml);
    xml = relockSheet(xml, protection, isUnit ? spec.isEntry : () => false);
    xml = protectSheetXml(xml, sheetProtectionXml(prefixOf(xml, rootTag(xml)), spec.password));
    if (isTabSelected(xml)) activeTab = i;
    sheetXml.set(part, xml);
  });

  if (sstPart) {
    const used = new Set<number>();
    for (const xml of sheetXml.values()) sharedStringsUsed(xml, used);
    const sstXml = cached(master, 'sst', () => pkg.xml(sstPart!));
    const items = cached(master, 'sstItems', () => {
      const root = rootTag(sstXml);
      return children(sstXml, root).filter((t) => isLocal(sstXml, t, 'si')).map((t) => sstXml.slice(t.start, skipElement(sstXml, t)));
    });
    const sst = prunedSharedStrings(sstXml, items, used);
    put(sstPart, sst.xml);
    for (const [part, xml] of sheetXml) sheetXml.set(part, renumberSharedStrings(xml, sst.map));
  }
  for (const [part, xml] of sheetXml) put(part, xml);
  if (protection.changed) {
    if (!stylesPart) throw refuse.unsupported('无法分发：主表没有样式部件，无法只开放填报单元格。请在 Excel 或 WPS 中打开主表另存一次后重试。');
    put(stylesPart, protection.toXml());
  }

  put(workbookPart, prunedWorkbookXml(pkg.xml(workbookPart), master.sheets, keep, activeTab));

  // Package root: the workbook, its core and app properties, and what was issued as custom properties.
  const rootRels = parseRelationships(pkg.xml('_rels/.rels'));
  const rootKept = new Set<string>();
  for (const r of rootRels) {
    if (r.external || !ROOT_KINDS.has(relKind(r.type))) continue;
    const part = resolveTarget('', r.target);
    if (!pkg.has(part)) continue;
    rootKept.add(r.id);
    keepParts.add(part.toLowerCase());
    if (relKind(r.type) === 'extended-properties') put(part, prunedAppXml(pkg.xml(part)));
  }
  let customId = 'rIdCustom';
  for (let n = 1; rootRels.some((r) => r.id === customId); n++) customId = `rIdCustom${n}`;
  put('_rels/.rels', relsWithout(pkg.xml('_rels/.rels'), (id) => !rootKept.has(id),
    `<Relationship Id="${customId}" Type="${CUSTOM_PROPERTIES_REL}" Target="${CUSTOM_PROPERTIES_PART}"/>`));
  put(CUSTOM_PROPERTIES_PART, customPropertiesXml(spec.properties));

  const ct = pkg.xml(CONTENT_TYPES_PART);
  let ctNext = removeElements(ct, '', (t) => {
    if (!/^<(?:\w+:)?Override\b/.test(t)) return false;
    return !keepParts.has((attrOf(t, 'PartName') ?? '').replace(/^\//, '').toLowerCase());
  });
  ctNext = removeElements(ctNext, '', (t) => /^<(?:\w+:)?Override\b/.test(t) && (attrOf(t, 'PartName') ?? '').toLowerCase() === `/${CUSTOM_PROPERTIES_PART}`);
  ctNext = ctNext.replace(/<\/((?:\w+:)?)Types>\s*$/, `<$1Override PartName="/${CUSTOM_PROPERTIES_PART}" ContentType="${CUSTOM_PROPERTIES_TYPE}"/></$1Types>`);
  put(CONTENT_TYPES_PART, ctNext);

  const zip = pkg.zip;
  const entries = zip.entries.filter((e) => keepParts.has(e.name.toLowerCase()));
  return writeZip({ ...zip, entries }, replaced, added);
}

const MINIMAL_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
