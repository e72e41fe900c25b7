// The page's own words; what it shares with the task pane (table, chart, issues) comes from src/ui/strings.ts.
import type { ScoreProgress } from '../../src/file/scoreXlsx.ts';
import type { Lang } from '../../src/ui/index.ts';

export interface PageStrings {
  intro: string;
  privacy: string;
  chooseFile: string;
  dropHint: string;
  dropActive: string;
  otherLanguage: string;
  otherLanguageLabel: string;
  progress: (p: ScoreProgress | null) => string;
  cancel: string;
  cancelled: string;
  fileTitle: (name: string) => string;
  download: string;
  downloadName: (name: string) => string;
  refusedTitle: string;
  workerFailed: string;
  showCell: (place: string) => string;
  cellValue: string;
  blank: string;
  rowValues: string;
  findInWorkbook: (sheet: string, cell: string) => string;
  onlyOneFile: string;
  rawTableFound: string;
  generating: string;
  generatedTitle: string;
  generated: (units: number) => string;
  downloadGenerated: string;
  flaggedRows: (flagged: number, rows: number) => string;
  generateFailed: (reason: string) => string;
}

export const PAGE_STRINGS: Record<Lang, PageStrings> = {
  zh: {
    intro: '选择或拖入考核工作簿（.xlsx），立即为每张考核表计分：得分、说明、项目得分、案件扣分和汇总写入一份新的工作簿供下载，原文件不变。可在 WPS 或 Excel 中打开结果。',
    privacy: '工作簿只在本机浏览器中处理，不会上传到任何地方；本页不连接网络，也可以保存到本机后离线使用。',
    chooseFile: '选择工作簿',
    dropHint: '或把 .xlsx 文件拖到这里',
    dropActive: '松开鼠标即开始计分',
    otherLanguage: 'English',
    otherLanguageLabel: 'Switch to English',
    progress: (p) => {
      if (!p || p.phase === 'opening') return '正在打开工作簿…';
      if (p.phase === 'reading') return `正在读取工作表 ${p.sheet}/${p.sheets}：${p.name}`;
      if (p.phase === 'scoring') return `正在计分（${p.sheets}张工作表）…`;
      return '正在写入计分结果…';
    },
    cancel: '取消',
    cancelled: '已取消计分。',
    fileTitle: (name) => `工作簿：${name}`,
    download: '下载计分结果',
    downloadName: (name) => `保存为 ${name}`,
    refusedTitle: '无法计分，未生成任何文件',
    workerFailed: '浏览器无法启动后台计分（Web Worker）。请使用新版 Chrome、Edge、Firefox 或 360 浏览器极速模式后重试。',
    showCell: (place) => `查看 ${place}`,
    cellValue: '单元格内容',
    blank: '（空白）',
    rowValues: '该行内容',
    findInWorkbook: (sheet, cell) => `在工作簿中打开“${sheet}”工作表，定位到 ${cell} 单元格修改后重新计分。`,
    onlyOneFile: '一次只能计分一个工作簿，已使用第一个文件。',
    rawTableFound: '这个工作簿像是指标原始表（类别、内容、分值），还没有“计分方式”和“实际完成”列。可以先生成考核表：每个单位一张，填好后再来计分。',
    generating: '正在生成考核表…',
    generatedTitle: '考核表已生成',
    generated: (units) => `已生成${units}个单位的考核表。请下载后分发给各单位填写“实际完成”，收齐后再来计分。`,
    downloadGenerated: '下载考核表',
    flaggedRows: (flagged, rows) => `${rows}行指标中有${flagged}行需要人工核对（见下），请在考核表中核对计分方式、目标值和细项分值。`,
    generateFailed: (reason) => `生成考核表失败：${reason}`,
  },
  en: {
    intro: 'Choose or drop an assessment workbook (.xlsx) to score every assessment sheet at once. Scores, notes, item scores, case deductions and the summary go into a new workbook for you to download; your file is not changed. The result opens in WPS or Excel.',
    privacy: 'The workbook is processed in this browser only and is never uploaded. The page uses no network and can be saved for offline use.',
    chooseFile: 'Choose workbook',
    dropHint: 'or drop an .xlsx file here',
    dropActive: 'Release to start scoring',
    otherLanguage: '中文',
    otherLanguageLabel: '切换到中文',
    progress: (p) => {
      if (!p || p.phase === 'opening') return 'Opening the workbook…';
      if (p.phase === 'reading') return `Reading sheet ${p.sheet} of ${p.sheets}: ${p.name}`;
      if (p.phase === 'scoring') return `Scoring (${p.sheets} sheets)…`;
      return 'Writing the results…';
    },
    cancel: 'Cancel',
    cancelled: 'Scoring was cancelled.',
    fileTitle: (name) => `Workbook: ${name}`,
    download: 'Download the scored workbook',
    downloadName: (name) => `Save as ${name}`,
    refusedTitle: 'Cannot score this file; nothing was produced',
    workerFailed: 'The browser could not start background scoring (Web Worker). Use a current Chrome, Edge or Firefox and try again.',
    showCell: (place) => `Show ${place}`,
    cellValue: 'Cell value',
    blank: '(blank)',
    rowValues: 'Row',
    findInWorkbook: (sheet, cell) => `Open sheet “${sheet}” in the workbook, fix cell ${cell}, then score again.`,
    onlyOneFile: 'Only one workbook can be scored at a time; the first file was used.',
    rawTableFound: 'This workbook looks like a raw indicator table (category, content, points) without rule and actual columns. Create the assessment sheets first, one per unit; score them once they are filled in.',
    generating: 'Creating the assessment sheets…',
    generatedTitle: 'Assessment sheets created',
    generated: (units) => `Created assessment sheets for ${units} units. Download them, have each unit fill in its actuals, then score the workbook here.`,
    downloadGenerated: 'Download the assessment workbook',
    flaggedRows: (flagged, rows) => `${flagged} of ${rows} rows need a person to check them (listed below): check their rule, target and weight in the sheets.`,
    generateFailed: (reason) => `Could not create the assessment sheets: ${reason}`,
  },
};
