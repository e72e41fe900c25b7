import type { Alignment, Border, Borders, DataValidation, Fill, Font, Worksheet } from 'exceljs';
import { SHEET_NAMES } from '../engine/index.ts';

/** The 考核表 columns, A to P, as docs/workbook-format.md names them. */
export const INDICATOR_COLUMNS = [
  { header: '类别', width: 10 },
  { header: '项目', width: 12 },
  { header: '分值', width: 6 },
  { header: '考核内容', width: 48 },
  { header: '计分方式', width: 10 },
  { header: '目标值', width: 8 },
  { header: '计量单位', width: 8 },
  { header: '细项分值', width: 8 },
  { header: '扣分标准', width: 10 },
  { header: '实际完成', width: 11 },
  { header: '自评分', width: 8 },
  { header: '佐证材料', width: 16 },
  { header: '考核意见', width: 20 },
  { header: '得分', width: 8 },
  { header: '说明', width: 30 },
  { header: '项目得分', width: 10 },
] as const;
export const INDICATOR_HEADERS = INDICATOR_COLUMNS.map((c) => c.header);

/** 1-based column numbers of the 考核表. */
export const COL = {
  category: 1,
  item: 2,
  points: 3,
  content: 4,
  rule: 5,
  target: 6,
  measure: 7,
  weight: 8,
  rate: 9,
  actual: 10,
  selfScore: 11,
  evidence: 12,
  remark: 13,
  score: 14,
  note: 15,
  subtotal: 16,
} as const;

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export const CASE_SHEET = '案件台账';
export const CASE_HEADERS = ['单位', '项目', '等级', '日期', '简要案情', '扣分'] as const;
export const CASE_LEVELS = ['严重', '特别重大'] as const;
/** Rows of the register that carry validation and styling. */
export const CASE_ROWS = 200;

export const SUMMARY_SHEET = '汇总';
export const GRADES_SHEET = SHEET_NAMES.grades;
export const INSTRUCTIONS_SHEET = '填报说明';

export const SAMPLE_MARK = '（示例数据，非真实考核结果）';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

export const BORDERS: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const FILLS = {
  header: solid('FFD9E1F2'),
  /** a unit's entry */
  unitInput: solid('FFFFF2CC'),
  /** the assessor's entry: 评分, 扣分, the case register */
  assessorInput: solid('FFFCE4D6'),
  /** written by the scorer */
  output: solid('FFF2F2F2'),
  /** a 细项分值 the source does not give: proposed, for the assessor to confirm */
  proposed: solid('FFE2EFDA'),
};
export const FONTS: Record<'title' | 'header' | 'output' | 'heading', Partial<Font>> = {
  title: { bold: true, size: 14 },
  header: { bold: true },
  output: { italic: true, color: { argb: 'FF1F4E79' } },
  heading: { bold: true, size: 12 },
};
export const ALIGN: Record<'center' | 'wrap' | 'left', Partial<Alignment>> = {
  center: { horizontal: 'center', vertical: 'middle', wrapText: true },
  wrap: { horizontal: 'left', vertical: 'middle', wrapText: true },
  left: { horizontal: 'left', vertical: 'middle' },
};

/** Inches, as setPrint sets them; the 考核表's page breaks are planned with them. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5 } as const;

/** A4 landscape, fit to one page wide, header rows repeated on every page. */
export function setPrint(ws: Worksheet, titleRows: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

/** Header cells: bold, filled, bordered, centred. */
export function styleHeader(ws: Worksheet, row: number, columns: number): void {
  const r = ws.getRow(row);
  r.height = 30;
  for (let c = 1; c <= columns; c++) {
    const cell = r.getCell(c);
    cell.font = FONTS.header;
    cell.fill = FILLS.header;
    cell.border = BORDERS;
    cell.alignment = ALIGN.center;
  }
}

interface ValidationModel {
  add(address: string, validation: DataValidation): void;
}

/**
 * Data validation for cells `firstRow`… of one column, one entry per row (null: none). Equal
 * neighbours are written as one range. Set cell by cell, exceljs joins neighbours itself but
 * sorts addresses as text (J10 before J9) and can write overlapping ranges, which Excel rejects.
 */
export function addColumnValidations(
  ws: Worksheet,
  column: number,
  firstRow: number,
  validations: readonly (DataValidation | null)[],
): void {
  // exceljs keeps this model at runtime but does not declare it.
  const model = (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
  const letter = ws.getColumn(column).letter;
  let start = 0;
  for (let i = 1; i <= validations.length; i++) {
    const same = i < validations.length && JSON.stringify(validations[i]) === JSON.stringify(validations[start]);
    if (same) continue;
    const v = validations[start];
    if (v !== null) {
      const from = firstRow + start;
      const to = firstRow + i - 1;
      model.add(from === to ? `${letter}${from}` : `${letter}${from}:${letter}${to}`, v);
    }
    start = i;
  }
}

/**
 * A row height that shows `text` wrapped in a column `width` characters wide. Set explicitly because
 * LibreOffice and WPS do not grow rows for wrapped text on opening. CJK characters count double.
 */
export function wrappedHeight(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, width - 3)));
  return Math.max(20, lines * 15 + 5);
}
