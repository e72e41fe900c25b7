// 汇集 into the workbook open in Excel: the returns are read as files (the xlsx path), the master through Office.js,
// and the entries and 收回情况 written back in one batch. Four syncs: names; values and protection; the number
// formats that tell 90% from 0.9; the writes.
import { formatColumns, type FormatGrid, type SheetInput } from '../../src/engine/index.ts';
import { readReturn, type ReturnedFile } from '../../src/cycle/collectXlsx.ts';
import { gatherReturns as gatherGrids, type GatherResult } from '../../src/cycle/gather.ts';
import { unitSheets } from '../../src/cycle/issued.ts';
import { classifyNumberFormat } from '../../src/formats/numberFormat.ts';
import { blockAddress } from './address.ts';
import { usedRangeToGrid, type OfficeCell } from './grid.ts';
import { protectedSheet, protectedWorkbook, type Refusal } from './refusal.ts';
import { officeSupports, type Supports } from './requirements.ts';
import { DEFAULT_MAX_REQUEST_BYTES, hasFormats, packBatches, planWrites } from './writePlan.ts';

export interface GatherOptions {
  /** The 收回时间 written into 收回情况, e.g. "2026-12-03 10:15". */
  now: string;
  supports?: Supports;
  maxRequestBytes?: number;
}

export interface GatherOutcome {
  /** null when the workbook has no assessment sheet: nothing was read beyond the values, nothing written. */
  gather: GatherResult | null;
  written: boolean;
  refusal: Refusal | null;
  syncs: number;
  cellsWritten: number;
}

/** Gathers the returned files into the open workbook; a file that is no usable xlsx is reported, never thrown. */
export async function gatherIntoWorkbook(context: Excel.RequestContext, files: ReturnedFile[], options: GatherOptions): Promise<GatherOutcome> {
  const supports = options.supports ?? officeSupports;
  const api12 = supports('ExcelApi', '1.2');
  const api14 = supports('ExcelApi', '1.4');
  const api17 = supports('ExcelApi', '1.7');
  let syncs = 0;
  const outcome = (o: Partial<GatherOutcome>): GatherOutcome => ({ gather: null, written: false, refusal: null, syncs, cellsWritten: 0, ...o });

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  syncs++;

  const bookProtection = api17 ? context.workbook.protection : null;
  bookProtection?.load('protected');
  const reads = worksheets.items.map((sheet) => {
    const used = api14 ? sheet.getUsedRangeOrNullObject(true) : api12 ? sheet.getUsedRange(true) : sheet.getUsedRange();
    used.load('address,values');
    const protection = api12 ? sheet.protection : null;
    protection?.load('protected');
    return { sheet, name: sheet.name, used, protection };
  });
  await context.sync();
  syncs++;
  const inputs: SheetInput[] = reads.map((r) =>
    r.used.isNullObject ? { name: r.name, grid: [] } : { name: r.name, grid: usedRangeToGrid(r.used.values as OfficeCell[][], r.used.address) });
  if (unitSheets(inputs).length === 0) return outcome({});

  // The formats of 目标值 and 实际完成, as the scoring read loads them: a percent entry is compared and written by them.
  const formatReads = inputs.flatMap((input, i) => {
    const where = formatColumns(input.name, input.grid);
    const rows = input.grid.length - (where?.fromRow ?? 0);
    if (!where || rows <= 0) return [];
    return [{
      input, top: where.fromRow,
      ranges: where.columns.map((col) => {
        const range = reads[i].sheet.getRange(blockAddress(where.fromRow, col, rows, 1));
        range.load('numberFormat');
        return { col, range };
      }),
    }];
  });
  if (formatReads.length > 0) {
    await context.sync();
    syncs++;
  }
  for (const f of formatReads) {
    const grid: FormatGrid = [];
    for (const { col, range } of f.ranges) {
      (range.numberFormat as unknown[][]).forEach((line, dr) => {
        const format = typeof line[0] === 'string' ? classifyNumberFormat(line[0]) : null;
        if (format) (grid[f.top + dr] ??= [])[col] = format;
      });
    }
    f.input.formats = grid;
  }

  const gather = gatherGrids(inputs, files.map((f) => readReturn(f)), { now: options.now });
  const targets = new Set(gather.writes.map((w) => w.sheet));
  const locked = reads.find((r) => targets.has(r.name) && r.protection?.protected);
  if (locked) return outcome({ gather, refusal: protectedSheet(locked.name) });
  if (gather.newSheets.length > 0 && bookProtection?.protected) return outcome({ gather, refusal: protectedWorkbook(gather.newSheets[0]) });
  if (gather.writes.length === 0) return outcome({ gather, written: true });

  const sheets = new Map<string, Excel.Worksheet>(reads.map((r) => [r.name, r.sheet]));
  let cellsWritten = 0;
  const batches = packBatches(planWrites(gather.writes), options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  for (let i = 0; i < batches.length; i++) {
    if (i === 0) for (const name of gather.newSheets) sheets.set(name, worksheets.add(name));
    for (const block of batches[i].blocks) {
      const range = sheets.get(block.sheet)!.getRange(blockAddress(block.top, block.left, block.values.length, block.values[0].length));
      range.values = block.values;
      if (hasFormats(block)) range.numberFormat = block.formats;
      cellsWritten += block.cells;
    }
    // More than one write sync only when the writes exceed one request's size limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return outcome({ gather, written: true, cellsWritten });
}
