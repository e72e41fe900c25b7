import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectXlsx, type CollectResult } from '../../src/cycle/collectXlsx.ts';
import { ISSUED_PROPERTY } from '../../src/cycle/issued.ts';
import { splitMaster, type SplitResult } from '../../src/cycle/split.ts';
import { readUnitSheet } from '../../src/cycle/unitEntries.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { readCustomProperties } from '../../src/xlsx/customProperties.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { OpcPackage } from '../../src/xlsx/opcPackage.ts';
import { readZip } from '../../src/xlsx/zip.ts';
import { parseSharedStrings } from '../../src/xlsx/sharedStrings.ts';
import type { CellWrite } from '../../src/engine/index.ts';
import { a1ToKey, coveredByMerges, fillFor, sheetOf, unrelatedWorkbook, withInsertedRow } from './helpers.ts';

const MASTER = new Uint8Array(readFileSync(path.resolve('workbook-templates/guangyuan-2014-sample.xlsx')));
const UNITS = ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区'];

let split: SplitResult;
const file = (unit: string) => split.files.find((f) => f.unit === unit)!.bytes;
/** The entries each return carries, in master cells: what a person filling the master by hand would type. */
const typed: CellWrite[] = [];
let returns: { file: string; bytes: Uint8Array }[];
let gathered: CollectResult;

const fillReturn = (unit: string, extra: CellWrite[] = []) => {
  const fills = fillFor(sheetOf(MASTER, unit));
  for (const f of fills) typed.push({ sheet: unit, row: f.entry.row, col: f.entry.col, value: f.value });
  return openXlsx(file(unit)).applyWrites([...fills.map((f) => ({ sheet: unit, row: f.entry.row, col: f.entry.col, value: f.value })), ...extra], []);
};

beforeAll(async () => {
  split = splitMaster(MASTER);
  const clean = fillReturn('苍溪县');
  // 旺苍县 lowers a 目标值 (F4: 20 → 15) and raises a 细项分值 (H6: 1 → 2).
  const changed = fillReturn('旺苍县', [{ sheet: '旺苍县', row: 3, col: 5, value: 15 }, { sheet: '旺苍县', row: 5, col: 7, value: 2 }]);
  const jiange = sheetOf(MASTER, '剑阁县');
  const jFills = fillFor(jiange);
  for (const f of jFills) typed.push({ sheet: '剑阁县', row: f.entry.row, col: f.entry.col, value: f.value });
  const inserted = await withInsertedRow(file('剑阁县'), '剑阁县', jFills, readUnitSheet(jiange)!.header.row + 1);
  returns = [
    { file: '苍溪县.xlsx', bytes: clean },
    { file: '旺苍县（修改）.xlsx', bytes: changed },
    { file: '剑阁县-回收.xlsx', bytes: inserted },
    { file: '利州区.xlsx', bytes: file('利州区') },
    { file: '利州区(1).xlsx', bytes: file('利州区') },
    { file: '报销单.xlsx', bytes: await unrelatedWorkbook() },
    { file: '说明.docx', bytes: new TextEncoder().encode('not a workbook') },
  ];
  gathered = collectXlsx(MASTER, returns, { now: '2026-12-03 10:00' });
}, 60_000);

