import type { Issue, IssueParams, Severity } from './types.ts';

/** Texts of one code, Chinese first. Parameters are the names, cells and figures a text quotes. */
interface Texts {
  zh: (p: IssueParams) => string;
  en: (p: IssueParams) => string;
}

export type Lang = 'zh' | 'en';

/** Why a number could not be read; the code travels as the `reason` parameter. */
export const REASONS = {
  blank: { zh: '空白', en: 'is blank' },
  boolean: { zh: '是/否不是数字', en: 'is yes/no, not a number' },
  'not-finite': { zh: '不是有效数字', en: 'is not a valid number' },
  'not-number': { zh: '无法识别为数字', en: 'cannot be read as a number' },
  'too-large': { zh: '数值过大（超过一万亿），请检查', en: 'is too large (over one trillion); please check it' },
  percent: { zh: '不能是百分数', en: 'cannot be a percentage' },
  negative: { zh: '不能为负数', en: 'cannot be negative' },
  'not-positive': { zh: '必须大于0', en: 'must be greater than 0' },
} as const;
export type Reason = keyof typeof REASONS;

const reason = (p: IssueParams, lang: Lang): string => REASONS[p.reason as Reason]?.[lang] ?? String(p.reason);
const q = (v: unknown) => `“${v}”`;
const eq = (v: unknown) => `"${v}"`;
const RULES_ZH = '比例、达标、差额扣分、评分、扣分、按件扣分、加分或一票否决';
const RULES_EN = '比例, 达标, 差额扣分, 评分, 扣分, 按件扣分, 加分 or 一票否决';
const WHAT_EN: Record<string, string> = { 评分: 'score', 扣分: 'deduction', 加分: 'bonus' };

