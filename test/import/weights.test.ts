import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitWeights } from '../../src/import/weights';
import { propertyRuns } from '../propertyRuns';

describe('splitWeights', () => {
  it('splits equally where it divides', () => {
    expect(splitWeights(15, [1, 1, 1, 1, 1])).toEqual([[3], [3], [3], [3], [3]]);
    expect(splitWeights(10, [1, 1, 1, 1, 1])).toEqual([[2], [2], [2], [2], [2]]);
  });

  it('gives the odd half-points to the earlier items', () => {
    expect(splitWeights(15, [1, 1, 1, 1])).toEqual([[4], [4], [3.5], [3.5]]);
    expect(splitWeights(10, [1, 1, 1, 1])).toEqual([[2.5], [2.5], [2.5], [2.5]]);
    expect(splitWeights(20, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([
      [2.5], [2.5], [2.5], [2.5], [2], [2], [2], [2], [2],
    ]);
  });

  it("splits an item's share over its targets", () => {
    // 服务党政中心: item 4 has two targets.
    expect(splitWeights(15, [1, 1, 1, 2, 1])).toEqual([[3], [3], [3], [1.5, 1.5], [3]]);
    // 青少年思想引导: item 3 has five targets.
    expect(splitWeights(15, [1, 1, 5, 1])).toEqual([[4], [4], [1, 1, 0.5, 0.5, 0.5], [3.5]]);
    // 服务青年工作: 2.5 over two targets.
    expect(splitWeights(10, [1, 2, 2, 1])).toEqual([[2.5], [1.5, 1], [1.5, 1], [2.5]]);
    // 重点工作1: one unnumbered item with four targets.
    expect(splitWeights(15, [4])).toEqual([[4, 4, 3.5, 3.5]]);
    expect(splitWeights(10, [3])).toEqual([[3.5, 3.5, 3]]);
  });

  it('leaves deductions out of the split', () => {
    // 青少年维权工作: items 4 (酌情扣分) and 5 (按件扣分) are deductions.
    expect(splitWeights(10, [1, 1, 1, 0, 0, 1, 1])).toEqual([[2], [2], [2], [], [], [2], [2]]);
    expect(splitWeights(15, [0, 0])).toEqual([[], []]);
  });

  it('falls back to hundredths for a 分值 that is no multiple of 0.5', () => {
    const w = splitWeights(7.3, [1, 1, 1]);
    expect(w).toEqual([[2.44], [2.43], [2.43]]);
  });

  it('always adds up exactly to the 分值, in steps of 0.5 (hundredths where halves would leave a 0)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }),
        (halfPoints, parts) => {
          const points = halfPoints / 2;
          const weights = splitWeights(points, parts);
          expect(weights.map((w) => w.length)).toEqual(parts);
          // Half points, unless they would leave a row with 0: then hundredths, none 0 where there are enough.
          const rows = parts.reduce((s, p) => s + p, 0);
          const halves = weights.flat().every((w) => Number.isInteger(w * 2));
          if (halves) expect(weights.flat().every((w) => w > 0)).toBe(true);
          for (const w of weights.flat()) expect(Number.isInteger(Math.round(w * 100 * 1e6) / 1e6)).toBe(true);
          if (!halves && rows <= halfPoints * 50) expect(weights.flat().every((w) => w > 0)).toBe(true);
          if (parts.some((p) => p > 0)) expect(weights.flat().reduce((t, w) => t + Math.round(w * 100), 0)).toBe(halfPoints * 50);
          // Equal shares: items differ by at most half a point, targets of one item too.
          const itemTotals = weights.filter((w) => w.length > 0).map((w) => w.reduce((s, x) => s + x, 0));
          expect(Math.max(...itemTotals, 0) - Math.min(...itemTotals, Infinity)).toBeLessThanOrEqual(0.5 + 1e-9);
          for (const w of weights) if (w.length > 0) expect(Math.max(...w) - Math.min(...w)).toBeLessThanOrEqual(0.5);
        },
      ),
      // Found by npm run fuzz (seed 1629450574): 0.5 over 9 items, one of 6 rows, left a row at 0.
      { ...propertyRuns(20140305, 100), examples: [[1, [1, 1, 1, 1, 1, 1, 1, 6, 1]]] as [number, number[]][] },
    );
  });
});
