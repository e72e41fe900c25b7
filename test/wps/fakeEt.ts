// A fake of WPS 表格's ET object model, for the parts the add-in uses, after the documented semantics:
// Value2 is a scalar for one cell and rows of rows otherwise; writing null (or undefined) empties a cell, formula
// and all; a string written is parsed as typed input ("=…" becomes a formula, "12" a number, "'x" stays text);
// a protected sheet or workbook refuses changes with an exception; HasFormula is true / false / null (mixed).
// Every member read or written on an ET object counts as one bridge call. Switches cover what the documentation
// leaves open: single rows or columns handed back as a flat list, and error values as numeric codes.
import type { CellValue, Grid } from '../../src/engine/index.ts';
import { a1 } from '../../src/engine/index.ts';
import { ERROR_CODES } from '../../wps/host/cellValue.ts';

export interface FakeSwitches {
  /** Value2 / Formula of a one-row or one-column range of several cells come back as a flat list. */
  flattenVectors?: boolean;
  /** Error values come back as their HRESULT code (-2146826281 for #DIV/0!) instead of their text. */
  numericErrors?: boolean;
}

export interface FakeSheetSpec {
  name: string;
  grid: Grid;
  /** A1 address → formula text; the cell's value stays what grid holds (its cached result). */
  formulas?: Record<string, string>;
  protected?: boolean;
  hidden?: boolean;
  /** merged areas, "M3:M8" */
  merges?: string[];
  /** A1 address → number format code, as Excel and WPS keep 90% (0.9 with "0%") or 3/3 (a serial with a date code). */
  numberFormats?: Record<string, string>;
}