/** Every issue the engine reports, by code. The tests and hosts match on codes, never on the text. */
export const ISSUE_TEXTS = {
  'no-assessment-sheet': {
    zh: () => '没有找到考核表：前20行内同时含有“计分方式”和“实际完成”表头的工作表才会被计分',
    en: () => 'No assessment sheet found: a sheet is scored when one of its first 20 rows holds the headers 计分方式 and 实际完成',
  },
  'sheet-missing-header': {
    zh: (p) => `工作表${q(p.sheet)}第${p.row}行有“计分方式”表头，但缺少“${p.header}”表头，本单位无法计分` +
      (p.near ? `（发现相近的${q(p.near)}，请改为“${p.header}”）` : `（请在表头行加上“${p.header}”列）`),
    en: (p) => `Sheet ${eq(p.sheet)} has the header 计分方式 in row ${p.row} but no ${p.header} header, so the unit cannot be scored` +
      (p.near ? ` (found ${eq(p.near)}; rename it to ${p.header})` : ` (add a ${p.header} column to the header row)`),
  },
  'reference-sheet': {
    zh: (p) => `工作表${q(p.sheet)}有“实际完成”等考核表表头，但没有“计分方式”，未计分（如是往年结果等参考表，可忽略本提醒）`,
    en: (p) => `Sheet ${eq(p.sheet)} has assessment headers such as 实际完成 but no 计分方式, so it was not scored (ignore this if it is a reference table such as last year's results)`,
  },
  'extra-register': {
    zh: (p) => `工作簿中有多张案件台账，只采用${q(p.used)}，本表未计入`,
    en: (p) => `The workbook has more than one case register; only ${eq(p.used)} is used, this one is not`,
  },
  'extra-grades': {
    zh: (p) => `工作簿中有多张等次标准，只采用${q(p.used)}，本表未采用`,
    en: (p) => `The workbook has more than one grade table; only ${eq(p.used)} is used, this one is not`,
  },
  'points-conflict': {
    zh: (p) => `分值${q(p.value)}与本项目首行的分值${q(p.first)}不一致，按首行计`,
    en: (p) => `Points ${eq(p.value)} differ from the item's first row (${eq(p.first)}); the first row counts`,
  },
  'points-missing': {
    zh: (p) => `项目${q(p.item)}缺少分值`,
    en: (p) => `Item ${eq(p.item)} has no points (分值)`,
  },
  'points-unreadable': {
    zh: (p) => `项目${q(p.item)}的分值${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The points ${eq(p.value)} of item ${eq(p.item)} ${reason(p, 'en')}`,
  },
  'weight-mismatch': {
    zh: (p) => `项目${q(p.item)}各计分行细项分值合计${p.weights}分，与分值${p.points}分相差${p.difference}分；项目得分仍以${p.points}分封顶`,
    en: (p) => `The row weights of item ${eq(p.item)} add up to ${p.weights}, not its ${p.points} points (a difference of ${p.difference}); the item is still capped at ${p.points}`,
  },
  'rule-unknown': {
    zh: (p) => `无法识别的计分方式${q(p.value)}，应为${RULES_ZH}`,
    en: (p) => `Unknown rule word ${eq(p.value)}; it must be one of ${RULES_EN}`,
  },
  'weight-missing': { zh: () => '缺少细项分值', en: () => 'The row weight (细项分值) is missing' },
  'weight-unreadable': {
    zh: (p) => `细项分值${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The row weight ${eq(p.value)} ${reason(p, 'en')}`,
  },
  'score-unreadable': {
    zh: (p) => `${p.what}${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The ${WHAT_EN[p.what as string] ?? p.what} ${eq(p.value)} ${reason(p, 'en')}`,
  },
  'score-out-of-range': {
    zh: (p) => `${p.what}${q(p.value)}超出范围，应在0到${p.max}分之间`,
    en: (p) => `The ${WHAT_EN[p.what as string] ?? p.what} ${eq(p.value)} is out of range; it must be between 0 and ${p.max}`,
  },
  'target-missing': { zh: () => '缺少目标值', en: () => 'The target (目标值) is missing' },
  'target-unreadable': {
    zh: (p) => `目标值${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The target ${eq(p.value)} ${reason(p, 'en')}`,
  },
  'target-contradictory': {
    zh: (p) => `目标值${q(p.value)}的比较方式自相矛盾`,
    en: (p) => `The target ${eq(p.value)} contradicts itself (two different comparisons)`,
  },
  'target-not-number': {
    zh: (p) => `目标值${q(p.value)}应为数字`,
    en: (p) => `The target ${eq(p.value)} must be a number`,
  },
  'target-date': {
    zh: (p) => `目标值${q(p.value)}所在单元格是日期格式，日期不是数量；请把单元格设为“常规”或“数值”并重新输入`,
    en: (p) => `The target cell (${eq(p.value)}) is formatted as a date, and a date is not an amount; format it as General or Number and type it again`,
  },
  'target-comparator': {
    zh: (p) => `${p.rule}的目标值只能是“不少于”形式，${q(p.value)}不适用`,
    en: (p) => `A ${p.rule} target must be of the "at least" form; ${eq(p.value)} is not`,
  },
  'target-not-positive': {
    zh: (p) => `比例计分的目标值必须大于0，现为${q(p.value)}`,
    en: (p) => `A 比例 target must be greater than 0; it is ${eq(p.value)}`,
  },
  'rate-missing': {
    zh: () => '差额扣分缺少扣分标准（每差一个单位扣几分）',
    en: () => 'A 差额扣分 row needs a deduction rate (points per unit short)',
  },
  'rate-unreadable': {
    zh: (p) => `扣分标准${q(p.value)}无法识别`,
    en: (p) => `The deduction rate ${eq(p.value)} cannot be read`,
  },
  'case-rates-unreadable': {
    zh: (p) => `扣分标准${q(p.value)}无法识别，应写成“严重/特别重大”的每起扣分，如 0.5/1`,
    en: (p) => `The case rates ${eq(p.value)} cannot be read; write the points per 严重 and per 特别重大 case, e.g. 0.5/1`,
  },
  'per-case-no-register': {
    zh: () => '按件扣分需要“案件台账”工作表，但工作簿中没有找到',
    en: () => 'A 按件扣分 row needs a case register sheet (案件台账), and the workbook has none',
  },
  'actual-unreadable': {
    zh: (p) => `实际完成${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The actual ${eq(p.value)} ${reason(p, 'en')}`,
  },
  'actual-percent-mismatch': {
    zh: (p) => `实际完成${q(p.value)}是百分数，但本行的目标不是百分比`,
    en: (p) => `The actual ${eq(p.value)} is a percentage, but the row's target is not`,
  },
  'actual-date': {
    zh: (p) => `实际完成${q(p.value)}被表格软件存成了日期（如把 3/3 或 3-5 识别为日期），日期不是数量；请把单元格设为“常规”或“数值”后重新填写`,
    en: (p) => `The actual (${eq(p.value)}) was stored as a date (a spreadsheet turns 3/3 or 3-5 into dates), and a date is not an amount; format the cell as General or Number and type it again`,
  },
  'actual-yes-no': {
    zh: (p) => `实际完成${q(p.value)}应填“是”或“否”`,
    en: (p) => `The actual ${eq(p.value)} must be 是 (yes) or 否 (no)`,
  },
  'actual-implausible': {
    zh: (p) => `实际完成${p.actual}是目标${p.target}的${p.times}倍，请核实是否填错（已照常计分）`,
    en: (p) => `The actual ${p.actual} is ${p.times} times the target ${p.target}; please check it (scored as entered)`,
  },
  'bonus-no-evidence': {
    zh: (p) => `申报加分${p.claimed}分，但未提供佐证材料，不予加分`,
    en: (p) => `A bonus of ${p.claimed} is claimed without evidence (佐证材料), so it is not given`,
  },
  'veto-unreadable': {
    zh: (p) => `一票否决事项${q(p.value)}应填“是”（发生）或“否”（未发生），留空视为未发生`,
    en: (p) => `A veto row takes 是 (it happened) or 否 (it did not); ${eq(p.value)} is neither, and blank means no`,
  },
  'self-score-unreadable': {
    zh: (p) => `自评分${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The self-score ${eq(p.value)} ${reason(p, 'en')}`,
  },
  'self-score-out-of-range': {
    zh: (p) => `项目${q(p.item)}的自评分${q(p.value)}超出范围，应在0到${p.max}分之间`,
    en: (p) => `The self-score ${eq(p.value)} of item ${eq(p.item)} is out of range; it must be between 0 and ${p.max}`,
  },
  'self-score-not-first-row': {
    zh: (p) => `自评分应填在项目${q(p.item)}的首行（${p.first}），本格未计入`,
    en: (p) => `A self-score belongs on the first row of item ${eq(p.item)} (${p.first}); this cell is not counted`,
  },
  'self-score-incomplete': {
    zh: (p) => `${p.unit}有${p.missing}个项目未填自评分，自评总分和核减不计算`,
    en: (p) => `${p.unit} left the self-score of ${p.missing} item(s) blank, so its self-assessed total and cut are not computed`,
  },
  'case-unit-missing': { zh: () => '案件缺少单位', en: () => 'The case names no unit' },
  'case-unit-unknown': {
    zh: (p) => `案件的单位${q(p.value)}不是任何考核表的名称（考核表有：${p.units}）`,
    en: (p) => `The case's unit ${eq(p.value)} is not the name of any assessment sheet (the sheets are: ${p.units})`,
  },
  'case-unit-near': {
    zh: (p) => `案件的单位${q(p.value)}不是考核表的名称，是否应为${q(p.proposal)}？请改正后重新计分；改正前${p.proposal}的状态为有错误，本案件未扣分`,
    en: (p) => `The case's unit ${eq(p.value)} is not a sheet name; did you mean ${eq(p.proposal)}? Correct it and score again; until then ${p.proposal} shows errors and this case deducts nothing`,
  },
  'case-level-missing': {
    zh: () => '案件缺少等级（严重或特别重大）',
    en: () => 'The case has no level (严重 or 特别重大)',
  },
  'case-level-unknown': {
    zh: (p) => `案件等级${q(p.value)}无法识别，应为“严重”或“特别重大”`,
    en: (p) => `The case level ${eq(p.value)} cannot be read; it must be 严重 or 特别重大`,
  },
  'case-no-row': {
    zh: (p) => p.item ? `${q(p.unit)}的考核表中，项目${q(p.item)}没有按件扣分行，本案件未能扣分` : `${q(p.unit)}的考核表中没有按件扣分行，本案件未能扣分`,
    en: (p) => p.item
      ? `Item ${eq(p.item)} of ${eq(p.unit)} has no 按件扣分 row, so this case deducts nothing`
      : `The assessment sheet of ${eq(p.unit)} has no 按件扣分 row, so this case deducts nothing`,
  },
  'case-several-rows': {
    zh: (p) => `本案件未注明项目，${q(p.unit)}有${p.rows}个按件扣分行，已在每一行各计一次；如只应计入其中一项，请填写“项目”列`,
    en: (p) => `The case names no item and ${eq(p.unit)} has ${p.rows} 按件扣分 rows, so it is counted on each; fill in 项目 if it belongs to one`,
  },
  'grades-empty': {
    zh: (p) => `等次标准${q(p.sheet)}没有任何等次，未评定等次`,
    en: (p) => `The grade table ${eq(p.sheet)} lists no grade, so no grades are given`,
  },
  'grade-name-missing': {
    zh: () => '等次标准的这一行有最低分但缺少等次名称',
    en: () => 'This row of the grade table has a lowest total but no grade name',
  },
  'grade-minimum-unreadable': {
    zh: (p) => `等次${q(p.grade)}的最低分${q(p.value)}${reason(p, 'zh')}`,
    en: (p) => `The lowest total ${eq(p.value)} of grade ${eq(p.grade)} ${reason(p, 'en')}`,
  },
  'grade-quota-unreadable': {
    zh: (p) => `等次${q(p.grade)}的比例上限${q(p.value)}无法识别，应为0到100%之间的百分数，如 30%`,
    en: (p) => `The quota ${eq(p.value)} of grade ${eq(p.grade)} cannot be read; write a percentage from 0 to 100%, e.g. 30%`,
  },
  'grade-duplicate': {
    zh: (p) => `等次${q(p.grade)}与${q(p.other)}的最低分相同（${p.minimum}分），无法区分`,
    en: (p) => `Grades ${eq(p.grade)} and ${eq(p.other)} have the same lowest total (${p.minimum}) and cannot be told apart`,
  },
  'grades-invalid': {
    zh: (p) => `等次标准${q(p.sheet)}有错误，所有单位的等次暂为“待定”，改正后重新计分`,
    en: (p) => `The grade table ${eq(p.sheet)} has errors, so every unit's grade is pending (待定) until it is corrected`,
  },
  'grade-below-all': {
    zh: (p) => `${p.unit}的总分${p.total}分低于所有等次的最低分，未评定等次`,
    en: (p) => `${p.unit}'s total ${p.total} is below every grade's lowest total, so it has no grade`,
  },
} satisfies Record<string, Texts>;

