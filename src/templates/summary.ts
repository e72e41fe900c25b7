import type { Workbook, Worksheet } from 'exceljs';
import type { ImportedUnit } from '../import/model';
import { ALIGN, BORDERS, FILLS, FONTS, SUMMARY_SHEET, setPrint, styleHeader, wrappedHeight } from './layout';
import { summaryHeaders } from './sheetValues';

export { summaryHeaders };

/**
 * 汇总: the header in row 1 and the unit names in column A, in sheet order. Everything else is
 * written by the scorer, which rewrites the sheet; the layout lives here only.
 */
export function addSummarySheet(wb: Workbook, units: readonly ImportedUnit[]): Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
  });
  const headers = summaryHeaders(units);
  // Narrow columns under a wrapped header, so that 19 of them print on one A4 landscape page at a readable size.
  const widths = headers.map((h, i) => (i === 0 ? 13 : h === '状态' ? 12 : h === '排名' ? 5 : 6.5));
  ws.columns = widths.map((width) => ({ width }));
  ws.getRow(1).values = headers;
  styleHeader(ws, 1, headers.length);
  ws.getRow(1).height = Math.max(30, ...headers.map((h, i) => Math.ceil((h.length * 2) / Math.max(1, widths[i] - 1)) * 15 + 6));
  units.forEach((u, i) => {
    const r = ws.getRow(2 + i);
    r.height = wrappedHeight(u.unit, widths[0]);
    for (let c = 1; c <= headers.length; c++) {
      const cell = r.getCell(c);
      cell.border = BORDERS;
      cell.alignment = headers[c - 1] === '状态' ? ALIGN.wrap : ALIGN.center;
      if (c === 1) {
        cell.value = u.unit;
        continue;
      }
      cell.fill = FILLS.output;
      cell.font = FONTS.output;
      if (headers[c - 1] !== '排名' && headers[c - 1] !== '状态') cell.numFmt = '0.00';
    }
  });
  setPrint(ws, '1:1');
  return ws;
}
