import { findFormulaInOutput, type CellWrite } from '../engine/index.ts';
import type { BookParts } from './book';
import { cellAddress, MAX_COLS, MAX_ROWS } from './cellRef';
import { addOverrides, CONTENT_TYPE, CONTENT_TYPES_PART, overriddenParts } from './contentTypes';
import { relativeTarget, relsPartFor } from './opcPackage';
import { refuse } from './refusals';
import { addRelationships, REL_TYPE, unusedRelIds } from './relationships';
import { EMPTY_WORKSHEET_XML, patchSheet, type PatchWrite } from './sheetPatcher';
import { NumberStyles } from './styles';
import { dropCachedValues, staleFormulaCells, type SheetFormula } from './staleFormulas';
import { addSheets, parseDefinedNames, setFullCalcOnLoad } from './workbookXml';
import { encodeXml } from './xmlText';
import type { NewEntry, ZipEntry } from './zip';
import { writeZip } from './zip';

const INVALID_NAME_CHARS = /[:\\/?*[\]]/;

function checkNewSheetName(name: string): void {
  if (
    name.trim() === '' ||
    name.length > 31 ||
    INVALID_NAME_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === 'history'
  ) {
    throw refuse.unsupported(
      `无法写入：新工作表名称“${name}”不合法。名称不能为空或为“History”，不超过 31 个字符，不能含有 : \\ / ? * [ ]，也不能以单引号开头或结尾。`,
    );
  }
}

