/**
 * A string Excel would not keep as typed: a formula, a number, a date, a boolean or an error value,
 * or text whose own leading apostrophe would be eaten. Office.js parses range.values like typed input.
 */
const REINTERPRETED = /^\s*[0-9０-９.+\-=@$¥￥€£(（#']|^\s*(true|false)\s*$/i;

/** The value to put into range.values for one written cell; a leading apostrophe keeps text as text. */
export function cellInput(value: number | string | null): number | string {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return REINTERPRETED.test(value) ? `'${value}` : value;
}
