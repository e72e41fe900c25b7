// Text-level passes over one worksheet's XML for 分发: the sheet stays as the master has it except for what is named here.
import { ProtectionStyles } from '../xlsx/cellProtection.ts';
import { parseCellRef, parseRange, type CellRange } from '../xlsx/cellRef.ts';
import { setAttr } from '../xlsx/xmlScan.ts';

const CELL_OR_ROW = /<((?:\w+:)?)(row|c)\b([^>]*?)(\/?)>/g;

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? m[2] ?? m[3] : undefined;
};

/** The sheet's merged areas (0-based, inclusive). */
export function mergedAreas(xml: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const range = parseRange(attr(m[0], 'ref') ?? '');
    if (range) out.push(range);
  }
  return out;
}

function sheetDataBounds(xml: string): [number, number] {
  const open = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return [0, 0];
  if (open[1] === '/') return [open.index, open.index];
  const close = xml.indexOf('sheetData>', open.index + open[0].length);
  return [open.index + open[0].length, close < 0 ? xml.length : close];
}

/**
 * Every cell, row and column style gets the lock `entry(row, col)` asks for: true = the unit's entry (unlocked),
 * false = locked. Only `s`/`style` attributes change.
 */
export function relockSheet(xml: string, styles: ProtectionStyles, isEntry: (row: number, col: number) => boolean): string {
  const [from, to] = sheetDataBounds(xml);
  let out = '';
  let cursor = 0;
  const replace = (start: number, end: number, text: string) => {
    out += xml.slice(cursor, start) + text;
    cursor = end;
  };
  // Column styles (for cells without an element of their own) before sheetData.
  const colRe = /<(?:\w+:)?col\b[^>]*>/g;
  for (let m = colRe.exec(xml); m && m.index < from; m = colRe.exec(xml)) {
    const style = attr(m[0], 'style');
    if (style === undefined) continue;
    const next = styles.withLock(Number(style), true);
    if (next !== Number(style)) replace(m.index, m.index + m[0].length, setAttr(m[0], 'style', String(next)));
  }
  CELL_OR_ROW.lastIndex = from;
  let row = -1;
  let col = -1;
  for (let m = CELL_OR_ROW.exec(xml); m && m.index < to; m = CELL_OR_ROW.exec(xml)) {
    const tag = m[0];
    if (m[2] === 'row') {
      const r = attr(tag, 'r');
      row = r === undefined ? row + 1 : Number(r) - 1;
      col = -1;
      const s = attr(tag, 's');
      if (s !== undefined) {
        const next = styles.withLock(Number(s), true);
        if (next !== Number(s)) replace(m.index, m.index + tag.length, setAttr(tag, 's', String(next)));
      }
      continue;
    }
    const ref = attr(tag, 'r');
    const at = ref === undefined ? null : parseCellRef(ref);
    col = at ? at.col : col + 1;
    const style = Number(attr(tag, 's') ?? '0');
    const next = styles.withLock(style, !isEntry(row, col));
    if (next !== style) replace(m.index, m.index + tag.length, setAttr(tag, 's', String(next)));
  }
  return out + xml.slice(cursor);
}

const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;

/** Whether a formula reads another sheet or workbook (a `!` outside string literals). */
const readsElsewhere = (formula: string) => formula.replace(/"[^"]*"/g, '').includes('!');

/**
 * Formulas that read another sheet become their cached values: the issued file holds no other sheet. A shared
 * formula goes as a group when its master cell does.
 */
export function freezeOutsideFormulas(xml: string): string {
  const groups = new Set<string>();
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const f = m[3] && /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(m[3]);
    if (f && f[2] && readsElsewhere(f[2])) {
      const si = attr(f[0], 'si');
      if (si !== undefined && attr(f[0], 't') === 'shared') groups.add(si);
    }
  }
  return xml.replace(CELL, (whole, p: string, attrs: string, inner: string | undefined) => {
    if (!inner) return whole;
    const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
    if (!f) return whole;
    const shared = attr(f[0], 't') === 'shared' ? attr(f[0], 'si') : undefined;
    if (!(shared !== undefined && groups.has(shared)) && !(f[2] && readsElsewhere(f[2]))) return whole;
    const rest = inner.replace(f[0], '');
    const open = `<${p}c${attrs}>`;
    if (attr(open, 't') === 'str') {
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(rest);
      const tag = setAttr(open, 't', 'inlineStr');
      return `${tag}<${p}is><${p}t xml:space="preserve">${v ? v[1] : ''}</${p}t></${p}is></${p}c>`;
    }
    return rest.trim() === '' ? `${open.slice(0, -1)}/>` : `${open}${rest}</${p}c>`;
  });
}

/** Shared-string indices the sheet's cells use. */
export function sharedStringsUsed(xml: string, into: Set<number>): void {
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    if (attr(`<c${m[2]}>`, 't') !== 's' || !m[3]) continue;
    const v = /<(?:\w+:)?v>\s*(\d+)\s*<\/(?:\w+:)?v>/.exec(m[3]);
    if (v) into.add(Number(v[1]));
  }
}

/** The sheet with its shared-string indices renumbered. */
export function renumberSharedStrings(xml: string, map: Map<number, number>): string {
  return xml.replace(CELL, (whole, _p: string, attrs: string, inner: string | undefined) => {
    if (!inner || attr(`<c${attrs}>`, 't') !== 's') return whole;
    return whole.replace(/(<(?:\w+:)?v>\s*)(\d+)(\s*<\/(?:\w+:)?v>)/, (_, a: string, n: string, b: string) => `${a}${map.get(Number(n)) ?? n}${b}`);
  });
}

/** Whether the sheet's view is the selected tab. */
export const isTabSelected = (xml: string): boolean => /<(?:\w+:)?sheetView\b[^>]*\stabSelected\s*=\s*["'](1|true)["']/.test(xml);
