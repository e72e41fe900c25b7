import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFromGrids, importFromText, isRawIndicatorTable, readRawTables } from '../../src/import/index';
import type { ImportedWorkbook } from '../../src/import/model';
import { openXlsx } from '../../src/xlsx/index';
import { buildRawXlsx, seedAsSheets } from './rawXlsx';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seed = readFileSync(here('../../workbook-templates/seed/guangyuan-2014.txt'), 'utf8');
const fromText = importFromText(seed).workbook;
const withoutSource = (wb: ImportedWorkbook) => ({ ...wb, units: wb.units.map(({ source: _s, ...u }) => u) });

describe('importFromGrids on the seed laid out as an Excel sheet', () => {
  it.each(['stacked', 'perSheet'] as const)('reads the same units and rows as the text (%s)', async (layout) => {
    const sheets = openXlsx(await buildRawXlsx(seedAsSheets(seed, layout))).readSheets();
    expect(sheets.length).toBe(layout === 'stacked' ? 1 : 9);
    const { workbook } = importFromGrids(sheets);
    expect(withoutSource(workbook)).toEqual(withoutSource(fromText));
  });
});

describe('isRawIndicatorTable', () => {
  it('accepts 类别 | 内容 | 分值 under a title, with the 类别 header merged over two columns', () => {
    expect(isRawIndicatorTable([['共青团苍溪县委2014年度目标绩效指标'], ['类别', null, '内容', '分值']])).toBe(true);
    expect(isRawIndicatorTable([['一级指标', '二级指标', '考核内容', '分值']])).toBe(true);
    expect(isRawIndicatorTable([[' 类 别 ', '项目', '指标内容', '分值（分）']])).toBe(true);
  });

  it('refuses a 考核表, a 汇总 and anything else', () => {
    expect(isRawIndicatorTable([['类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成']])).toBe(false);
    expect(isRawIndicatorTable([['单位', '服务党政中心', '总分', '排名', '状态']])).toBe(false);
    expect(isRawIndicatorTable([])).toBe(false);
    expect(isRawIndicatorTable([['内容', '分值']])).toBe(false);
  });
});

describe('readRawTables', () => {
  it('takes each table’s title from the lone cell above its header and stops at the next title', () => {
    const grid = [
      ['甲县2015年度目标绩效指标'],
      ['类别', null, '内容', '分值'],
      ['职能指标（10分）', '服务', '1.培训志愿者20名。', 10],
      [null, null, null, null],
      ['乙县2015年度目标绩效指标'],
      ['类别', null, '内容', '分值'],
      ['职能指标（10分）', '服务', '1.培训志愿者30名。', 10],
    ];
    const tables = readRawTables({ name: 'Sheet1', grid });
    expect(tables.map((t) => [t.title, t.rows.length])).toEqual([['甲县2015年度目标绩效指标', 1], ['乙县2015年度目标绩效指标', 1]]);
    expect(tables[1].rows[0]).toEqual({ category: '职能指标（10分）', item: '服务', content: '1.培训志愿者30名。', points: '10', at: 'Sheet1!C7',
      cells: { category: 'Sheet1!A7', item: 'Sheet1!B7', points: 'Sheet1!D7' },
    });
    const { workbook } = importFromGrids([{ name: 'Sheet1', grid }]);
    expect(workbook.units.map((u) => [u.unit, u.rows[0].target])).toEqual([['甲县', 20], ['乙县', 30]]);
  });

  it('names a table without a title after its sheet, and reads items one per row with their own 分值', () => {
    const grid = [
      ['类别', '项目', '内容', '分值'],
      ['职能指标', '服务青年', '1.培训青年100人。', 4],
      [null, null, '2.举办招聘会2场。', 6],
      [null, '自身建设', '按期换届。', 5],
    ];
    const { workbook } = importFromGrids([{ name: '苍溪县', grid }]);
    expect(workbook.units.map((u) => u.unit)).toEqual(['苍溪县']);
    expect(workbook.units[0].rows.map((r) => [r.item, r.points, r.target, r.weight])).toEqual([
      ['服务青年', 10, 100, 4],
      ['服务青年', 10, 2, 6],
      ['自身建设', 5, '是', 5],
    ]);
    expect(workbook.units[0].title).toBe('苍溪县');
  });

  it('names a table whose title names no unit after its sheet', () => {
    const grid = [['2015年度目标绩效指标'], ['类别', '项目', '内容', '分值'], ['职能指标', '服务', '培训青年100人。', 5]];
    const { workbook } = importFromGrids([{ name: '旺苍县', grid }]);
    expect(workbook.units.map((u) => [u.unit, u.title])).toEqual([['旺苍县', '2015年度目标绩效指标']]);
  });

  it('passes over 考核表 and other sheets', () => {
    const { workbook } = importFromGrids([
      { name: '填报说明', grid: [['填报说明'], ['一、工作簿构成']] },
      { name: '苍溪县', grid: [['类别', '项目', '分值', '考核内容', '计分方式', '目标值', '实际完成']] },
    ]);
    expect(workbook.units).toEqual([]);
    expect(workbook.warnings[0]).toMatch(/没有找到指标表/);
  });

  it('warns, flags and still imports where the shared 保障指标 table is missing', () => {
    const grid = [
      ['类别', null, '内容', '分值'],
      ['保障指标（15分）', null, '见保障指标（实行扣分制）', 15],
    ];
    const { workbook, review } = importFromGrids([{ name: '甲县', grid }]);
    expect(workbook.warnings).toEqual(['甲县：找不到“保障指标”表，保障指标按一个扣分行处理。']);
    expect(review.map((r) => [r.rule, r.weight, r.flagged])).toEqual([['扣分', 15, true]]);
  });

  it('warns where a group’s total does not add up, and where a 分值 is unreadable', () => {
    const grid = [
      ['类别', null, '内容', '分值'],
      ['职能指标（70分）', '服务', '1.培训志愿者20名。', 10],
      [null, '维权', '1.开展活动3次。', '约十分'],
    ];
    const { workbook } = importFromGrids([{ name: '甲县', grid }]);
    expect(workbook.warnings).toEqual([
      '甲县：甲县!D3 分值“约十分”无法识别，该行未读入。',
      '甲县：职能指标标明 70 分，但各项目分值合计 10 分。',
    ]);
  });
});

describe('importFromText with cells copied from Excel (tab-separated)', () => {
  it('reads quoted multi-line cells', () => {
    const text = [
      '丙县2015年度目标绩效指标',
      '类别\t项目\t内容\t分值',
      '"职能指标\n（20分）"\t服务青年\t"1.培训青年100人。\n2.举办招聘会不少于2场。"\t10',
      '\t自身建设\t"1.按期换届。"\t10',
    ].join('\r\n');
    const { workbook } = importFromText(text);
    expect(workbook.units.map((u) => u.unit)).toEqual(['丙县']);
    expect(workbook.units[0].rows.map((r) => [r.category, r.item, r.target, r.weight])).toEqual([
      ['职能指标', '服务青年', 100, 5],
      ['职能指标', '服务青年', 2, 5],
      ['职能指标', '自身建设', '是', 10],
    ]);
    expect(workbook.warnings).toEqual([]);
  });
});
