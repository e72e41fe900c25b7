// Contract version 2, part 2: the assessment as it is really run — 自评分, 加分 with 佐证, 一票否决 and 等次.
import { describe, expect, it } from 'vitest';
import { scoreWorkbook, type SheetInput } from '../../src/engine/index.ts';
import { applyToSheets, EXAMPLE_GRADES, gradeSheet, totalSheet, unitSheet, type RowV2 } from './v2helpers.ts';

const score = (...sheets: SheetInput[]) => scoreWorkbook({ sheets });
const row = (r: RowV2): RowV2 => ({ category: '职能指标', item: '测试项目', points: 10, weight: 10, ...r });
const grades = (r: ReturnType<typeof score>) => Object.fromEntries(r.units.map((u) => [u.unit, u.grade]));

describe('加分 (bonus)', () => {
  const bonusRows = (evidence: (string | null)[], claims: number[]): RowV2[] => claims.map((a, i) => ({
    category: '加分项目', item: '创先争优加分', points: i === 0 ? 3 : null, rule: '加分', weight: 2, actual: a, evidence: evidence[i],
  }));

  it('caps the bonus 项目 by its 分值, and the total may pass the other 分值 by it', () => {
    const r = score(unitSheet('甲县', [row({ rule: '评分', actual: 10 }), ...bonusRows(['表彰文件.pdf', '第3页'], [2, 2])]));
    expect(r.rows.map((x) => x.score)).toEqual([10, 2, 2]);
    expect(r.units[0].items[1]).toMatchObject({ item: '创先争优加分', points: 3, score: 3, bonus: true });
    expect(r.units[0].total).toBe(13);
    expect(r.units[0].fullMarks).toBe(10);
    expect(r.issues).toEqual([]);
  });

  it('gives nothing for a claim without evidence where the sheet has a 佐证材料 column, with a warning', () => {
    const r = score(unitSheet('甲县', bonusRows([null], [2])));
    expect(r.rows[0]).toMatchObject({ score: 0, status: 'scored', note: '申报加分2分，未提供佐证材料，不予加分' });
    expect(r.issues).toEqual([expect.objectContaining({ cell: 'L3', severity: 'warning', code: 'bonus-no-evidence' })]);
    expect(r.units[0].status).toBe('已完成');
  });

  it('gives the bonus where the sheet has no 佐证材料 column at all', () => {
    const r = score(unitSheet('甲县', bonusRows([null], [1.5]), ['evidence']));
    expect(r.rows[0]).toMatchObject({ score: 1.5, note: '加1.5分' });
  });

  it('takes a blank as no bonus, not as a missing report, and refuses a claim above the row’s cap', () => {
    const blank = score(unitSheet('甲县', bonusRows([null], [null as never])));
    expect(blank.rows[0]).toMatchObject({ score: 0, status: 'scored', note: '未申报加分' });
    expect(blank.units[0].missing).toBe(0);
    const over = score(unitSheet('甲县', bonusRows(['x'], [2.5])));
    expect(over.issues[0]).toMatchObject({ cell: 'J3', code: 'score-out-of-range', params: { what: '加分', max: '2' } });
  });

  it('leaves bonus rows out of the weights-against-分值 check', () => {
    expect(score(unitSheet('甲县', bonusRows(['a', 'b'], [1, 1]))).issues).toEqual([]);
  });
});

