import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type CellWrite, type Grid } from '../../src/engine/index.ts';
import { rankTotals } from '../../src/engine/subtotals.ts';
import { sheet, type RowSpec } from './helpers.ts';

function applyWrites(grids: Record<string, Grid>, writes: CellWrite[]): Record<string, Grid> {
  const out: Record<string, Grid> = {};
  for (const [k, g] of Object.entries(grids)) out[k] = g.map((r) => (r ? [...r] : []));
  for (const w of writes) {
    const g = (out[w.sheet] ??= []);
    while (g.length <= w.row) g.push([]);
    const row = (g[w.row] ??= []);
    while (row.length <= w.col) row.push(null);
    row[w.col] = w.value;
  }
  return out;
}

const toSheets = (grids: Record<string, Grid>) => Object.entries(grids).map(([name, grid]) => ({ name, grid }));

describe('finding sheets by their header', () => {
  it('accepts aliases, English headers, full-width and spaced headers, and a title above', () => {
    const grid: Grid = [
      ['共青团甲县委2014年度目标绩效指标'],
      [],
      ['一级指标', '二级指标', '项目分值', '指标内容', '计分方法', '目标', '单位名称', '细项分', 'Deduction Rate', '完成情况'],
      ['职能指标', '服务青年', 4, '见习', '比例', 45, '人', 4, null, 45],
    ];
    const en: Grid = [
      ['Category', 'Item', 'Points', 'Content', 'RULE', 'Target', 'Measure', 'Weight', 'Rate', 'Actual', 'Score', 'Note', 'Subtotal'],
      ['A', 'B', 2, 'x', 'threshold', '是', null, 2, null, 'yes'],
    ];
    const spaced: Grid = [[' 计 分 方 式 ', '实际完成（单位填写）', '细项分值', '分值', '项目'], ['评分', 3, 3, 3, 'Q']];
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid }, { name: 'B', grid: en }, { name: '丙', grid: spaced }] });
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['甲', 4], ['B', 2], ['丙', 3]]);
    expect(r.issues).toEqual([]);
  });

  it('ignores sheets without the required headers and a header below row 20', () => {
    const late: Grid = [...Array.from({ length: 20 }, () => ['注']), ['计分方式', '实际完成']];
    const r = scoreWorkbook({ sheets: [{ name: '说明', grid: [['填报说明']] }, { name: '迟', grid: late }, { name: '甲', grid: sheet([{ item: 'A', points: 1, rule: '评分', weight: 1, actual: 1 }]) }] });
    expect(r.units.map((u) => u.unit)).toEqual(['甲']);
  });

  it('says so when no sheet is a 考核表, and writes nothing', () => {
    const r = scoreWorkbook({ sheets: [{ name: 'Sheet1', grid: [['a', 'b']] }] });
    expect(r.units).toEqual([]);
    expect(r.writes).toEqual([]);
    expect(r.issues[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('没有找到考核表') });
  });
});

describe('blocks, merged cells and headings', () => {
  const rows: RowSpec[] = [
    { category: '职能指标（70分）', item: '服务党政中心', points: 4, content: '1.大比武', rule: '比例', target: 3, weight: 2, actual: 3 },
    { content: '2.志愿者', rule: '比例', target: 19, weight: 2, actual: 19 },
    {},
    { content: '以下为说明文字，不计分' },
    { item: '思想引导', points: 2, rule: '达标', target: '是', weight: 2, actual: '是' },
    { category: '重点工作（50分）', points: 15, content: '留守学生', rule: '评分', weight: 15, actual: 10 },
    { points: 10, content: '重点青少年', rule: '评分', weight: 10, actual: 9 },
    { category: '保障指标', points: 15, content: '深化改革', rule: '扣分', weight: 1, actual: 1 },
    { content: '统筹城乡', rule: '扣分', weight: 1 },
  ];
  const r = scoreWorkbook({ sheets: [{ name: '甲', grid: sheet(rows) }] });

  it('fills blank 类别, 项目 and 分值 from above and strips the group total from the 类别 name', () => {
    expect(r.units[0].items.map(({ category, item, points, score }) => ({ category, item, points, score }))).toEqual([
      { category: '职能指标', item: '服务党政中心', points: 4, score: 4 },
      { category: '职能指标', item: '思想引导', points: 2, score: 2 },
      { category: '重点工作', item: '重点工作1', points: 15, score: 10 },
      { category: '重点工作', item: '重点工作2', points: 10, score: 9 },
      { category: '保障指标', item: '保障指标', points: 15, score: 14 },
    ]);
    expect(r.units[0].subtotals).toEqual({ 职能指标: 6, 重点工作: 19, 保障指标: 14 });
    expect(r.units[0].total).toBe(39);
  });

  it('skips spacers and does not score headings', () => {
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 6, 7, 8, 9, 10]);
  });

  it('writes 得分 and 说明 on scored rows and 项目得分 on each 项目 first row', () => {
    const at = (sheetName: string, row: number, col: number) =>
      r.writes.filter((w) => w.sheet === sheetName && w.row === row && w.col === col).map((w) => w.value);
    expect(at('甲', 2, 10)).toEqual([2]);
    expect(at('甲', 2, 11)).toEqual(['完成3/3（100%），得2分']);
    expect(at('甲', 2, 12)).toEqual([4]);
    expect(at('甲', 3, 12)).toEqual([]);
    expect(at('甲', 5, 10)).toEqual([]); // the heading row
    expect(r.writes.filter((w) => w.numberFormat === '0.00' && typeof w.value !== 'number')).toEqual([]);
  });
});

