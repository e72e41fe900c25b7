import { OfficeMockObject } from './officeAddinMock.ts';
import type { CellValue, Grid } from '../../src/engine/index.ts';
import { a1, blockAddress } from '../../addin/host/address.ts';

/** One sheet of the mock workbook: values as the engine sees them, plus what Office.js also knows. */
export interface MockSheetSpec {
  name: string;
  grid: Grid;
  /** A1 address → formula text; the cell's value stays what grid holds (the cached result). */
  formulas?: Record<string, string>;
  /** A1 address → number format code ("0%", "m/d"); other cells are General. */
  numberFormats?: Record<string, string>;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden';
  /** Merged areas ("A1:C1"): a write that covers part of one fails, as in Excel. */
  merges?: string[];
}

/** Excel on the web refuses a request or response over 5 MB (docs: "Resource limits and performance optimization"). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** An error as Office.js raises it: OfficeExtension.Error carries a code. */
export const officeError = (code: string, message: string): Error => Object.assign(new Error(`${code}: ${message}`), { code });

interface SheetState {
  name: string;
  cells: CellValue[][];
  formats: Map<string, string>;
  /** merged areas, as addresses */
  merges: string[];
  /** cell formatting commands, "address property=value" (fill, font, widths, wrapping, validation, frozen rows) */
  styles: string[];
  formulas: Map<string, string>;
  protected: boolean;
  visibility: string;
  mock: OfficeMockObject;
}

type Op =
  | { kind: 'values'; sheet: SheetState; address: string; data: unknown[][] }
  | { kind: 'numberFormat'; sheet: SheetState; address: string; data: unknown[][] }
  | { kind: 'merge'; sheet: SheetState; address: string }
  | { kind: 'style'; sheet: SheetState; address: string; what: string }
  | { kind: 'add'; sheet: SheetState }
  | { kind: 'activate'; sheet: SheetState }
  | { kind: 'select'; sheet: SheetState; address: string };

const HOST = 'excel' as never;
const key = (r: number, c: number) => `${r},${c}`;
const bytes = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;

