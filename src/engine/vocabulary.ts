/**
 * The scorer's words, defined once: headers and their aliases, rule words, comparators, case levels, yes/no words
 * and sheet names. The importer, the templates and every host take them from here.
 */
export { foldText, foldHeader } from './text.ts';

export type AssessmentColumn =
  | 'category' | 'item' | 'points' | 'content' | 'rule' | 'target' | 'measure' | 'weight' | 'rate'
  | 'actual' | 'selfScore' | 'evidence' | 'remark' | 'score' | 'note' | 'subtotal';

export type RegisterColumn = 'unit' | 'level' | 'item' | 'date' | 'summary' | 'deduction';

export type GradeColumn = 'grade' | 'minimum' | 'quota';

/** The first word of each list is the header the templates write and the scorer adds when a column is missing. */
export const ASSESSMENT_HEADERS: Record<AssessmentColumn, readonly string[]> = {
  category: ['类别', '一级指标', 'category'],
  item: ['项目', '二级指标', 'item'],
  points: ['分值', '项目分值', 'points'],
  content: ['考核内容', '内容', '指标内容', 'content'],
  rule: ['计分方式', '计分方法', 'rule'],
  target: ['目标值', '目标', 'target'],
  measure: ['计量单位', '单位名称', 'measure'],
  weight: ['细项分值', '细项分', 'weight'],
  rate: ['扣分标准', 'deductionrate', 'deduction rate', 'rate'],
  actual: ['实际完成', '完成情况', '实际值', 'actual'],
  selfScore: ['自评分', '自评得分', 'selfscore', 'self-score'],
  evidence: ['佐证材料', '佐证', '证明材料', 'evidence'],
  remark: ['考核意见', '扣分理由', '核查意见', 'remark'],
  score: ['得分', 'score'],
  note: ['说明', '计分说明', 'note'],
  subtotal: ['项目得分', 'subtotal'],
};

export const REGISTER_HEADERS: Record<RegisterColumn, readonly string[]> = {
  unit: ['单位', 'unit'],
  level: ['等级', '级别', 'level'],
  item: ['项目', 'item'],
  date: ['日期', 'date'],
  summary: ['简要案情', 'summary'],
  deduction: ['扣分', 'deduction'],
};

export const GRADE_HEADERS: Record<GradeColumn, readonly string[]> = {
  grade: ['等次', 'grade'],
  minimum: ['最低分', 'minimum', 'min'],
  quota: ['比例上限', 'quota'],
};

/** What a unit types into its returned file: the only cells 汇集 takes from a return. */
export const ENTRY_COLUMNS: readonly AssessmentColumn[] = ['actual', 'selfScore', 'evidence'];
/** Headers of a row-number column (序号), which 汇集 uses with 考核内容 to match a return's rows to the master's. */
export const SERIAL_HEADERS: readonly string[] = ['序号', '编号', 'no.', 'no'];
/** What the scorer writes. */
export const OUTPUT_COLUMNS: readonly AssessmentColumn[] = ['score', 'note', 'subtotal'];
/** What the assessor types and the scorer never writes. */
export const ASSESSOR_COLUMNS: readonly AssessmentColumn[] = ['remark'];

export const headerWord = (column: AssessmentColumn): string => ASSESSMENT_HEADERS[column][0];

export type RuleWord = '比例' | '达标' | '差额扣分' | '评分' | '扣分' | '按件扣分' | '加分' | '一票否决';

/** Rule words in the order the contract lists them, each with its English aliases (folded: lower case, no spaces). */
export const RULE_WORDS: Record<RuleWord, readonly string[]> = {
  比例: ['proportional'],
  达标: ['threshold'],
  差额扣分: ['shortfall'],
  评分: ['manual'],
  扣分: ['deduction'],
  按件扣分: ['percase', 'per-case'],
  加分: ['bonus'],
  一票否决: ['veto'],
};

export const RULE_WORD_LIST = Object.keys(RULE_WORDS) as RuleWord[];

/** Rules whose row score is ≤ 0 and that count against the 项目. */
export const isDeductionRule = (r: RuleWord): boolean => r === '扣分' || r === '按件扣分';

export type CaseLevel = 'serious' | 'major';

/** Case levels of the register; the first word is the one written. */
export const CASE_LEVELS: Record<CaseLevel, readonly string[]> = {
  serious: ['严重', '严重案件', 'serious'],
  major: ['特别重大', '特别重大案件', '特重大', 'major'],
};

export const YES_WORDS: readonly string[] = ['是', '完成', '已完成', '√', '✓', '✔', 'y', 'yes', 'true', '达标', '已达标'];
export const NO_WORDS: readonly string[] = ['否', '未完成', '没完成', '×', '✗', '✘', 'x', 'n', 'no', 'false', '未达标'];

export type Comparator = '>=' | '<=' | '<' | '>';

/** Comparator words before the number (longest first where one is a prefix of another). */
export const PREFIX_COMPARATORS: readonly [string, Comparator][] = [
  ['>=', '>='], ['≥', '>='], ['不少于', '>='], ['不低于', '>='], ['达到', '>='], ['至少', '>='], ['不小于', '>='],
  ['<=', '<='], ['≤', '<='], ['不超过', '<='], ['不高于', '<='], ['不多于', '<='], ['不大于', '<='],
  ['<', '<'], ['低于', '<'], ['少于', '<'], ['小于', '<'],
  ['>', '>'], ['超过', '>'], ['高于', '>'], ['多于', '>'], ['大于', '>'],
];
/** Comparator words after the number: 3000人以上. */
export const SUFFIX_COMPARATORS: readonly [string, Comparator][] = [
  ['及以上', '>='], ['以上', '>='], ['及以内', '<='], ['以内', '<='], ['及以下', '<='], ['以下', '<='],
];

export const COMPARATOR_WORDS: Record<Comparator, string> = { '>=': '不少于', '<=': '不超过', '<': '低于', '>': '超过' };

/** Sheets the scorer knows by name. */
export const SHEET_NAMES = {
  summary: '汇总',
  register: '案件台账',
  grades: '等次标准',
  instructions: '填报说明',
  returns: '收回情况',
} as const;

/** 等次 of a unit whose total is not final yet. */
export const PENDING_GRADE = '待定';

/** Whose entry a row's 实际完成 is: the unit's report, the assessor's score or deduction, or the case register's. */
export type ActualOwner = 'unit' | 'assessor' | 'register';

export const ACTUAL_OWNER: Record<RuleWord, ActualOwner> = {
  比例: 'unit', 达标: 'unit', 差额扣分: 'unit', 加分: 'unit',
  评分: 'assessor', 扣分: 'assessor', 一票否决: 'assessor',
  按件扣分: 'register',
};
