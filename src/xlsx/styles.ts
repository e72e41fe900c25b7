import { refuse } from './refusals';
import { applyEdits, type Edit } from './xmlEdit';
import { attrRaw, children, endTagStart, isLocal, prefixOf, readAttrs, readTag, rootTag, setAttr, skipElement, type Tag } from './xmlScan';

/** Built-in number format 2 is "0.00". */
const NUMFMT_0_00 = '2';

export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** Order-insensitive identity of an xf: its sorted attributes plus its inner XML. */
function xfKey(xfText: string): string {
  const t = readTag(xfText, 0);
  const attrs = readAttrs(xfText, t)
    .map((a) => `${a.name}=${xfText.slice(a.valueStart, a.valueEnd)}`)
    .sort();
  return `${attrs.join(' ')}|${t.selfClosing ? '' : xfText.slice(t.end, xfText.lastIndexOf('</'))}`;
}

/**
 * Hands out cellXfs indices whose number format is "0.00", appending one clone per original style
 * and reusing an identical xf when the workbook already has one.
 */
export class NumberStyles {
  private readonly source: string;
  private readonly cellXfs: Tag;
  /** Text of every xf in cellXfs, original ones first, then the ones we append. */
  private readonly xfs: string[];
  private readonly keys: (string | undefined)[] = [];
  private readonly added: string[] = [];
  private readonly cache = new Map<number, number>();

  /** `xml` is the styles part, or null when the workbook has none (a minimal one is created). */
  constructor(private readonly xml: string | null) {
    const s = xml ?? MINIMAL_STYLES_XML;
    const cellXfs = children(s, rootTag(s)).find((t) => isLocal(s, t, 'cellXfs'));
    if (!cellXfs) {
      throw refuse.unsupported('无法写入：工作簿的样式表缺少单元格格式（cellXfs）。请在 Excel 中打开并另存为 .xlsx 后重试。');
    }
    this.source = s;
    this.cellXfs = cellXfs;
    this.xfs = children(s, cellXfs)
      .filter((t) => isLocal(s, t, 'xf'))
      .map((t) => s.slice(t.start, skipElement(s, t)));
  }

  get created(): boolean {
    return this.xml === null;
  }

  get changed(): boolean {
    return this.created || this.added.length > 0;
  }

  /** Index of a style like `base` but formatted "0.00". */
  numberStyle(base: number): number {
    if (!(base >= 0 && base < this.xfs.length)) base = 0;
    const hit = this.cache.get(base);
    if (hit !== undefined) return hit;
    const result = this.resolve(base);
    this.cache.set(base, result);
    return result;
  }

  private resolve(base: number): number {
    const xf = this.xfs[base];
    if (xf === undefined) {
      // Empty cellXfs: add a plain default first so the clone is not style 0 for every cell.
      this.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
      return this.resolve(0);
    }
    if (attrRaw(xf, readTag(xf, 0), 'numFmtId') === NUMFMT_0_00) return base;
    const end = readTag(xf, 0).end;
    let start = setAttr(xf.slice(0, end), 'numFmtId', NUMFMT_0_00);
    start = setAttr(start, 'applyNumberFormat', '1');
    const clone = start + xf.slice(end);
    const key = xfKey(clone);
    for (let i = 0; i < this.xfs.length; i++) {
      this.keys[i] ??= xfKey(this.xfs[i]);
      if (this.keys[i] === key) return i;
    }
    return this.push(clone);
  }

  private push(xf: string): number {
    this.xfs.push(xf);
    this.added.push(xf);
    return this.xfs.length - 1;
  }

  /** The styles part text with the appended xfs and updated count. */
  toXml(): string {
    const s = this.source;
    if (this.added.length === 0) return s;
    const t = this.cellXfs;
    const edits: Edit[] = [];
    const p = prefixOf(s, t);
    const text = this.added.map((x) => (p ? x.replace(/^<(\/?)xf\b/, `<$1${p}xf`).replace(/<\/xf>$/, `</${p}xf>`) : x)).join('');
    let open = setAttr(s.slice(t.start, t.end), 'count', String(this.xfs.length));
    if (t.selfClosing) {
      open = open.replace(/\s*\/>$/, '>');
      edits.push({ start: t.start, end: t.end, text: `${open}${text}</${s.slice(t.start + 1, t.nameEnd)}>` });
    } else {
      edits.push({ start: t.start, end: t.end, text: open });
      const at = endTagStart(s, t, skipElement(s, t));
      edits.push({ start: at, end: at, text });
    }
    return applyEdits(s, edits);
  }
}
