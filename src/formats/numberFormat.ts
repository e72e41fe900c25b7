import type { CellFormat } from '../engine/index.ts';

/** Built-in number formats (ECMA-376 18.8.30, with the East Asian date ids 27–36 and 50–58). */
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function classifyBuiltinFormat(id: number): CellFormat | null {
  return BUILTIN_PERCENT.has(id) ? 'percent' : BUILTIN_DATE.has(id) ? 'date' : null;
}

/**
 * Whether a number format code shows numbers as a percentage or as a date or time, e.g. "0.0%", "yyyy/m/d",
 * "[$-804]yyyy\"年\"m\"月\"d\"日\"", "h:mm". Quoted text, escapes, fill and spacing characters and bracketed
 * colours, conditions and locales do not count; [h], [mm] and [ss] (elapsed time) do.
 */
export function classifyNumberFormat(code: string): CellFormat | null {
  if (code === '' || /^general$/i.test(code) || code === '@') return null;
  // Only the first section decides how positive numbers (all our amounts) look.
  const first = splitSections(code)[0];
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (bare.includes('%')) return 'percent';
  // "E+" and "e-" are scientific notation, not the era year.
  const noExponent = bare.replace(/[eE][+-]/g, '');
  if (/[ydhsmeg]|a\/p/i.test(noExponent.replace(/general/gi, ''))) return 'date';
  return null;
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      cur += ch + code[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}
