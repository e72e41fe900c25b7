import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../../src/engine/index.ts';
import { sheet, REGISTER_HEADER, type RowSpec } from './helpers.ts';

/** Scores one row inside a one-项目 sheet and returns its result and the issues. */
function one(row: RowSpec, points: number | string = 10, extra: { register?: unknown[][] } = {}) {
  const grid = sheet([{ category: '职能指标', item: '测试项目', points, ...row }]);
  const sheets = [{ name: '测试县', grid }];
  if (extra.register) sheets.push({ name: '案件台账', grid: extra.register as never });
  const r = scoreWorkbook({ sheets });
  return { row: r.rows[0], issues: r.issues, unit: r.units[0], result: r };
}

describe('比例 (proportional)', () => {
  it('scores w × a / t and explains it as an assessor would', () => {
    const { row } = one({ rule: '比例', target: 19, measure: '名', weight: 3, actual: 17 });
    expect(row.score).toBe(2.68);
    expect(row.note).toBe('完成17/19名（89.47%），得2.68分');
  });
  it('caps at the weight when the target is exceeded', () => {
    expect(one({ rule: '比例', target: 19, measure: '名', weight: 3, actual: 25 }).row.score).toBe(3);
  });
  it('gives 0 for 0 achieved', () => {
    expect(one({ rule: '比例', target: 19, weight: 3, actual: 0 }).row.score).toBe(0);
  });
  it('rounds 3 × 67 / 200 = 1.005 half away from zero to 1.01', () => {
    expect(one({ rule: '比例', target: 200, weight: 3, actual: 67 }).row.score).toBe(1.01);
  });
  it('refuses a target of 0 or below, naming the target cell', () => {
    const { row, issues } = one({ rule: '比例', target: 0, weight: 3, actual: 5 });
    expect(row.status).toBe('error');
    expect(row.score).toBe(0);
    expect(issues[0]).toMatchObject({ sheet: '测试县', cell: 'F3', severity: 'error' });
    expect(issues[0].message).toContain('大于0');
  });
  it('refuses a missing target', () => {
    const { issues } = one({ rule: '比例', weight: 3, actual: 5 });
    expect(issues[0]).toMatchObject({ cell: 'F3', message: expect.stringContaining('缺少目标值') });
  });
  it('takes only the default ≥ form', () => {
    const { issues } = one({ rule: '比例', target: '不超过5', weight: 3, actual: 5 });
    expect(issues[0]).toMatchObject({ cell: 'F3', message: expect.stringContaining('不少于') });
  });
  it('treats 90 and 0.9 alike on a % row', () => {
    const a = one({ rule: '比例', target: 90, measure: '%', weight: 2, actual: 0.9 }).row;
    const b = one({ rule: '比例', target: '90%', measure: '%', weight: 2, actual: '90%' }).row;
    const c = one({ rule: '比例', target: 0.9, measure: '%', weight: 2, actual: 81 }).row;
    expect(a.score).toBe(2);
    expect(b.score).toBe(2);
    expect(c.score).toBe(1.8);
  });
});

