import { describe, expect, it } from 'vitest';
import { pageCapacity, pageStarts, splitAtPages } from '../../src/templates/pageBreaks.ts';

describe('page breaks of a 考核表', () => {
  it('moves a 项目 that does not fit to the next page whole, and breaks one longer than a page where it is full', () => {
    const heights = [40, 40, 40, 40, 40, 40, 40, 40];
    // Blocks of 2, 3 and 3 rows on pages of 100 pt: the second block goes whole to page 2, the third to page 3.
    expect(pageStarts(heights, [[0, 1], [2, 4], [5, 7]], 130)).toEqual([2, 5]);
    // One block of 8 rows: broken every 3 rows.
    expect(pageStarts(heights, [[0, 7]], 130)).toEqual([3, 6]);
  });

  it('splits a merged run where a page begins', () => {
    expect(splitAtPages([2, 9], [3, 6, 12])).toEqual([[2, 2], [3, 5], [6, 9]]);
    expect(splitAtPages([2, 9], [2, 10])).toEqual([[2, 9]]);
  });

  it('counts a page for the program that shrinks least (Calibri, 7 px a character)', () => {
    const frame = { widths: [100], margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5 }, titleHeight: 60 };
    // 705 px fit the printable 1026 px at 100%: (595.3 − 72 − 60) × 0.95.
    expect(pageCapacity(frame)).toBeCloseTo((595.3 - 72 - 60) * 0.95, 5);
    expect(pageCapacity({ ...frame, widths: [200] })).toBeGreaterThan(pageCapacity(frame));
  });
});
