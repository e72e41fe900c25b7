import { BANG, COLON, DQ, EQ, GT, LT, malformed, QUESTION, skipElementB, skipMarkupB, SLASH, SQ, type BTag } from './byteXml';
import { MAX_COLS } from './cellRef';
import { refuse } from './refusals';

export interface CellSpan {
  start: number;
  nameEnd: number;
  tagEnd: number;
  selfClosing: boolean;
  /** Index just after the whole `<c>` element. */
  end: number;
  col: number;
  hasR: boolean;
}

export const spanTag = (c: CellSpan): BTag => ({ start: c.start, localStart: c.nameEnd - 1, nameEnd: c.nameEnd, end: c.tagEnd, selfClosing: c.selfClosing });

/**
 * The `<c>` elements of a row whose content starts at `from`, in one pass with inline scanning
 * (this runs for every written row). Also returns where new cells go at the end (before any
 * `<extLst>`) and the `<` of `</row>`.
 */
export function scanCells(b: Uint8Array, from: number, row: number): { cells: CellSpan[]; contentEnd: number; endTagAt: number } {
  const n = b.length;
  const cells: CellSpan[] = [];
  let contentEnd = -1;
  let prevCol = -1;
  let i = from;
  for (;;) {
    while (i < n && b[i] !== LT) i++;
    if (i >= n) throw malformed();
    const lt = i;
    const k = b[lt + 1];
    if (k === SLASH) return { cells, contentEnd: contentEnd < 0 ? lt : contentEnd, endTagAt: lt };
    if (k === BANG || k === QUESTION) {
      i = skipMarkupB(b, lt);
      continue;
    }
    i = lt + 1;
    let ls = i;
    while (i < n && b[i] !== GT && b[i] !== SLASH && b[i] > 32) {
      if (b[i] === COLON) ls = i + 1;
      i++;
    }
    const nameEnd = i;
    const isCell = nameEnd - ls === 1 && b[ls] === 99; /* c */
    // Attributes up to '>', picking up r's column for cells.
    let refCol = -2; // -2: no r attribute
    for (;;) {
      if (i >= n) throw malformed();
      const c = b[i];
      if (c === GT) break;
      if (c === DQ || c === SQ) {
        const vs = i + 1;
        i = vs;
        while (i < n && b[i] !== c) i++;
        let a = vs - 2;
        while (a > nameEnd && b[a] <= 32) a--; // skip spaces before '='
        if (isCell && b[a] === EQ) {
          let nameAt = a - 1;
          while (nameAt > nameEnd && b[nameAt] <= 32) nameAt--;
          if (b[nameAt] === 114 /* r */ && b[nameAt - 1] <= 32) {
            let col = 0;
            for (let j = vs; j < i; j++) {
              const x = b[j] | 0x20;
              if (x < 97 || x > 122) break;
              col = col * 26 + x - 96;
            }
            refCol = col > 0 && col <= MAX_COLS ? col - 1 : -1;
          }
        }
      }
      i++;
    }
    const gt = i;
    const selfClosing = b[gt - 1] === SLASH;
    const end = skipElementB(b, gt + 1, selfClosing);
    i = end;
    if (!isCell) {
      if (contentEnd < 0) contentEnd = lt; // e.g. <extLst> after the cells
      continue;
    }
    const col = refCol === -2 ? prevCol + 1 : refCol;
    if (col <= prevCol) throw refuse.corrupt(`第 ${row + 1} 行的单元格顺序错乱`);
    prevCol = col;
    cells.push({ start: lt, nameEnd, tagEnd: gt + 1, selfClosing, end, col, hasR: refCol !== -2 });
  }
}