function checkWrite(w: CellWrite): void {
  const where = () => `“${w.sheet}”工作表第 ${w.row + 1} 行第 ${w.col + 1} 列`;
  if (!Number.isInteger(w.row) || !Number.isInteger(w.col) || w.row < 0 || w.col < 0 || w.row >= MAX_ROWS || w.col >= MAX_COLS) {
    throw refuse.unsupported(`无法写入：${where()}超出 Excel 工作表的范围。`);
  }
  const v = w.value;
  if (typeof v === 'number' ? !Number.isFinite(v) : v !== null && typeof v !== 'string') {
    throw refuse.unsupported(`无法写入：${where()}（${cellAddress(w.row, w.col)}）的结果不是有效的数字或文本。`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Picks `prefix{N}suffix` with the smallest N ≥ 1 not in `taken` (lower-cased). */
function unusedPart(prefix: string, suffix: string, taken: Set<string>, first?: string): string {
  if (first && !taken.has(first.toLowerCase())) return first;
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Builds the output workbook: patches the written sheets, adds new sheets and the "0.00" styles,
 * asks Excel to recalculate, and copies every other zip entry verbatim.
 * All checks run before anything is built, so a refusal never leaves partial output.
 */
/** What the book already read of each worksheet: applyWrites inflates and scans nothing again. */
export interface ReadWorksheets {
  hasFormula(sheet: string, row: number, col: number): boolean;
  formulas(part: string): SheetFormula[];
  bytes(part: string): Uint8Array;
}

export function applyWrites(book: BookParts, writes: CellWrite[], newSheets: string[], read: ReadWorksheets): Uint8Array {
  const planned = plan(book, writes, newSheets, read);
  return planned ? writeZip(book.pkg.zip, planned.replaced, planned.added) : book.bytes.slice();
}

/** applyWrites, each patched part deflated off this thread as soon as it is made (where the codec can): same bytes. */
export async function applyWritesAsync(book: BookParts, writes: CellWrite[], newSheets: string[], read: ReadWorksheets): Promise<Uint8Array> {
  const deflate = book.pkg.zip.codec.deflateAsync;
  if (!deflate) return applyWrites(book, writes, newSheets, read);
  const started = new Map<Uint8Array, Promise<Uint8Array>>();
  const start = (data: Uint8Array) => {
    if (started.has(data)) return;
    const p = deflate(data);
    p.catch(() => undefined); // awaited below, in order
    started.set(data, p);
  };
  const planned = plan(book, writes, newSheets, read, start);
  if (!planned) return book.bytes.slice();
  const all = [...planned.replaced.values(), ...planned.added.map((a) => a.data)];
  all.forEach(start);
  const compressed = new Map<Uint8Array, Uint8Array>();
  for (const data of all) compressed.set(data, await started.get(data)!);
  return writeZip(book.pkg.zip, planned.replaced, planned.added, compressed);
}

interface Planned {
  replaced: Map<ZipEntry, Uint8Array>;
  added: NewEntry[];
}

/** Every new and changed part, or null when nothing changes; `onPatched` hears of each worksheet as it is patched. */
function plan(book: BookParts, writes: CellWrite[], newSheets: string[], read: ReadWorksheets, onPatched?: (data: Uint8Array) => void): Planned | null {
  const hasFormula = read.hasFormula;
  const { pkg } = book;

  // Sheet names compare case-insensitively in Excel.
  const existing = new Map(book.worksheets.map((w) => [w.name.toLowerCase(), w]));
  const taken = new Set(book.allSheets.map((s) => s.name.toLowerCase()));
  const toCreate: string[] = [];
  for (const name of newSheets) {
    checkNewSheetName(name);
    if (taken.has(name.toLowerCase())) continue; // already there (e.g. from an earlier run): write into it
    taken.add(name.toLowerCase());
    toCreate.push(name);
  }
  const created = new Map(toCreate.map((n) => [n.toLowerCase(), n]));

  const perSheet = new Map<string, Map<number, PatchWrite>>();
  // Writes come sheet by sheet: the lookup is done again only when the sheet changes.
  let lastSheet: string | undefined;
  let cells: Map<number, PatchWrite> | undefined;
  for (const w of writes) {
    if (w.sheet !== lastSheet || !cells) {
      const key = w.sheet.toLowerCase();
      if (!existing.has(key) && !created.has(key)) throw refuse.unsupported(`无法写入：找不到工作表“${w.sheet}”。`);
      cells = perSheet.get(key);
      if (!cells) perSheet.set(key, (cells = new Map()));
      lastSheet = w.sheet;
    }
    checkWrite(w);
    cells.set(w.row * MAX_COLS + w.col, w); // the last write to a cell wins
  }
  const offender = findFormulaInOutput(writes, (sheet, row, col) => {
    const ws = existing.get(sheet.toLowerCase());
    return ws !== undefined && hasFormula(ws.name, row, col);
  });
  if (offender) throw refuse.formulaInOutput(offender.params);
  if (writes.length === 0 && toCreate.length === 0) return null;

  const replaced = new Map<ZipEntry, Uint8Array>();
  const added: NewEntry[] = [];
  const replaceXml = (part: string, before: string, after: string) => {
    if (after !== before) replaced.set(pkg.entry(part)!, encodeXml(after));
  };

  let styles: NumberStyles | undefined;
  const styleSource = {
    numberStyle: (base: number) => {
      if (!styles) {
        if (book.stylesPart && !pkg.has(book.stylesPart)) throw refuse.corrupt('样式部件缺失');
        styles = new NumberStyles(book.stylesPart ? pkg.xml(book.stylesPart) : null);
      }
      return styles.numberStyle(base);
    },
  };

  // The user's formulas that read written cells lose their stale cached results (see staleFormulas.ts).
  const written = new Map<string, Set<number>>();
  for (const [key, cells] of perSheet) if (existing.has(key)) written.set(key, new Set(cells.keys()));
  const stale = staleFormulaCells(
    {
      sheets: book.worksheets.map((ws) => ({
        name: ws.name,
        index: book.allSheets.findIndex((s) => s.name === ws.name),
        formulas: () => read.formulas(ws.part),
      })),
      names: parseDefinedNames(pkg.xml(book.workbookPart)),
    },
    written,
  );

  for (const ws of book.worksheets) {
    const key = ws.name.toLowerCase();
    const cells = perSheet.get(key);
    const drop = stale.get(key);
    if (!cells && !drop) continue;
    const before = read.bytes(ws.part);
    const dropped = drop ? dropCachedValues(before, drop) : before;
    const after = cells ? patchSheet(dropped, [...cells.values()], styleSource) : dropped;
    if (!sameBytes(before, after)) {
      replaced.set(pkg.entry(ws.part)!, after);
      onPatched?.(after);
    }
  }

  const takenParts = new Set(book.pkg.zip.entries.map((e) => e.name.toLowerCase()));
  const ctXml = pkg.has(CONTENT_TYPES_PART) ? pkg.xml(CONTENT_TYPES_PART) : null;
  if (ctXml) for (const p of overriddenParts(ctXml)) takenParts.add(p);
  const wbDir = book.workbookPart.replace(/[^/]*$/, '');
  const newRels: { id: string; type: string; target: string }[] = [];
  const overrides: { part: string; contentType: string }[] = [];
  const relIds = unusedRelIds(book.workbookRels, toCreate.length + 1);
  let sheetId = book.allSheets.reduce((m, s) => Math.max(m, s.sheetId), 0);
  const sheetEntries: { name: string; sheetId: number; relId: string }[] = [];

  toCreate.forEach((name, i) => {
    const part = unusedPart(`${wbDir}worksheets/sheet`, '.xml', takenParts);
    takenParts.add(part.toLowerCase());
    const cells = perSheet.get(name.toLowerCase());
    const empty = encodeXml(EMPTY_WORKSHEET_XML);
    added.push({ name: part, data: cells ? patchSheet(empty, [...cells.values()], styleSource) : empty });
    newRels.push({ id: relIds[i], type: REL_TYPE.worksheet, target: relativeTarget(book.workbookPart, part) });
    overrides.push({ part, contentType: CONTENT_TYPE.worksheet });
    sheetEntries.push({ name, sheetId: ++sheetId, relId: relIds[i] });
  });

  const finalStyles = styles as NumberStyles | undefined;
  if (finalStyles?.changed) {
    if (finalStyles.created) {
      const part = unusedPart(`${wbDir}styles`, '.xml', takenParts, `${wbDir}styles.xml`);
      added.push({ name: part, data: encodeXml(finalStyles.toXml()) });
      newRels.push({ id: relIds[toCreate.length], type: REL_TYPE.styles, target: relativeTarget(book.workbookPart, part) });
      overrides.push({ part, contentType: CONTENT_TYPE.styles });
    } else {
      replaceXml(book.stylesPart!, pkg.xml(book.stylesPart!), finalStyles.toXml());
    }
  }

  const wbXml = pkg.xml(book.workbookPart);
  let wbNext = addSheets(wbXml, sheetEntries, book.allSheets[0]?.relAttr ?? 'r:id');
  if (writes.length > 0) wbNext = setFullCalcOnLoad(wbNext);
  replaceXml(book.workbookPart, wbXml, wbNext);

  if (newRels.length > 0) {
    const relsPart = relsPartFor(book.workbookPart);
    const relsXml = pkg.xml(relsPart);
    replaceXml(relsPart, relsXml, addRelationships(relsXml, newRels));
  }
  if (overrides.length > 0) {
    if (!ctXml) throw refuse.corrupt('缺少 [Content_Types].xml');
    replaceXml(CONTENT_TYPES_PART, ctXml, addOverrides(ctXml, overrides));
  }
  return { replaced, added };
}
