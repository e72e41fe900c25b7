import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx, XlsxRefusal } from '../../src/xlsx/index.ts';

/**
 * A workbook the scorer has never seen, laid out per docs/workbook-format.md by hand the way an office would:
 * aliased headers in another order, a two-row title, merged 类别/项目/分值 blocks, formula targets,
 * a chart-free but styled sheet, an unrelated sheet, and a register naming a 项目.
 */
async function unseenWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('封面');
  notes.getCell('A1').value = '2024年度目标绩效考核';
  const params = wb.addWorksheet('参数');
  params.getCell('A1').value = '基数';
  params.getCell('B1').value = 20;

  const ws = wb.addWorksheet('东城区');
  ws.getCell('A1').value = '东城区2024年度目标绩效指标';
  ws.mergeCells('A1:K1');
  ws.getCell('A2').value = '（单位：分）';
  const header = ['一级指标', '二级指标', '项目分值', '指标内容', '计分方法', '目标', '单位名称', '细项分', '扣分标准', '完成情况', '计分说明', '得分', '项目得分'];
  ws.getRow(3).values = header;
  const rows: unknown[][] = [
    ['职能指标（20分）', '志愿服务', 6, '招募志愿者', '比例', { formula: '参数!B1', result: 20 }, '名', 3, null, 15],
    [null, null, null, '培训骨干', '达标', '不少于3', '次', 3, null, '三次'],
    [null, '组织建设', 14, '建团', '差额扣分', { formula: '2*5', result: 10 }, '个', 8, '每少1个扣1分', 7],
    [null, null, null, '配备率', '比例', '90%', '%', 6, null, 0.81],
    [null, null, null, '维权', '按件扣分', null, null, 3, '0.5/1', null],
    ['绩效评价', null, 10, '评价分', '评分', null, null, 10, null, 8.5],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  ws.mergeCells('A4:A8');
  ws.mergeCells('B4:B5');
  ws.mergeCells('C4:C5');
  ws.mergeCells('B6:B8');
  ws.mergeCells('C6:C8');
  ws.getCell('N4').value = { formula: 'SUM(M4:M9)', result: 0 }; // the user's own formula reading our scores
  ws.getColumn(4).width = 30;

  const reg = wb.addWorksheet('案件');
  reg.getRow(1).values = ['序号', '单位', '项目', '级别', '日期', '简要案情'];
  reg.getRow(2).values = [1, '东城区', '组织建设', '特别重大', '2024-03-01', '略'];
  reg.getRow(3).values = [2, '东城区', '组织建设', '严重', '2024-05-01', '略'];
  reg.getRow(4).values = [3, '东城区', '志愿服务', '严重', '2024-06-01', '不计入：该项目没有按件扣分行'];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('a workbook the scorer has never seen', () => {
  it('is scored exactly as docs/rules.md says, and only output cells change', async () => {
    const input = await unseenWorkbook();
    const { result, output } = scoreXlsx(input);
    expect(result.units.map((u) => u.unit)).toEqual(['东城区']);

    const scores = result.rows.map((r) => [r.cell, r.score]);
    expect(scores).toEqual([
      ['L4', 2.25], // 3 × 15/20
      ['L5', 3], // 三次 ≥ 3
      ['L6', 5], // 8 − 1 × (10 − 7)
      ['L7', 5.4], // 6 × 81/90 (0.81 on a % row is 81%)
      ['L8', -1.5], // 特别重大 1 + 严重 0.5, under the cap 3
      ['L9', 8.5],
    ]);
    const u = result.units[0];
    expect(u.items.map((i) => [i.item, i.score])).toEqual([['志愿服务', 5.25], ['组织建设', 8.9], ['绩效评价', 8.5]]);
    expect(u.subtotals).toEqual({ 职能指标: 14.15, 绩效评价: 8.5 });
    expect(u.total).toBe(22.65);
    // The third case names a 项目 with no 按件扣分 row: an error at its cell, never silently dropped.
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ sheet: '案件', cell: 'C4' }),
    ]);

    const before = openXlsx(input).readSheets();
    const after = openXlsx(output!).readSheets();
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), '汇总']);
    const unit = after.find((s) => s.name === '东城区')!.grid;
    const was = before.find((s) => s.name === '东城区')!.grid;
    for (let r = 0; r < Math.max(unit.length, was.length); r++) {
      for (let c = 0; c < 16; c++) {
        if (r >= 3 && (c === 10 || c === 11 || c === 12)) continue; // 计分说明, 得分, 项目得分
        if (r === 3 && c === 13) continue; // N4 reads our scores: checked below
        expect(unit[r]?.[c] ?? null, `r${r} c${c}`).toEqual(was[r]?.[c] ?? null);
      }
    }
    expect(unit[3][11]).toBe(2.25);
    expect(unit[3][10]).toBe('完成15/20名（75%），得2.25分');
    expect(unit[3][12]).toBe(5.25);
    expect(unit[5][12]).toBe(8.9);
    expect(unit[4][12] ?? null).toBeNull();
    // N4 = SUM(M4:M9) reads the scores: its stale cached 0 is dropped so that every reader recalculates it.
    expect(unit[3][13] ?? null).toBeNull();
    expect(openXlsx(output!).hasFormula('东城区', 3, 13)).toBe(true);
    // The register had no 扣分 column: it is added right of the table with its header.
    const reg = after.find((s) => s.name === '案件')!.grid;
    expect(reg[0][6]).toBe('扣分');
    expect(reg.slice(1, 4).map((r) => r[6] ?? null)).toEqual([1, 0.5, null]);

    const parts = unzipSync(output!);
    const unchanged = unzipSync(input);
    for (const name of Object.keys(unchanged)) {
      if (/worksheets\/sheet[34]\.xml$|workbook\.xml|styles\.xml|\[Content_Types\]|workbook\.xml\.rels/.test(name)) continue;
      expect(Buffer.compare(parts[name], unchanged[name]), name).toBe(0);
    }
    expect(new TextDecoder().decode(parts['xl/workbook.xml'])).toMatch(/fullCalcOnLoad="1"/);
  });

  it('refuses, before writing anything, when an output cell holds a formula of the user’s', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('甲');
    ws.getRow(1).values = ['项目', '分值', '计分方式', '细项分值', '实际完成', '得分'];
    ws.getRow(2).values = ['A', 2, '评分', 2, 1];
    ws.getCell('F2').value = { formula: 'E2', result: 1 };
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    expect(() => scoreXlsx(bytes)).toThrow(XlsxRefusal);
    try {
      scoreXlsx(bytes);
    } catch (e) {
      expect((e as XlsxRefusal).code).toBe('formula-in-output');
      expect((e as Error).message).toContain('F2');
      expect((e as Error).message).toContain('甲');
    }
  });
});