export type IssueCode = keyof typeof ISSUE_TEXTS;

/** Refusals that every host that writes into a live spreadsheet shares: nothing is written when one applies. */
export const REFUSAL_TEXTS = {
  'formula-in-output': {
    zh: (p: IssueParams) => `“${p.sheet}”工作表 ${p.cell} 单元格含有公式，计分结果不能覆盖它。` +
      (Number(p.others) > 0 ? `（另有 ${p.others} 个要写入的单元格也含有公式。）` : '') + '请删除该公式或把公式移到其他列后重试。',
    en: (p: IssueParams) => `Cell ${p.cell} of sheet "${p.sheet}" holds a formula that the scores may not overwrite.` +
      (Number(p.others) > 0 ? ` (${p.others} more cells to be written hold formulas.)` : '') + ' Delete the formula or move it to another column, then try again.',
  },
  'protected-sheet': {
    zh: (p: IssueParams) => `“${p.sheet}”工作表受保护，无法写入计分结果。请先撤销工作表保护（审阅→撤销工作表保护）后重试。`,
    en: (p: IssueParams) => `Sheet "${p.sheet}" is protected, so the scores cannot be written. Unprotect it (Review → Unprotect Sheet) and try again.`,
  },
  'protected-workbook': {
    zh: (p: IssueParams) => `工作簿结构受保护，无法新建“${p.sheet}”工作表。请先撤销工作簿保护（审阅→保护工作簿）后重试。`,
    en: (p: IssueParams) => `The workbook's structure is protected, so sheet "${p.sheet}" cannot be added. Unprotect the workbook (Review → Protect Workbook) and try again.`,
  },
  'workbook-too-large': {
    zh: (p: IssueParams) => `工作簿已用区域共有 ${p.cells} 个单元格，超过 Excel 网页版一次计分可读取的 ${p.limit} 个。` +
      '请删除各工作表中远离表格的多余内容（或另存为只含考核表的工作簿）后重试。',
    en: (p: IssueParams) => `The workbook's used ranges hold ${p.cells} cells, more than the ${p.limit} that Excel on the web can read for one scoring run.` +
      ' Delete stray content far from the tables (or save a copy holding only the 考核表 sheets), then try again.',
  },
} satisfies Record<string, Texts>;

