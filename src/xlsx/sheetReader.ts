import type { CellFormat, CellValue, FormatGrid, Grid } from '../engine/index.ts';
import {
  ascii,
  attrB,
  attrRangeB,
  BANG,
  COLON,
  DQ,
  EQ,
  GT,
  LT,
  QUESTION,
  SLASH,
  SQ,
  isLocalB,
  malformed,
  readTagB,
  skipElementB,
  skipMarkupB,
  tagClose,
  utf8Text,
  type BTag,
} from './byteXml';
import { MAX_COLS, MAX_ROWS, parseRange, type CellRange } from './cellRef';
import { refuse } from './refusals';
import { richText } from './sharedStrings';
import { readTag, readText } from './xmlScan';
import { decodeText, decodeXString } from './xmlText';
import type { SheetFormula } from './staleFormulas';


export interface SheetContent {
  grid: Grid;
  /** Percent and date formats of the cells that hold a value. */
  formats: FormatGrid;
  /** Every formula of the sheet, for finding the user's formulas that read what we write. */
  formulas: SheetFormula[];
  /** row * MAX_COLS + col of every cell holding an `<f>`. */
  formulaCells: Set<number>;
  /** Ranges covered by array / data-table formulas (only their top-left cell carries `<f>`). */
  formulaRanges: CellRange[];
}

const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** Grid slots (rows plus cells up to each row's last value) one workbook may fill: bounds memory for sparse sheets. */
export const MAX_GRID_CELLS = 8_000_000;

/** Shared by all sheets of one workbook. */
export interface GridBudget {
  left: number;
  sheet: string;
}

export const newGridBudget = (): GridBudget => ({ left: MAX_GRID_CELLS, sheet: '' });

export function hasFormulaAt(c: SheetContent, row: number, col: number): boolean {
  if (c.formulaCells.has(cellKey(row, col))) return true;
  for (const r of c.formulaRanges) if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) return true;
  return false;
}

/** Start tag of `<sheetData>` (a child of the root), or null. */
function findSheetData(b: Uint8Array): BTag | null {
  let depth = 0;
  let pos = 0;
  for (;;) {
    const lt = b.indexOf(LT, pos);
    if (lt < 0) return null;
    const c = b[lt + 1];
    if (c === SLASH) {
      depth--;
      pos = b.indexOf(GT, lt) + 1;
      if (pos === 0) throw malformed();
      continue;
    }
    if (c === BANG || c === QUESTION) {
      pos = skipMarkupB(b, lt);
      continue;
    }
    const t = readTagB(b, lt);
    if (depth === 1 && isLocalB(b, t, 'sheetData')) return t;
    if (!t.selfClosing) depth++;
    pos = t.end;
  }
}

const toNumber = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses a decimal number from bytes. Up to 15 significant digits and a power of ten within ±22
 * take the exact fast path (one correctly rounded multiply/divide); anything else goes to Number().
 */
function parseNumberB(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg || b[i] === 43) i++;
  let mant = 0;
  let digits = 0;
  let exp = 0;
  let any = false;
  let frac = false;
  for (; i < e; i++) {
    const c = b[i];
    if (c === 46 && !frac) {
      frac = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) break;
    any = true;
    if (mant !== 0 || d !== 0) {
      if (++digits > 15) return toNumber(ascii(b, s, e));
      mant = mant * 10 + d;
    }
    if (frac) exp--;
  }
  if (!any) return toNumber(ascii(b, s, e));
  if (i < e && (b[i] === 69 || b[i] === 101)) {
    i++;
    const eneg = b[i] === 45;
    if (eneg || b[i] === 43) i++;
    let x = 0;
    const start = i;
    for (; i < e && b[i] >= 48 && b[i] <= 57 && x < 1000; i++) x = x * 10 + b[i] - 48;
    if (i === start) return toNumber(ascii(b, s, e));
    exp += eneg ? -x : x;
  }
  if (i !== e || exp < -22 || exp > 22) return toNumber(ascii(b, s, e));
  const v = exp >= 0 ? mant * POW10[exp] : mant / POW10[-exp];
  return neg ? -v : v;
}

// Cell type codes.
const T_N = 0;
const T_S = 1;
const T_B = 2;
const T_STR = 3;
const T_INLINE = 4;
const T_OTHER = 5; // e, d and unknown: the text as is

function typeCode(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  const c = b[s];
  if (len === 1) return c === 115 ? T_S : c === 110 ? T_N : c === 98 ? T_B : T_OTHER;
  if (len === 3 && c === 115 && b[s + 1] === 116 && b[s + 2] === 114) return T_STR;
  if (len === 9 && c === 105 && ascii(b, s, e) === 'inlineStr') return T_INLINE;
  return T_OTHER;
}

/** Decoded text of a `<v>` whose content holds CDATA or comments: re-read it with the string scanner. */
function slowText(b: Uint8Array, contentStart: number, elementEnd: number): string {
  const s = `<v>${utf8Text(b, contentStart, elementEnd)}`;
  return readText(s, 3).text;
}