describe('一票否决 (veto)', () => {
  const veto = (actual: RowV2['actual']): RowV2 => ({ category: '否决事项', item: '一票否决', rule: '一票否决', content: '发生重大安全责任事故', actual });

  it('scores 0 either way, needs no 分值, and 是 sets 状态 一票否决 and the lowest grade even for the top total', () => {
    const r = score(totalSheet('甲县', 140, [veto('是')]), totalSheet('乙县', 130, [veto(null)]), totalSheet('丙县', 100, [veto('否')]),
      gradeSheet(EXAMPLE_GRADES));
    expect(r.issues).toEqual([]);
    const jia = r.units[0];
    expect(jia).toMatchObject({ total: 140, rank: 1, vetoed: true, status: '一票否决', grade: '较差' });
    expect(jia.items.map((i) => i.item)).toEqual(['综合']);
    expect(r.rows.filter((x) => x.rule === '一票否决').map((x) => x.note))
      .toEqual(['发生一票否决事项：等次为最低等次', '未发生一票否决事项', '未发生一票否决事项']);
    expect(grades(r)).toEqual({ 甲县: '较差', 乙县: '良好', 丙县: '一般' });
  });

  it('refuses an unreadable veto entry and leaves the grade pending', () => {
    const r = score(totalSheet('甲县', 140, [veto('不清楚')]), gradeSheet(EXAMPLE_GRADES));
    expect(r.issues[0]).toMatchObject({ cell: 'J4', code: 'veto-unreadable' });
    expect(r.units[0]).toMatchObject({ vetoed: false, grade: '待定' });
  });
});

describe('自评分 (self-score) and 核减', () => {
  const rows = (self: RowV2['selfScore'][]): RowV2[] => [
    row({ item: 'A', rule: '评分', actual: 8, selfScore: self[0] }),
    row({ item: 'B', points: 5, weight: 5, rule: '评分', actual: 5, selfScore: self[1] }),
  ];

  it('adds 自评总分 and 核减 to 汇总 where a unit typed 自评分, and changes no score', () => {
    const sheets = [unitSheet('甲县', rows([10, 5])), unitSheet('乙县', rows([null, null]))];
    const r = score(...sheets);
    expect(r.selfScores).toBe(true);
    expect(r.units[0]).toMatchObject({ total: 13, selfTotal: 15, cut: 2 });
    expect(r.units[0].items.map((i) => i.selfScore)).toEqual([10, 5]);
    expect(r.units[1]).toMatchObject({ total: 13, selfTotal: null, cut: null });
    expect(r.issues).toEqual([expect.objectContaining({ sheet: '乙县', code: 'self-score-incomplete', severity: 'warning', params: { unit: '乙县', missing: 2 } })]);
    const summary = applyToSheets(sheets, r.writes).find((s) => s.name === '汇总')!.grid;
    expect(summary[0].slice(-5)).toEqual(['总分', '排名', '自评总分', '核减', '状态']);
    expect(summary[1].slice(-5)).toEqual([13, 1, 15, 2, '已完成']);
    expect(summary[2].slice(-5)).toEqual([13, 1, null, null, '已完成']);
  });

  it('has no 自评总分 or 核减 columns when nobody typed a 自评分', () => {
    const r = score(unitSheet('甲县', rows([null, null])));
    expect(r.selfScores).toBe(false);
    expect(r.issues).toEqual([]);
  });

  it('checks 自评分 against 0..分值 and reads it only on the 项目’s first row', () => {
    const r = score(unitSheet('甲县', [
      row({ item: 'A', rule: '评分', actual: 8, selfScore: 12 }),
      row({ item: 'B', rule: '评分', actual: 8, selfScore: '好' }),
      row({ item: 'C', rule: '评分', weight: 5, actual: 5 }),
      row({ item: 'C', rule: '评分', weight: 5, actual: 5, selfScore: 10 }),
    ]));
    expect(r.issues.map((i) => [i.cell, i.code])).toEqual(expect.arrayContaining([
      ['K3', 'self-score-out-of-range'], ['K4', 'self-score-unreadable'], ['K6', 'self-score-not-first-row'],
    ]));
    expect(r.units[0]).toMatchObject({ total: 26, errors: 2, selfTotal: null });
  });
});

