/*
 * The printed page of a report sheet worked out before it is written, so that every spreadsheet program prints
 * it alike: column widths in characters, row heights in points from the wrapped text, and the print scale that
 * puts the whole sheet on one A4 page. Scale and heights are ours, not the program's "fit to page", which
 * LibreOffice does not always apply.
 */

/** A4 in points. */
export const A4 = { width: 595.3, height: 841.9 } as const;

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Pixels of a column `width` characters wide. The report's default font is Arial 11 (Liberation Sans, its metric twin,
 * where there is no Arial), whose digit is 8 px; 8.3 leaves room for a program that rounds up.
 */
export const columnPixels = (width: number): number => Math.ceil(width * 8.3 + 5);

/**
 * Column characters `text` takes on one line at 11 pt: a CJK character is 14.7 px, 1.85 characters of the default
 * font; a Latin letter, digit or sign of the cell font 1.3 (DejaVu Sans, where LibreOffice has no 宋体, draws % wide).
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 1.85 : 1.3;
  return w;
}

/**
 * Lines `text` wraps to in a cell `width` characters wide at `fontSize` points: a cell keeps about one character of
 * padding, and a line of a wide cell breaks before a word or a bracket that does not fit, losing about one more.
 */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, width - (width > 8 ? 2 : 1));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * fontSize) / 11 / perLine)), 0);
}

/** Row height (points) that shows `lines` lines of a `fontSize` point font. */
export const lineHeight = (lines: number, fontSize: number): number => Math.ceil(lines * fontSize * 1.27 + 1);

/**
 * The print scale (percent) that fits columns of `widths` and rows of `heights` on one page inside `margins`
 * (inches), with room to spare for a program whose font is a little wider: 100 when it fits as it is.
 */
export function onePageScale(widths: readonly number[], heights: readonly number[], margins: Margins, page = A4): number {
  const pxWide = widths.reduce((s, w) => s + columnPixels(w), 0);
  const ptHigh = heights.reduce((s, h) => s + h, 0);
  const availWide = ((page.width - (margins.left + margins.right) * 72) / 0.75) * 0.96;
  // Row heights are fixed (set by us), so the height needs less to spare than the width.
  const availHigh = (page.height - (margins.top + margins.bottom) * 72) * 0.98;
  const fit = Math.min(availWide / pxWide, availHigh / ptHigh);
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}
