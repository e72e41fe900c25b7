// 汇集 on grids: which return is whose, which entries go where, what the unit changed, and the 收回情况 table.
import {
  a1, cellText, columnName, findAssessmentHeader, foldText, isBlank, SHEET_NAMES,
  type CellValue, type CellWrite, type Grid, type SheetInput,
} from '../engine/index.ts';
import { issuedDigest, masterIdentity, masterYear, readIssuedRecord, unitSheets, type IssuedRecord } from './issued.ts';
import { cycleMessage, RETURN_STATUS, RETURNS_HEADERS, type CycleMessage } from './messages.ts';
import { bodyRows, mapColumns, pairRows } from './rowMatch.ts';
import { cellAt, comparable, issuedView, readUnitSheet, type UnitSheetModel } from './unitEntries.ts';

/** One returned file as a host read it. */
export interface ReturnInput {
  file: string;
  /** null when the file could not be opened; `refusal` says why. */
  sheets: SheetInput[] | null;
  properties: Record<string, string>;
  refusal?: string;
}

export interface FileOutcome {
  file: string;
  unit: string | null;
  used: boolean;
  reason: CycleMessage | null;
}

export interface UnitOutcome {
  unit: string;
  status: string;
  files: string[];
  gatheredAt: string;
  /** Entries filled in the return that the master now holds. */
  taken: number;
  changes: CycleMessage[];
  notes: CycleMessage[];
  /** Whether this run had a file for the unit (a unit without one keeps its earlier 收回情况 row). */
  inThisRun: boolean;
}

export interface GatherResult {
  units: UnitOutcome[];
  files: FileOutcome[];
  writes: CellWrite[];
  newSheets: string[];
  /** Master cells written with a unit's entries. */
  entryWrites: number;
}

export interface GatherOptions {
  /** The time written into 收回情况, e.g. "2026-12-03 10:15". */
  now: string;
}

interface Matched {
  file: string;
  record: IssuedRecord | null;
  sheet: SheetInput;
}

const writable = (v: CellValue): number | string | null => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : isBlank(v) ? null : v);

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return writable(a) === writable(b);
}

function findReturnsSheet(sheets: SheetInput[]): SheetInput | undefined {
  return sheets.find((s) => foldText(s.name) === SHEET_NAMES.returns);
}

/** Rows of the existing 收回情况 by unit, so that a unit without a return this time keeps its row. */
function earlierRows(sheet: SheetInput | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!sheet) return out;
  const head = (sheet.grid[0] ?? []).map((v) => cellText(v).trim());
  const idx = RETURNS_HEADERS.map((h) => head.indexOf(h));
  if (idx[0] < 0) return out;
  for (let r = 1; r < sheet.grid.length; r++) {
    const row = sheet.grid[r] ?? [];
    const unit = cellText(row[idx[0]] ?? '').trim();
    if (unit) out.set(unit, idx.map((c) => (c < 0 ? '' : cellText(row[c] ?? '').trim())));
  }
  return out;
}

