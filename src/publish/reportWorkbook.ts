import ExcelJS from 'exceljs';
import type { Alignment, Borders, Fill, Font } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { normalizeZip } from '../templates/zip.ts';
import type { CellStyle, SheetPlan } from './sheetPlan.ts';
import { FONT_SIZE } from './sheetPlan.ts';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

const centre: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const left: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true };
const ALIGN: Record<CellStyle, Partial<Alignment>> = {
  title: centre, subtitle: { horizontal: 'center', vertical: 'middle' }, header: centre, text: left, num: centre, name: centre,
  score: centre, rank: centre, full: centre, section: { horizontal: 'left', vertical: 'middle' }, note: left,
  foot: { horizontal: 'left', vertical: 'middle' }, footRight: { horizontal: 'right', vertical: 'middle' },
};
const BOLD: ReadonlySet<CellStyle> = new Set(['title', 'header', 'section', 'full']);

const font = (style: CellStyle): Partial<Font> => ({ name: '宋体', size: FONT_SIZE[style], bold: BOLD.has(style) });

export const REPORT_CREATOR = 'target-scorer';

/** Writes each planned sheet: values, merges, widths, heights, borders, and one A4 portrait page at its scale. */
export async function writeReportWorkbook(plans: readonly SheetPlan[], created: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = REPORT_CREATOR;
  wb.lastModifiedBy = REPORT_CREATOR;
  wb.created = created;
  wb.modified = created;
  for (const plan of plans) {
    const ws = wb.addWorksheet(plan.name);
    ws.columns = plan.widths.map((width) => ({ width }));
    plan.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      r.height = row.height;
      const table = plan.tableRows.has(i);
      for (const cell of row.cells) {
        const target = r.getCell(cell.col + 1);
        target.value = cell.value;
        target.font = font(cell.style);
        target.alignment = ALIGN[cell.style];
        if (cell.hundredths) target.numFmt = '0.00';
        if (cell.style === 'header') target.fill = HEADER_FILL;
        if (cell.span > 1) ws.mergeCells(i + 1, cell.col + 1, i + 1, cell.col + cell.span);
        if (table) for (let k = 0; k < cell.span; k++) r.getCell(cell.col + 1 + k).border = BORDERS;
      }
    });
    ws.pageSetup = {
      paperSize: 9,
      orientation: 'portrait',
      scale: plan.scale,
      horizontalCentered: true,
      margins: { ...plan.margins, header: 0.3, footer: 0.3 },
    };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return normalizeZip(withDefaultFont(new Uint8Array(buffer as ArrayBuffer)));
}

/**
 * Column widths are counted in characters of the workbook's default font. exceljs always makes that Calibri, which
 * LibreOffice on Linux replaces by a much wider font; Arial has a metric twin there (Liberation Sans), so the
 * columns are equally wide in Excel, WPS and LibreOffice and the planned page holds in all of them.
 */
function withDefaultFont(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const styles = strFromU8(files['xl/styles.xml']);
  const first = /<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles);
  if (!first) throw new Error('styles.xml without fonts');
  files['xl/styles.xml'] = strToU8(styles.replace(first[1], '<font><sz val="11"/><name val="Arial"/><family val="2"/></font>'));
  return zipSync(files);
}
