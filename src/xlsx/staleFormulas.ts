// LibreOffice (and other readers that trust cached results) ignore fullCalcOnLoad: a user's formula that reads
// a score we write would keep showing its old value. Such formulas lose their cached <v>, which makes every
// reader compute them on load; Excel recalculates them anyway. Only formulas whose static references reach a
// written cell (directly or through other such formulas) are touched.
import { applyByteEdits, type ByteEdit } from './byteEdits';
import { attrB, intAttrB, isLocalB, nextChildB, rootTagB, skipElementB, utf8Text, type BTag } from './byteXml';
import { MAX_COLS, parseRange, type CellRange } from './cellRef';
import { scanFormula, shiftRef, type FormulaRef } from './formulaRefs';
import { refuse } from './refusals';
import { scanCells } from './rowCells';
import type { DefinedName } from './workbookXml';
import { decodeText } from './xmlText';

export interface SheetFormula {
  row: number;
  col: number;
  text: string;
  kind: 'normal' | 'shared' | 'array' | 'other';
  si?: number;
  /** The range of a shared master or an array formula. */
  ref?: CellRange;
}

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

/** Calls `visit` for each <row> of the sheet's <sheetData> with its 0-based index. */
function eachRow(b: Uint8Array, visit: (t: BTag, row: number) => void): void {
  const root = rootTagB(b);
  if (root.selfClosing) return;
  let sheetData: BTag | null = null;
  for (let pos = root.end, t = nextChildB(b, pos); t; t = nextChildB(b, pos)) {
    if (isLocalB(b, t, 'sheetData')) {
      sheetData = t;
      break;
    }
    pos = skipElementB(b, t.end, t.selfClosing);
  }
  if (!sheetData || sheetData.selfClosing) return;
  let prev = -1;
  for (let pos = sheetData.end, t = nextChildB(b, pos); t; t = nextChildB(b, pos)) {
    pos = skipElementB(b, t.end, t.selfClosing);
    if (!isLocalB(b, t, 'row')) continue;
    const r = intAttrB(b, t, 'r');
    const row = r === undefined ? prev + 1 : r - 1;
    if (row <= prev) throw refuse.corrupt('工作表的行顺序错乱');
    prev = row;
    if (!t.selfClosing) visit(t, row);
  }
}

/** Children of a <c> element: calls `visit` with each child's start tag and its end. */
function eachChild(b: Uint8Array, from: number, visit: (t: BTag, end: number) => void): void {
  for (let pos = from, t = nextChildB(b, pos); t; t = nextChildB(b, pos)) {
    pos = skipElementB(b, t.end, t.selfClosing);
    visit(t, pos);
  }
}

export function scanSheetFormulas(b: Uint8Array): SheetFormula[] {
  const out: SheetFormula[] = [];
  eachRow(b, (t, row) => {
    for (const c of scanCells(b, t.end, row).cells) {
      if (c.selfClosing) continue;
      eachChild(b, c.tagEnd, (f, end) => {
        if (!isLocalB(b, f, 'f')) return;
        const type = attrB(b, f, 't');
        const kind = type === undefined || type === 'normal' ? 'normal' : type === 'shared' ? 'shared' : type === 'array' ? 'array' : 'other';
        const refAttr = attrB(b, f, 'ref');
        const si = attrB(b, f, 'si');
        const text = f.selfClosing ? '' : decodeText(utf8Text(b, f.end, b.lastIndexOf(60 /* < */, end - 1)));
        out.push({ row, col: c.col, text, kind, si: si === undefined ? undefined : Number(si), ref: (refAttr && parseRange(refAttr)) || undefined });
      });
    }
  });
  return out;
}

/** Cells by key, plus whole ranges (array formulas can span far more cells than exist). */
export interface CellSet {
  cells: Set<number>;
  ranges: CellRange[];
}

const inRange = (r: CellRange, row: number, col: number) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
export const hasCell = (s: CellSet, row: number, col: number): boolean =>
  s.cells.has(cellKey(row, col)) || s.ranges.some((r) => inRange(r, row, col));

/** Removes the cached <v> of the given cells; every other byte stays. */
export function dropCachedValues(b: Uint8Array, stale: CellSet): Uint8Array {
  const edits: ByteEdit[] = [];
  eachRow(b, (t, row) => {
    for (const c of scanCells(b, t.end, row).cells) {
      if (c.selfClosing || !hasCell(stale, row, c.col)) continue;
      eachChild(b, c.tagEnd, (v, end) => {
        if (isLocalB(b, v, 'v')) edits.push({ start: v.start, end, text: '' });
      });
    }
  });
  return edits.length ? applyByteEdits(b, edits) : b;
}

export interface BookFormulas {
  /** Worksheets in <sheets> order with their index among all <sheet> entries (for localSheetId). */
  sheets: { name: string; index: number; formulas: () => SheetFormula[] }[];
  names: DefinedName[];
}

