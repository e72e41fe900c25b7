// Static cell references of an OOXML formula (A1 syntax, as stored in <f> and <definedName>), for finding the
// user's formulas that read cells we write. Anything dynamic (INDIRECT, OFFSET, external books, tables) yields
// no reference: such formulas keep their cached value rather than risk dropping one that is not stale.
import { MAX_COLS, MAX_ROWS } from './cellRef';

export interface FormulaRef {
  /** Sheet name as written (resolved case-insensitively by the caller); null = the formula's own sheet. */
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** Relative parts move when a shared formula is copied: [row1, col1, row2, col2]. */
  relative: [boolean, boolean, boolean, boolean];
}

export interface RefScan {
  refs: FormulaRef[];
  /** Defined names used (upper-cased), with the sheet qualifier if any. */
  names: { sheet: string | null; name: string }[];
}

const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c === 36 || c === 63 || c > 127;

/** "$A$1", "A1", "$A", "12" pieces: [col or -1, row or -1, colRelative, rowRelative], or null. */
function parsePart(s: string): [number, number, boolean, boolean] | null {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d{1,7})?$/.exec(s);
  if (!m || (!m[2] && !m[4])) return null;
  let col = -1;
  if (m[2]) {
    col = 0;
    for (const ch of m[2].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    if (col > MAX_COLS) return null;
    col--;
  }
  const row = m[4] ? Number(m[4]) - 1 : -1;
  if (m[4] && (row < 0 || row >= MAX_ROWS)) return null;
  // "$12" alone is an absolute row.
  const colRel = m[2] ? m[1] !== '$' : true;
  const rowRel = m[4] ? (m[2] ? m[3] !== '$' : m[1] !== '$') : true;
  return [col, row, colRel, rowRel];
}

/** A reference token ("A1", "A1:B2", "K:K", "3:5"); null when it is not one. */
export function parseRefToken(token: string, sheet: string | null): FormulaRef | null {
  const colon = token.indexOf(':');
  const a = parsePart(colon < 0 ? token : token.slice(0, colon));
  const b = colon < 0 ? a : parsePart(token.slice(colon + 1));
  if (!a || !b) return null;
  const [ac, ar, acr, arr] = a;
  const [bc, br, bcr, brr] = b;
  if (colon < 0) {
    if (ac < 0 || ar < 0) return null; // a lone "A" or "12" is a name or a number
  } else if ((ac < 0) !== (bc < 0) || (ar < 0) !== (br < 0)) {
    return null;
  }
  const wholeRows = ac < 0;
  const wholeCols = ar < 0;
  return {
    sheet,
    r1: wholeCols ? 0 : Math.min(ar, br),
    r2: wholeCols ? MAX_ROWS - 1 : Math.max(ar, br),
    c1: wholeRows ? 0 : Math.min(ac, bc),
    c2: wholeRows ? MAX_COLS - 1 : Math.max(ac, bc),
    relative: [!wholeCols && arr, !wholeRows && acr, !wholeCols && brr, !wholeRows && bcr],
  };
}

const DYNAMIC = new Set(['INDIRECT', 'OFFSET']);

export function scanFormula(f: string): RefScan {
  const refs: FormulaRef[] = [];
  const names: RefScan['names'] = [];
  const n = f.length;
  let i = 0;
  let sheet: string | null = null;
  let external = false;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n && !(f.charCodeAt(i) === 34 && f.charCodeAt(i + 1) !== 34)) i += f.charCodeAt(i) === 34 ? 2 : 1;
      i++;
      sheet = null;
      continue;
    }
    if (c === 39 /* ' */) {
      let name = '';
      i++;
      while (i < n) {
        if (f.charCodeAt(i) === 39) {
          if (f.charCodeAt(i + 1) === 39) {
            name += "'";
            i += 2;
            continue;
          }
          break;
        }
        name += f[i++];
      }
      i++;
      if (f.charCodeAt(i) === 33 /* ! */) {
        i++;
        external = name.startsWith('[');
        sheet = name.replace(/^\[[^\]]*\]/, '');
      }
      continue;
    }
    if (c === 91 /* [ */) {
      // [1]Sheet!A1 (external book) or Table[Column] (structured reference): neither is a cell of this book.
      let depth = 0;
      do {
        if (f.charCodeAt(i) === 91) depth++;
        else if (f.charCodeAt(i) === 93) depth--;
        i++;
      } while (i < n && depth > 0);
      external = true;
      continue;
    }
    if (c === 35 /* # */) {
      i++;
      while (i < n && (isNameChar(f.charCodeAt(i)) || f.charCodeAt(i) === 47 || f.charCodeAt(i) === 33)) i++;
      continue;
    }
    if (!isNameChar(c)) {
      if (c !== 33) {
        sheet = null;
        external = false;
      }
      i++;
      continue;
    }
    let j = i;
    while (j < n && (isNameChar(f.charCodeAt(j)) || (f.charCodeAt(j) === 58 /* : */ && j + 1 < n && isNameChar(f.charCodeAt(j + 1))))) j++;
    const token = f.slice(i, j);
    i = j;
    if (f.charCodeAt(i) === 33 /* ! */) {
      i++;
      if (token.includes(':')) external = true; // Sheet1:Sheet3!A1 (3-D): not followed
      sheet = token;
      continue;
    }
    if (f.charCodeAt(i) === 40 /* ( */) {
      if (DYNAMIC.has(token.toUpperCase().replace(/^_XLFN\./, ''))) return { refs: [], names: [] };
      sheet = null;
      external = false;
      continue;
    }
    if (!external) {
      const ref = /^\d/.test(token) && !token.includes(':') ? null : parseRefToken(token, sheet);
      if (ref) refs.push(ref);
      else if (!/^\d/.test(token) && !/^(TRUE|FALSE)$/i.test(token)) names.push({ sheet, name: token.toUpperCase() });
    }
    sheet = null;
    external = false;
  }
  return { refs, names };
}

/** A shared formula's references as seen from a cell `dr` rows and `dc` columns away from its master. */
export function shiftRef(r: FormulaRef, dr: number, dc: number): FormulaRef | null {
  const row = (v: number, rel: boolean) => (rel ? v + dr : v);
  const col = (v: number, rel: boolean) => (rel ? v + dc : v);
  const out: FormulaRef = {
    ...r,
    r1: row(r.r1, r.relative[0]),
    c1: col(r.c1, r.relative[1]),
    r2: row(r.r2, r.relative[2]),
    c2: col(r.c2, r.relative[3]),
  };
  if (out.r1 < 0 || out.c1 < 0 || out.r2 >= MAX_ROWS || out.c2 >= MAX_COLS) return null;
  return out;
}
