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
  /** The language these strings are in: coded issues and statuses take their text from the engine's table in it. */
  lang: Lang;
  appTitle: string;
  intro: string;
  scoreButton: string;
  scoring: string;
  results: string;
  unit: string;
  total: string;
  rank: string;
  status: string;
  grade: string;
  /** 待定: a unit with errors, or every unit while 等次标准 has errors, gets no grade yet. */
  pendingGrade: string;
  selfLine: (selfTotal: string, cut: string) => string;
  lostTitle: string;
  lostUnit: (unit: string, rows: number, lost: string) => string;
  lostPoints: (lost: string) => string;
  remark: (text: string) => string;
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
  generating: string;
  generatedTitle: string;
  generated: (sheets: string[], others: string[]) => string;
  renamed: (unit: string, sheet: string) => string;
  generateNext: string;
  notRawTable: (sheet: string) => string;
  noUnitsRead: (sheet: string) => string;
  protectedBook: string;
  generateFailedTitle: string;
  generateFailed: (reason: string) => string;
  reviewTitle: (rows: number, flagged: number) => string;
  reviewNothingFlagged: string;
  needsReview: string;
  reviewUnit: (unit: string, rows: number, flagged: number) => string;
  reviewMeta: (item: string | null, rule: string, weight: number, confidence: string) => string;
  reviewRate: (rate: string) => string;
  reviewShared: (table: string, rows: number) => string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    lang: 'zh',
    appTitle: '目标绩效计分',
    intro: '点“一键计分”，为每张考核表计分，并把得分、说明、项目得分、案件扣分和汇总写回工作簿。',
    scoreButton: '一键计分',
    scoring: '正在计分…',
    results: '计分结果',
    unit: '单位',
    total: '总分',
    rank: '排名',
    status: '状态',
    grade: '等次',
    pendingGrade: '待定',
    selfLine: (self, cut) => `自评${self}分，核减${cut}分`,
    lostTitle: '失分明细',
    lostUnit: (unit, rows, lost) => `${unit}：${rows}处失分，共${lost}分`,
    lostPoints: (lost) => `失${lost}分`,
    remark: (text) => `考核意见：${text}`,
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
    generating: '正在生成考核表…',
    generatedTitle: '考核表已生成',
    generated: (sheets, others) =>
      `已生成 ${sheets.length} 张考核表：${sheets.join('、')}。` + (others.length ? `另建${others.map((o) => `“${o}”`).join('')}。` : ''),
    renamed: (unit, sheet) => `已有名为“${unit}”的工作表，新表命名为“${sheet}”；案件台账中请按新表名填写单位。`,
    generateNext: '请核对下面的清单：标“需复核”的行请人工确认目标值、计分方式和细项分值。各单位填好实际完成后，点“一键计分”。',
    notRawTable: (sheet) =>
      `当前工作表“${sheet}”不是指标表（需要“类别、内容、分值”表头；已有“计分方式、实际完成”的考核表不必再生成）。请切换到收到的指标表再点“生成考核表”。未写入任何内容。`,
    noUnitsRead: (sheet) => `“${sheet}”中没有读到任何指标。未写入任何内容。`,
    protectedBook: '工作簿结构受保护，无法新建工作表。请先撤销工作簿保护（审阅 → 保护工作簿），再点“生成考核表”。未写入任何内容。',
    generateFailedTitle: '生成失败',
    generateFailed: (reason) => `生成考核表失败，工作簿可能只新建了一部分工作表，请检查后重试：${reason}`,
    reviewTitle: (rows, flagged) => `导入清单（${rows} 行，需复核 ${flagged} 行）`,
    reviewNothingFlagged: '没有需要复核的行。',
    needsReview: '需复核',
    reviewUnit: (unit, rows, flagged) => `${unit}：${rows} 行${flagged ? `，需复核 ${flagged} 行` : ''}`,
    reviewMeta: (item, rule, weight, confidence) => `${item ? `${item} · ` : ''}${rule} · ${weight} 分 · 置信度 ${confidence}`,
    reviewRate: (rate) => `扣分标准 ${rate}`,
    reviewShared: (table, rows) => `见${table}表：${rows} 项扣分`,
  },
  en: {
    lang: 'en',
    appTitle: 'Target Scorer',
    intro: 'Choose Score all to score every assessment sheet and write scores, notes, item scores, case deductions and the summary into the workbook.',
    scoreButton: 'Score all',
    scoring: 'Scoring…',
    results: 'Results',
    unit: 'Unit',
    total: 'Total',
    rank: 'Rank',
    status: 'Status',
    grade: 'Grade',
    pendingGrade: 'pending',
    selfLine: (self, cut) => `self ${self}, cut ${cut}`,
    lostTitle: 'Points not earned',
    lostUnit: (unit, rows, lost) => `${unit}: ${rows} rows, ${lost} points in all`,
    lostPoints: (lost) => `−${lost}`,
    remark: (text) => `Assessor's remark: ${text}`,
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
    generating: 'Creating assessment sheets…',
    generatedTitle: 'Assessment sheets created',
    generated: (sheets, others) =>
      `Created ${sheets.length} assessment sheets: ${sheets.join(', ')}.` + (others.length ? ` Also added ${others.map((o) => `“${o}”`).join(', ')}.` : ''),
    renamed: (unit, sheet) => `A sheet named “${unit}” exists, so the new one is “${sheet}”; use that name in the case register.`,
    generateNext: 'Check the list below: rows marked “To check” need a person to confirm the target, rule and weight. Once the units have entered their results, choose Score all.',
    notRawTable: (sheet) =>
      `The active sheet “${sheet}” is not an indicator table (it needs the headers 类别, 内容, 分值; a sheet that already has 计分方式 and 实际完成 needs no generating). Switch to the indicator table and try again. Nothing was written.`,
    noUnitsRead: (sheet) => `No indicator could be read from “${sheet}”. Nothing was written.`,
    protectedBook: 'The workbook’s structure is protected, so no sheet can be added. Unprotect it (Review → Protect Workbook) and try again. Nothing was written.',
    generateFailedTitle: 'Creating the sheets failed',
    generateFailed: (reason) => `Creating the assessment sheets failed; some sheets may have been added. Check the workbook and try again: ${reason}`,
    reviewTitle: (rows, flagged) => `Imported rows (${rows}, ${flagged} to check)`,
    reviewNothingFlagged: 'No row needs checking.',
    needsReview: 'To check',
    reviewUnit: (unit, rows, flagged) => `${unit}: ${rows} rows${flagged ? `, ${flagged} to check` : ''}`,
    reviewMeta: (item, rule, weight, confidence) => `${item ? `${item} · ` : ''}${rule} · ${weight} pt · confidence ${confidence}`,
    reviewRate: (rate) => `rate ${rate}`,
    reviewShared: (table, rows) => `${rows} deductions from the ${table} table`,
  },
};

/** Scores are shown exactly as written: two decimals. */
export const formatScore = (n: number | null): string => (n === null ? '—' : n.toFixed(2));

/** "苍溪县!J5", "苍溪县" for a whole sheet, or the whole-workbook label. */
export function placeOf(issue: { sheet: string; cell: string }, s: UiStrings): string {
  if (!issue.sheet) return s.wholeWorkbook;
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}
