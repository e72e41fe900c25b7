import type { Workbook, Worksheet } from 'exceljs';
import type { ImportedUnit } from '../import/model';
import { CASE_SHEET, FILLS, FONTS, GRADES_SHEET, INSTRUCTIONS_SHEET, SAMPLE_MARK, SUMMARY_SHEET, wrappedHeight } from './layout';

/** 类别 → points, from one unit's blocks: 职能指标 70, 重点工作 50, … */
export function categoryPoints(unit: ImportedUnit): [string, number][] {
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  for (const r of unit.rows) {
    const key = `${r.category}\u0000${r.item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    totals.set(r.category, (totals.get(r.category) ?? 0) + r.points);
  }
  return [...totals];
}

type Line = string | { heading: string } | { legend: string; fill: keyof typeof FILLS };

export interface InstructionsOptions {
  sample: boolean;
  /** the workbook has the example 等次标准 */
  gradeExample: boolean;
}

function lines(units: readonly ImportedUnit[], { sample, gradeExample }: InstructionsOptions): Line[] {
  const parts = units.length > 0 ? categoryPoints(units[0]) : [];
  const max = parts.reduce((s, [, p]) => s + p, 0);
  const names = units.map((u) => u.unit).join('、');
  return [
    ...(sample
      ? ['本文件为示例：各单位的实际完成、评分、扣分和案件均为编造的数据，仅用于演示计分，不是真实考核结果。', '']
      : []),
    { heading: '一、工作簿构成' },
    `每个被考核单位一张考核表，表名即单位名称：${names}。`,
    `“${CASE_SHEET}”登记按件扣分的案件；“${SUMMARY_SHEET}”由计分程序写入各单位得分、排名和状态。`,
    ...(gradeExample ? [`“${GRADES_SHEET}”列出各等次的最低分和比例上限，现有数值只是示例（见第五部分）。`] : []),
    `每个单位满分 ${max} 分：${parts.map(([c, p]) => `${c} ${p} 分`).join('、')}。`,
    '考核内容逐句列出指标表的全部内容：有数字目标的句子按目标计分，没有数字的句子（如“建立留守学生成长电子档案”）为达标行，填“是”或“否”。',
    '',
    { heading: '二、谁填写什么' },
    { legend: '浅黄色：各单位填写。“实际完成”“佐证材料”（文件名、链接或页码），以及可选的“自评分”（写在每个项目的第一行，0 至该项目分值）；其他列请勿改动。', fill: 'unitInput' },
    { legend: `浅橙色：考核组填写。计分方式为“评分”“扣分”的行的“实际完成”、“考核意见”（给分或扣分的理由，计分程序不改写），以及“${CASE_SHEET}”的案件。`, fill: 'assessorInput' },
    { legend: `浅灰色：计分程序写入。“得分”“说明”“项目得分”、台账的“扣分”和“${SUMMARY_SHEET}”表，请勿手工填写，重新计分时会被覆盖。`, fill: 'output' },
    { legend: '浅绿色：拟定的细项分值。指标表只给出项目分值，没有给出这些细项分值，现值由项目分值平分得到（扣分行为项目分值），请考核组确认或修改后再下发。', fill: 'proposed' },
    '',
    { heading: '三、计分方式' },
    '比例：得分 = 细项分值 × 实际完成 ÷ 目标值，最多得满细项分值。例：目标 19 名，完成 15 名，细项分值 3 分，得 3 × 15 ÷ 19 = 2.37 分。',
    '达标：达到目标得满细项分值，未达到得 0 分。目标值为“是”的行填写“是”或“否”。',
    '差额扣分：每比目标少 1 个计量单位，扣“扣分标准”所列的分数，扣完细项分值为止。',
    '评分：考核组直接填写得分，范围为 0 至细项分值。',
    '扣分：考核组填写扣分数，范围为 0 至细项分值（细项分值即扣分上限）；不扣分的行留空。',
    `按件扣分：按“${CASE_SHEET}”中本单位的案件计扣。扣分标准“0.5/1”表示严重案件每起扣 0.5 分、特别重大案件每起扣 1 分，合计不超过细项分值。此行不填写实际完成。`,
    '项目得分 = 本项目各行得分之和减去扣分，最低 0 分，最高为该项目分值。只有扣分行的项目（如保障指标）实行扣分制：从项目分值中扣减。',
    '',
    { heading: '四、数字怎么写' },
    '直接写数字最好，如 19。写成“19名”“19 人”“十九”“１９”也能识别。',
    '百分比写 90% 或 90；计量单位为 % 的行，0.9 也视为 90%。',
    '达标行写“是”或“否”（也可写 完成/未完成、√/×）。',
    '不要写“约三十”“30左右”“基本完成”等无法识别的内容，否则该行计 0 分，并在“说明”中提示错误。',
    '尚未填报的行请留空：计分时该行计 0 分、说明为“未填报”，汇总的“状态”会显示未填报的行数，这不算错误。',
    '',
    ...(gradeExample
      ? [
          { heading: `五、${GRADES_SHEET}（示例）` },
          `“${GRADES_SHEET}”中的等次、最低分和比例上限是示例（按满分 ${max} 分：优秀不低于满分的 90% 且不超过单位数的 30%，良好不低于 80%，一般不低于 60%，其余为较差），不是本年度的考核办法。`,
          `计分时只要有这张表，汇总就按它评定等次。请按本地考核办法修改后使用；不评等次时删除“${GRADES_SHEET}”表。`,
          '',
        ]
      : []),
    { heading: gradeExample ? '六、其他' : '五、其他' },
    '请勿修改表头、删除或移动列；各单位不要修改目标值、细项分值；可以调整列宽和字体。',
    '考核内容中的目标由团市委下达，如有异议请与团市委联系。',
  ];
}

/** 填报说明, the first sheet: who fills what, the rule words, how to type numbers. */
/**
 * Characters of the one column: narrow enough to fit A4 portrait at 100% where the default font is wider than
 * Calibri (LibreOffice on Linux), since LibreOffice does not always shrink a sheet to the page width.
 */
const WIDTH = 68;

export function addInstructionsSheet(wb: Workbook, units: readonly ImportedUnit[], options: InstructionsOptions): Worksheet {
  const { sample } = options;
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: WIDTH }];
  const title = ws.getCell(1, 1);
  title.value = `填报说明${sample ? SAMPLE_MARK : ''}`;
  title.font = FONTS.title;
  ws.getRow(1).height = 28;
  lines(units, options).forEach((line, i) => {
    const text = typeof line === 'string' ? line : 'heading' in line ? line.heading : line.legend;
    const cell = ws.getCell(3 + i, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    if (text !== '') ws.getRow(3 + i).height = wrappedHeight(text, WIDTH);
    if (typeof line === 'object' && 'heading' in line) cell.font = FONTS.heading;
    if (typeof line === 'object' && 'legend' in line) cell.fill = FILLS[line.fill];
  });
  ws.pageSetup = {
    paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return ws;
}
