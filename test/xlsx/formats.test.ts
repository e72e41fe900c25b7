// The xlsx host tells the engine which cells show numbers as percentages or dates, from the styles part, so a
// target typed as 90% (stored as 0.9) and an entry Excel turned into a date are read as the user sees them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { classifyBuiltinFormat, classifyNumberFormat } from '../../src/formats/numberFormat.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { soffice } from '../reliability/lib/soffice.ts';
import { toBytes } from './helpers.ts';

describe('number format codes', () => {
  it.each([
    ['0%', 'percent'], ['0.00%', 'percent'], ['#,##0.0%;[Red]-#,##0.0%', 'percent'],
    ['yyyy/m/d', 'date'], ['m/d', 'date'], ['mm-dd-yy', 'date'], ['h:mm', 'date'], ['[h]:mm:ss', 'date'],
    ['[$-804]yyyy"年"m"月"d"日"', 'date'], ['yyyy"年"m"月"', 'date'], ['AM/PM h:mm', 'date'], ['[DBNum1][$-804]m"月"d"日"', 'date'],
    ['General', null], ['0.00', null], ['#,##0', null], ['0.00E+00', null], ['"完成"0"次"', null], ['0.0"%"', null],
    ['@', null], ['[Red]0.00', null], ['_(* #,##0_)', null], ['¥#,##0.00', null], ['0\\%', null], ['[>=100]0;0.00', null],
  ])('%s → %s', (code, kind) => {
    expect(classifyNumberFormat(code)).toBe(kind);
  });

  it('knows the built-in ids, East Asian dates included', () => {
    expect([9, 10, 14, 22, 31, 57, 0, 2, 4, 49].map(classifyBuiltinFormat))
      .toEqual(['percent', 'percent', 'date', 'date', 'date', 'date', null, null, null, null]);
  });
});

/** A 考核表 whose targets and entries carry the formats Excel gives typed 90% and 3/3. */
function formattedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('苍溪县');
  ws.addRow(['类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成', '得分', '说明', '项目得分']);
  const rows: [string, number, string | number, string | null][] = [
    ['入团率', 0.9, '92%', '0%'],
    ['覆盖率', 0.9, 0.45, '0%'],
    ['配备率', 0.9, 0.95, '0%'],
    ['活动次数', 3, 41701, null],
  ];
  rows.forEach(([item, target, actual, fmt], i) => {
    const r = ws.addRow(['职能指标', item, 10, item, i === 2 ? '达标' : '比例', target, null, 10, null, actual]);
    if (fmt) r.getCell(6).numFmt = fmt;
    if (i === 2) r.getCell(10).numFmt = '0.0%';
    if (i === 3) r.getCell(10).numFmt = 'm/d';
  });
  return wb;
}

describe('percent and date formats through the xlsx host', async () => {
  const bytes = await toBytes(formattedWorkbook());

  it('hands the engine the formats of the styles part', () => {
    const [sheet] = openXlsx(bytes).readSheets();
    expect(sheet.formats?.[1]?.[5]).toBe('percent');
    expect(sheet.formats?.[3]?.[9]).toBe('percent');
    expect(sheet.formats?.[4]?.[9]).toBe('date');
    expect(sheet.formats?.[1]?.[9]).toBeUndefined();
  });

  const expectScores = (b: Uint8Array) => {
    const { result } = scoreXlsx(b);
    expect(result.rows.map((r) => [r.score, r.note])).toEqual([
      [10, '完成92%/90%（102.22%），得10分'],
      [5, '完成45%/90%（50%），得5分'],
      [10, '完成95%，目标不少于90%，达标，得10分'],
      [0, expect.stringContaining('日期')],
    ]);
    expect(result.issues.map((i) => [i.cell, i.code])).toEqual([['J5', 'actual-date']]);
  };

  it('scores a target formatted as 90% and refuses an entry turned into a date', () => {
    expectScores(bytes);
  });

  it('reads the same from the file as LibreOffice saves it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'formats-'));
    writeFileSync(path.join(dir, 'in.xlsx'), bytes);
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), path.join(dir, 'in.xlsx')], dir);
    expectScores(new Uint8Array(readFileSync(path.join(dir, 'lo', 'in.xlsx'))));
  });
});