describe('分发 on the sample', () => {
  it('writes one workbook per unit with only that unit’s sheet and 填报说明', () => {
    expect(split.files.map((f) => f.unit)).toEqual(UNITS);
    for (const f of split.files) {
      expect(openXlsx(f.bytes).sheetNames).toEqual(['填报说明', f.unit]);
      const parts = Object.keys(unzipSync(f.bytes));
      expect(parts.some((p) => /calcChain|sheet1[01]\.xml/.test(p))).toBe(false);
      // The shared strings are exactly the kept sheets' texts: nothing of another unit, the register or 汇总.
      const strings = parseSharedStrings(new TextDecoder().decode(unzipSync(f.bytes)['xl/sharedStrings.xml']));
      const kept = new Set(openXlsx(f.bytes).readSheets().flatMap((sh) => sh.grid.flat().filter((v): v is string => typeof v === 'string')));
      expect(new Set(strings)).toEqual(kept);
      const elsewhere = openXlsx(MASTER).readSheets().filter((sh) => sh.name !== f.unit && sh.name !== '填报说明');
      const foreign = elsewhere.flatMap((sh) => sh.grid.flat()).filter((v): v is string => typeof v === 'string' && !kept.has(v));
      expect(foreign.length).toBeGreaterThan(0);
      for (const t of foreign) expect(strings).not.toContain(t);
    }
  });

  it('keeps the unit’s values as in the master, with the assessor’s columns empty', () => {
    const master = sheetOf(MASTER, '旺苍县');
    const issued = sheetOf(file('旺苍县'), '旺苍县');
    const model = readUnitSheet(master)!;
    const assessor = new Set(model.assessorCells.map((c) => `${c.row}:${c.col}`));
    master.grid.forEach((row, r) => row?.forEach((v, c) => {
      const got = issued.grid[r]?.[c] ?? null;
      if (assessor.has(`${r}:${c}`)) expect(got).toBeNull();
      else expect(got).toEqual(v);
    }));
  });

  it('carries what was issued in custom document properties', () => {
    const props = readCustomProperties(new OpcPackage(readZip(file('剑阁县'))));
    expect(props[ISSUED_PROPERTY.unit]).toBe('剑阁县');
    expect(props[ISSUED_PROPERTY.year]).toBe('2014');
    expect(props[ISSUED_PROPERTY.master]).toBe(split.master);
    expect(props[ISSUED_PROPERTY.digest]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('unlocks exactly the unit’s entries and protects the sheet (read back by exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file('苍溪县') as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('苍溪县')!;
    const model = readUnitSheet(sheetOf(MASTER, '苍溪县'))!;
    const entries = new Set(model.entries.map((e) => `${e.row}:${e.col}`));
    // 实际完成 of the 78 rows the unit reports, 佐证材料 of all 107 rows, 自评分 once per 项目 (11, each merge's top-left).
    const count = (column: string) => model.entries.filter((e) => e.column === column).length;
    expect([count('actual'), count('evidence'), count('selfScore')]).toEqual([78, 107, 11]);
    expect(entries.size).toBe(196);
    const self = model.header.columns.selfScore!;
    expect(model.entries.filter((e) => e.column === 'selfScore').map((e) => e.row)).toEqual(model.layout.items.map((b) => b.firstRow));
    // 自身组织建设 goes on over a printed page: its 项目 written again on row 51 is no second 自评分.
    expect(sheetOf(MASTER, '苍溪县').grid[50]?.[1]).toBe('自身组织建设');
    expect(entries.has(`50:${self}`)).toBe(false);
    // A merged 自评分 opens as a whole: the cells under it open with its top-left, every other merge stays locked.
    const merges = coveredByMerges(file('苍溪县'), 'xl/worksheets/sheet2.xml');
    const underEntry = new Set([...merges].filter(([top]) => entries.has(a1ToKey(top))).flatMap(([, cells]) => cells.map(a1ToKey)));
    // 9 of the 11 项目 span rows (重点工作4 and 绩效评价 are one row each); the second page of 自身组织建设 (K51) is no entry.
    expect([...merges.keys()].filter((top) => entries.has(a1ToKey(top)))).toEqual(['K3', 'K15', 'K27', 'K33', 'K42', 'K69', 'K74', 'K78', 'K84']);
    expect(merges.has('K51')).toBe(true);
    expect(underEntry.size).toBeGreaterThan(0);
    let open = 0;
    ws.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => {
      const unlocked = cell.protection?.locked === false;
      const key = `${r - 1}:${c - 1}`;
      expect(unlocked, cell.address).toBe(entries.has(key) || underEntry.has(key));
      if (unlocked) open++;
    }));
    expect(open).toBe(196 + underEntry.size);
    const xml = new TextDecoder().decode(unzipSync(file('苍溪县'))['xl/worksheets/sheet2.xml']);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    // A 评分 row's 实际完成 is the assessor's: locked, though the master leaves it open for the assessor.
    const scoredRow = model.layout.items.flatMap((b) => b.rows).find((r) => r.rule === '评分')!;
    expect(ws.getCell(scoredRow.row + 1, model.header.columns.actual! + 1).protection?.locked).not.toBe(false);
  });

  it('hashes a password as the legacy sheet protection does', () => {
    const f = splitMaster(MASTER, { password: 'password', units: ['苍溪县'] }).files[0];
    expect(new TextDecoder().decode(unzipSync(f.bytes)['xl/worksheets/sheet2.xml'])).toContain('password="83AF"');
    expect(() => splitMaster(MASTER, { password: '密码' })).toThrow(/保护密码/);
  });
});