/** Compares one return's 考核表 with the master's and picks up its entries. */
function compareUnit(unit: string, master: SheetInput, model: UnitSheetModel, ret: SheetInput, record: IssuedRecord | null) {
  const changes: CycleMessage[] = [];
  const notes: CycleMessage[] = [];
  const writes: CellWrite[] = [];
  let taken = 0;
  if (record && record.digest && record.digest !== issuedDigest(master, model)) notes.push(cycleMessage('master-edited', { unit }));

  const retModel = readUnitSheet(ret)!;
  const mView = issuedView(master.grid, model);
  const rView = issuedView(ret.grid, retModel);
  const width = Math.max(...master.grid.map((r) => r?.length ?? 0), 0);
  const cols = mapColumns(master.grid, model.header.row, ret.grid, retModel.header.row, width);
  for (const d of cols.deleted) changes.push(cycleMessage('column-deleted', { unit, title: d.title, column: columnName(d.col) }));
  for (const a of cols.added) changes.push(cycleMessage('column-added', { unit, title: a.title, column: columnName(a.col) }));

  const headerShift = retModel.header.row - model.header.row;
  if (headerShift !== 0) changes.push(cycleMessage('rows-above-header', { unit, count: headerShift }));
  const pairs: [number, number][] = [];
  for (let r = Math.max(0, -headerShift); r <= model.header.row; r++) pairs.push([r, r + headerShift]);
  const rows = pairRows(bodyRows(mView, model), bodyRows(rView, retModel));
  pairs.push(...rows.byKey, ...rows.byPosition);
  for (const d of rows.deleted) changes.push(cycleMessage('row-deleted', { unit, row: d.row + 1, text: d.text }));
  for (const a of rows.added) changes.push(cycleMessage('row-added', { unit, row: a.row + 1, text: a.text }));

  const titleOf = (c: number) => {
    const t = cellText(cellAt(master.grid, model.header.row, c)).trim();
    return t === '' ? `${columnName(c)}列` : t;
  };
  const entryKey = new Set(model.entries.map((e) => `${e.row}:${e.col}`));
  pairs.sort((x, y) => x[0] - y[0]);
  for (const [mr, rr] of pairs) {
    for (let c = 0; c < width; c++) {
      if (entryKey.has(`${mr}:${c}`)) continue;
      const rc = cols.map.get(c);
      if (rc === undefined) continue;
      const from = comparable(cellAt(mView, mr, c));
      const to = comparable(cellAt(ret.grid, rr, rc));
      if (from !== to) changes.push(cycleMessage('cell-changed', { unit, cell: a1(mr, c), what: titleOf(c), from, to }));
    }
  }

  const uncertain = rows.byPosition.filter(([mr]) => model.layout.items.some((b) => b.rows.some((r) => r.row === mr)));
  if (uncertain.length > 0) {
    notes.push(cycleMessage('uncertain', { unit, rows: uncertain.map(([, rr]) => rr + 1).join('、') }));
    return { changes, notes, writes: [], taken: 0, uncertain: true };
  }
  const retRowOf = new Map(rows.byKey);
  for (const e of model.entries) {
    const rr = retRowOf.get(e.row);
    const rc = cols.map.get(e.col);
    if (rr === undefined || rc === undefined) continue;
    const value = cellAt(ret.grid, rr, rc);
    const format = ret.formats?.[rr]?.[rc] ?? null;
    if (!isBlank(value) && format === 'date') {
      notes.push(cycleMessage('entry-date', { unit, cell: a1(e.row, e.col), value: cellText(value) }));
      continue;
    }
    let next: number | string | null = writable(value);
    // A percentage typed into a cell the master does not format as one keeps its meaning as text.
    if (typeof next === 'number' && format === 'percent' && master.formats?.[e.row]?.[e.col] !== 'percent') next = `${+(next * 100).toFixed(10)}%`;
    if (next !== null) taken++;
    if (!sameValue(cellAt(master.grid, e.row, e.col), next)) writes.push({ sheet: master.name, row: e.row, col: e.col, value: next });
  }
  return { changes, notes, writes, taken, uncertain: false };
}