describe('等次 by bands and quotas', () => {
  const units = (totals: number[]) => totals.map((t, i) => totalSheet(`单位${i + 1}`, t));

  it('gives 优秀 to at most floor(8 × 30%) = 2 units', () => {
    const r = score(...units([149, 147, 140, 138, 130, 121, 95, 60]), gradeSheet(EXAMPLE_GRADES));
    expect(r.grades).toEqual(['优秀', '良好', '一般', '较差']);
    expect(r.units.map((u) => u.grade)).toEqual(['优秀', '优秀', '良好', '良好', '良好', '良好', '一般', '较差']);
  });

  it('moves units tied across the quota border down together, and closes the grade to units below them', () => {
    const r = score(...units([149, 140, 140, 136, 100, 90, 80, 70]), gradeSheet(EXAMPLE_GRADES));
    expect(r.units.map((u) => u.grade)).toEqual(['优秀', '良好', '良好', '良好', '一般', '一般', '较差', '较差']);
  });

  it('leaves a unit with an error pending, outside every quota', () => {
    const broken = unitSheet('单位2', [{ category: '职能指标', item: '综合', points: 150, rule: '评分', weight: 150, actual: 148 }, row({ item: 'X', rule: '比例', target: 0, actual: 1 })]);
    const sheets = units([149, 0, 147, 146, 120, 110, 100, 90]);
    sheets[1] = broken;
    const r = score(...sheets, gradeSheet(EXAMPLE_GRADES));
    expect(r.units.map((u) => u.grade)).toEqual(['优秀', '待定', '优秀', '良好', '良好', '一般', '一般', '一般']);
  });

  it('gives no grade to a total below every band, with a warning naming the unit', () => {
    const r = score(...units([140, 50]), gradeSheet([['优秀', 135, null], ['合格', 60, null]]));
    expect(r.units.map((u) => u.grade)).toEqual(['优秀', null]);
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: '单位2', code: 'grade-below-all', params: { unit: '单位2', total: '50' } }));
  });

  it('reads the quota as 30%, as 0.3 formatted as a percentage, and as 30', () => {
    for (const quota of ['30%', 30]) {
      expect(score(...units([149, 148, 147, 146]), gradeSheet([['优秀', 135, quota], ['良好', 0, null]])).units.map((u) => u.grade))
        .toEqual(['优秀', '良好', '良好', '良好']);
    }
    const formatted = gradeSheet([['优秀', 135, 0.5], ['良好', 0, null]]);
    formatted.formats = [[], [null, null, 'percent']];
    expect(score(...units([149, 148, 147, 146]), formatted).units.map((u) => u.grade)).toEqual(['优秀', '优秀', '良好', '良好']);
  });

  it('writes 等次 into 汇总 next to 排名', () => {
    const sheets = [...units([140, 100]), gradeSheet(EXAMPLE_GRADES)];
    const summary = applyToSheets(sheets, score(...sheets).writes).find((s) => s.name === '汇总')!.grid;
    expect(summary[0].slice(-4)).toEqual(['总分', '排名', '等次', '状态']);
    // floor(2 × 30%) = 0: with two units nobody can be 优秀.
    expect(summary[1].slice(-4)).toEqual([140, 1, '良好', '已完成']);
    expect(summary[2].slice(-4)).toEqual([100, 2, '一般', '已完成']);
  });

  it('grades nobody on a table with an error: every unit pending and the error named', () => {
    const r = score(...units([140, 100]), gradeSheet([['优秀', '高', '30%'], ['良好', 0, null]]));
    expect(r.units.map((u) => u.grade)).toEqual(['待定', '待定']);
    expect(r.issues.map((i) => i.code)).toEqual(['grade-minimum-unreadable', 'grades-invalid']);
    expect(r.grades).toBeNull();
  });

  it('refuses two grades with the same lowest total, and a quota over 100%', () => {
    expect(score(...units([140]), gradeSheet([['优秀', 120, null], ['良好', 120, null]])).issues[0].code).toBe('grade-duplicate');
    expect(score(...units([140]), gradeSheet([['优秀', 120, '120%']])).issues[0].code).toBe('grade-quota-unreadable');
  });
});
