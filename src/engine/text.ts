/** Zero-width and other invisible characters that a copy from Word or a web page leaves inside words. */
const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;

/** Folds full-width forms to half-width (NFKC), removes every kind of space and lower-cases Latin letters. */
export function foldText(s: string): string {
  return s.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** Header text without a trailing remark in brackets: "实际完成（单位填写）" → "实际完成". */
export function foldHeader(s: string): string {
  return foldText(s).replace(/[([【][^()[\]【】]*[)\]】]$/, '');
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return String(v);
}

const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

/** Blank: no value, or only spaces of any width. Called on every cell, so it avoids normalising. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && !VISIBLE.test(v));
}