/**
 * Reads a worksheet's values and formula cells in one linear pass over the bytes.
 * Grid rows and columns end at the last non-empty value.
 */
export function readSheet(
  b: Uint8Array, sst: string[], budget: GridBudget = newGridBudget(), styleFormats: readonly (CellFormat | null)[] = [],
): SheetContent {
  const grid: Grid = [];
  const formats: FormatGrid = [];
  const formulas: SheetFormula[] = [];
  const formulaCells = new Set<number>();
  const formulaRanges: CellRange[] = [];
  const result = { grid, formats, formulas, formulaCells, formulaRanges };
  const sheetData = findSheetData(b);
  if (!sheetData || sheetData.selfClosing) return result;
  const n = b.length;

  const badRef = () => refuse.corrupt('单元格地址无效');

  let rowIdx = -1;
  let pos = sheetData.end;
  for (;;) {
    const lt = b.indexOf(LT, pos);
    if (lt < 0) throw malformed();
    const c1 = b[lt + 1];
    if (c1 === SLASH) break; // </sheetData>
    if (c1 === BANG || c1 === QUESTION) {
      pos = skipMarkupB(b, lt);
      continue;
    }
    const rowTag = readTagB(b, lt);
    if (!isLocalB(b, rowTag, 'row')) {
      pos = skipElementB(b, rowTag.end, rowTag.selfClosing);
      continue;
    }
    const r = attrRangeB(b, rowTag, 'r');
    rowIdx = r === undefined ? rowIdx + 1 : parseNumberB(b, r[0], r[1]) - 1;
    if (!Number.isInteger(rowIdx) || rowIdx < 0 || rowIdx >= MAX_ROWS) throw refuse.corrupt(`第 ${rowIdx + 1} 行的行号无效`);
    pos = rowTag.end;
    if (rowTag.selfClosing) continue;

    let colIdx = -1;
    let i = pos;
    for (;;) {
      while (i < n && b[i] !== LT) i++;
      if (i >= n) throw malformed();
      const lt1 = i;
      const k1 = b[lt1 + 1];
      if (k1 === SLASH) {
        i = lt1 + 2;
        while (i < n && b[i] !== GT) i++; // </row>
        i++;
        break;
      }
      if (k1 === BANG || k1 === QUESTION) {
        i = skipMarkupB(b, lt1);
        continue;
      }
      i = lt1 + 1;
      let ls = i;
      for (;;) {
        const c = b[i];
        if (c === GT || c === SLASH || c <= 32 || i >= n) break;
        if (c === COLON) ls = i + 1;
        i++;
      }
      if (i - ls !== 1 || b[ls] !== 99 /* c */) {
        const gt = tagClose(b, i);
        i = skipElementB(b, gt + 1, b[gt - 1] === SLASH);
        continue;
      }

      // <c> attributes: only r and t matter.
      let refRow = -1;
      let refCol = -1;
      let type = T_N;
      let style = 0;
      let selfClosing = false;
      for (;;) {
        if (i >= n) throw malformed();
        const c = b[i];
        if (c === GT) {
          selfClosing = b[i - 1] === SLASH;
          i++;
          break;
        }
        if (c <= 32 || c === SLASH) {
          i++;
          continue;
        }
        const ns = i;
        while (i < n && b[i] !== EQ && b[i] > 32) i++;
        const ne = i;
        while (i < n && b[i] !== DQ && b[i] !== SQ) i++;
        const q = b[i];
        const vs = i + 1;
        let ve = vs;
        while (ve < n && b[ve] !== q) ve++;
        if (ve >= n) throw malformed();
        if (ne - ns === 1) {
          const a = b[ns];
          if (a === 114 /* r */) {
            let j = vs;
            if (b[j] === 36) j++;
            let col = 0;
            for (; j < ve; j++) {
              const x = b[j] | 0x20;
              if (x < 97 || x > 122) break;
              col = col * 26 + x - 96;
            }
            if (col === 0 || col > MAX_COLS) throw badRef();
            if (b[j] === 36) j++;
            let row = 0;
            const rowStart = j;
            for (; j < ve; j++) {
              const d = b[j] - 48;
              if (d < 0 || d > 9) throw badRef();
              row = row * 10 + d;
            }
            if (j > rowStart && (row < 1 || row > MAX_ROWS)) throw badRef();
            refCol = col - 1;
            refRow = j > rowStart ? row - 1 : -1;
          } else if (a === 116 /* t */) {
            type = typeCode(b, vs, ve);
          } else if (a === 115 /* s */) {
            style = 0;
            for (let j = vs; j < ve; j++) style = style * 10 + (b[j] - 48);
          }
        }
        i = ve + 1;
      }
      const cellRow = refRow >= 0 ? refRow : rowIdx;
      colIdx = refCol >= 0 ? refCol : colIdx + 1;
      if (selfClosing) continue;

      // <c> children: <v>, <f>, <is>, anything else is skipped.
      let vs = -1;
      let ve = -1;
      let vText: string | undefined;
      let inline: string | undefined;
      let formula: SheetFormula | null = null;
      for (;;) {
        while (i < n && b[i] !== LT) i++;
        if (i >= n) throw malformed();
        const lt2 = i;
        const k2 = b[lt2 + 1];
        if (k2 === SLASH) {
          i = lt2 + 2;
          while (i < n && b[i] !== GT) i++; // </c>
          i++;
          break;
        }
        if (k2 === BANG || k2 === QUESTION) {
          i = skipMarkupB(b, lt2);
          continue;
        }
        i = lt2 + 1;
        let ls2 = i;
        for (;;) {
          const c = b[i];
          if (c === GT || c === SLASH || c <= 32 || i >= n) break;
          if (c === COLON) ls2 = i + 1;
          i++;
        }
        const ne2 = i;
        const gt = b[ne2] === GT ? ne2 : tagClose(b, ne2);
        const selfC = b[gt - 1] === SLASH;
        const len = ne2 - ls2;
        const first = b[ls2];
        if (len === 1 && first === 118 /* v */) {
          if (selfC) {
            vs = ve = gt + 1;
            i = gt + 1;
          } else {
            let te = gt + 1;
            while (te < n && b[te] !== LT) te++;
            if (b[te + 1] === SLASH) {
              vs = gt + 1;
              ve = te;
              i = te + 2;
              while (i < n && b[i] !== GT) i++; // </v>
              i++;
            } else {
              const end = skipElementB(b, gt + 1, false);
              vText = slowText(b, gt + 1, end);
              i = end;
            }
          }
        } else if (len === 1 && first === 102 /* f */) {
          const end = skipElementB(b, gt + 1, selfC);
          formula = { row: cellRow, col: colIdx, text: '', kind: 'normal' };
          if (!selfC) formula.text = decodeText(utf8Text(b, gt + 1, b.lastIndexOf(LT, end - 1)));
          if (ne2 !== gt) {
            const tag: BTag = { start: lt2, localStart: ls2, nameEnd: ne2, end: gt + 1, selfClosing: selfC };
            const ft = attrB(b, tag, 't');
            const ref = attrB(b, tag, 'ref');
            const range = ref === undefined ? null : parseRange(ref);
            if (ft === 'array' || ft === 'dataTable') {
              if (range) formulaRanges.push(range);
            }
            formula.kind = ft === undefined || ft === 'normal' ? 'normal' : ft === 'shared' ? 'shared' : ft === 'array' ? 'array' : 'other';
            const si = attrB(b, tag, 'si');
            if (si !== undefined) formula.si = Number(si);
            if (range) formula.ref = range;
          }
          i = end;
        } else if (len === 2 && first === 105 && b[ls2 + 1] === 115 /* is */) {
          const end = skipElementB(b, gt + 1, selfC);
          const s = utf8Text(b, lt2, end);
          inline = richText(s, readTag(s, 0)).text;
          i = end;
        } else {
          i = skipElementB(b, gt + 1, selfC);
        }
      }
      if (formula) {
        formulaCells.add(cellKey(cellRow, colIdx));
        formulas.push(formula);
      }

      let value: CellValue = null;
      const hasV = vText !== undefined || ve > vs;
      if (type === T_N) {
        if (hasV) {
          const num = vText !== undefined ? toNumber(vText) : parseNumberB(b, vs, ve);
          // "1e999" is no number Excel can hold: keep the text, the engine then says it cannot read it.
          if (Number.isFinite(num)) value = num;
          else {
            const raw = vText ?? decodeText(utf8Text(b, vs, ve));
            value = raw.trim() === '' ? null : raw;
          }
        }
      } else if (type === T_S) {
        if (hasV) value = sst[vText !== undefined ? toNumber(vText) : parseNumberB(b, vs, ve)] ?? null;
      } else if (type === T_INLINE) {
        value = inline ?? (hasV ? decodeXString(vText ?? decodeText(utf8Text(b, vs, ve))) : null);
      } else if (hasV) {
        const text = vText ?? decodeText(utf8Text(b, vs, ve));
        if (type === T_B) value = text === '1' || text === 'true' || text === 'TRUE' ? true : text === '0' || text === 'false' || text === 'FALSE' ? false : null;
        else value = text === '' ? null : type === T_STR ? decodeXString(text) : text;
      }
      if (value !== null) {
        const growth = Math.max(0, cellRow + 1 - grid.length) + Math.max(0, colIdx + 1 - (grid[cellRow]?.length ?? 0));
        if ((budget.left -= growth) < 0) {
          throw refuse.tooLarge(`工作表“${budget.sheet}”的已用区域过大，全部工作表合计超过 ${MAX_GRID_CELLS / 10_000} 万个单元格`);
        }
        while (grid.length <= cellRow) grid.push([]);
        const arr = grid[cellRow];
        while (arr.length < colIdx) arr.push(null);
        if (arr.length === colIdx) arr.push(value);
        else arr[colIdx] = value;
        const kind = style > 0 ? styleFormats[style] : styleFormats[0];
        if (kind) (formats[cellRow] ??= [])[colIdx] = kind;
      }
    }
    pos = i;
  }
  return result;
}