describe('汇集 of the returns', () => {
  const unit = (u: string) => gathered.gather.units.find((x) => x.unit === u)!;
  const grid = (u: string) => sheetOf(gathered.output, u).grid;

  it('takes every entry of the clean return, the changed one and the one with an inserted row', () => {
    for (const w of typed) expect(grid(w.sheet)[w.row]?.[w.col], `${w.sheet} ${w.row}:${w.col}`).toEqual(w.value);
    expect(unit('苍溪县').status).toBe('已收回');
    expect(unit('苍溪县').changes).toEqual([]);
  });

  it('reports every changed issued cell and copies none of them', () => {
    expect(unit('旺苍县').changes.map((c) => c.message)).toEqual(['旺苍县!F4 目标值由“20”改为“15”', '旺苍县!H6 细项分值由“1”改为“2”']);
    expect(unit('旺苍县').status).toBe('有改动（2处）');
    expect(grid('旺苍县')[3][5]).toBe(20);
    expect(grid('旺苍县')[5][7]).toBe(1);
  });

  it('matches rows by content when a unit inserted a row, and reports the row', () => {
    const j = unit('剑阁县');
    expect(j.changes.map((c) => c.code)).toEqual(['row-added']);
    expect(j.changes[0].message).toContain('（本单位补充说明：以下为2014年完成情况）');
    expect(j.taken).toBeGreaterThan(40);
  });

  it('lists 未收回, the duplicate and the files that are no unit’s return', () => {
    expect(gathered.gather.units.filter((u) => u.status === '未收回').map((u) => u.unit)).toEqual(['青川县', '昭化区', '朝天区', '广元经济技术开发区']);
    expect(unit('利州区').status).toBe('未采用');
    const byFile = new Map(gathered.gather.files.map((f) => [f.file, f]));
    expect(byFile.get('利州区.xlsx')!.reason!.code).toBe('duplicate');
    expect(byFile.get('利州区(1).xlsx')!.used).toBe(false);
    expect(byFile.get('报销单.xlsx')!.reason!.code).toBe('no-unit');
    expect(byFile.get('说明.docx')!.reason!.code).toBe('unreadable');
    const sheet = sheetOf(gathered.output, '收回情况').grid;
    expect(sheet[0]).toEqual(['单位', '文件', '收回时间', '状态', '采用填报', '说明']);
    expect(sheet.slice(1, 9).map((r) => r[3])).toEqual(['已收回', '有改动（2处）', '有改动（1处）', '未收回', '未采用', '未收回', '未收回', '未收回']);
    expect(sheet.slice(9).map((r) => r[1])).toEqual(['报销单.xlsx', '说明.docx']);
  });

  it('changes only the entry cells and 收回情况: every other part byte for byte', () => {
    const before = unzipSync(MASTER);
    const after = unzipSync(gathered.output);
    const changed = Object.keys(after).filter((p) => !before[p] || Buffer.compare(before[p], after[p]) !== 0).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml',
      'xl/worksheets/sheet13.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml']);
    const entries = new Set(typed.map((w) => `${w.sheet}:${w.row}:${w.col}`));
    for (const u of ['苍溪县', '旺苍县', '剑阁县']) {
      const m = sheetOf(MASTER, u).grid;
      const g = grid(u);
      for (let r = 0; r < Math.max(m.length, g.length); r++) {
        for (let c = 0; c < Math.max(m[r]?.length ?? 0, g[r]?.length ?? 0); c++) {
          if (!entries.has(`${u}:${r}:${c}`)) expect(g[r]?.[c] ?? null, `${u} ${r}:${c}`).toEqual(m[r]?.[c] ?? null);
        }
      }
    }
  });

  it('changes nothing when the same returns are gathered again', () => {
    const again = collectXlsx(gathered.output, returns, { now: '2026-12-04 09:30' });
    expect(again.gather.writes).toEqual([]);
    expect(Buffer.compare(again.output, gathered.output)).toBe(0);
  });

  it('scores the gathered master exactly as a master filled in by hand', () => {
    const hand = scoreXlsx(openXlsx(MASTER).applyWrites(typed, [])).result;
    const viaGather = collectXlsx(MASTER, returns, { now: '2026-12-03 10:00', score: true }).scored!;
    const view = (r: typeof hand) => ({ units: r.units.map(({ unit, total, rank, status }) => ({ unit, total, rank, status })), issues: r.issues.map((i) => i.message) });
    expect(view(viaGather)).toEqual(view(hand));
    expect(viaGather.units.find((u) => u.unit === '苍溪县')!.total).not.toBe(scoreXlsx(MASTER).result.units.find((u) => u.unit === '苍溪县')!.total);
  });
});

