import { cellText, findAssessmentHeader, isBlank, type SheetInput } from '../engine/index.ts';

/** The first text above a 考核表's header: its title row. */
export function sheetTitle(sheet: SheetInput): string | null {
  const header = findAssessmentHeader(sheet.grid);
  if (!header) return null;
  for (let r = 0; r < header.row; r++) {
    const cell = (sheet.grid[r] ?? []).find((v) => !isBlank(v));
    if (cell !== undefined) return cellText(cell).replace(/\s+/g, '');
  }
  return null;
}

function commonSuffix(texts: string[]): string {
  let s = texts[0];
  for (const t of texts.slice(1)) {
    let k = 0;
    while (k < s.length && k < t.length && s[s.length - 1 - k] === t[t.length - 1 - k]) k++;
    s = s.slice(s.length - k);
  }
  return s;
}

export const DEFAULT_TITLE = '目标绩效考核结果';

/**
 * The master's title for 公示: what the units' 考核表 titles share from the year on, e.g. 共青团苍溪县委2014年度目标
 * 绩效指标考核表 and 共青团旺苍县委… give 2014年度目标绩效指标考核结果; without a year in it, 目标绩效考核结果.
 */
export function masterTitle(sheets: readonly SheetInput[], units: readonly string[]): string {
  const titles = sheets.filter((s) => units.includes(s.name)).map(sheetTitle).filter((t): t is string => t !== null && t !== '');
  if (titles.length === 0) return DEFAULT_TITLE;
  const shared = titles.length === 1 ? titles[0] : commonSuffix(titles);
  const year = /\d{4}年/.exec(shared);
  if (!year) return DEFAULT_TITLE;
  const tail = shared.slice(year.index).replace(/（[^（）]*）$/, '').replace(/(考核)?表$/, '');
  return `${tail}考核结果`.replace(/考核考核结果$/, '考核结果');
}