interface Cell {
  value: CellValue;
  formula?: string;
  format?: string;
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  /** merged areas, as addresses */
  merges: string[] = [];
  constructor(public name: string, public protectContents = false, public hidden = false) {}
  cell(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  /** Values as a grid anchored at A1, formulas shown by their cached value. */
  grid(): Grid {
    const g: Grid = [];
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(',').map(Number);
      (g[r] ??= [])[c] = cell.value;
    }
    return Array.from(g, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
}

const ERROR_TEXTS = new Map([...ERROR_CODES].map(([code, text]) => [text, code]));

function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!m) throw new Error(`bad address ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** What a typed string becomes in a cell. */
function typed(v: string): { value: CellValue; formula?: string } {
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=')) return { value: null, formula: v };
  if (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return { value: Number(v) };
  if (/^(true|false)$/i.test(v)) return { value: /^true$/i.test(v) };
  return { value: v };
}

export interface BridgeLog {
  calls: number;
  /** member → calls, e.g. "Range.Value2=" for a write */
  byMember: Map<string, number>;
  /** Value2, Formula, NumberFormat, Name writes, Add, Merge: what changes the workbook */
  writes: number;
}

export class FakeEt {
  sheets: FakeSheet[];
  protectStructure = false;
  screenUpdating = true;
  screenUpdatingLog: boolean[] = [];
  active: FakeSheet;
  selected: string | null = null;
  panes: { id: number; url: string; visible: boolean }[] = [];
  storage = new Map<string, unknown>();
  log: BridgeLog = { calls: 0, byMember: new Map(), writes: 0 };
  readonly application: unknown;
  private sheetOf = new WeakMap<object, FakeSheet>();

  constructor(specs: FakeSheetSpec[], public switches: FakeSwitches = {}) {
    this.sheets = specs.map((s) => {
      const sheet = new FakeSheet(s.name, s.protected ?? false, s.hidden ?? false);
      s.grid.forEach((row, r) => row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') sheet.cells.set(`${r},${c}`, { value: v });
      }));
      for (const [ref, formula] of Object.entries(s.formulas ?? {})) {
        const { row, col } = parseA1(ref);
        const cell = sheet.cells.get(`${row},${col}`) ?? { value: null };
        sheet.cells.set(`${row},${col}`, { ...cell, formula });
      }
      for (const [ref, format] of Object.entries(s.numberFormats ?? {})) {
        const { row, col } = parseA1(ref);
        sheet.cells.set(`${row},${col}`, { ...(sheet.cells.get(`${row},${col}`) ?? { value: null }), format });
      }
      sheet.merges = [...(s.merges ?? [])];
      return sheet;
    });
    this.active = this.sheets[0];
    this.application = this.bridged('Application', this.makeApplication());
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  resetLog(): void {
    this.log = { calls: 0, byMember: new Map(), writes: 0 };
  }

  /** Counts every member read and write on an ET object, as the bridge into WPS would carry it. */
  private bridged<T extends object>(kind: string, target: T): T {
    const count = (member: string) => {
      this.log.calls++;
      this.log.byMember.set(`${kind}.${member}`, (this.log.byMember.get(`${kind}.${member}`) ?? 0) + 1);
    };
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return Reflect.get(t, prop, receiver);
        count(prop);
        return Reflect.get(t, prop, receiver);
      },
      set: (t, prop, value, receiver) => {
        count(`${String(prop)}=`);
        return Reflect.set(t, prop, value, receiver);
      },
    });
  }

  private changing(sheet: FakeSheet | null): void {
    if (sheet?.protectContents) throw new Error('工作表受保护 / The sheet is protected');
    this.log.writes++;
  }

  private makeApplication() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const et = this;
    return {
      get ActiveWorkbook() {
        return et.bridged('Workbook', et.makeWorkbook());
      },
      get ScreenUpdating() {
        return et.screenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        et.screenUpdating = v;
        et.screenUpdatingLog.push(v);
      },
      CreateTaskPane(url: string) {
        const pane = { id: et.panes.length + 1, url, visible: false };
        et.panes.push(pane);
        return et.bridged('TaskPane', {
          get ID() { return pane.id; },
          get Visible() { return pane.visible; },
          set Visible(v: boolean) { pane.visible = v; },
        });
      },
      GetTaskPane(id: number) {
        const pane = et.panes.find((p) => p.id === id);
        return pane ? et.bridged('TaskPane', {
          get ID() { return pane.id; },
          get Visible() { return pane.visible; },
          set Visible(v: boolean) { pane.visible = v; },
        }) : null;
      },
      get PluginStorage() {
        return et.bridged('PluginStorage', {
          getItem: (k: string) => et.storage.get(k) ?? null,
          setItem: (k: string, v: unknown) => void et.storage.set(k, v),
        });
      },
    };
  }

  private makeWorkbook() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const et = this;
    return {
      get Worksheets() {
        return et.bridged('Sheets', {
          get Count() { return et.sheets.length; },
          Item(index: number | string) {
            const s = typeof index === 'number' ? et.sheets[index - 1] : et.sheets.find((x) => x.name === index);
            if (!s) throw new Error(`下标越界 / no sheet ${index}`);
            return et.worksheet(s);
          },
          Add(before?: unknown, after?: unknown) {
            if (et.protectStructure) throw new Error('工作簿受保护 / The workbook is protected');
            et.changing(null);
            const anchor = (before ?? after) as object | undefined;
            const anchorSheet = anchor ? et.sheetOf.get(anchor) : undefined;
            let n = et.sheets.length + 1;
            while (et.sheets.some((s) => s.name === `Sheet${n}`)) n++;
            const sheet = new FakeSheet(`Sheet${n}`);
            const at = anchorSheet ? et.sheets.indexOf(anchorSheet) + (before ? 0 : 1) : et.sheets.indexOf(et.active);
            et.sheets.splice(at, 0, sheet);
            et.active = sheet;
            return et.worksheet(sheet);
          },
        });
      },
      get ProtectStructure() {
        return et.protectStructure;
      },
      get ActiveSheet() {
        return et.worksheet(et.active);
      },
    };
  }

  worksheet(sheet: FakeSheet) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const et = this;
    const ws = this.bridged('Worksheet', {
      get Name() { return sheet.name; },
      set Name(v: string) {
        if (et.protectStructure) throw new Error('工作簿受保护 / The workbook is protected');
        if (et.sheets.some((s) => s !== sheet && s.name === v)) throw new Error(`名称已被占用 / name taken: ${v}`);
        et.changing(null);
        sheet.name = v;
      },
      get ProtectContents() { return sheet.protectContents; },
      get Visible() { return sheet.hidden ? 0 : -1; },
      get UsedRange() {
        let top = Infinity, left = Infinity, bottom = 0, right = 0;
        for (const k of sheet.cells.keys()) {
          const [r, c] = k.split(',').map(Number);
          top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
        }
        if (top === Infinity) top = left = 0;
        return et.range(sheet, top, left, bottom - top + 1, right - left + 1);
      },
      Range(address: string) {
        const [from, to = from] = address.split(':');
        const a = parseA1(from);
        const b = parseA1(to);
        return et.range(sheet, a.row, a.col, b.row - a.row + 1, b.col - a.col + 1);
      },
      Activate() {
        if (sheet.hidden) throw new Error('无法激活隐藏的工作表 / Cannot activate a hidden sheet');
        et.active = sheet;
      },
    });
    this.sheetOf.set(ws, sheet);
    return ws;
  }

  private range(sheet: FakeSheet, top: number, left: number, rows: number, cols: number) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const et = this;
    const each = <T>(f: (cell: Cell | undefined, r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(sheet.cell(top + r, left + c), top + r, left + c)));
    const shape = (grid: unknown[][]): unknown => {
      if (rows === 1 && cols === 1) return grid[0][0];
      if (et.switches.flattenVectors && (rows === 1 || cols === 1)) return grid.flat();
      return grid;
    };
    const value = (cell: Cell | undefined): unknown => {
      const v = cell?.value;
      if (v === null || v === undefined) return undefined;
      if (et.switches.numericErrors && typeof v === 'string' && ERROR_TEXTS.has(v)) return ERROR_TEXTS.get(v);
      return v;
    };
    const areas = () => sheet.merges.map((m) => {
      const [from, to = from] = m.split(':');
      const a = parseA1(from);
      const b = parseA1(to);
      return { top: a.row, left: a.col, bottom: b.row, right: b.col };
    }).filter((m) => m.top <= top + rows - 1 && m.bottom >= top && m.left <= left + cols - 1 && m.right >= left);
    const inside = (m: { top: number; left: number; bottom: number; right: number }) =>
      m.top >= top && m.bottom <= top + rows - 1 && m.left >= left && m.right <= left + cols - 1;
    // Excel and WPS refuse to change part of a merged area; a single cell is its merge's top-left, or ignored.
    const wholeMerges = () => {
      if (rows * cols > 1 && areas().some((m) => !inside(m))) throw new Error('不能对合并单元格作部分更改 / Cannot change part of a merged cell');
    };
    const put = (r: number, c: number, v: unknown) => {
      const k = `${r},${c}`;
      const old = sheet.cells.get(k);
      if (v === null || v === undefined || v === '') {
        if (old?.format) sheet.cells.set(k, { value: null, format: old.format });
        else sheet.cells.delete(k);
        return;
      }
      const next = typeof v === 'string' ? typed(v) : { value: v as CellValue };
      sheet.cells.set(k, { ...next, format: old?.format });
    };
    return this.bridged('Range', {
      get Row() { return top + 1; },
      get Column() { return left + 1; },
      get Rows() { return et.bridged('Rows', { get Count() { return rows; } }); },
      get Columns() { return et.bridged('Columns', { get Count() { return cols; } }); },
      get Value2() { return shape(each(value)); },
      set Value2(v: unknown) {
        et.changing(sheet);
        wholeMerges();
        if (!Array.isArray(v)) {
          each((_, r, c) => put(r, c, v));
          return;
        }
        const grid = v.every((row) => Array.isArray(row)) ? v as unknown[][] : rows === 1 ? [v] : v.map((x) => [x]);
        if (grid.length !== rows || grid.some((row) => row.length !== cols)) throw new Error(`数组大小与区域不符 / array size does not fit ${rows}×${cols}`);
        each((_, r, c) => put(r, c, grid[r - top][c - left]));
      },
      get Formula() {
        return shape(each((cell) => cell?.formula ?? (cell?.value === null || cell?.value === undefined ? '' : String(cell.value))));
      },
      get HasFormula() {
        const flags = each((cell) => cell?.formula !== undefined).flat();
        return flags.every(Boolean) ? true : flags.some(Boolean) ? null : false;
      },
      get NumberFormat() {
        const formats = each((cell) => cell?.format ?? 'General').flat();
        return formats.every((f) => f === formats[0]) ? formats[0] : null;
      },
      set NumberFormat(f: unknown) {
        et.changing(sheet);
        wholeMerges();
        each((cell, r, c) => sheet.cells.set(`${r},${c}`, { ...(cell ?? { value: null }), format: String(f) }));
      },
      get MergeCells() {
        const merged = each((_, r, c) => sheet.merges.some((m) => {
          const [from, to = from] = m.split(':');
          const a = parseA1(from);
          const b = parseA1(to);
          return r >= a.row && r <= b.row && c >= a.col && c <= b.col;
        })).flat();
        return merged.every(Boolean) ? true : merged.some(Boolean) ? null : false;
      },
      Select() {
        if (et.active !== sheet) throw new Error('只能选择活动工作表中的单元格 / Select works on the active sheet only');
        et.selected = `${sheet.name}!${a1(top, left)}`;
      },
      Merge() {
        et.changing(sheet);
        sheet.merges.push(rows === 1 && cols === 1 ? a1(top, left) : `${a1(top, left)}:${a1(top + rows - 1, left + cols - 1)}`);
      },
    });
  }
}
