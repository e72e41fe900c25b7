import { describe, expect, it } from 'vitest';
import { blockAddress, rangeStart } from '../../addin/host/address.ts';
import { cellInput } from '../../addin/host/cellInput.ts';
import { formulaAreas, formulaGrid } from '../../addin/host/formulaCells.ts';
import { usedRangeToGrid } from '../../addin/host/grid.ts';
import { jsonBytes, packBatches, planWrites } from '../../addin/host/writePlan.ts';
import { boxCells, groupReads, halve, planReads, usedBox } from '../../addin/host/readPlan.ts';

describe('addresses', () => {
  it('reads the start of Office.js range addresses', () => {
    expect(rangeStart('Sheet1!B2:M78')).toEqual({ row: 1, col: 1 });
    expect(rangeStart("'苍溪 县'!AA10")).toEqual({ row: 9, col: 26 });
    expect(rangeStart("'a!b'!$C$3:$D$4")).toEqual({ row: 2, col: 2 });
    expect(rangeStart('A1')).toEqual({ row: 0, col: 0 });
    expect(blockAddress(2, 10, 76, 3)).toBe('K3:M78');
    expect(blockAddress(0, 0, 1, 1)).toBe('A1');
  });

  it('anchors used-range values at A1 and turns "" into null', () => {
    expect(usedRangeToGrid([['x', ''], [1, true]], 'S!B2:C3')).toEqual([[], [null, 'x', null], [null, 1, true]]);
  });
});

describe('formula cells', () => {
  it('reads RangeAreas addresses, quoted sheet names included', () => {
    const at = formulaAreas("'a, K9'!K3:K4, 'a, K9'!M7");
    expect(at(2, 10)).toBe(true);
    expect(at(3, 10)).toBe(true);
    expect(at(6, 12)).toBe(true);
    expect(at(8, 10)).toBe(false);
    expect(formulaAreas('Sheet1!A1:B2,Sheet1!D4')(3, 3)).toBe(true);
  });

  it('tells formulas from text in a formulas array', () => {
    const at = formulaGrid('S!K3:L3', [[2, '=x']], [['=1+1', '=x']]);
    expect(at(2, 10)).toBe(true);
    expect(at(2, 11)).toBe(false); // text that merely starts with "=" reads back as itself
    expect(at(0, 0)).toBe(false);
  });
});

describe('cell input', () => {
  it('keeps text that Excel would reinterpret as text', () => {
    for (const s of ['2014', '=SUM(A1)', '+1', '-1', '@x', '1/2', '90%', '（3）', 'TRUE', "'quoted", '#N/A', '３']) {
      expect(cellInput(s), s).toBe(`'${s}`);
    }
    for (const s of ['苍溪县', '完成3/3次（100%），得3分', '未填报']) expect(cellInput(s)).toBe(s);
    expect(cellInput(1.5)).toBe(1.5);
    expect(cellInput(null)).toBe('');
  });
});

describe('write plan', () => {
  const writes = [
    { sheet: 'A', row: 2, col: 10, value: 3, numberFormat: '0.00' as const },
    { sheet: 'A', row: 4, col: 12, value: null },
    { sheet: 'B', row: 0, col: 0, value: '单位' },
  ];

  it('puts each sheet’s writes into its bounding box, null where nothing is written', () => {
    const [a, b] = planWrites(writes);
    expect(a).toMatchObject({ sheet: 'A', top: 2, left: 10, cells: 2 });
    expect(a.values).toEqual([[3, null, null], [null, null, null], [null, null, '']]);
    expect(a.formats).toEqual([['0.00', null, null], [null, null, null], [null, null, null]]);
    expect(b.values).toEqual([['单位']]);
  });

  it('packs everything into one batch unless it exceeds the limit, then cuts by rows', () => {
    const blocks = planWrites(writes);
    expect(packBatches(blocks)).toHaveLength(1);
    const big = planWrites(Array.from({ length: 100 }, (_, r) => ({ sheet: 'S', row: r, col: 0, value: '说明'.repeat(50) })));
    const batches = packBatches(big, 2_000);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(2_000);
    expect(batches.flatMap((b) => b.blocks).reduce((n, b) => n + b.cells, 0)).toBe(100);
    expect(batches.flatMap((b) => b.blocks.map((x) => x.top))).toEqual(
      batches.flatMap((b) => b.blocks.map((x) => x.top)).sort((x, y) => x - y));
    expect(jsonBytes('说')).toBe(5);
  });
});

describe('read plan', () => {
  it('keeps small sheets whole, cuts a huge one into row bands under the budget, and groups in order', () => {
    const boxes = [usedBox('A!A1:M80'), null, usedBox("'B c'!B2:AZ5000")];
    const pieces = planReads(boxes, false, 1_000_000);
    expect(pieces[0]).toMatchObject({ sheet: 0, from: 0, rows: 80, address: 'A1:M80' });
    const bands = pieces.filter((p) => p.sheet === 2);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands.reduce((n, p) => n + p.rows, 0)).toBe(4999);
    expect(bands[1].address.startsWith(`B${2 + bands[0].rows}:`)).toBe(true);
    expect(bands.every((p) => p.bytes <= 1_000_000)).toBe(true);
    const groups = groupReads(pieces, 1_000_000);
    expect(groups.flat()).toEqual(pieces);
    expect(groups.every((g) => g.reduce((n, p) => n + p.bytes, 0) <= 1_000_000)).toBe(true);
    // Loading formulas too (before ExcelApi 1.9) doubles the estimate.
    expect(planReads(boxes, true, 1_000_000).length).toBeGreaterThan(pieces.length);
    expect(boxCells(boxes)).toBe(80 * 13 + 4999 * 51);
  });

  it('halves a refused band by rows', () => {
    const [piece] = planReads([usedBox('C3:D10')], false);
    expect(halve(piece).map((p) => [p.from, p.rows, p.address])).toEqual([[0, 4, 'C3:D6'], [4, 4, 'C7:D10']]);
    expect(halve({ ...piece, rows: 1, address: 'C3:D3' })).toHaveLength(1);
  });
});
