/*
 * Where the pages of a printed 考核表 begin. The sheet prints one page wide; the rows of a page are chosen here,
 * as manual page breaks, so that a 项目 that fits on a page is never split and the 类别 and 项目 of a block that
 * does break can be written again on the first row of the next page (a merged cell shows its text on one page only).
 */

import type { ImportedUnit } from '../import/model';
import { COL, INDICATOR_COLUMNS, PRINT_MARGINS, wrappedHeight } from './layout';
import { runs } from './sheetValues';

/** A4 landscape, in points. */
const PAGE = { width: 841.9, height: 595.3 };

export interface PrintFrame {
  /** Column widths in characters. */
  widths: readonly number[];
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Height (points) of the rows repeated at the top of every page. */
  titleHeight: number;
}

/**
 * Points of sheet rows one page holds. The scale is the one a program fitting the columns to the page width uses
 * with the narrowest default font (Excel's Calibri, 7 px a character): every other program shrinks more, so
 * its pages hold at least this much and never break earlier than we do.
 */
export function pageCapacity(frame: PrintFrame): number {
  const px = frame.widths.reduce((s, w) => s + Math.trunc(w * 7 + 5), 0);
  const avail = (PAGE.width - (frame.margins.left + frame.margins.right) * 72) / 0.75;
  const scale = Math.min(1, avail / px);
  const high = PAGE.height - (frame.margins.top + frame.margins.bottom) * 72;
  return (high / scale - frame.titleHeight) * 0.95;
}

/**
 * Indices (0-based, into `heights`) of the rows that begin a page, the first page excluded. `blocks` are the
 * [first, last] rows of each 项目: a block goes whole to the next page when it does not fit on this one but fits
 * on a page; a longer block is broken where the page is full.
 */
export function pageStarts(heights: readonly number[], blocks: readonly [number, number][], capacity: number): number[] {
  const starts: number[] = [];
  let used = 0;
  for (const [from, to] of blocks) {
    const block = heights.slice(from, to + 1).reduce((s, h) => s + h, 0);
    if (used > 0 && used + block > capacity && block <= capacity) {
      starts.push(from);
      used = 0;
    }
    for (let i = from; i <= to; i++) {
      if (used > 0 && used + heights[i] > capacity) {
        starts.push(i);
        used = 0;
      }
      used += heights[i];
    }
  }
  return starts;
}

/** A run [from, to] cut where a page begins inside it. */
export function splitAtPages([from, to]: [number, number], starts: readonly number[]): [number, number][] {
  const cuts = starts.filter((s) => s > from && s <= to);
  const out: [number, number][] = [];
  let first = from;
  for (const c of cuts) {
    out.push([first, c - 1]);
    first = c;
  }
  out.push([first, to]);
  return out;
}

/** The rows (0-based, into unit.rows) that begin a printed page of the unit's 考核表, as both writers lay it out. */
export function indicatorPageStarts(unit: ImportedUnit): number[] {
  const content = INDICATOR_COLUMNS[COL.content - 1].width;
  const heights = unit.rows.map((r) => wrappedHeight(r.content, content));
  const blocks = runs(unit.rows.map((r) => `${r.category}\u0000${r.item}`));
  return pageStarts(heights, blocks, pageCapacity({ widths: INDICATOR_COLUMNS.map((c) => c.width), margins: PRINT_MARGINS, titleHeight: 30 + 30 }));
}