describe('output columns and idempotency', () => {
  it('adds missing output columns right of the table, header included', () => {
    const grid: Grid = [['项目', '分值', '计分方式', '细项分值', '实际完成', '备注'], ['A', 2, '评分', 2, 1.5, '自评']];
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid }] });
    const header = r.writes.filter((w) => w.sheet === '甲' && w.row === 0).map((w) => [w.col, w.value]);
    expect(header).toEqual([[6, '得分'], [7, '说明'], [8, '项目得分']]);
  });

  it('a second run over its own output changes nothing', () => {
    const grids: Record<string, Grid> = {
      甲: sheet([{ category: '职能指标', item: 'A', points: 3, rule: '比例', target: 200, weight: 3, actual: 67 }]),
      乙: sheet([{ category: '职能指标', item: 'A', points: 3, rule: '比例', target: 200, weight: 3, actual: 100 }]),
      案件台账: [['单位', '等级'], ['甲', '严重']],
    };
    const first = scoreWorkbook({ sheets: toSheets(grids) });
    const once = applyWrites(grids, first.writes);
    const second = scoreWorkbook({ sheets: toSheets(once) });
    expect(second.newSheets).toEqual([]);
    const twice = applyWrites(once, second.writes);
    expect(twice).toEqual(once);
    expect(second.units).toEqual(first.units);
  });

  it('owns 汇总 whole: clears stale rows of a unit that is gone and anything else left in the sheet', () => {
    const grids: Record<string, Grid> = {
      甲: sheet([{ item: 'A', points: 3, rule: '评分', weight: 3, actual: 2 }]),
      汇总: [
        ['单位', 'A', '未分类小计', '总分', '排名', '状态', null, '备注：手写'],
        ['甲', 1, 1, 1, 1, '已完成'],
        ['旧单位', 2, 2, 2, 1, '已完成'],
      ],
    };
    const r = scoreWorkbook({ sheets: toSheets(grids) });
    const out = applyWrites(grids, r.writes).汇总;
    expect(out[1].slice(0, 6)).toEqual(['甲', 2, 2, 2, 1, '已完成']);
    expect(out[2].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(out[0][7]).toBeNull();
  });
});

describe('汇总, ranks and status', () => {
  it('ranks as RANK does: equal totals share a rank and the next skips (1, 2, 2, 4)', () => {
    expect(rankTotals([9000, 8000, 8000, 7000])).toEqual([1, 2, 2, 4]);
    expect(rankTotals([5, 10, 5, 1])).toEqual([2, 1, 2, 4]);
  });

  it('writes one row per unit in sheet order with blanks for 项目 a unit lacks', () => {
    const grids: Record<string, Grid> = {
      乙: sheet([{ category: '职能指标', item: 'A', points: 3, rule: '评分', weight: 3, actual: 3 }]),
      甲: sheet([
        { category: '职能指标', item: 'A', points: 3, rule: '评分', weight: 3, actual: 2 },
        { category: '重点工作', item: 'B', points: 5, rule: '评分', weight: 5, actual: 1 },
      ]),
      丙: sheet([{ category: '职能指标', item: 'A', points: 3, rule: '评分', weight: 3, actual: 3 }]),
    };
    const r = scoreWorkbook({ sheets: toSheets(grids) });
    expect(r.newSheets).toEqual(['汇总']);
    const s = applyWrites({}, r.writes).汇总;
    expect(s).toEqual([
      ['单位', 'A', 'B', '职能指标小计', '重点工作小计', '总分', '排名', '状态'],
      ['乙', 3, null, 3, null, 3, 1, '已完成'],
      ['甲', 2, 1, 2, 1, 3, 1, '已完成'],
      ['丙', 3, null, 3, null, 3, 1, '已完成'],
    ]);
  });

  it('counts missing rows and errors in 状态, and one bad cell does not stop the rest', () => {
    const grid = sheet([
      { category: '职能指标', item: 'A', points: 6, rule: '比例', target: 2, weight: 2, actual: null },
      { rule: '比例', target: 2, weight: 2, actual: '两个左右' },
      { rule: '比例', target: 2, weight: 2, actual: '两个' },
      { rule: '按年计', weight: 2, actual: 1 },
    ]);
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid }] });
    expect(r.rows.map((x) => [x.status, x.score])).toEqual([['missing', 0], ['error', 0], ['scored', 2], ['error', 0]]);
    expect(r.rows[0].note).toBe('未填报');
    expect(r.units[0]).toMatchObject({ total: 2, missing: 1, errors: 2, status: '有错误（2处），未填报1项' });
    expect(r.issues.map((i) => i.cell)).toEqual(['J4', 'E6']);
    expect(r.rows[1].note).toMatch(/^错误（J4）：实际完成“两个左右”/);
  });
});

describe('the 汇总 sheet is found by its name only', () => {
  it('treats “ 汇 总 ” and full-width forms as 汇总, but not 汇总(2) or 汇总表', async () => {
    const { isSummarySheet } = await import('../../src/engine/headers.ts');
    expect([' 汇 总 ', '汇总', '汇总\u3000'].map(isSummarySheet)).toEqual([true, true, true]);
    expect(['汇总(2)', '汇总（旧）', '汇总表'].map(isSummarySheet)).toEqual([false, false, false]);
  });
});
