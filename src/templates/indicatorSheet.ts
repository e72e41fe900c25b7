import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import type { ImportedUnit, IndicatorRow } from '../import/model';
import {
  ALIGN,
  BORDERS,
  COL,
  FILLS,
  FIRST_DATA_ROW,
  FONTS,
  HEADER_ROW,
  INDICATOR_COLUMNS,
  TITLE_ROW,
  addColumnValidations,
  setPrint,
  styleHeader,
  wrappedHeight,
} from './layout';
import { indicatorPageStarts, splitAtPages } from './pageBreaks';
import { INDICATOR_TITLE, ITEM_COLUMNS, actualOwner, runs, targetCell } from './sheetValues';

export { actualOwner, targetCell };

/** What the 实际完成 cell holds: a number, text as a unit typed it, or nothing. */
export type Actual = number | string | null;

/** What a unit or the assessor typed into one row besides 实际完成 (sample file). */
export interface RowEntry {
  /** on a 项目's first row */
  selfScore?: number | string;
  evidence?: string;
  remark?: string;
}

export interface IndicatorSheetOptions {
  /** appended to the title, e.g. （示例数据，非真实考核结果） */
  titleSuffix?: string;
  /** 实际完成 per row, in the unit's row order */
  actuals?: readonly Actual[];
  /** 自评分, 佐证材料, 考核意见 per row, in the unit's row order */
  entries?: readonly (RowEntry | undefined)[];
}

/** The note on a proposed 细项分值. */
export const PROPOSED_WEIGHT_NOTE = '拟定的细项分值：原指标表没有给出，由项目分值平分得到，请考核组确认或修改。';

function selfScoreValidation(points: number): DataValidation {
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, points],
    showInputMessage: true,
    promptTitle: '自评分（可选）',
    prompt: `本项目的自评分，0 到 ${points} 分。`,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '超出范围',
    error: `自评分应在 0 到 ${points} 之间。`,
  };
}

function actualValidation(row: IndicatorRow): DataValidation {
  const owner = actualOwner(row);
  if (owner === 'register') {
    // exceljs writes 'any' (no type attribute) but does not declare it.
    return { type: 'any', formulae: [], showInputMessage: true, promptTitle: '无需填写', prompt: '本行按“案件台账”中的案件计分，不填写实际完成。' } as unknown as DataValidation;
  }
  if (owner === 'assessor') {
    const what = row.rule === '评分' ? '评分' : '扣分';
    return {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, row.weight],
      showInputMessage: true,
      promptTitle: `考核组填写${what}`,
      prompt: `填写 0 到 ${row.weight} 之间的${what}${row.rule === '扣分' ? '；不扣分请留空' : ''}。`,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '超出范围',
      error: `${what}应在 0 到 ${row.weight} 之间。`,
    };
  }
  if (row.target === '是') {
    return {
      type: 'list',
      allowBlank: true,
      formulae: ['"是,否"'],
      showInputMessage: true,
      promptTitle: '实际完成',
      prompt: '从下拉列表选择“是”或“否”。',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请选择是或否',
      error: '请填写“是”或“否”。确需填写其他内容可选择“是”继续。',
    };
  }
  return {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showInputMessage: true,
    promptTitle: '实际完成',
    prompt:
      row.measure === '%'
        ? `目标 ${row.target}%。填写实际完成的百分比，如 ${row.target}%。`
        : `目标 ${row.target}${row.measure}。填写实际完成数，如 ${row.target}。`,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '请填写数字',
    error: '请填写不小于 0 的数字（如 19）。“19名”“十九”也能计分，可选择“是”继续。',
  };
}

/**
 * One 考核表 for one unit: title in row 1, the header in row 2, one row per indicator from row 3.
 * 类别, 项目, 分值 and 项目得分 are written on a block's first row and merged down over it.
 */