export type RefusalCode = keyof typeof REFUSAL_TEXTS;

const ALL_TEXTS: Record<string, Texts> = { ...ISSUE_TEXTS, ...REFUSAL_TEXTS };

/** The text of a coded issue or refusal in the language asked for. */
export function messageText(code: string, params: IssueParams, lang: Lang = 'zh'): string {
  const t = ALL_TEXTS[code];
  return t ? t[lang](params) : code;
}

export const issueText = (issue: Pick<Issue, 'code' | 'params'>, lang: Lang = 'zh'): string =>
  messageText(issue.code, issue.params, lang);

export function makeIssue(sheet: string, cell: string, severity: Severity, code: IssueCode, params: IssueParams = {}): Issue {
  return { sheet, cell, severity, code, params, message: messageText(code, params, 'zh') };
}

/** The 状态 of a unit, from its counts: what 汇总 writes and every host shows. */
export interface UnitStatusParts {
  unscorable: boolean;
  vetoed: boolean;
  errors: number;
  missing: number;
}

export function statusText(u: UnitStatusParts, lang: Lang = 'zh'): string {
  if (u.unscorable) return lang === 'zh' ? '无法计分' : 'cannot be scored';
  const parts: string[] = [];
  if (u.vetoed) parts.push(lang === 'zh' ? '一票否决' : 'vetoed');
  if (u.errors > 0) parts.push(lang === 'zh' ? `有错误（${u.errors}处）` : `${u.errors} error${u.errors > 1 ? 's' : ''}`);
  if (u.missing > 0) parts.push(lang === 'zh' ? `未填报${u.missing}项` : `${u.missing} not reported`);
  if (parts.length === 0) return lang === 'zh' ? '已完成' : 'complete';
  return parts.join(lang === 'zh' ? '，' : ', ');
}