function parseBlock(address: string): { row: number; col: number; rows: number; cols: number } {
  const [start, end = start] = address.split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = cell(start);
  const b = cell(end);
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function overlaps(a: string, b: string): boolean {
  const x = parseBlock(a);
  const y = parseBlock(b);
  return x.row < y.row + y.rows && y.row < x.row + x.rows && x.col < y.col + y.cols && y.col < x.col + x.cols;
}

/** True when area b lies inside area a. */
function contains(a: string, b: string): boolean {
  const x = parseBlock(a);
  const y = parseBlock(b);
  return y.row >= x.row && y.col >= x.col && y.row + y.rows <= x.row + x.rows && y.col + y.cols <= x.col + x.cols;
}

/**
 * An Excel workbook behind office-addin-mock objects, with Office.js's batch semantics: properties are readable only
 * after load() and sync(); range writes, sheet creation, activation and selection are queued and applied at sync(),
 * where null in a 2-D input leaves that cell alone and "" clears it. Merges and formatting are recorded per sheet.
 * Counts syncs and request/response sizes.
 */
export class MockExcel {
  readonly sheets: SheetState[] = [];
  readonly context: OfficeMockObject & Excel.RequestContext;
  syncs = 0;
  /** Per sync: UTF-8 bytes of the queued write arrays (what goes to Excel). */
  readonly requestBytes: number[] = [];
  /** Per sync: UTF-8 bytes of loaded values, formulas and number formats (what comes back). */
  readonly responseBytes: number[] = [];
  /** Every range whose numberFormat alone was loaded (the read's format columns), as "sheet!address". */
  readonly formatLoads: string[] = [];
  activeSheet: string;
  selection: { sheet: string; address: string } | null = null;
  /** Set to make the next sync fail the way Excel does, after applying the ops queued before the failure. */
  failNextSync: Error | null = null;

  private queue: Op[] = [];
  private pendingLoads: { read: () => number }[] = [];
  private itemsRequested: string[] | null = null;
  private readonly mocks: OfficeMockObject[] = [];
  private readonly bookProtection: OfficeMockObject;
  private readonly worksheets: OfficeMockObject;

  constructor(specs: MockSheetSpec[], options: { workbookProtected?: boolean } = {}) {
    this.bookProtection = new OfficeMockObject({ protected: options.workbookProtected ?? false }, HOST);
    this.mocks.push(this.bookProtection);
    this.worksheets = new OfficeMockObject({
      load: (what: string) => {
        this.itemsRequested = what.split(',').map((p) => p.trim().replace(/^items\//, ''));
        return this.worksheets;
      },
      getItem: (name: string) => {
        const s = this.sheets.find((x) => x.name === name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return s.mock;
      },
      add: (name: string) => {
        const s = this.makeSheet({ name, grid: [] }, false);
        this.queue.push({ kind: 'add', sheet: s });
        return s.mock;
      },
      getActiveWorksheet: () => {
        const s = this.sheets.find((x) => x.name === this.activeSheet);
        if (!s) throw new Error('ItemNotFound: no active sheet');
        return s.mock;
      },
    }, HOST);
    const workbook = new OfficeMockObject({}, HOST);
    workbook.worksheets = this.worksheets;
    workbook.protection = this.bookProtection;
    this.context = new OfficeMockObject({ sync: () => this.sync() }, HOST) as OfficeMockObject & Excel.RequestContext;
    (this.context as unknown as { workbook: unknown }).workbook = workbook;
    for (const spec of specs) this.makeSheet(spec, true);
    this.activeSheet = this.sheets[0]?.name ?? '';
  }

  private makeSheet(spec: MockSheetSpec, existing: boolean): SheetState {
    const state: SheetState = {
      name: spec.name,
      cells: spec.grid.map((r) => (r ? [...r] : [])),
      formats: new Map(),
      merges: [...(spec.merges ?? [])],
      styles: [],
      formulas: new Map(),
      protected: spec.protected ?? false,
      visibility: spec.visibility ?? 'Visible',
      mock: undefined as never,
    };
    for (const [addr, f] of Object.entries(spec.numberFormats ?? {})) {
      const b = parseBlock(addr);
      state.formats.set(key(b.row, b.col), f);
    }
    for (const [addr, f] of Object.entries(spec.formulas ?? {})) {
      const b = parseBlock(addr);
      state.formulas.set(key(b.row, b.col), f);
    }
    state.mock = new OfficeMockObject({
      name: spec.name,
      visibility: state.visibility,
      protection: { protected: state.protected },
      getUsedRange: () => this.usedRange(state, false),
      getUsedRangeOrNullObject: () => this.usedRange(state, true),
      getRange: (address?: string) => this.range(state, address),
      activate: () => {
        this.queue.push({ kind: 'activate', sheet: state });
      },
      freezePanes: {
        freezeRows: (n: number) => {
          this.queue.push({ kind: 'style', sheet: state, address: '', what: `freezeRows=${n}` });
        },
      },
    }, HOST);
    this.mocks.push(state.mock);
    if (existing) this.sheets.push(state);
    return state;
  }

  /** The used range (cells holding a value or a formula), loaded lazily like Office.js does. */
  private usedRange(state: SheetState, orNull: boolean): OfficeMockObject {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    state.cells.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }));
    for (const k of state.formulas.keys()) {
      const [r, c] = k.split(',').map(Number);
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    const empty = bottom < 0;
    if (empty) top = left = bottom = right = 0;
    const values: CellValue[][] = [];
    const formulas: unknown[][] = [];
    // A used range of millions of cells (a stray far cell) offers only its address: building its arrays would
    // only slow the tests, and loading them from Excel would fail anyway.
    const huge = (bottom - top + 1) * (right - left + 1) > 1_000_000;
    for (let r = top; r <= bottom && !huge; r++) {
      const vr: CellValue[] = [];
      const fr: unknown[] = [];
      for (let c = left; c <= right; c++) {
        const v = state.cells[r]?.[c] ?? '';
        vr.push(v);
        fr.push(state.formulas.get(key(r, c)) ?? v);
      }
      values.push(vr);
      formulas.push(fr);
    }
    const quoted = /^[A-Za-z0-9_]+$/.test(state.name) ? state.name : `'${state.name.replace(/'/g, "''")}'`;
    const address = `${quoted}!${blockAddress(top, left, bottom - top + 1, right - left + 1)}`;
    const mock = new OfficeMockObject(huge ? { address } : { address, values, formulas }, HOST);
    (mock as unknown as { isNullObject: boolean }).isNullObject = orNull && empty;
    const load = mock.load.bind(mock);
    mock.load = (what: string) => {
      const props = what.split(',').map((p) => p.trim());
      this.pendingLoads.push({
        read: () => (props.includes('values') ? bytes(values) : 0) + (props.includes('formulas') ? bytes(formulas) : 0),
      });
      return load(what);
    };
    this.mocks.push(mock);
    return mock;
  }

  /** getRange().getSpecialCellsOrNullObject('Formulas'): the formula cells as RangeAreas, one area per cell. */
  private formulaAreas(state: SheetState, type: string): OfficeMockObject {
    if (type !== 'Formulas') throw new Error(`mock: special cells ${type}`);
    const cells = [...state.formulas.keys()].map((k) => k.split(',').map(Number))
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([r, c]) => `${state.name}!${a1(r, c)}`);
    // A multi-area address is cut at 8,192 characters: a RangeAreas address is not a reliable list of cells.
    const mock = new OfficeMockObject({ address: cells.join(', ').slice(0, 8192) }, HOST);
    (mock as unknown as { isNullObject: boolean }).isNullObject = cells.length === 0;
    const load = mock.load.bind(mock);
    mock.load = (what: string) => {
      this.pendingLoads.push({ read: () => bytes(cells.join(', ')) });
      return load(what);
    };
    this.mocks.push(mock);
    return mock;
  }

  private range(state: SheetState, address?: string) {
    if (address === undefined) return { getSpecialCellsOrNullObject: (type: string) => this.formulaAreas(state, type) };
    const queue = this.queue;
    const style = (path: string) => (value: unknown) => queue.push({ kind: 'style', sheet: state, address, what: `${path}=${JSON.stringify(value)}` });
    const setters = (path: string, props: string[]) =>
      Object.defineProperties({}, Object.fromEntries(props.map((p) => [p, { set: style(`${path}${p}`), enumerable: true }])));
    // numberFormat is readable only after load('numberFormat') and a sync, as in Office.js.
    let loadedFormats: string[][] | null = null;
    const readFormats = () => {
      const b = parseBlock(address);
      return Array.from({ length: b.rows }, (_, r) =>
        Array.from({ length: b.cols }, (_, c) => state.formats.get(key(b.row + r, b.col + c)) ?? 'General'));
    };
    let loadedValues: unknown[][] | null = null;
    let loadedFormulas: unknown[][] | null = null;
    const readCells = (formulas: boolean) => {
      const b = parseBlock(address);
      return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => {
        const v = state.cells[b.row + r]?.[b.col + c] ?? '';
        return formulas ? state.formulas.get(key(b.row + r, b.col + c)) ?? v : v;
      }));
    };
    return {
      load: (what: string) => {
        const props = what.split(',').map((p) => p.trim());
        for (const p of props) {
          if (p === 'numberFormat') {
            if (props.length === 1) this.formatLoads.push(`${state.name}!${address}`);
            this.pendingLoads.push({ read: () => bytes(loadedFormats = readFormats()) });
          } else if (p === 'values') {
            this.pendingLoads.push({ read: () => bytes(loadedValues = readCells(false)) });
          } else if (p === 'formulas') {
            this.pendingLoads.push({ read: () => bytes(loadedFormulas = readCells(true)) });
          } else {
            throw new Error(`mock: range load ${what}`);
          }
        }
      },
      get numberFormat(): string[][] {
        if (!loadedFormats) throw new Error('PropertyNotLoaded: numberFormat');
        return loadedFormats;
      },
      get values(): unknown[][] {
        if (!loadedValues) throw new Error('PropertyNotLoaded: values');
        return loadedValues;
      },
      get formulas(): unknown[][] {
        if (!loadedFormulas) throw new Error('PropertyNotLoaded: formulas');
        return loadedFormulas;
      },
      set values(data: unknown[][]) {
        queue.push({ kind: 'values', sheet: state, address, data });
      },
      set numberFormat(data: unknown[][]) {
        queue.push({ kind: 'numberFormat', sheet: state, address, data });
      },
      select: () => {
        queue.push({ kind: 'select', sheet: state, address });
      },
      // The merged areas the range enters (ExcelApi 1.13), each area's own address, loadable once synced.
      getMergedAreasOrNullObject: () => {
        const merged = { isNullObject: true, areas: { items: [] as { address: string }[] } };
        return Object.assign(merged, {
          load: () => {
            this.pendingLoads.push({
              read: () => {
                merged.areas.items = state.merges.filter((m) => overlaps(m, address)).map((m) => ({ address: `${state.name}!${m}` }));
                merged.isNullObject = merged.areas.items.length === 0;
                return bytes(merged.areas.items);
              },
            });
          },
        });
      },
      merge: () => {
        queue.push({ kind: 'merge', sheet: state, address });
      },
      format: Object.assign(setters('', ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment']), {
        fill: setters('fill.', ['color']),
        font: setters('font.', ['bold', 'italic', 'size', 'color']),
      }),
      dataValidation: setters('dataValidation.', ['rule']),
    };
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    this.queue = [];
    const request = ops.reduce((n, op) => n + ('data' in op ? bytes(op.data) : 0), 0);
    this.requestBytes.push(request);
    const response = this.pendingLoads.reduce((n, l) => n + l.read(), 0);
    this.responseBytes.push(response);
    this.pendingLoads = [];
    if (request > PAYLOAD_LIMIT_BYTES) {
      throw officeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    if (response > PAYLOAD_LIMIT_BYTES) {
      throw officeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
    const failure = this.failNextSync;
    this.failNextSync = null;
    for (const [i, op] of ops.entries()) {
      if (failure && i >= ops.length / 2) throw failure;
      this.apply(op);
    }
    if (this.itemsRequested) {
      for (const s of this.sheets) s.mock.load(this.itemsRequested.join(','));
      (this.worksheets as unknown as { items: unknown }).items = this.sheets.map((s) => s.mock);
      this.itemsRequested = null;
    }
    for (const m of this.mocks) await m.sync();
    // office-addin-mock settles loaded properties in microtasks.
    await new Promise((r) => setTimeout(r, 0));
  }

  private apply(op: Op): void {
    const s = op.sheet;
    switch (op.kind) {
      case 'add':
        if (this.sheets.some((x) => x.name === s.name)) throw new Error(`ItemAlreadyExists: ${s.name}`);
        this.sheets.push(s);
        return;
      case 'activate':
        if (s.visibility !== 'Visible') throw new Error(`InvalidOperation: sheet ${s.name} is hidden`);
        this.activeSheet = s.name;
        return;
      case 'select':
        if (this.activeSheet !== s.name) throw new Error('InvalidSelection: the sheet is not active');
        this.selection = { sheet: s.name, address: op.address };
        return;
      case 'merge':
        if (s.merges.some((m) => overlaps(m, op.address))) throw new Error(`InvalidOperation: ${op.address} overlaps a merged area`);
        s.merges.push(op.address);
        return;
      case 'style':
        s.styles.push(`${op.address} ${op.what}`);
        return;
      case 'values':
      case 'numberFormat': {
        if (s.protected) throw new Error(`AccessDenied: sheet ${s.name} is protected`);
        const b = parseBlock(op.address);
        // A single cell at a merged area's top-left sets the merged cell; any other write into part of one fails.
        const single = b.rows === 1 && b.cols === 1;
        const cut = s.merges.find((m) => overlaps(m, op.address) && !contains(op.address, m) &&
          !(single && m.split(':')[0] === op.address));
        if (cut) throw officeError('InvalidOperation', `${op.address} covers part of the merged area ${cut}`);
        if (op.data.length !== b.rows || op.data.some((r) => r.length !== b.cols)) {
          throw new Error(`InvalidArgument: ${op.address} does not match a ${op.data.length}-row input`);
        }
        op.data.forEach((row, dr) => row.forEach((v, dc) => {
          if (v === null) return; // Office.js: null input leaves the cell unchanged
          const r = b.row + dr;
          const c = b.col + dc;
          if (op.kind === 'numberFormat') {
            s.formats.set(key(r, c), String(v));
            return;
          }
          if (typeof v === 'string' && /^[=+\-@]/.test(v)) throw new Error(`test: formula written into ${a1(r, c)}: ${v}`);
          s.formulas.delete(key(r, c));
          // A text-formatted (@) cell keeps what is typed into it as text, as Excel does; a later format does not convert it.
          if (typeof v === 'number' && s.formats.get(key(r, c)) === '@') {
            (s.cells[r] ??= [])[c] = String(v);
            return;
          }
          (s.cells[r] ??= [])[c] = v === '' ? null : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as CellValue);
        }));
        return;
      }
    }
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The workbook as the engine would read it now, for comparing with the xlsx path. */
  grids(): { name: string; grid: Grid }[] {
    return this.sheets.map((s) => ({ name: s.name, grid: s.cells.map((r) => (r ? [...r] : [])) }));
  }
}
