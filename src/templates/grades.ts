import type { Workbook, Worksheet } from 'exceljs';
import { GRADE_HEADERS } from '../engine/index.ts';
import { ALIGN, BORDERS, FILLS, FONTS, GRADES_SHEET, styleHeader } from './layout';

/** The example bands, as shares of the full marks: 优秀 ≥ 90% for at most 30% of the units, 良好 ≥ 80%, 一般 ≥ 60%. */
export function gradeExample(fullMarks: number): { grade: string; minimum: number; quota: number | null; remark: string }[] {
  const at = (share: number) => Math.round(fullMarks * share * 100) / 100;
  return [
    { grade: '优秀', minimum: at(0.9), quota: 0.3, remark: `总分不低于 ${at(0.9)} 分（满分的 90%），且不超过有总分单位数的 30%（名额向下取整）` },
    { grade: '良好', minimum: at(0.8), quota: null, remark: `总分不低于 ${at(0.8)} 分（满分的 80%），不限名额` },
    { grade: '一般', minimum: at(0.6), quota: null, remark: `总分不低于 ${at(0.6)} 分（满分的 60%）` },
    { grade: '较差', minimum: 0, quota: null, remark: '其余单位；一票否决的单位也为此等次' },
  ];
}

export const GRADES_TITLE = '等次标准（示例：请按本地考核办法修改最低分和比例上限；不评等次时删除本表）';
export const GRADES_HEADER_ROW = 2;

/**
 * 等次标准 with the example bands for a unit's full marks, marked as an example in its title. The scorer reads it like any 等次标准
 * (header 等次 | 最低分 | 比例上限), so the 填报说明 asks the assessor to adjust or delete it before scoring.
 */
export function addGradesSheet(wb: Workbook, fullMarks: number): Worksheet {
  const ws = wb.addWorksheet(GRADES_SHEET);
  ws.columns = [{ width: 12 }, { width: 12 }, { width: 14 }, { width: 60 }];
  ws.mergeCells(1, 1, 1, 4);
  const title = ws.getCell(1, 1);
  title.value = GRADES_TITLE;
  title.font = FONTS.title;
  title.alignment = ALIGN.wrap;
  ws.getRow(1).height = 40;
  ws.getRow(GRADES_HEADER_ROW).values = [GRADE_HEADERS.grade[0], GRADE_HEADERS.minimum[0], GRADE_HEADERS.quota[0], '说明（示例）'];
  styleHeader(ws, GRADES_HEADER_ROW, 4);
  gradeExample(fullMarks).forEach((band, i) => {
    const r = ws.getRow(GRADES_HEADER_ROW + 1 + i);
    r.values = [band.grade, band.minimum, band.quota, band.remark];
    for (let c = 1; c <= 4; c++) {
      const cell = r.getCell(c);
      cell.border = BORDERS;
      cell.alignment = c === 4 ? ALIGN.wrap : ALIGN.center;
      if (c <= 3) {
        cell.fill = FILLS.assessorInput;
        cell.protection = { locked: false };
      }
    }
    r.getCell(3).numFmt = '0%';
  });
  return ws;
}
