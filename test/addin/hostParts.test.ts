import { describe, expect, it } from 'vitest';
import { blockAddress, rangeStart } from '../../addin/host/address.ts';
import { cellInput } from '../../addin/host/cellInput.ts';
import { isUserFormula } from '../../addin/host/formulaCells.ts';
import { usedRangeToGrid } from '../../addin/host/grid.ts';
import { cutAtMerges, jsonBytes, packBatches, planWrites } from '../../addin/host/writePlan.ts';
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
  it('tells a formula from text that starts with "="', () => {
    expect(isUserFormula('=1+1', 2)).toBe(true);
    expect(isUserFormula('=x', '=x')).toBe(false);
    expect(isUserFormula(3, 3)).toBe(false);
    expect(isUserFormula('', '')).toBe(false);
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

  it('cuts each sheet’s writes into runs of consecutive rows of one column, touching no other cell', () => {
    const runs = planWrites([...writes, { sheet: 'A', row: 3, col: 10, value: 'x' }, { sheet: 'A', row: 5, col: 10, value: 1 }]);
    expect(runs.map((r) => [r.sheet, r.top, r.left, r.cells])).toEqual([
      ['A', 2, 10, 2], ['A', 5, 10, 1], ['A', 4, 12, 1], ['B', 0, 0, 1],
    ]);
    expect(runs[0].values).toEqual([[3], ['x']]);
    expect(runs[0].formats).toEqual([['0.00'], [null]]);
    expect(runs[2].values).toEqual([['']]);
    expect(runs[3].values).toEqual([['单位']]);
  });

  it('cuts a run where it would cover part of a merged area', () => {
    const [run] = planWrites(Array.from({ length: 6 }, (_, i) => ({ sheet: 'S', row: 10 + i, col: 12, value: i })));
    // M13:M14 lies inside the run; M15:M40 only starts in it; L11:M11 is wider than the run.
    const merges = [{ top: 12, left: 12, rows: 2, cols: 1 }, { top: 14, left: 12, rows: 26, cols: 1 }, { top: 10, left: 11, rows: 1, cols: 2 }];
    expect(cutAtMerges(run, merges).map((p) => [p.top, p.cells])).toEqual([[10, 1], [11, 1], [12, 2], [14, 1], [15, 1]]);
    expect(cutAtMerges(run, merges).flatMap((p) => p.values)).toEqual(run.values);
    expect(cutAtMerges(run, [])).toEqual([run]);
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
    const pieces = planReads(boxes, 1_000_000);
    expect(pieces[0]).toMatchObject({ sheet: 0, from: 0, rows: 80, address: 'A1:M80' });
    const bands = pieces.filter((p) => p.sheet === 2);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands.reduce((n, p) => n + p.rows, 0)).toBe(4999);
    expect(bands[1].address.startsWith(`B${2 + bands[0].rows}:`)).toBe(true);
    expect(bands.every((p) => p.bytes <= 1_000_000)).toBe(true);
    const groups = groupReads(pieces, 1_000_000);
    expect(groups.flat()).toEqual(pieces);
    expect(groups.every((g) => g.reduce((n, p) => n + p.bytes, 0) <= 1_000_000)).toBe(true);
    expect(boxCells(boxes)).toBe(80 * 13 + 4999 * 51);
  });

  it('halves a refused band by rows', () => {
    const [piece] = planReads([usedBox('C3:D10')]);
    expect(halve(piece).map((p) => [p.from, p.rows, p.address])).toEqual([[0, 4, 'C3:D6'], [4, 4, 'C7:D10']]);
    expect(halve({ ...piece, rows: 1, address: 'C3:D3' })).toHaveLength(1);
  });
});