/** 汇集: the master's sheets and the returns in, the entry writes, the 收回情况 sheet and the report out. */
export function gatherReturns(masterSheets: SheetInput[], returns: ReturnInput[], options: GatherOptions): GatherResult {
  const units = unitSheets(masterSheets);
  const year = masterYear(units);
  const identity = masterIdentity(units, year);
  const byUnit = new Map(units.map((u) => [foldText(u.sheet.name), u]));
  const files: FileOutcome[] = [];
  const matched = new Map<string, Matched[]>();
  const reject = (file: string, unit: string | null, reason: CycleMessage) => files.push({ file, unit, used: false, reason });

  for (const r of returns) {
    if (!r.sheets) {
      reject(r.file, null, cycleMessage('unreadable', { file: r.file, reason: r.refusal ?? '无法读取' }));
      continue;
    }
    const record = readIssuedRecord(r.properties);
    const assessment = r.sheets.filter((s) => findAssessmentHeader(s.grid) !== null);
    let unit: string;
    let sheet: SheetInput | undefined;
    if (record) {
      const u = byUnit.get(foldText(record.unit));
      if (!u) { reject(r.file, record.unit, cycleMessage('unknown-unit', { file: r.file, unit: record.unit })); continue; }
      if (year && record.year && record.year !== year) { reject(r.file, u.sheet.name, cycleMessage('other-year', { file: r.file, found: record.year, expected: year })); continue; }
      if (record.master !== identity) { reject(r.file, u.sheet.name, cycleMessage('other-master', { file: r.file, found: record.master, expected: identity })); continue; }
      unit = u.sheet.name;
      sheet = assessment.find((s) => foldText(s.name) === foldText(unit)) ?? (assessment.length === 1 ? assessment[0] : undefined);
      if (!sheet) { reject(r.file, unit, cycleMessage('no-sheet', { file: r.file, unit })); continue; }
    } else {
      const named = assessment.filter((s) => byUnit.has(foldText(s.name)));
      const sheets = r.sheets.map((s) => `“${s.name}”`).join('、');
      if (named.length === 0) { reject(r.file, null, cycleMessage('no-unit', { file: r.file, sheets })); continue; }
      if (named.length > 1) { reject(r.file, null, cycleMessage('several-units', { file: r.file, sheets: named.map((s) => s.name).join('、') })); continue; }
      sheet = named[0];
      unit = byUnit.get(foldText(sheet.name))!.sheet.name;
    }
    matched.set(unit, [...(matched.get(unit) ?? []), { file: r.file, record, sheet }]);
  }

  const returnsSheet = findReturnsSheet(masterSheets);
  const earlier = earlierRows(returnsSheet);
  const outcomes: UnitOutcome[] = [];
  const writes: CellWrite[] = [];
  for (const { sheet, model } of units) {
    const unit = sheet.name;
    const got = matched.get(unit) ?? [];
    const base = { unit, files: got.map((g) => g.file), taken: 0, changes: [] as CycleMessage[], notes: [] as CycleMessage[], inThisRun: got.length > 0 };
    if (got.length === 0) {
      const row = earlier.get(unit);
      if (row && row[3] && row[3] !== RETURN_STATUS.missing) {
        outcomes.push({ ...base, files: row[1] ? [row[1]] : [], status: row[3], gatheredAt: row[2], taken: Number(row[4]) || 0, inThisRun: false });
      } else outcomes.push({ ...base, status: RETURN_STATUS.missing, gatheredAt: '' });
      continue;
    }
    if (got.length > 1) {
      const reason = cycleMessage('duplicate', { unit, count: got.length, files: got.map((g) => g.file).join('、') });
      for (const g of got) files.push({ file: g.file, unit, used: false, reason });
      outcomes.push({ ...base, status: RETURN_STATUS.rejected, gatheredAt: options.now, notes: [reason] });
      continue;
    }
    const g = got[0];
    const c = compareUnit(unit, sheet, model, g.sheet, g.record);
    if (c.uncertain) {
      files.push({ file: g.file, unit, used: false, reason: c.notes[c.notes.length - 1] });
      outcomes.push({ ...base, status: RETURN_STATUS.rejected, gatheredAt: options.now, changes: c.changes, notes: c.notes });
      continue;
    }
    files.push({ file: g.file, unit, used: true, reason: null });
    writes.push(...c.writes);
    const status = c.changes.length > 0 ? RETURN_STATUS.changed(c.changes.length) : RETURN_STATUS.returned;
    outcomes.push({ ...base, status, gatheredAt: options.now, taken: c.taken, changes: c.changes, notes: c.notes });
  }
  const entryWrites = writes.length;

  // 收回情况: one row per unit, then the files that belong to no unit of the master.
  const table: (string | number)[][] = [[...RETURNS_HEADERS]];
  const noteOf = (u: UnitOutcome) => [...u.notes, ...u.changes].map((m) => m.message).join('；');
  for (const u of outcomes) {
    const earlierRow = earlier.get(u.unit);
    const row: (string | number)[] = [u.unit, u.files.join('、'), u.gatheredAt, u.status, u.status === RETURN_STATUS.missing ? '' : u.taken, noteOf(u)];
    if (!u.inThisRun && earlierRow) row[5] = earlierRow[5];
    // The same return gathered again keeps the time it was first gathered.
    if (u.inThisRun && earlierRow && earlierRow[1] === row[1] && earlierRow[3] === row[3] && earlierRow[4] === String(row[4]) && earlierRow[5] === row[5]) {
      row[2] = earlierRow[2];
      u.gatheredAt = earlierRow[2];
    }
    table.push(row);
  }
  const oldGrid: Grid = returnsSheet?.grid ?? [];
  for (const f of files) {
    if (f.unit !== null && byUnit.has(foldText(f.unit))) continue;
    const note = f.reason?.message ?? '';
    const same = oldGrid.find((row) => row && cellText(row[1] ?? '').trim() === f.file && cellText(row[5] ?? '').trim() === note);
    table.push([f.unit ?? '', f.file, same ? cellText(same[2]).trim() : options.now, RETURN_STATUS.rejected, '', note]);
  }
  const name = returnsSheet?.name ?? SHEET_NAMES.returns;
  const old = oldGrid;
  const rowsN = Math.max(old.length, table.length);
  for (let r = 0; r < rowsN; r++) {
    const width = Math.max(old[r]?.length ?? 0, table[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const next = table[r]?.[c] ?? null;
      const v = next === '' ? null : next;
      if (!sameValue(cellAt(old, r, c), v)) writes.push({ sheet: name, row: r, col: c, value: v });
    }
  }
  return { units: outcomes, files, writes, newSheets: returnsSheet ? [] : [name], entryWrites };
}