describe('达标 (threshold)', () => {
  it('gives w when a number meets the target, else 0', () => {
    expect(one({ rule: '达标', target: 3, measure: '次', weight: 2, actual: 3 }).row.score).toBe(2);
    const miss = one({ rule: '达标', target: 3, measure: '次', weight: 2, actual: 2 }).row;
    expect(miss.score).toBe(0);
    expect(miss.note).toBe('完成2次，目标不少于3次，未达标，得0分');
  });
  it('honours every comparator word, inclusive and exclusive', () => {
    const cases: [string, number, number][] = [
      ['≥3', 3, 2], ['>=3', 2, 0], ['不少于3', 3, 2], ['不低于3', 3, 2], ['达到3', 3, 2], ['3以上', 3, 2], ['至少3', 3, 2],
      ['≤3', 3, 2], ['<=3', 4, 0], ['不超过3', 3, 2], ['3以内', 3, 2],
      ['<3', 3, 0], ['<3', 2, 2], ['低于3', 3, 0], ['少于3', 2, 2],
      ['>3', 3, 0], ['>3', 4, 2], ['超过3', 3, 0],
    ];
    for (const [target, actual, want] of cases) {
      expect(one({ rule: '达标', target, weight: 2, actual }).row.score, `${target} vs ${actual}`).toBe(want);
    }
  });
  it('reads 是/否 against 是 in all spellings', () => {
    for (const yes of ['是', '完成', '已完成', '√', '✓', 'Y', 'yes', 'TRUE', true]) {
      expect(one({ rule: '达标', target: '是', weight: 2, actual: yes }).row.score, String(yes)).toBe(2);
    }
    for (const no of ['否', '未完成', '×', '✗', 'N', 'no', 'false', false]) {
      expect(one({ rule: '达标', target: '是', weight: 2, actual: no }).row.score, String(no)).toBe(0);
    }
  });
  it('refuses an answer that is neither yes nor no', () => {
    const { issues } = one({ rule: '达标', target: '是', weight: 2, actual: '差不多' });
    expect(issues[0]).toMatchObject({ cell: 'J3', message: expect.stringContaining('是”或“否') });
  });
});

describe('差额扣分 (shortfall)', () => {
  it('deducts the rate per unit short and never goes below 0', () => {
    expect(one({ rule: '差额扣分', target: 10, weight: 3, rate: 0.5, actual: 8 }).row.score).toBe(2);
    expect(one({ rule: '差额扣分', target: 10, weight: 3, rate: 0.5, actual: 12 }).row.score).toBe(3);
    expect(one({ rule: '差额扣分', target: 10, weight: 3, rate: 0.5, actual: 0 }).row.score).toBe(0);
    expect(one({ rule: '差额扣分', target: 10, weight: 3, rate: '每少2人扣1分', actual: 9 }).row.score).toBe(2.5);
  });
  it('needs a rate', () => {
    const { issues } = one({ rule: '差额扣分', target: 10, weight: 3, actual: 8 });
    expect(issues[0]).toMatchObject({ cell: 'I3', message: expect.stringContaining('扣分标准') });
  });
});

describe('评分 and 扣分 (manual, deduction)', () => {
  it('takes a manual score within 0..w', () => {
    expect(one({ rule: '评分', weight: 15, actual: 13.5 }).row.score).toBe(13.5);
    expect(one({ rule: '评分', weight: 15, actual: 15 }).row.score).toBe(15);
    expect(one({ rule: '评分', weight: 15, actual: 0 }).row.score).toBe(0);
  });
  it('refuses a manual score outside 0..w', () => {
    for (const bad of [15.5, -1]) {
      const { issues, row } = one({ rule: '评分', weight: 15, actual: bad });
      expect(row.status).toBe('error');
      expect(issues[0]).toMatchObject({ cell: 'J3', message: expect.stringContaining('0到15分') });
    }
  });
  it('scores a deduction as negative and a blank as none', () => {
    expect(one({ rule: '扣分', weight: 1, actual: 0.5 }).row.score).toBe(-0.5);
    const blank = one({ rule: '扣分', weight: 1 });
    expect(blank.row).toMatchObject({ score: 0, status: 'scored', note: '未扣分' });
    expect(blank.unit.missing).toBe(0);
  });
  it('refuses a deduction above its cap', () => {
    const { issues } = one({ rule: '扣分', weight: 1, actual: 2 });
    expect(issues[0].cell).toBe('J3');
  });
});

