import { cellText, foldHeader, foldText, isBlank, readRuleWord, SERIAL_HEADERS, type Grid } from '../engine/index.ts';
import { comparable, type UnitSheetModel } from './unitEntries.ts';

export interface BodyRow {
  row: number;
  key: string;
  indicator: boolean;
  text: string;
}

const SERIALS = new Set(SERIAL_HEADERS.map(foldHeader));

export function serialColumn(grid: Grid, headerRow: number): number | undefined {
  const row = grid[headerRow] ?? [];
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c]) && SERIALS.has(foldHeader(cellText(row[c])))) return c;
  return undefined;
}

/** Rows below the header that hold anything issued, each keyed by what identifies it: 序号 and 考核内容, or its whole text. */
export function bodyRows(view: Grid, model: UnitSheetModel): BodyRow[] {
  const cols = model.header.columns;
  const serial = serialColumn(view, model.header.row);
  const out: BodyRow[] = [];
  for (let r = model.header.row + 1; r < view.length; r++) {
    const row = view[r];
    if (!row) continue;
    const texts = row.map(comparable);
    if (texts.every((t) => t === '')) continue;
    const text = texts.filter((t) => t !== '').join(' | ');
    const indicator = cols.rule !== undefined && readRuleWord(row[cols.rule] ?? null) !== null;
    const key = indicator
      ? `I|${serial === undefined ? '' : foldText(texts[serial] ?? '')}|${foldText(cols.content === undefined ? '' : texts[cols.content] ?? '')}`
      : `T|${foldText(text)}`;
    out.push({ row: r, key, indicator, text });
  }
  return out;
}

export interface RowPairing {
  /** master row → return row, matched by key. */
  byKey: [number, number][];
  /** Pairs that only their position ties together (the key differs). */
  byPosition: [number, number][];
  deleted: BodyRow[];
  added: BodyRow[];
}

/** Longest common subsequence of the keys; what is left between two matches is paired by position when the counts agree. */
export function pairRows(master: BodyRow[], ret: BodyRow[]): RowPairing {
  const n = master.length;
  const m = ret.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = master[i].key === ret[j].key ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: RowPairing = { byKey: [], byPosition: [], deleted: [], added: [] };
  let gapM: BodyRow[] = [];
  let gapR: BodyRow[] = [];
  const closeGap = () => {
    if (gapM.length === gapR.length) gapM.forEach((r, k) => out.byPosition.push([r.row, gapR[k].row]));
    else {
      out.deleted.push(...gapM);
      out.added.push(...gapR);
    }
    gapM = [];
    gapR = [];
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (master[i].key === ret[j].key) {
      closeGap();
      out.byKey.push([master[i].row, ret[j].row]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) gapM.push(master[i++]);
    else gapR.push(ret[j++]);
  }
  while (i < n) gapM.push(master[i++]);
  while (j < m) gapR.push(ret[j++]);
  closeGap();
  return out;
}

export interface ColumnMap {
  /** master column → return column */
  map: Map<number, number>;
  deleted: { col: number; title: string }[];
  added: { col: number; title: string }[];
}

/** Columns matched by their header text; a column without a header moves with the headed column left of it. */
export function mapColumns(masterGrid: Grid, masterHeader: number, retGrid: Grid, retHeader: number, width: number): ColumnMap {
  const mRow = masterGrid[masterHeader] ?? [];
  const rRow = retGrid[retHeader] ?? [];
  const rByTitle = new Map<string, number[]>();
  rRow.forEach((v, c) => {
    if (isBlank(v)) return;
    const t = foldHeader(cellText(v));
    rByTitle.set(t, [...(rByTitle.get(t) ?? []), c]);
  });
  const out: ColumnMap = { map: new Map(), deleted: [], added: [] };
  const used = new Set<number>();
  let shift = 0;
  for (let c = 0; c < width; c++) {
    const v = mRow[c];
    if (isBlank(v)) {
      const rc = c + shift;
      if (rc >= 0 && !used.has(rc) && isBlank(rRow[rc])) {
        out.map.set(c, rc);
        used.add(rc);
      }
      continue;
    }
    const candidates = rByTitle.get(foldHeader(cellText(v))) ?? [];
    const rc = candidates.find((x) => !used.has(x));
    if (rc === undefined) {
      out.deleted.push({ col: c, title: cellText(v).trim() });
      continue;
    }
    used.add(rc);
    out.map.set(c, rc);
    shift = rc - c;
  }
  rRow.forEach((v, c) => {
    if (!isBlank(v) && !used.has(c)) out.added.push({ col: c, title: cellText(v).trim() });
  });
  return out;
}
