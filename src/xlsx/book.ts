import type { CellFormat, CellWrite, SheetInput } from '../engine/index.ts';
import { applyWrites, applyWritesAsync, type ReadWorksheets } from './applyWrites';
import { readCellFormats } from './cellFormats';
import { OpcPackage, relsPartFor, resolveTarget } from './opcPackage';
import { refuse } from './refusals';
import { parseRelationships, relKind, type Relationship } from './relationships';
import { parseSharedStrings } from './sharedStrings';
import { hasFormulaAt, newGridBudget, readSheet, type SheetContent } from './sheetReader';
import { sniffFormat } from './sniff';
import { parseWorkbook, type WorkbookSheet } from './workbookXml';
import { readZip } from './zip';
import type { DeflateCodec } from './codec.ts';

export interface XlsxBook {
  /** Worksheets in workbook order (chartsheets and dialog sheets are skipped but kept in the file). */
  sheetNames: string[];
  /** Values of every worksheet. Grids are cached and shared between calls: treat them as read-only. */
  readSheets(): SheetInput[];
  /** 0-based; true for normal, shared (master and dependents) and array-formula cells. */
  hasFormula(sheet: string, row: number, col: number): boolean;
  applyWrites(writes: CellWrite[], newSheets: string[]): Uint8Array;
  /**
   * readSheets with the inflating done off the calling thread (where the codec can) while sheets are scanned;
   * `onSheet` is told before each sheet is scanned. Same result as readSheets.
   */
  readSheetsAsync(onSheet?: (index: number, name: string) => void): Promise<SheetInput[]>;
  /** applyWrites with the patched parts deflated off the calling thread while the next ones are patched. Same bytes. */
  applyWritesAsync(writes: CellWrite[], newSheets: string[]): Promise<Uint8Array>;
}

export interface WorksheetPart {
  name: string;
  part: string;
}

/** Everything applyWrites needs to know about the package. */
export interface BookParts {
  bytes: Uint8Array;
  pkg: OpcPackage;
  workbookPart: string;
  workbookRels: Relationship[];
  /** All `<sheet>` entries of workbook.xml, any kind. */
  allSheets: WorkbookSheet[];
  worksheets: WorksheetPart[];
  stylesPart?: string;
}

function locateWorkbook(pkg: OpcPackage): string {
  if (pkg.has('mimetype')) {
    const mime = new TextDecoder().decode(pkg.bytes('mimetype').subarray(0, 200));
    if (mime.startsWith('application/vnd.oasis.opendocument')) throw refuse.ods();
  }
  if (pkg.has('xl/workbook.bin')) throw refuse.xlsb();
  const notWorkbook = refuse.unsupported('无法读取：压缩包里没有 Excel 工作簿（可能是其他压缩包或 Word、PowerPoint 文件）。请选择 .xlsx 工作簿后重试。');
  if (!pkg.has('_rels/.rels')) throw notWorkbook;
  const office = parseRelationships(pkg.xml('_rels/.rels')).find((r) => relKind(r.type) === 'officeDocument' && !r.external);
  if (!office) throw notWorkbook;
  const part = resolveTarget('', office.target);
  if (part.toLowerCase().endsWith('.bin')) throw refuse.xlsb();
  if (!pkg.has(part)) throw refuse.corrupt(`缺少工作簿部件“${part}”`);
  return part;
}

export interface OpenOptions {
  /** Native zlib in Node (see src/cli/zlibCodec.ts); fflate when absent, as in browsers. */
  codec?: DeflateCodec;
}

export function openXlsx(bytes: Uint8Array, options: OpenOptions = {}): XlsxBook {
  sniffFormat(bytes);
  const pkg = new OpcPackage(readZip(bytes, options.codec));
  const workbookPart = locateWorkbook(pkg);
  const allSheets = parseWorkbook(pkg.xml(workbookPart));
  // Two sheets of one name would send one unit's scores into the other's sheet.
  const names = new Set<string>();
  for (const sh of allSheets) {
    const key = sh.name.toLowerCase();
    if (names.has(key)) throw refuse.corrupt(`工作簿中有两个工作表都叫“${sh.name}”`);
    names.add(key);
  }
  const relsPart = relsPartFor(workbookPart);
  if (!pkg.has(relsPart)) throw refuse.corrupt('缺少工作簿关系部件');
  const workbookRels = parseRelationships(pkg.xml(relsPart));
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const partOf = (kind: string) => {
    const rel = workbookRels.find((r) => relKind(r.type) === kind && !r.external);
    return rel && resolveTarget(workbookPart, rel.target);
  };

  const worksheets: WorksheetPart[] = [];
  for (const sh of allSheets) {
    const rel = relById.get(sh.relId);
    if (!rel) throw refuse.corrupt(`工作表“${sh.name}”缺少关系`);
    if (relKind(rel.type) !== 'worksheet') continue;
    const part = resolveTarget(workbookPart, rel.target);
    if (!pkg.has(part)) throw refuse.corrupt(`工作表“${sh.name}”的部件缺失`);
    worksheets.push({ name: sh.name, part });
  }
  const parts: BookParts = {
    bytes,
    pkg,
    workbookPart,
    workbookRels,
    allSheets,
    worksheets,
    stylesPart: partOf('styles'),
  };
  const sstPart = partOf('sharedStrings');
  return new Book(parts, sstPart && pkg.has(sstPart) ? sstPart : undefined);
}