describe('按件扣分 (per case)', () => {
  const reg = (cases: [string, string | null, string][]) => [REGISTER_HEADER, ...cases.map(([u, i, l]) => [u, i, l])];
  it('deducts 0.5 per 严重 and 1 per 特别重大, capped at w: 3 + 4 cases deduct 5, not 5.5', () => {
    const cases: [string, string | null, string][] = [
      ...Array.from({ length: 3 }, (): [string, null, string] => ['测试县', null, '严重']),
      ...Array.from({ length: 4 }, (): [string, null, string] => ['测试县', null, '特别重大']),
    ];
    const { row, result } = one({ rule: '按件扣分', weight: 5, rate: '0.5/1' }, 10, { register: reg(cases) });
    expect(row.score).toBe(-5);
    expect(row.note).toBe('严重3起、特别重大4起，应扣5.5分，按上限扣5分');
    const deductions = result.writes.filter((w) => w.sheet === '案件台账' && w.col === 5).map((w) => w.value);
    expect(deductions).toEqual([0.5, 0.5, 0.5, 1, 1, 1, 1]);
  });
  it('uses the default rates 0.5/1 when 扣分标准 is blank', () => {
    const { row } = one({ rule: '按件扣分', weight: 5 }, 10, { register: reg([['测试县', null, '特别重大'], ['测试县', null, '严重']]) });
    expect(row.score).toBe(-1.5);
    expect(row.note).toBe('严重1起、特别重大1起，扣1.5分');
  });
  it('takes only the cases of its unit and, where named, of its 项目', () => {
    const { row } = one({ rule: '按件扣分', weight: 5 }, 10, {
      register: reg([['测试县', '测试项目', '严重'], ['测试县', '别的项目', '严重'], ['他县', null, '严重']]),
    });
    expect(row.score).toBe(-0.5);
  });
  it('reads no 实际完成 and says when there are no cases', () => {
    const { row, unit } = one({ rule: '按件扣分', weight: 5 }, 10, { register: [REGISTER_HEADER] });
    expect(row).toMatchObject({ score: 0, note: '无案件，未扣分' });
    expect(unit.status).toBe('已完成');
  });
  it('is an error without a 案件台账', () => {
    const { issues, row } = one({ rule: '按件扣分', weight: 5 });
    expect(row.status).toBe('error');
    expect(issues[0]).toMatchObject({ cell: 'E3', message: expect.stringContaining('案件台账') });
  });
  it('reports cases of an unknown unit or level at their cells', () => {
    const { issues, unit } = one({ rule: '按件扣分', weight: 5 }, 10, {
      register: reg([['火星县', null, '严重'], ['测试县', null, '一般']]),
    });
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['案件台账!A2', '案件台账!C3']);
    expect(unit.status).toContain('有错误');
  });
});

describe('项目 subtotals', () => {
  it('clamps Σ positive − Σ deductions to 0..分值', () => {
    const grid = sheet([
      { category: '职能指标', item: 'A', points: 10, rule: '评分', weight: 10, actual: 9 },
      { rule: '扣分', weight: 5, actual: 3 },
      { category: '职能指标', item: 'B', points: 4, rule: '评分', weight: 4, actual: 1 },
      { rule: '扣分', weight: 5, actual: 3 },
    ]);
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid }] });
    expect(r.units[0].items.map((i) => i.score)).toEqual([6, 0]);
  });
  it('scores a 项目 without a positive row by deduction: 保障指标 15 with 25 rows of w = 1', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      ...(i === 0 ? { category: '保障指标', item: '保障指标', points: 15 } : {}),
      rule: '扣分', weight: 1, actual: i < 3 ? 1 : null,
    }));
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid: sheet(rows) }] });
    expect(r.units[0].items[0]).toMatchObject({ item: '保障指标', points: 15, score: 12 });
    const all = Array.from({ length: 25 }, (_, i) => ({ ...rows[i], actual: 1 }));
    expect(scoreWorkbook({ sheets: [{ name: '甲', grid: sheet(all) }] }).units[0].total).toBe(0);
  });
  it('warns when the positive weights do not add up to 分值, and still caps', () => {
    const grid = sheet([
      { category: '职能指标', item: 'A', points: 5, rule: '评分', weight: 4, actual: 4 },
      { rule: '评分', weight: 4, actual: 4 },
    ]);
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid }] });
    expect(r.units[0].total).toBe(5);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', cell: 'C3', message: expect.stringContaining('相差3分') })]);
  });
  it('sums category subtotals and the total exactly: 0.1 + 0.2 is 0.3', () => {
    const grid = sheet([
      { category: '职能指标', item: 'A', points: 1, rule: '评分', weight: 1, actual: 0.1 },
      { category: '职能指标', item: 'B', points: 1, rule: '评分', weight: 1, actual: 0.2 },
    ]);
    const u = scoreWorkbook({ sheets: [{ name: '甲', grid }] }).units[0];
    expect(u.subtotals['职能指标']).toBe(0.3);
    expect(u.total).toBe(0.3);
  });
  it('rounds each row first and sums exactly after', () => {
    // 1/3 of 1 point three times: each row 0.33, the 项目 0.99 (not 1).
    const rows = [0, 1, 2].map((i) => ({
      ...(i === 0 ? { category: '职能指标', item: 'A', points: 3 } : {}), rule: '比例', target: 3, weight: 1, actual: 1,
    }));
    expect(scoreWorkbook({ sheets: [{ name: '甲', grid: sheet(rows) }] }).units[0].total).toBe(0.99);
  });
  it('is an error when a 项目 has no 分值', () => {
    const r = scoreWorkbook({ sheets: [{ name: '甲', grid: sheet([{ category: '职能指标', item: 'A', rule: '评分', weight: 1, actual: 1 }]) }] });
    expect(r.issues[0]).toMatchObject({ cell: 'C3', severity: 'error', message: expect.stringContaining('缺少分值') });
    expect(r.units[0].status).toContain('有错误');
  });
});