describe('汇集 of 自评分 and 佐证材料', () => {
  it('takes 自评分 from each merge’s top-left and every 佐证材料; a 考核意见 the unit typed is reported, not copied', () => {
    const U = '旺苍县';
    const model = readUnitSheet(sheetOf(MASTER, U))!;
    const own = model.entries.filter((e) => e.column !== 'actual')
      .map((e, i) => ({ sheet: U, row: e.row, col: e.col, value: e.column === 'selfScore' ? 7 + i : `证明${i}.pdf` }));
    const remark = { sheet: U, row: 3, col: model.header.columns.remark!, value: '单位写的意见' };
    const r = collectXlsx(MASTER, [{ file: '旺苍县.xlsx', bytes: openXlsx(file(U)).applyWrites([...own, remark], []) }], { now: 'x' });
    const g = sheetOf(r.output, U).grid;
    expect(own.filter((w) => g[w.row]?.[w.col] !== w.value)).toEqual([]);
    expect(own.filter((w) => w.col === model.header.columns.selfScore).length).toBe(11);
    expect(r.gather.units.find((u) => u.unit === U)!.changes.map((c) => c.message)).toEqual(['旺苍县!M4 考核意见由空白改为“单位写的意见”']);
    expect(g[3]?.[remark.col] ?? null).toBeNull();
  });
});

describe('汇集 refuses what it cannot use, and goes on with the rest', () => {
  it('rejects a return issued from another master', () => {
    const other = splitMaster(openXlsx(MASTER).applyWrites([{ sheet: '苍溪县', row: 0, col: 0, value: '共青团苍溪县委2015年度目标绩效指标' }], []), { units: ['苍溪县'] }).files[0];
    const r = collectXlsx(MASTER, [{ file: '苍溪县2015.xlsx', bytes: other.bytes }, { file: '旺苍县.xlsx', bytes: file('旺苍县') }], { now: 'x' });
    expect(r.gather.files.map((f) => [f.file, f.used, f.reason?.code ?? null])).toEqual([['苍溪县2015.xlsx', false, 'other-year'], ['旺苍县.xlsx', true, null]]);
  });

  it('takes nothing of a unit whose rows cannot be matched with certainty', () => {
    const model = readUnitSheet(sheetOf(MASTER, '青川县'))!;
    const row = model.layout.items[0].rows[1];
    const edited = openXlsx(file('青川县')).applyWrites([
      { sheet: '青川县', row: row.row, col: model.header.columns.content!, value: '（单位改写的考核内容）' },
      { sheet: '青川县', row: row.row, col: model.header.columns.actual!, value: 999 },
    ], []);
    const r = collectXlsx(MASTER, [{ file: '青川县.xlsx', bytes: edited }], { now: 'x' });
    const u = r.gather.units.find((x) => x.unit === '青川县')!;
    expect(u.status).toBe('未采用');
    expect(u.notes.map((n) => n.code)).toContain('uncertain');
    expect(r.gather.entryWrites).toBe(0);
    expect(u.changes[0].message).toContain('考核内容由');
  });

  it('refuses a master without a 考核表', async () => {
    const plain = await unrelatedWorkbook();
    expect(() => collectXlsx(plain, [], { now: 'x' })).toThrow(/没有考核表/);
    expect(() => splitMaster(new TextEncoder().encode('nope'))).toThrow();
  });
});