/** A worksheet's inflated bytes and what one scan of them found: the bytes are kept for patching. */
interface ReadSheet extends SheetContent {
  bytes: Uint8Array;
}

class Book implements XlsxBook {
  readonly sheetNames: string[];
  private sst: string[] | undefined;
  private styleFormats: (CellFormat | null)[] | undefined;
  private readonly contents = new Map<string, ReadSheet>();
  private readonly byName: Map<string, WorksheetPart>;
  private readonly budget = newGridBudget();
  private byPart: Map<string, WorksheetPart> | undefined;

  constructor(
    private readonly parts: BookParts,
    private readonly sstPart: string | undefined,
  ) {
    this.sheetNames = parts.worksheets.map((w) => w.name);
    this.byName = new Map(parts.worksheets.map((w) => [w.name, w]));
  }

  private sharedStrings(): string[] {
    this.sst ??= this.sstPart ? parseSharedStrings(this.parts.pkg.xml(this.sstPart)) : [];
    return this.sst;
  }

  private cellFormats(): (CellFormat | null)[] {
    const part = this.parts.stylesPart;
    this.styleFormats ??= readCellFormats(part && this.parts.pkg.has(part) ? this.parts.pkg.xml(part) : null);
    return this.styleFormats;
  }

  /** Each worksheet is inflated and scanned once, for values, formats and formulas together. */
  private content(ws: WorksheetPart, inflated?: Uint8Array): ReadSheet {
    let c = this.contents.get(ws.part);
    if (!c) {
      this.budget.sheet = ws.name;
      const bytes = inflated ?? this.parts.pkg.xmlBytes(ws.part);
      c = { ...readSheet(bytes, this.sharedStrings(), this.budget, this.cellFormats()), bytes };
      this.contents.set(ws.part, c);
    }
    return c;
  }

  async readSheetsAsync(onSheet?: (index: number, name: string) => void): Promise<SheetInput[]> {
    const sheets = this.parts.worksheets;
    // A few sheets ahead: the worker inflates the next ones while this thread scans; memory stays that of readSheets.
    const AHEAD = 8;
    const pending: (Promise<Uint8Array> | undefined)[] = [];
    const start = (i: number) => {
      const ws = sheets[i];
      if (i >= sheets.length || this.contents.has(ws.part)) return;
      // Refusals of the limits surface in sheet order too, when that sheet's turn comes.
      const p = (async () => this.parts.pkg.xmlBytesAsync(ws.part))();
      p.catch(() => undefined); // awaited in order below; a later sheet's failure must not go unhandled meanwhile
      pending[i] = p;
    };
    for (let i = 0; i < sheets.length; i++) {
      if (i === 0) for (let k = 0; k < AHEAD; k++) start(k);
      start(i + AHEAD);
      onSheet?.(i, sheets[i].name);
      const inflated = await pending[i];
      pending[i] = undefined;
      this.content(sheets[i], inflated);
    }
    return this.readSheets();
  }

  readSheets(): SheetInput[] {
    return this.parts.worksheets.map((ws) => {
      const c = this.content(ws);
      return { name: ws.name, grid: c.grid, formats: c.formats };
    });
  }

  hasFormula(sheet: string, row: number, col: number): boolean {
    const ws = this.byName.get(sheet);
    return ws ? hasFormulaAt(this.content(ws), row, col) : false;
  }

  private readWorksheets(): ReadWorksheets {
    return {
      hasFormula: (sheet, row, col) => this.hasFormula(sheet, row, col),
      formulas: (part) => this.contentOfPart(part).formulas,
      bytes: (part) => this.contentOfPart(part).bytes,
    };
  }

  applyWrites(writes: CellWrite[], newSheets: string[]): Uint8Array {
    return applyWrites(this.parts, writes, newSheets, this.readWorksheets());
  }

  applyWritesAsync(writes: CellWrite[], newSheets: string[]): Promise<Uint8Array> {
    return applyWritesAsync(this.parts, writes, newSheets, this.readWorksheets());
  }

  private contentOfPart(part: string): ReadSheet {
    this.byPart ??= new Map(this.parts.worksheets.map((w) => [w.part, w]));
    const ws = this.byPart.get(part);
    if (!ws) throw new Error(`not a worksheet part: ${part}`);
    return this.content(ws);
  }
}
