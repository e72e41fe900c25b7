import { refuse } from './refusals';
import { applyEdits, type Edit } from './xmlEdit';
import { children, endTagStart, isLocal, prefixOf, readTag, rootTag, setAttr, skipElement, type Tag } from './xmlScan';

/** Whether a cellXfs entry leaves its cells unlocked (`<protection locked="0"/>`; locked is the default). */
function isUnlocked(xf: string): boolean {
  const m = /<(?:\w+:)?protection\b[^>]*\blocked\s*=\s*["']([^"']*)["']/.exec(xf);
  return m !== null && (m[1] === '0' || m[1] === 'false');
}

/** The xf with its lock set; other protection attributes (hidden) are kept. */
function withLock(xf: string, locked: boolean, prefix: string): string {
  const head = readTag(xf, 0);
  const open = setAttr(xf.slice(0, head.end), 'applyProtection', '1');
  const value = locked ? '1' : '0';
  if (head.selfClosing) return `${open.replace(/\s*\/>$/, '>')}<${prefix}protection locked="${value}"/></${prefix}xf>`;
  const body = xf.slice(head.end);
  const existing = /<(?:\w+:)?protection\b[^>]*?\/?>/.exec(body);
  if (existing) {
    return open + body.slice(0, existing.index) + setAttr(existing[0], 'locked', value) + body.slice(existing.index + existing[0].length);
  }
  // CT_Xf order: alignment, protection, extLst.
  const ext = /<(?:\w+:)?extLst\b/.exec(body);
  const at = ext ? ext.index : body.lastIndexOf('</');
  return open + body.slice(0, at) + `<${prefix}protection locked="${value}"/>` + body.slice(at);
}

/**
 * Hands out cellXfs indices like a given one but locked or unlocked, appending clones as needed; used to open
 * exactly the cells a unit fills in before the sheet is protected.
 */
export class ProtectionStyles {
  private readonly cellXfs: Tag;
  private readonly xfs: string[];
  private readonly added: string[] = [];
  private readonly cache = new Map<string, number>();
  private readonly prefix: string;

  constructor(private readonly source: string) {
    const cellXfs = children(source, rootTag(source)).find((t) => isLocal(source, t, 'cellXfs'));
    if (!cellXfs) throw refuse.unsupported('无法写入：工作簿的样式表缺少单元格格式（cellXfs）。请在 Excel 中打开并另存为 .xlsx 后重试。');
    this.cellXfs = cellXfs;
    this.prefix = prefixOf(source, cellXfs);
    this.xfs = children(source, cellXfs).filter((t) => isLocal(source, t, 'xf')).map((t) => source.slice(t.start, skipElement(source, t)));
    if (this.xfs.length === 0) this.push(`<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  unlocked(style: number): boolean {
    const xf = this.xfs[style] ?? this.xfs[0];
    return isUnlocked(xf);
  }

  /** Index of a style like `style` with the given lock (the same index when it already has it). */
  withLock(style: number, locked: boolean): number {
    if (!(style >= 0 && style < this.xfs.length)) style = 0;
    if (this.unlocked(style) !== locked) return style;
    const key = `${style}:${locked}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const index = this.push(withLock(this.xfs[style], locked, this.prefix));
    this.cache.set(key, index);
    return index;
  }

  private push(xf: string): number {
    this.xfs.push(xf);
    this.added.push(xf);
    return this.xfs.length - 1;
  }

  toXml(): string {
    const s = this.source;
    if (this.added.length === 0) return s;
    const t = this.cellXfs;
    const edits: Edit[] = [];
    const text = this.added.join('');
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
