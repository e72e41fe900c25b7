import ExcelJS from 'exceljs';
import { readTextTables } from '../../src/import/seedText';
import type { SheetSpec } from '../fixtures/import-variants/tables';

/** An .xlsx of raw indicator tables, with merged cells, as Excel would save it. */
export async function buildRawXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        cell.alignment = { wrapText: true, vertical: 'middle' };
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const letter = (c: number) => String.fromCharCode(65 + c);

/**
 * The seed's tables laid out as sheets (title merged over A:D, 类别 | 内容 | 分值 with 类别 over A:B,
 * 类别 merged down its rows, 类别 merged across where a row has no 项目): all stacked in one sheet, or one
 * table per sheet. The cell texts come from the text layout; only the layout is new.
 */
export function seedAsSheets(seed: string, layout: 'stacked' | 'perSheet'): SheetSpec[] {
  const { tables } = readTextTables(seed);
  const sheets: SheetSpec[] = [];
  let current: SheetSpec | null = null;
  tables.forEach((t, k) => {
    if (layout === 'perSheet' || current === null) {
      current = { name: layout === 'perSheet' ? `表${k + 1}` : '指标', rows: [], merges: [] };
      sheets.push(current);
    } else {
      current.rows.push([null, null, null, null]);
    }
    const s = current;
    const top = s.rows.length + 1;
    s.rows.push([t.title, null, null, null], ['类别', null, '内容', '分值']);
    s.merges.push(`A${top}:D${top}`, `A${top + 1}:B${top + 1}`);
    let groupStart = -1;
    const closeGroup = (end: number) => {
      if (groupStart < 0) return;
      const noItems = t.rows.slice(groupStart, end).every((r) => r.item.trim() === '');
      const a = top + 2 + groupStart;
      const b = top + 2 + end - 1;
      if (noItems) s.merges.push(`A${a}:B${b}`);
      else if (b > a) s.merges.push(`A${a}:A${b}`);
    };
    t.rows.forEach((r, i) => {
      if (r.category.trim() !== '') {
        closeGroup(i);
        groupStart = i;
      }
      const points = /^\d+(\.\d+)?$/.test(r.points.trim()) ? Number(r.points) : r.points;
      s.rows.push([r.category.trim() === '' ? null : r.category, r.item.trim() === '' ? null : r.item, r.content, points]);
    });
    closeGroup(t.rows.length);
    // 保障指标's sub-groups (维稳综治 …) are merged down their rows.
    let itemStart = -1;
    t.rows.forEach((r, i) => {
      const next = t.rows[i + 1];
      if (r.item.trim() !== '') itemStart = i;
      const ends = !next || next.item.trim() !== '' || next.category.trim() !== '';
      if (itemStart >= 0 && ends) {
        if (i > itemStart) s.merges.push(`${letter(1)}${top + 2 + itemStart}:${letter(1)}${top + 2 + i}`);
        itemStart = -1;
      }
    });
  });
  return sheets;
}
