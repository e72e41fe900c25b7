import type { Workbook, Worksheet } from 'exceljs';
import type { ImportedUnit } from '../import/model';
import { ALIGN, BORDERS, FILLS, FONTS, SUMMARY_SHEET, setPrint, styleHeader, wrappedHeight } from './layout';
import { summaryHeaders } from './sheetValues';

export { summaryHeaders };

/**
 * 汇总: the header in row 1 and the unit names in column A, in sheet order. Everything else is
 * written by the scorer, which rewrites the sheet; the layout lives here only.
 */
export function addSummarySheet(wb: Workbook, units: readonly ImportedUnit[], extra: { grades?: boolean; selfScores?: boolean } = {}): Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'B2' }],
  });
  // Laid out for the columns the scorer will write, since it keeps the widths when it rewrites the sheet: narrow
  // columns under a wrapped header, so that all of them print on one A4 landscape page at a readable size.
  const headers = summaryHeaders(units, extra);
  const widths = headers.map((h, i) => (i === 0 ? 12 : h === '状态' ? 11 : h === '排名' || h === '等次' ? 5 : 5.5));
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
      if (!['排名', '等次', '状态'].includes(headers[c - 1])) cell.numFmt = '0.00';
    }
  });
  setPrint(ws, '1:1');
  return ws;
}