export function addIndicatorSheet(wb: Workbook, unit: ImportedUnit, options: IndicatorSheetOptions = {}): Worksheet {
  const ws = wb.addWorksheet(unit.unit, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW, topLeftCell: 'C3', activeCell: 'J3' }],
  });
  ws.columns = INDICATOR_COLUMNS.map((c) => ({ width: c.width }));
  const last = INDICATOR_COLUMNS.length;

  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = INDICATOR_TITLE(unit, options.titleSuffix);
  title.font = FONTS.title;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(TITLE_ROW).height = 30;

  ws.getRow(HEADER_ROW).values = INDICATOR_COLUMNS.map((c) => c.header);
  styleHeader(ws, HEADER_ROW, last);

  unit.rows.forEach((row, i) => {
    const r = ws.getRow(FIRST_DATA_ROW + i);
    r.height = wrappedHeight(row.content, INDICATOR_COLUMNS[COL.content - 1].width);
    r.getCell(COL.content).value = row.content;
    r.getCell(COL.rule).value = row.rule;
    r.getCell(COL.target).value = targetCell(row);
    r.getCell(COL.measure).value = row.measure === '' ? null : row.measure;
    r.getCell(COL.weight).value = row.weight;
    r.getCell(COL.rate).value = row.rate;
    const actual = options.actuals?.[i] ?? null;
    r.getCell(COL.actual).value = actual;
    const entry = options.entries?.[i];
    r.getCell(COL.selfScore).value = entry?.selfScore ?? null;
    r.getCell(COL.evidence).value = entry?.evidence ?? null;
    r.getCell(COL.remark).value = entry?.remark ?? null;

    for (let c = 1; c <= last; c++) {
      const cell = r.getCell(c);
      cell.border = BORDERS;
      cell.alignment = c === COL.content || c === COL.note || c === COL.evidence || c === COL.remark ? ALIGN.wrap : ALIGN.center;
    }
    for (const c of [COL.score, COL.note, COL.subtotal]) {
      const cell = r.getCell(c);
      cell.fill = FILLS.output;
      cell.font = FONTS.output;
      if (c !== COL.note) cell.numFmt = '0.00';
    }
    const input = r.getCell(COL.actual);
    const owner = actualOwner(row);
    if (owner !== 'register') {
      input.fill = owner === 'unit' ? FILLS.unitInput : FILLS.assessorInput;
      input.protection = { locked: false };
    }
    for (const c of [COL.selfScore, COL.evidence, COL.remark]) {
      const cell = r.getCell(c);
      cell.fill = c === COL.remark ? FILLS.assessorInput : FILLS.unitInput;
      cell.protection = { locked: false };
    }
    if (row.proposedWeight) {
      const weight = r.getCell(COL.weight);
      weight.fill = FILLS.proposed;
      weight.note = PROPOSED_WEIGHT_NOTE;
    }
  });

  addColumnValidations(ws, COL.actual, FIRST_DATA_ROW, unit.rows.map(actualValidation));
  const firstOfItem = unit.rows.map((r, i) => i === 0 || unit.rows[i - 1].item !== r.item || unit.rows[i - 1].category !== r.category);
  addColumnValidations(ws, COL.selfScore, FIRST_DATA_ROW, unit.rows.map((r, i) => (firstOfItem[i] ? selfScoreValidation(r.points) : null)));

  const itemRuns = runs(unit.rows.map((r) => `${r.category}\u0000${r.item}`));
  const starts = indicatorPageStarts(unit);
  for (const i of starts) ws.getRow(FIRST_DATA_ROW + i - 1).addPageBreak();
  // A block broken by a page is merged page by page, and its 类别 and 项目 (with the same 分值, so it reads as the
  // same 项目) are written again on the new page's first row.
  for (const run of runs(unit.rows.map((r) => r.category))) {
    for (const [from, to] of splitAtPages(run, starts)) {
      ws.getCell(FIRST_DATA_ROW + from, COL.category).value = unit.rows[from].category;
      if (to > from) ws.mergeCells(FIRST_DATA_ROW + from, COL.category, FIRST_DATA_ROW + to, COL.category);
    }
  }
  for (const run of itemRuns) {
    const named = unit.rows[run[0]].item.trim() !== '';
    splitAtPages(run, starts).forEach(([from, to], piece) => {
      if (piece === 0 || named) {
        ws.getCell(FIRST_DATA_ROW + from, COL.item).value = unit.rows[from].item;
        ws.getCell(FIRST_DATA_ROW + from, COL.points).value = unit.rows[from].points;
      }
      if (to > from) {
        for (const c of ITEM_COLUMNS) {
          ws.mergeCells(FIRST_DATA_ROW + from, c, FIRST_DATA_ROW + to, c);
        }
      }
    });
  }

  setPrint(ws, `${TITLE_ROW}:${HEADER_ROW}`);
  return ws;
}