interface Node {
  sheet: string;
  key: number;
  refs: { sheet: string; ref: FormulaRef }[];
  /** An array formula's range: all of it holds cached results. */
  range?: CellRange;
}

function intersects(target: CellSet | undefined, r: FormulaRef): boolean {
  if (!target) return false;
  if (target.ranges.some((x) => x.r1 <= r.r2 && r.r1 <= x.r2 && x.c1 <= r.c2 && r.c1 <= x.c2)) return true;
  const set = target.cells;
  if (set.size === 0) return false;
  const area = (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
  if (area <= set.size) {
    for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) if (set.has(cellKey(row, col))) return true;
    return false;
  }
  for (const k of set) {
    const row = Math.floor(k / MAX_COLS);
    const col = k - row * MAX_COLS;
    if (row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2) return true;
  }
  return false;
}

/**
 * Formula cells (by lower-cased sheet name) whose results depend on the written cells.
 * Array formulas bring their whole range (its cells hold the cached results).
 */
export function staleFormulaCells(book: BookFormulas, written: Map<string, Set<number>>): Map<string, CellSet> {
  const sheetKey = new Map(book.sheets.map((s) => [s.name.toLowerCase(), s.name.toLowerCase()]));
  const nameScans = new Map<DefinedName, ReturnType<typeof scanFormula>>();
  const scanName = (d: DefinedName) => {
    let s = nameScans.get(d);
    if (!s) nameScans.set(d, (s = scanFormula(d.formula)));
    return s;
  };
  const lookupName = (name: string, sheetIndex: number) =>
    book.names.find((d) => d.name.toUpperCase() === name && d.localSheetId === sheetIndex) ??
    book.names.find((d) => d.name.toUpperCase() === name && d.localSheetId === undefined);

  const nodes: Node[] = [];
  for (const s of book.sheets) {
    const own = s.name.toLowerCase();
    const formulas = s.formulas();
    if (formulas.length === 0) continue;
    const masters = new Map<number, SheetFormula>();
    for (const f of formulas) if (f.kind === 'shared' && f.ref && f.si !== undefined) masters.set(f.si, f);
    const scans = new Map<SheetFormula, ReturnType<typeof scanFormula>>();
    for (const f of formulas) {
      if (f.kind === 'other') continue;
      let base = f;
      if (f.kind === 'shared' && !f.ref) {
        const m = f.si === undefined ? undefined : masters.get(f.si);
        if (!m) continue;
        base = m;
      }
      let scan = scans.get(base);
      if (!scan) scans.set(base, (scan = scanFormula(base.text)));
      const refs: Node['refs'] = [];
      const add = (sheet: string | null, r: FormulaRef | null) => {
        const key = sheet === null ? own : sheetKey.get(sheet.toLowerCase());
        if (r && key) refs.push({ sheet: key, ref: r });
      };
      for (const r of scan.refs) add(r.sheet, shiftRef(r, f.row - base.row, f.col - base.col));
      // Names resolve to their own references (nested names up to three deep).
      let pending = scan.names.map((n) => ({ ...n, depth: 0 }));
      while (pending.length) {
        const next: typeof pending = [];
        for (const n of pending) {
          const index = n.sheet === null ? s.index : book.sheets.find((x) => x.name.toLowerCase() === n.sheet!.toLowerCase())?.index ?? -1;
          const d = lookupName(n.name, index);
          if (!d) continue;
          const ns = scanName(d);
          for (const r of ns.refs) add(r.sheet, r);
          if (n.depth < 3) next.push(...ns.names.map((x) => ({ ...x, depth: n.depth + 1 })));
        }
        pending = next;
      }
      if (refs.length === 0) continue;
      nodes.push({ sheet: own, key: cellKey(f.row, f.col), refs, range: f.kind === 'array' ? f.ref : undefined });
    }
  }

  const targets = new Map<string, CellSet>();
  for (const [k, v] of written) targets.set(k, { cells: new Set(v), ranges: [] });
  const stale = new Map<string, CellSet>();
  const add = (m: Map<string, CellSet>, sheet: string, node: Node) => {
    let s = m.get(sheet);
    if (!s) m.set(sheet, (s = { cells: new Set(), ranges: [] }));
    s.cells.add(node.key);
    if (node.range) s.ranges.push(node.range);
  };
  let open = nodes;
  // A chain in document order settles in one round; the cap bounds hostile reversed chains.
  for (let round = 0; round < 100 && open.length > 0; round++) {
    const still: Node[] = [];
    for (const node of open) {
      if (node.refs.some((x) => intersects(targets.get(x.sheet), x.ref))) {
        add(targets, node.sheet, node);
        add(stale, node.sheet, node);
      } else {
        still.push(node);
      }
    }
    if (still.length === open.length) break;
    open = still;
  }
  return stale;
}
