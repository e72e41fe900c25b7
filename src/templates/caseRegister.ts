import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import {
  ALIGN,
  BORDERS,
  CASE_HEADERS,
  CASE_LEVELS,
  CASE_ROWS,
  CASE_SHEET,
  FILLS,
  FONTS,
  addColumnValidations,
  setPrint,
  styleHeader,
} from './layout';
import { CASE_TITLE } from './sheetValues';

export interface CaseEntry {
  unit: string;
  /** '' where the case counts against every 按件扣分 row of the unit */
  item: string;
  level: (typeof CASE_LEVELS)[number];
  date: Date;
  summary: string;
}

/**
 * 案件台账: title in row 1, header 单位 | 项目 | 等级 | 日期 | 简要案情 | 扣分 in row 2. 扣分 is the
 * scorer's output. 单位 and 等级 (and 项目, as a suggestion) are picked from lists.
 */
export function addCaseRegister(
  wb: Workbook,
  units: readonly string[],
  perCaseItems: readonly string[],
  cases: readonly CaseEntry[] = [],
  titleSuffix = '',
): Worksheet {
  const ws = wb.addWorksheet(CASE_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
  });
  ws.columns = [{ width: 20 }, { width: 16 }, { width: 10 }, { width: 12 }, { width: 50 }, { width: 10 }];
  ws.mergeCells(1, 1, 1, CASE_HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = `${CASE_TITLE}${titleSuffix}`;
  title.font = FONTS.title;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.getRow(2).values = [...CASE_HEADERS];
  styleHeader(ws, 2, CASE_HEADERS.length);

  const last = 2 + Math.max(CASE_ROWS, cases.length);
  for (let row = 3; row <= last; row++) {
    const r = ws.getRow(row);
    for (let c = 1; c <= CASE_HEADERS.length; c++) {
      const cell = r.getCell(c);
      cell.border = BORDERS;
      cell.alignment = c === 5 ? ALIGN.wrap : ALIGN.center;
      if (c < 6) {
        cell.fill = FILLS.assessorInput;
        cell.protection = { locked: false };
      } else {
        cell.fill = FILLS.output;
        cell.font = FONTS.output;
        cell.numFmt = '0.00';
      }
    }
    r.getCell(4).numFmt = 'yyyy-mm-dd';
  }
  cases.forEach((c, i) => {
    const values = [c.unit, c.item === '' ? null : c.item, c.level, c.date, c.summary];
    values.forEach((v, j) => (ws.getCell(3 + i, j + 1).value = v));
  });

  const list = (values: readonly string[]) => `"${values.join(',')}"`;
  const validations: Partial<Record<number, DataValidation>> = {
    1: {
      type: 'list',
      allowBlank: true,
      formulae: [list(units)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '单位不存在',
      error: '请从下拉列表选择被考核单位。',
    },
    3: {
      type: 'list',
      allowBlank: true,
      formulae: [list(CASE_LEVELS)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '等级',
      error: '等级只能是“严重”或“特别重大”。',
    },
  };
  if (perCaseItems.length > 0) {
    validations[2] = {
      type: 'list',
      allowBlank: true,
      formulae: [list(perCaseItems)],
      showInputMessage: true,
      promptTitle: '项目（可不填）',
      prompt: '案件计入的项目；不填则计入本单位所有按件扣分的行。',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '项目',
      error: '该项目没有按件扣分的行，请核对。',
    };
  }
  for (const [col, validation] of Object.entries(validations)) {
    addColumnValidations(ws, Number(col), 3, new Array<DataValidation>(last - 2).fill(validation!));
  }

  setPrint(ws, '1:2');
  return ws;
}
