import type { CellWrite } from '../engine/index.ts';
import { applyByteEdits, type ByteEdit } from './byteEdits';
import { ascii, attrExtentB, attrRangeB, intAttrB, isLocalB, nextChildB, rootTagB, skipElementB, utf8Text, type BTag } from './byteXml';
import { cellAddress, formatRange, parseRange } from './cellRef';
import { refuse } from './refusals';
import { scanCells, spanTag } from './rowCells';
import { setAttr } from './xmlScan';
import { encodeXString, escapeText, stripIllegalXmlChars } from './xmlText';


export type PatchWrite = Pick<CellWrite, 'row' | 'col' | 'value' | 'numberFormat'>;

export interface StyleSource {
  /** Index of a cell style like `base` but with number format "0.00". */
  numberStyle(base: number): number;
}

export const EMPTY_WORKSHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/><sheetData/>' +
  '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
  // A new 汇总 prints A4 landscape, one page wide.
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';

/** Shortest round-trip text; JS exponents become Excel's "1E-7" form. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n).replace('e', 'E');
}

const tagText = (b: Uint8Array, t: BTag) => utf8Text(b, t.start, t.end);
const prefixOfB = (b: Uint8Array, t: BTag) => ascii(b, t.start + 1, t.localStart);
const openingOfB = (b: Uint8Array, t: BTag) => {
  const text = tagText(b, t);
  return t.selfClosing ? text.slice(0, -2).trimEnd() + '>' : text;
};
const closingOfB = (b: Uint8Array, t: BTag) => `</${ascii(b, t.start + 1, t.nameEnd)}>`;

interface RowWrites {
  row: number;
  writes: PatchWrite[];
}

/** Groups writes (already deduplicated) by row, both sorted ascending. */
function groupByRow(writes: PatchWrite[]): RowWrites[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: RowWrites[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.row === w.row) last.writes.push(w);
    else out.push({ row: w.row, writes: [w] });
  }
  return out;
}

/** New spans value covering the written columns, the same value, or null to drop it. */
function grownSpans(spans: string, ws: PatchWrite[]): string | null {
  const colon = spans.indexOf(':');
  const lo = Number(spans.slice(0, colon));
  const hi = Number(spans.slice(colon + 1));
  if (colon > 0 && Number.isInteger(lo) && Number.isInteger(hi)) {
    const first = ws[0].col + 1;
    const last = ws[ws.length - 1].col + 1;
    return first >= lo && last <= hi ? spans : `${Math.min(lo, first)}:${Math.max(hi, last)}`;
  }
  const ranges = spans.trim().split(/\s+/).map((x) => x.split(':').map(Number));
  const covered = (col: number) => ranges.some(([a, b]) => col + 1 >= a && col + 1 <= b);
  if (ws.every((w) => covered(w.col))) return spans;
  const valid = ranges.length === 1 && ranges[0].length === 2 && ranges[0].every(Number.isInteger);
  if (!valid) return null;
  return `${Math.min(ranges[0][0], ws[0].col + 1)}:${Math.max(ranges[0][1], ws[ws.length - 1].col + 1)}`;
}

/**
 * Splices the writes into a worksheet's XML bytes. Only the affected `<c>` and `<row>` elements,
 * `<dimension>` and the insertion points change; every other byte is kept.
 */
