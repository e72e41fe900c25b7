// A second spreadsheet program: LibreOffice opens the issued file and the gathered master, and a unit that fills its
// file in LibreOffice and saves it there is gathered like any other.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectXlsx, type CollectResult } from '../../src/cycle/collectXlsx.ts';
import { ISSUED_PROPERTY } from '../../src/cycle/issued.ts';
import { splitMaster } from '../../src/cycle/split.ts';
import { readUnitSheet } from '../../src/cycle/unitEntries.ts';
import { readCustomProperties } from '../../src/xlsx/customProperties.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { OpcPackage } from '../../src/xlsx/opcPackage.ts';
import { readZip } from '../../src/xlsx/zip.ts';
import { CSV_ALL_SHEETS, parseCsv, soffice } from '../reliability/lib/soffice.ts';
import { a1 } from '../../src/engine/index.ts';
import { coveredByMerges, fillFor, sheetOf, unlockedCells } from './helpers.ts';

const MASTER = new Uint8Array(readFileSync(path.resolve('workbook-templates/guangyuan-2014-sample.xlsx')));
const UNIT = '苍溪县';
let dir: string;
let resaved: Uint8Array;
let gathered: CollectResult;
const fills = fillFor(sheetOf(MASTER, UNIT));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ts-cycle-lo-'));
  for (const d of ['xlsx', 'csv']) mkdirSync(path.join(dir, d));
  const issued = splitMaster(MASTER, { password: 'tw2014', units: [UNIT] }).files[0].bytes;
  writeFileSync(path.join(dir, '苍溪县-下发.xlsx'), issued);
  const filled = openXlsx(issued).applyWrites(fills.map((f) => ({ sheet: UNIT, row: f.entry.row, col: f.entry.col, value: f.value })), []);
  writeFileSync(path.join(dir, '苍溪县-填好.xlsx'), filled);
  // The unit saves its filled file in LibreOffice.
  soffice(['--convert-to', 'xlsx', '--outdir', path.join(dir, 'xlsx'), path.join(dir, '苍溪县-填好.xlsx')], dir);
  resaved = new Uint8Array(readFileSync(path.join(dir, 'xlsx', '苍溪县-填好.xlsx')));
  gathered = collectXlsx(MASTER, [{ file: '苍溪县-填好.xlsx', bytes: resaved }], { now: '2026-12-03 10:00' });
  writeFileSync(path.join(dir, '主表-汇集.xlsx'), gathered.output);
  soffice(['--convert-to', CSV_ALL_SHEETS, '--outdir', path.join(dir, 'csv'), path.join(dir, '苍溪县-下发.xlsx'), path.join(dir, '主表-汇集.xlsx')], dir);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = (file: string, sheet: string) => parseCsv(readFileSync(path.join(dir, 'csv', `${file}-${sheet}.csv`), 'utf8'));

describe('LibreOffice and the cycle', () => {
  it('opens the issued file: the unit’s sheet and 填报说明, values as in the master', () => {
    const rows = csv('苍溪县-下发', UNIT);
    const master = sheetOf(MASTER, UNIT).grid;
    expect(rows[1].slice(0, 10)).toEqual(master[1].slice(0, 10).map(String));
    expect(rows[3][3]).toBe(master[3][3]);
    expect(csv('苍溪县-下发', '填报说明')[0][0]).toBe(sheetOf(MASTER, '填报说明').grid[0][0]);
  });

  it('keeps the protection: entry cells open, every other cell locked, and keeps what was issued', () => {
    const xml = new TextDecoder().decode(unzipSync(resaved)['xl/worksheets/sheet2.xml']);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    const unlocked = unlockedCells(resaved, 'xl/worksheets/sheet2.xml');
    const model = readUnitSheet(sheetOf(MASTER, UNIT))!;
    const entries = new Set(model.entries.map((e) => a1(e.row, e.col)));
    // A merged 自评分 is open as a whole (LibreOffice also saves one protection for every cell a merge covers); the
    // cells under any other merge stay locked.
    const merges = coveredByMerges(MASTER, 'xl/worksheets/sheet2.xml');
    const underEntry = new Set([...merges].filter(([top]) => entries.has(top)).flatMap(([, cells]) => cells));
    expect(underEntry.size).toBeGreaterThan(0);
    expect(unlocked.size).toBeGreaterThan(500);
    for (const [cell, open] of unlocked) expect(open, cell).toBe(entries.has(cell) || underEntry.has(cell));
    for (const cell of entries) expect(unlocked.get(cell), cell).toBe(true);
    expect(readCustomProperties(new OpcPackage(readZip(resaved)))[ISSUED_PROPERTY.unit]).toBe(UNIT);
  });

  it('gathers the file LibreOffice saved: matched by what it carries, every entry taken, no change reported', () => {
    const u = gathered.gather.units.find((x) => x.unit === UNIT)!;
    expect(u.status).toBe('已收回');
    expect(u.changes).toEqual([]);
    const grid = sheetOf(gathered.output, UNIT).grid;
    for (const f of fills) expect(grid[f.entry.row][f.entry.col]).toEqual(f.value);
  });

  it('opens the gathered master with its entries and the 收回情况 sheet', () => {
    const rows = csv('主表-汇集', UNIT);
    const f = fills.find((x) => typeof x.value === 'number')!;
    expect(Number(rows[f.entry.row][f.entry.col])).toBe(f.value);
    const returns = csv('主表-汇集', '收回情况');
    expect(returns[0]).toEqual(['单位', '文件', '收回时间', '状态', '采用填报', '说明']);
    expect(returns[1].slice(0, 4)).toEqual([UNIT, '苍溪县-填好.xlsx', '2026-12-03 10:00', '已收回']);
    expect(returns[2][3]).toBe('未收回');
  });
});