describe('every error kind names its sheet and cell, scores 0 and marks the unit 有错误', () => {
  const cases: [string, RowSpec, string, RegExp][] = [
    ['unreadable actual', { rule: '比例', target: 10, weight: 2, actual: '二十余' }, 'J3', /无法识别/],
    ['negative actual', { rule: '比例', target: 10, weight: 2, actual: -3 }, 'J3', /不能为负数/],
    ['manual score outside 0..w', { rule: '评分', weight: 2, actual: 3 }, 'J3', /0到2分/],
    ['deduction outside 0..w', { rule: '扣分', weight: 1, actual: -0.5 }, 'J3', /0到1分/],
    ['missing target for 比例', { rule: '比例', weight: 2, actual: 3 }, 'F3', /缺少目标值/],
    ['non-positive target for 比例', { rule: '比例', target: -1, weight: 2, actual: 3 }, 'F3', /大于0/],
    ['unknown rule word', { rule: '打分', weight: 2, actual: 3 }, 'E3', /无法识别的计分方式/],
    ['按件扣分 without a register', { rule: '按件扣分', weight: 5 }, 'E3', /案件台账/],
    ['missing weight on a positive row', { rule: '评分', actual: 1 }, 'H3', /缺少细项分值/],
  ];
  it.each(cases)('%s', (_what, row, cell, message) => {
    const { row: r, issues, unit } = one(row);
    expect(r.status).toBe('error');
    expect(r.score).toBe(0);
    expect(r.note).toMatch(new RegExp(`^错误（${cell}）：`));
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ sheet: '测试县', cell, message: expect.stringMatching(message) })]);
    expect(unit.status).toMatch(/^有错误（1处）/);
  });

  it('a 项目 without 分值, and a register case of an unknown unit or level', () => {
    const noPoints = scoreWorkbook({ sheets: [{ name: '甲', grid: sheet([{ category: '职能指标', item: 'A', rule: '评分', weight: 1, actual: 1 }]) }] });
    expect(noPoints.issues[0]).toMatchObject({ sheet: '甲', cell: 'C3', severity: 'error' });
    const reg = scoreWorkbook({
      sheets: [
        { name: '甲', grid: sheet([{ category: '职能指标', item: 'A', points: 5, rule: '按件扣分', weight: 5 }]) },
        { name: '案件台账', grid: [REGISTER_HEADER, ['乙', null, '严重'], ['甲', null, '较大']] },
      ],
    });
    expect(reg.issues.map((i) => [i.sheet, i.cell, i.severity])).toEqual([['案件台账', 'A2', 'error'], ['案件台账', 'C3', 'error']]);
  });
});
