import { refuse } from './refusals';
import { REL_NS } from './relationships';
import { appendEdit, applyEdits } from './xmlEdit';
import { attrRaw, children, isLocal, prefixOf, readAttrs, readText, rootTag, setAttr, type Tag } from './xmlScan';
import { decodeEntities, escapeAttr } from './xmlText';

const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** Qualified name of the relationship-id attribute as this workbook spells it, e.g. "r:id". */
  relAttr: string;
}

function namespaceOf(s: string, root: Tag): string | undefined {
  const prefix = prefixOf(s, root).replace(/:$/, '');
  const want = prefix ? `xmlns:${prefix}` : 'xmlns';
  const raw = attrRaw(s, root, want);
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** Sheets in workbook order (all kinds; the caller filters by relationship type). */
export function parseWorkbook(xml: string): WorkbookSheet[] {
  const root = rootTag(xml);
  if (namespaceOf(xml, root) === STRICT_MAIN_NS) throw refuse.strict();
  if (!isLocal(xml, root, 'workbook')) {
    throw refuse.unsupported('无法读取：压缩包里没有 Excel 工作簿（可能是 Word、PowerPoint 文件或其他压缩包）。请选择 .xlsx 工作簿后重试。');
  }
  const sheetsEl = children(xml, root).find((t) => isLocal(xml, t, 'sheets'));
  const out: WorkbookSheet[] = [];
  if (!sheetsEl) return out;
  for (const t of children(xml, sheetsEl)) {
    if (!isLocal(xml, t, 'sheet')) continue;
    let name = '';
    let sheetId = 0;
    let relId = '';
    let relAttr = 'r:id';
    for (const a of readAttrs(xml, t)) {
      const value = decodeEntities(xml.slice(a.valueStart, a.valueEnd));
      if (a.name === 'name') name = value;
      else if (a.name === 'sheetId') sheetId = Number(value) || 0;
      else if (a.name.endsWith(':id')) {
        relId = value;
        relAttr = a.name;
      }
    }
    out.push({ name, sheetId, relId, relAttr });
  }
  return out;
}

/** Appends `<sheet>` elements at the end of `<sheets>`. */
export function addSheets(xml: string, sheets: { name: string; sheetId: number; relId: string }[], relAttr: string): string {
  if (sheets.length === 0) return xml;
  const root = rootTag(xml);
  const sheetsEl = children(xml, root).find((t) => isLocal(xml, t, 'sheets'));
  if (!sheetsEl) throw refuse.corrupt('workbook.xml 缺少 sheets');
  const p = prefixOf(xml, sheetsEl);
  const relPrefix = relAttr.slice(0, relAttr.indexOf(':'));
  // Declare the relationships namespace on the element itself unless the root already binds this prefix.
  const declare = attrRaw(xml, root, `xmlns:${relPrefix}`) === undefined ? ` xmlns:${relPrefix}="${REL_NS}"` : '';
  const text = sheets
    .map((s) => `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}" ${relAttr}="${escapeAttr(s.relId)}"${declare}/>`)
    .join('');
  return applyEdits(xml, [appendEdit(xml, sheetsEl, text)]);
}

// CT_Workbook children that must come after <calcPr>.
const AFTER_CALC_PR = new Set([
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/** Makes Excel recalculate every formula when the file is opened. */
export function setFullCalcOnLoad(xml: string): string {
  const root = rootTag(xml);
  const kids = children(xml, root);
  const calcPr = kids.find((t) => isLocal(xml, t, 'calcPr'));
  if (calcPr) {
    const current = attrRaw(xml, calcPr, 'fullCalcOnLoad');
    if (current === '1' || current === 'true') return xml;
    const tag = setAttr(xml.slice(calcPr.start, calcPr.end), 'fullCalcOnLoad', '1');
    return xml.slice(0, calcPr.start) + tag + xml.slice(calcPr.end);
  }
  const element = `<${prefixOf(xml, root)}calcPr fullCalcOnLoad="1"/>`;
  const before = kids.find((t) => AFTER_CALC_PR.has(xml.slice(t.localStart, t.nameEnd)));
  if (before) return xml.slice(0, before.start) + element + xml.slice(before.start);
  return applyEdits(xml, [appendEdit(xml, root, element)]);
}

export interface DefinedName {
  name: string;
  /** Index into the workbook's <sheets> for a sheet-scoped name. */
  localSheetId?: number;
  formula: string;
}

/** The workbook's <definedNames>, as written (formula text decoded). */
export function parseDefinedNames(xml: string): DefinedName[] {
  const root = rootTag(xml);
  const el = children(xml, root).find((t) => isLocal(xml, t, 'definedNames'));
  if (!el) return [];
  const out: DefinedName[] = [];
  for (const t of children(xml, el)) {
    if (!isLocal(xml, t, 'definedName') || t.selfClosing) continue;
    const name = decodeEntities(attrRaw(xml, t, 'name') ?? '');
    const local = attrRaw(xml, t, 'localSheetId');
    out.push({ name, localSheetId: local === undefined ? undefined : Number(local), formula: readText(xml, t.end).text });
  }
  return out;
}
