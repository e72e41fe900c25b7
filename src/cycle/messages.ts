// What 分发 and 汇集 tell the user, Chinese first. Each text has a code and parameters, like the engine's issues.
type Params = Record<string, string | number>;
const q = (v: unknown) => (v === '' ? '空白' : `“${v}”`);
const qe = (v: unknown) => (v === '' ? 'blank' : `"${v}"`);

export const CYCLE_TEXTS = {
  'cell-changed': {
    zh: (p: Params) => `${p.unit}!${p.cell} ${p.what}由${q(p.from)}改为${q(p.to)}`,
    en: (p: Params) => `${p.unit}!${p.cell} ${p.what} changed from ${qe(p.from)} to ${qe(p.to)}`,
  },
  'row-added': {
    zh: (p: Params) => `${p.unit} 增加了一行（回收文件第${p.row}行）：${p.text}`,
    en: (p: Params) => `${p.unit}: a row was added (row ${p.row} of the return): ${p.text}`,
  },
  'row-deleted': {
    zh: (p: Params) => `${p.unit} 删除了主表第${p.row}行：${p.text}`,
    en: (p: Params) => `${p.unit}: row ${p.row} of the master was deleted: ${p.text}`,
  },
  'column-added': {
    zh: (p: Params) => `${p.unit} 增加了一列“${p.title}”（回收文件${p.column}列）`,
    en: (p: Params) => `${p.unit}: a column "${p.title}" was added (column ${p.column} of the return)`,
  },
  'column-deleted': {
    zh: (p: Params) => `${p.unit} 删除了“${p.title}”列（主表${p.column}列）`,
    en: (p: Params) => `${p.unit}: the column "${p.title}" (column ${p.column} of the master) was deleted`,
  },
  'rows-above-header': {
    zh: (p: Params) => `${p.unit} 在表头上方${Number(p.count) > 0 ? `插入了${p.count}行` : `删除了${-Number(p.count)}行`}`,
    en: (p: Params) => `${p.unit}: ${Number(p.count) > 0 ? `${p.count} row(s) inserted` : `${-Number(p.count)} row(s) deleted`} above the header`,
  },
  'entry-date': {
    zh: (p: Params) => `${p.unit}!${p.cell} 填的是日期格式（${p.value}），未采用，请单位改填数字`,
    en: (p: Params) => `${p.unit}!${p.cell} holds a date (${p.value}); not taken, the unit should enter a number`,
  },
  'master-edited': {
    zh: (p: Params) => `${p.unit} 的考核表在分发后主表中改动过；改动按主表现在的内容比较`,
    en: (p: Params) => `${p.unit}'s sheet in the master was edited after it was issued; changes are compared with the master as it is now`,
  },
  // Why a return is not used.
  unreadable: {
    zh: (p: Params) => `${p.file}：${p.reason}`,
    en: (p: Params) => `${p.file}: ${p.reason}`,
  },
  'no-unit': {
    zh: (p: Params) => `${p.file}：找不到对应的单位（文件没有分发时的标记，工作表${p.sheets}与主表的考核表都不同名），未采用`,
    en: (p: Params) => `${p.file}: no unit matches (the file carries no issue record and none of its sheets ${p.sheets} is named like a unit), not used`,
  },
  'several-units': {
    zh: (p: Params) => `${p.file}：含有多个单位的考核表（${p.sheets}），无法确定是哪个单位的回收文件，未采用`,
    en: (p: Params) => `${p.file}: holds the sheets of several units (${p.sheets}), so it is no unit's return; not used`,
  },
  'unknown-unit': {
    zh: (p: Params) => `${p.file}：是发给“${p.unit}”的，主表中没有这个单位，未采用`,
    en: (p: Params) => `${p.file}: was issued to "${p.unit}", which the master does not have; not used`,
  },
  'other-master': {
    zh: (p: Params) => `${p.file}：是从另一份主表分发的（标识 ${p.found}，本主表 ${p.expected}），未采用`,
    en: (p: Params) => `${p.file}: was issued from another master (${p.found}, this master is ${p.expected}); not used`,
  },
  'other-year': {
    zh: (p: Params) => `${p.file}：是${p.found}年度分发的，本主表是${p.expected}年度，未采用`,
    en: (p: Params) => `${p.file}: was issued for ${p.found}, this master is for ${p.expected}; not used`,
  },
  'no-sheet': {
    zh: (p: Params) => `${p.file}：找不到“${p.unit}”的考核表（前20行内同时含有“计分方式”和“实际完成”表头的工作表），未采用`,
    en: (p: Params) => `${p.file}: has no assessment sheet for "${p.unit}"; not used`,
  },
  duplicate: {
    zh: (p: Params) => `“${p.unit}”有${p.count}份回收文件（${p.files}），无法确定用哪一份，都未采用；请只保留一份后重新汇集`,
    en: (p: Params) => `"${p.unit}" sent ${p.count} files (${p.files}); none is used. Keep one and gather again`,
  },
  uncertain: {
    zh: (p: Params) => `${p.unit}：回收文件第${p.rows}行的考核内容与主表不同，无法确定对应主表哪一行，本单位的填报都未采用；请核对后重新汇集`,
    en: (p: Params) => `${p.unit}: the 考核内容 of row(s) ${p.rows} of the return differ from the master, so the rows cannot be matched with certainty; nothing of this unit was taken`,
  },
} as const;

export type CycleCode = keyof typeof CYCLE_TEXTS;

export interface CycleMessage {
  code: CycleCode;
  params: Params;
  message: string;
}

export const cycleMessage = (code: CycleCode, params: Params): CycleMessage => ({ code, params, message: CYCLE_TEXTS[code].zh(params) });
export const cycleText = (m: CycleMessage, lang: 'zh' | 'en'): string => CYCLE_TEXTS[m.code][lang](m.params);

/** Words of the 收回情况 sheet. */
export const RETURNS_HEADERS = ['单位', '文件', '收回时间', '状态', '采用填报', '说明'] as const;
export const RETURN_STATUS = {
  returned: '已收回',
  missing: '未收回',
  changed: (n: number) => `有改动（${n}处）`,
  rejected: '未采用',
} as const;
