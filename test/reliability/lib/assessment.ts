// A small 考核表 laid out per docs/workbook-format.md, used by the corpus and the hostile files.
export type Value = string | number | boolean | null;

export const HEADER = ['类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成', '得分', '说明', '项目得分'];
/** 0-based columns of the header above. */
export const COL = { actual: 9, score: 10, note: 11, subtotal: 12 } as const;
/** Sheet rows (1-based) of the indicator rows: title is row 1, header row 2. */
export const FIRST_ROW = 3;

/** The indicator rows without 实际完成: [类别, 项目, 分值, 考核内容, 计分方式, 目标值, 计量单位, 细项分值, 扣分标准]. */
const INDICATORS: Value[][] = [
  ['职能指标', '服务党政中心', 10, '培训各类志愿者不少于40名', '比例', 40, '名', 6, null],
  [null, null, null, '青年创新创效活动不少于3次', '比例', 3, '次', 4, null],
  ['职能指标', '青少年维权工作', 10, '规范12355青少年服务平台工作', '达标', '是', null, 5, null],
  [null, null, null, '青年就业创业培训50人', '差额扣分', 50, '人', 5, '每少1人扣0.5分'],
  ['重点工作', null, 8, '团市委交办的其他工作', '评分', null, null, 8, null],
  ['保障指标', null, 5, '信息报送不及时', '扣分', null, null, 1, null],
  [null, null, null, '违反工作纪律', '扣分', null, null, 2, null],
  ['绩效评价', null, 5, '每发生一起扣0.5分，特别重大的扣1分，最多扣5分', '按件扣分', null, null, 5, '0.5/1'],
];
export const INDICATOR_COUNT = INDICATORS.length;

/** What each unit typed into 实际完成, row by row (the 按件扣分 row reads none). */
export const ACTUALS: Record<string, Value[]> = {
  苍溪县: [36, '３次', '是', 47, 7.5, null, 1, null],
  旺苍县: ['四十名', 2, '否', '50人', 6, 0.5, null, null],
  剑阁县: ['约三十', 3, '完成', null, 8, null, null, null],
};
export const UNITS = Object.keys(ACTUALS);

/** Title, header and indicator rows of one unit's sheet (output columns left blank). */
export function unitRows(unit: string, actuals: Value[] = ACTUALS[unit]): Value[][] {
  return [
    [`共青团${unit}委2014年度目标绩效指标考核表`],
    HEADER,
    ...INDICATORS.map((r, i) => [...r, actuals[i] ?? null]),
  ];
}

export const REGISTER_ROWS: Value[][] = [
  ['单位', '项目', '等级', '日期', '简要案情', '扣分'],
  ['苍溪县', null, '严重', '2014-03-02', '示例案件一', null],
  ['旺苍县', null, '特别重大', '2014-05-11', '示例案件二', null],
  ['旺苍县', null, '严重', '2014-07-20', '示例案件三', null],
];

export { a1 } from '../../../src/engine/address.ts';
