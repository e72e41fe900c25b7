// The page's words for 分发 and 汇集; the report's own texts come from src/cycle/messages.ts.
import type { Lang } from '../../src/ui/index.ts';

export interface CycleStrings {
  tabScore: string;
  tabCycle: string;
  intro: string;
  masterTitle: string;
  chooseMaster: string;
  masterHint: string;
  returnsTitle: string;
  chooseReturns: string;
  returnsHint: string;
  returnsChosen: (n: number) => string;
  clearReturns: string;
  scoreToo: string;
  working: string;
  split: string;
  splitDone: (units: number) => string;
  downloadSplit: string;
  returnsTable: string;
  headers: [string, string, string, string, string, string];
  changesTitle: (n: number) => string;
  unusedTitle: (n: number) => string;
  missing: (units: string[]) => string;
  allReturned: string;
  written: (entries: number) => string;
  scored: (units: number, errors: number) => string;
  downloadGathered: string;
  downloadScored: string;
  saveAs: (name: string) => string;
  refusedTitle: string;
}

export const CYCLE_STRINGS: Record<Lang, CycleStrings> = {
  zh: {
    tabScore: '计分',
    tabCycle: '分发与汇集',
    intro: '分发：选择主表，下载每个单位一个填报文件（打包为 zip）。汇集：选择主表，再拖入各单位交回的文件，查看收回情况和单位改动的下达内容，下载汇集后的主表。文件只在本机浏览器中处理。',
    masterTitle: '主表',
    chooseMaster: '选择主表',
    masterHint: '或把主表 .xlsx 拖到这里',
    returnsTitle: '回收文件',
    chooseReturns: '选择回收文件',
    returnsHint: '可一次选择或拖入多个文件',
    returnsChosen: (n) => `已选 ${n} 个回收文件`,
    clearReturns: '清空',
    scoreToo: '汇集后接着计分',
    working: '正在处理…',
    split: '分发：生成各单位填报文件',
    splitDone: (units) => `已生成 ${units} 个单位的填报文件。`,
    downloadSplit: '下载填报文件（zip）',
    returnsTable: '收回情况',
    headers: ['单位', '文件', '收回时间', '状态', '采用填报', '说明'],
    changesTitle: (n) => `改动（未复制到主表，主表保留下达的内容）（${n}）`,
    unusedTitle: (n) => `未采用与提醒（${n}）`,
    missing: (units) => `未收回（${units.length}）：${units.join('、')}`,
    allReturned: '全部单位都已收回。',
    written: (entries) => `已把 ${entries} 个填报单元格写入主表，并写入“收回情况”工作表。`,
    scored: (units, errors) => `已为 ${units} 个单位计分${errors ? `，有 ${errors} 个数据错误，请在结果中查看` : ''}。`,
    downloadGathered: '下载汇集后的主表',
    downloadScored: '下载汇集并计分后的主表',
    saveAs: (name) => `保存为 ${name}`,
    refusedTitle: '无法处理主表，未生成任何文件',
  },
  en: {
    tabScore: 'Score',
    tabCycle: 'Issue and gather',
    intro: 'Issue: choose the master and download one file per unit (in a zip). Gather: choose the master, drop the files the units sent back, see who has returned and which issued cells a unit changed, and download the gathered master. Files are processed in this browser only.',
    masterTitle: 'Master',
    chooseMaster: 'Choose master',
    masterHint: 'or drop the master .xlsx here',
    returnsTitle: 'Returned files',
    chooseReturns: 'Choose returned files',
    returnsHint: 'several files at once',
    returnsChosen: (n) => `${n} returned file(s) chosen`,
    clearReturns: 'Clear',
    scoreToo: 'Score after gathering',
    working: 'Working…',
    split: 'Issue: make the unit files',
    splitDone: (units) => `Made the files of ${units} units.`,
    downloadSplit: 'Download the unit files (zip)',
    returnsTable: 'Returns (收回情况)',
    headers: ['Unit', 'File', 'Gathered', 'Status', 'Entries taken', 'Notes'],
    changesTitle: (n) => `Changes, not copied: the master keeps what was issued (${n})`,
    unusedTitle: (n) => `Not used, notes (${n})`,
    missing: (units) => `Not returned (${units.length}): ${units.join(', ')}`,
    allReturned: 'Every unit has returned.',
    written: (entries) => `${entries} entry cells written into the master, and the 收回情况 sheet.`,
    scored: (units, errors) => `${units} units scored${errors ? `; ${errors} data error(s), see the results` : ''}.`,
    downloadGathered: 'Download the gathered master',
    downloadScored: 'Download the gathered and scored master',
    saveAs: (name) => `Save as ${name}`,
    refusedTitle: 'Cannot use the master; nothing was produced',
  },
};
