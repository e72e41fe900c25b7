/** The UI speaks Chinese where the host's language is Chinese, English elsewhere. No React here: the ribbon command uses it too. */
export type Lang = 'zh' | 'en';

export function langOf(locale: string | undefined | null): Lang {
  return /^zh/i.test(locale ?? '') ? 'zh' : 'en';
}

export interface RunCounts {
  units: number;
  cells: number;
  errors: number;
  warnings: number;
}

export interface UiStrings {
  appTitle: string;
  intro: string;
  scoreButton: string;
  scoring: string;
  results: string;
  unit: string;
  total: string;
  rank: string;
  status: string;
  chartTitle: string;
  chartBar: (unit: string, total: string, max: string) => string;
  issues: (errors: number, warnings: number) => string;
  noIssues: string;
  error: string;
  warning: string;
  wholeWorkbook: string;
  goTo: (place: string) => string;
  done: (c: RunCounts, summary: string | null) => string;
  noUnits: string;
  refusedTitle: string;
  failedTitle: string;
  failed: (reason: string) => string;
  goToFailed: (reason: string) => string;
  lastRibbonRun: (when: string) => string;
  dismiss: string;
  generateSheets: string;
  comingSoon: string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    appTitle: '目标绩效计分',
    intro: '点“一键计分”，为每张考核表计分，并把得分、说明、项目得分、案件扣分和汇总写回工作簿。',
    scoreButton: '一键计分',
    scoring: '正在计分…',
    results: '计分结果',
    unit: '单位',
    total: '总分',
    rank: '排名',
    status: '状态',
    chartTitle: '总分对比',
    chartBar: (unit, total, max) => `${unit}：${total}分（满分${max}分）`,
    issues: (e, w) => `问题（错误${e}处，提醒${w}处）`,
    noIssues: '没有发现问题。',
    error: '错误',
    warning: '提醒',
    wholeWorkbook: '整个工作簿',
    goTo: (place) => `转到 ${place}`,
    done: (c, summary) =>
      `已为${c.units}个单位计分，写入${c.cells}个单元格；错误${c.errors}处，提醒${c.warnings}处。` +
      (summary ? `结果见“${summary}”。` : ''),
    noUnits: '没有可计分的考核表，未写入任何内容。',
    refusedTitle: '未写入任何内容',
    failedTitle: '计分失败',
    failed: (reason) => `计分失败，工作簿未被修改或只写入了一部分，请检查后重试：${reason}`,
    goToFailed: (reason) => `无法转到该单元格（工作表可能已隐藏、改名或删除）：${reason}`,
    lastRibbonRun: (when) => `上次从功能区“一键计分”（${when}）`,
    dismiss: '关闭',
    generateSheets: '生成考核表',
    comingSoon: '即将提供',
  },
  en: {
    appTitle: 'Target Scorer',
    intro: 'Choose Score all to score every assessment sheet and write scores, notes, item scores, case deductions and the summary into the workbook.',
    scoreButton: 'Score all',
    scoring: 'Scoring…',
    results: 'Results',
    unit: 'Unit',
    total: 'Total',
    rank: 'Rank',
    status: 'Status',
    chartTitle: 'Totals',
    chartBar: (unit, total, max) => `${unit}: ${total} of ${max} points`,
    issues: (e, w) => `Problems (${e} errors, ${w} warnings)`,
    noIssues: 'No problems found.',
    error: 'Error',
    warning: 'Warning',
    wholeWorkbook: 'Whole workbook',
    goTo: (place) => `Go to ${place}`,
    done: (c, summary) =>
      `Scored ${c.units} units and wrote ${c.cells} cells; ${c.errors} errors, ${c.warnings} warnings.` +
      (summary ? ` See “${summary}”.` : ''),
    noUnits: 'No assessment sheet to score; nothing was written.',
    refusedTitle: 'Nothing was written',
    failedTitle: 'Scoring failed',
    failed: (reason) => `Scoring failed; the workbook was not changed or only partly written. Check it and try again: ${reason}`,
    goToFailed: (reason) => `Cannot go to that cell (the sheet may be hidden, renamed or deleted): ${reason}`,
    lastRibbonRun: (when) => `Last Score all from the ribbon (${when})`,
    dismiss: 'Dismiss',
    generateSheets: 'Create assessment sheets',
    comingSoon: 'Coming soon',
  },
};

/** Scores are shown exactly as written: two decimals. */
export const formatScore = (n: number): string => n.toFixed(2);

/** "苍溪县!J5", "苍溪县" for a whole sheet, or the whole-workbook label. */
export function placeOf(issue: { sheet: string; cell: string }, s: UiStrings): string {
  if (!issue.sheet) return s.wholeWorkbook;
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}