export function patchSheet(b: Uint8Array, writes: PatchWrite[], styles: StyleSource): Uint8Array {
  if (writes.length === 0) return b;
  const root = rootTagB(b);
  let dimension: BTag | undefined;
  let sheetData: BTag | undefined;
  const colStyles: { min: number; max: number; style: number }[] = [];
  for (let pos = root.end, t = nextChildB(b, pos); t; t = nextChildB(b, pos)) {
    pos = skipElementB(b, t.end, t.selfClosing);
    if (isLocalB(b, t, 'dimension')) dimension = t;
    else if (isLocalB(b, t, 'cols') && !t.selfClosing) {
      for (let p2 = t.end, c = nextChildB(b, p2); c; c = nextChildB(b, p2)) {
        p2 = skipElementB(b, c.end, c.selfClosing);
        const style = intAttrB(b, c, 'style');
        if (isLocalB(b, c, 'col') && style) colStyles.push({ min: intAttrB(b, c, 'min') ?? 0, max: intAttrB(b, c, 'max') ?? 0, style });
      }
    } else if (isLocalB(b, t, 'sheetData')) {
      sheetData = t;
      break;
    }
  }
  if (!sheetData) throw refuse.corrupt('工作表缺少 sheetData');

  const edits: ByteEdit[] = [];
  const colStyle = (col: number) => colStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style;
  const newCellStyle = (col: number, rowStyle: number | undefined) => rowStyle ?? colStyle(col);

  const cellXml = (p: string, row: number, w: PatchWrite, style: number | undefined): string => {
    if (w.numberFormat === '0.00') style = styles.numberStyle(style ?? 0);
    const head = `<${p}c r="${cellAddress(row, w.col)}"${style !== undefined && style !== 0 ? ` s="${style}"` : ''}`;
    if (w.value === null) return `${head}/>`;
    if (typeof w.value === 'number') return `${head}><${p}v>${formatNumber(w.value)}</${p}v></${p}c>`;
    const text = escapeText(encodeXString(stripIllegalXmlChars(w.value)));
    return `${head} t="inlineStr"><${p}is><${p}t xml:space="preserve">${text}</${p}t></${p}is></${p}c>`;
  };
  const newRowXml = (p: string, rw: RowWrites) =>
    `<${p}row r="${rw.row + 1}">${rw.writes.map((w) => cellXml(p, rw.row, w, newCellStyle(w.col, undefined))).join('')}</${p}row>`;

  /** Patches one existing row; returns the index just after it. */
  const patchRow = (t: BTag, row: number, ws: PatchWrite[], needR: boolean): number => {
    const p = prefixOfB(b, t);
    const customFormat = attrRangeB(b, t, 'customFormat');
    const cf = customFormat && ascii(b, customFormat[0], customFormat[1]);
    const rowStyle = cf === '1' || cf === 'true' ? intAttrB(b, t, 's') : undefined;

    const spans = attrExtentB(b, t, 'spans');
    const spansValue = spans && ascii(b, spans.valueStart, spans.valueEnd);
    const nextSpans = spansValue === undefined ? undefined : grownSpans(spansValue, ws);
    if (t.selfClosing) {
      let open = openingOfB(b, t);
      if (needR) open = setAttr(open, 'r', String(row + 1));
      if (nextSpans !== spansValue) open = setAttr(open, 'spans', nextSpans ?? null);
      const cells = ws.map((w) => cellXml(p, row, w, newCellStyle(w.col, rowStyle))).join('');
      edits.push({ start: t.start, end: t.end, text: open + cells + closingOfB(b, t) });
      return t.end;
    }
    // Edit the start tag in place: keeps every other attribute byte as it was.
    if (needR) edits.push({ start: t.nameEnd, end: t.nameEnd, text: ` r="${row + 1}"` });
    if (spans && nextSpans !== undefined && nextSpans !== spansValue) {
      if (nextSpans === null) {
        let from = spans.nameStart;
        while (from > t.nameEnd && b[from - 1] <= 32) from--;
        edits.push({ start: from, end: spans.valueEnd + 1, text: '' });
      } else {
        edits.push({ start: spans.valueStart, end: spans.valueEnd, text: nextSpans });
      }
    }

    const { cells, contentEnd, endTagAt } = scanCells(b, t.end, row);
    const rowEnd = skipEndTag(endTagAt);

    let ci = 0;
    let inserted = false;
    const replaced = new Set<number>();
    for (const w of ws) {
      while (ci < cells.length && cells[ci].col < w.col) ci++;
      const cell = cells[ci];
      if (cell && cell.col === w.col) {
        edits.push({ start: cell.start, end: cell.end, text: cellXml(p, row, w, intAttrB(b, spanTag(cell), 's')) });
        replaced.add(ci);
      } else {
        const at = cell ? cell.start : contentEnd;
        edits.push({ start: at, end: at, text: cellXml(p, row, w, newCellStyle(w.col, rowStyle)) });
        inserted = true;
      }
    }
    // Cells without r take their column from their position, which an insertion would shift.
    if (inserted) {
      cells.forEach((c, i) => {
        if (!c.hasR && !replaced.has(i)) edits.push({ start: c.nameEnd, end: c.nameEnd, text: ` r="${cellAddress(row, c.col)}"` });
      });
    }
    return rowEnd;
  };
  const skipEndTag = (lt: number) => {
    const gt = b.indexOf(62 /* > */, lt);
    if (gt < 0) throw refuse.corrupt('XML 结构错误');
    return gt + 1;
  };

  const rows = groupByRow(writes);
  const p = prefixOfB(b, sheetData);
  if (sheetData.selfClosing) {
    const body = rows.map((rw) => newRowXml(p, rw)).join('');
    edits.push({ start: sheetData.start, end: sheetData.end, text: openingOfB(b, sheetData) + body + closingOfB(b, sheetData) });
  } else {
    let ti = 0;
    let prevRow = -1;
    let inserted = false;
    const endAt = { at: -1 };
    for (let pos = sheetData.end, t = nextChildB(b, pos, endAt); t; t = nextChildB(b, pos, endAt)) {
      if (!isLocalB(b, t, 'row')) {
        pos = skipElementB(b, t.end, t.selfClosing);
        continue;
      }
      const r = intAttrB(b, t, 'r');
      const row = r === undefined ? prevRow + 1 : r - 1;
      if (row <= prevRow || row >= 1_048_576) throw refuse.corrupt('工作表的行顺序错乱');
      prevRow = row;
      let fresh = '';
      while (ti < rows.length && rows[ti].row < row) fresh += newRowXml(p, rows[ti++]);
      if (fresh) {
        edits.push({ start: t.start, end: t.start, text: fresh });
        inserted = true;
      }
      const needR = r === undefined && inserted;
      if (ti < rows.length && rows[ti].row === row) {
        pos = patchRow(t, row, rows[ti++].writes, needR);
      } else {
        pos = skipElementB(b, t.end, t.selfClosing);
        if (needR) edits.push({ start: t.nameEnd, end: t.nameEnd, text: ` r="${row + 1}"` });
      }
      // Once every write is placed, later rows only matter if they lack r and something was inserted.
      if (ti === rows.length && !inserted) break;
    }
    if (ti < rows.length) {
      const rest = rows.slice(ti).map((rw) => newRowXml(p, rw)).join('');
      edits.push({ start: endAt.at, end: endAt.at, text: rest });
    }
  }

  if (dimension) {
    const ref = attrRangeB(b, dimension, 'ref');
    const range = ref && parseRange(ascii(b, ref[0], ref[1]));
    if (range) {
      const grown = { ...range };
      for (const w of writes) {
        grown.r1 = Math.min(grown.r1, w.row);
        grown.r2 = Math.max(grown.r2, w.row);
        grown.c1 = Math.min(grown.c1, w.col);
        grown.c2 = Math.max(grown.c2, w.col);
      }
      if (grown.r1 !== range.r1 || grown.r2 !== range.r2 || grown.c1 !== range.c1 || grown.c2 !== range.c2) {
        edits.push({ start: dimension.start, end: dimension.end, text: setAttr(tagText(b, dimension), 'ref', formatRange(grown)) });
      }
    }
  }
  return edits.length === 0 ? b : applyByteEdits(b, edits);
}
