// Contract version 2, part 1: never wrong in silence. Sheets are never skipped unannounced, 汇总 is owned whole,
// percent and date formats count, implausible entries are flagged, near register names count against the unit,
// and 考核意见 is quoted, never written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueText, scoreWorkbook, statusText, type SheetInput } from '../../src/engine/index.ts';
import { jsonReport } from '../../src/cli/report.ts';
import { applyToSheets, changingWrites, COL_V2, totalSheet, unitSheet, type RowV2 } from './v2helpers.ts';
import { propertyRuns } from '../propertyRuns';

const row = (r: RowV2): RowV2 => ({ category: '职能指标', item: '测试项目', points: 10, weight: 10, ...r });
const score = (...sheets: SheetInput[]) => scoreWorkbook({ sheets });
const summaryOf = (sheets: SheetInput[], r = score(...sheets)) =>
  applyToSheets(sheets, r.writes).find((s) => s.name === '汇总')!.grid;

describe('a sheet that looks like a 考核表 is never skipped in silence', () => {
  const good = totalSheet('苍溪县', 120);
  const edited = unitSheet('旺苍县', [row({ rule: '评分', actual: 8 })]);
  edited.grid[1][COL_V2.actual] = '实际完成情况';

  it('reports a 考核表 whose 实际完成 header was edited, and lists the unit as 无法计分 without total or rank', () => {
    const r = score(good, edited);
    const unit = r.units.find((u) => u.unit === '旺苍县')!;
    expect(unit).toMatchObject({ total: null, rank: null, unscorable: true, status: '无法计分', errors: 1 });
    const issue = r.issues.find((i) => i.code === 'sheet-missing-header')!;
    expect(issue).toMatchObject({ sheet: '旺苍县', cell: 'E2', severity: 'error', params: { near: '实际完成情况', header: '实际完成' } });
    expect(issue.message).toContain('实际完成情况');
    expect(issueText(issue, 'en')).toContain('实际完成情况');
    expect(r.units.find((u) => u.unit === '苍溪县')).toMatchObject({ total: 120, rank: 1 });
    const summary = summaryOf([good, edited], r);
    const line = summary.find((l) => l[0] === '旺苍县')!;
    const header = summary[0];
    expect(line[header.indexOf('总分')]).toBeNull();
    expect(line[header.indexOf('排名')]).toBeNull();
    expect(line[header.indexOf('状态')]).toBe('无法计分');
    expect(r.writes.some((w) => w.sheet === '旺苍县')).toBe(false);
  });

  it('names the missing header when nothing similar is there', () => {
    const bare = unitSheet('剑阁县', [row({ rule: '评分', actual: 8 })], ['actual']);
    const issue = score(good, bare).issues.find((i) => i.code === 'sheet-missing-header')!;
    expect(issue.params.near).toBe('');
    expect(issue.message).toContain('请在表头行加上“实际完成”列');
  });

  it('leaves a reference table (实际完成 and other headers, no 计分方式) alone with a warning naming it', () => {
    const reference: SheetInput = { name: '2013年结果', grid: [['单位', '考核内容', '目标值', '实际完成', '得分'], ['苍溪县', '见习', 45, 45, 4]] };
    const r = score(good, reference);
    expect(r.units.map((u) => u.unit)).toEqual(['苍溪县']);
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: '2013年结果', severity: 'warning', code: 'reference-sheet' }));
  });

  it('does not take a lone 计分方式 word in a note for a 考核表', () => {
    const note: SheetInput = { name: '说明', grid: [['计分方式'], ['按考核办法执行']] };
    const r = score(good, note);
    expect(r.units.map((u) => u.unit)).toEqual(['苍溪县']);
    expect(r.issues.filter((i) => i.sheet === '说明')).toEqual([]);
  });
});

describe('汇总 is owned whole by the scorer', () => {
  const units = [totalSheet('甲县', 100), totalSheet('乙县', 90)];
  // Last year's 汇总 in another, wider layout, with more rows and a note of the assessor's.
  const old: SheetInput = {
    name: '汇总',
    grid: [
      ['单位', '职能指标小计', '重点工作小计', '保障指标小计', '绩效评价小计', '总分', '排名', '等次', '状态'],
      ['甲县', 60, 40, 14, 15, 129, 2, '良好', '已完成'],
      ['乙县', 61, 45, 15, 15, 136, 1, '优秀', '已完成'],
      ['丙县', 50, 30, 10, 10, 100, 3, '一般', '已完成'],
      [],
      ['备注：2013年数据'],
    ],
  };

  it('leaves no value of an earlier layout behind, and a second run changes nothing', () => {
    const sheets = [...units, old];
    const first = score(...sheets);
    const after = applyToSheets(sheets, first.writes);
    const summary = after.find((s) => s.name === '汇总')!.grid;
    expect(summary[0].filter((v) => v !== null)).toEqual(['单位', '综合', '职能指标小计', '总分', '排名', '状态']);
    expect(summary.slice(1).map((l) => l.filter((v) => v !== null))).toEqual([
      ['甲县', 100, 100, 100, 1, '已完成'], ['乙县', 90, 90, 90, 2, '已完成'], [], [], [],
    ]);
    const second = score(...after);
    expect(changingWrites(after, second.writes)).toEqual([]);
    expect(second.units).toEqual(first.units);
  });

  it('says which sheet is the summary', () => {
    expect(score(...units).summarySheet).toBe('汇总');
    expect(score(...units).newSheets).toEqual(['汇总']);
    expect(score(...units, old).newSheets).toEqual([]);
  });
});

describe('percent rows by cell format', () => {
  // Excel stores a target typed as 90% as 0.9 with a percent format.
  const pct = (actual: RowV2['actual'], actualFormat?: RowV2['actualFormat']) =>
    score(unitSheet('甲县', [row({ rule: '比例', target: 0.9, targetFormat: 'percent', actual, actualFormat })]));

  it.each([['92%', undefined], [0.92, undefined], [92, undefined], [0.92, 'percent' as const]])(
    'reads the entry %s against a target formatted as 90%% as 92%%', (actual, format) => {
      const r = pct(actual, format);
      expect(r.issues).toEqual([]);
      expect(r.rows[0]).toMatchObject({ score: 10, note: '完成92%/90%（102.22%），得10分' });
    });

  it('reads 45% against it as 45%, half the points', () => {
    expect(pct('45%').rows[0]).toMatchObject({ score: 5, note: '完成45%/90%（50%），得5分' });
  });

  it('keeps a plain 0.9 target a plain number when the cell has no percent format', () => {
    const r = score(unitSheet('甲县', [row({ rule: '比例', target: 0.9, actual: 0.45 })]));
    expect(r.rows[0]).toMatchObject({ score: 5, note: '完成0.45/0.9（50%），得5分' });
  });

  it('refuses a percentage entered on a row whose target is not one, typed or by format', () => {
    const typed = score(unitSheet('甲县', [row({ rule: '比例', target: 19, measure: '名', actual: '90%' })]));
    expect(typed.issues[0]).toMatchObject({ cell: 'J3', code: 'actual-percent-mismatch' });
    const formatted = score(unitSheet('甲县', [row({ rule: '比例', target: 19, measure: '名', actual: 0.9, actualFormat: 'percent' })]));
    expect(formatted.issues[0]).toMatchObject({ cell: 'J3', code: 'actual-percent-mismatch', params: { value: '90%' } });
    expect(formatted.rows[0].status).toBe('error');
  });

  it('applies to 达标 and 差额扣分 rows too', () => {
    const r = score(unitSheet('甲县', [
      row({ item: 'A', rule: '达标', target: 0.9, targetFormat: 'percent', actual: '95%' }),
      row({ item: 'B', rule: '差额扣分', target: 0.9, targetFormat: 'percent', rate: 0.5, actual: 0.88 }),
    ]));
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.score)).toEqual([10, 9]);
  });
});

describe('dates and implausible entries', () => {
  it('refuses an actual stored as a date (3/3 → 41701) instead of scoring 41701', () => {
    const r = score(unitSheet('甲县', [row({ rule: '比例', target: 3, measure: '次', actual: 41701, actualFormat: 'date' })]));
    expect(r.rows[0]).toMatchObject({ status: 'error', score: 0 });
    expect(r.issues[0]).toMatchObject({ sheet: '甲县', cell: 'J3', code: 'actual-date', severity: 'error' });
    expect(r.rows[0].note).not.toContain('41701/3');
    expect(r.units[0].status).toBe('有错误（1处）');
  });

  it('refuses a date in an assessor’s 评分 cell and a date-formatted target', () => {
    expect(score(unitSheet('甲县', [row({ rule: '评分', actual: 45000, actualFormat: 'date' })])).issues[0].code).toBe('actual-date');
    expect(score(unitSheet('甲县', [row({ rule: '比例', target: 45000, targetFormat: 'date', actual: 3 })])).issues[0])
      .toMatchObject({ cell: 'F3', code: 'target-date' });
  });

  it('scores an entry more than 100 times its target, with a warning to check it', () => {
    const r = score(unitSheet('甲县', [row({ rule: '比例', target: 3, measure: '次', actual: 301 })]));
    expect(r.rows[0]).toMatchObject({ status: 'scored', score: 10 });
    expect(r.issues).toEqual([expect.objectContaining({ cell: 'J3', severity: 'warning', code: 'actual-implausible', params: expect.objectContaining({ times: '100.33' }) })]);
    expect(r.units[0].status).toBe('已完成');
  });

  it('does not flag exactly 100 times, nor a ≤ target', () => {
    expect(score(unitSheet('甲县', [row({ rule: '比例', target: 3, actual: 300 })])).issues).toEqual([]);
    expect(score(unitSheet('甲县', [row({ rule: '达标', target: '≤1', actual: 500 })])).issues).toEqual([]);
  });
});

describe('register names that nearly match', () => {
  const unit = (name: string) => unitSheet(name, [row({ rule: '按件扣分', item: '维权', points: 5, weight: 5 }), row({ item: '其他', rule: '评分', actual: 10 })]);
  const register = (unitName: string): SheetInput => ({ name: '案件台账', grid: [['单位', '项目', '等级'], [unitName, null, '严重']] });

  it('proposes 苍溪县 for 苍溪 and counts the error against 苍溪县, so its status is not final', () => {
    const r = score(unit('苍溪县'), unit('旺苍县'), register('苍溪'));
    const issue = r.issues.find((i) => i.code === 'case-unit-near')!;
    expect(issue).toMatchObject({ sheet: '案件台账', cell: 'A2', severity: 'error', params: { value: '苍溪', proposal: '苍溪县' } });
    expect(issue.message).toContain('是否应为“苍溪县”');
    const cangxi = r.units.find((u) => u.unit === '苍溪县')!;
    expect(cangxi.status).toBe('有错误（1处）');
    expect(r.units.find((u) => u.unit === '旺苍县')!.status).toBe('已完成');
  });

  it('blames no unit when the spelling is contained in two names', () => {
    const r = score(unit('苍溪县'), unit('旺苍县'), register('苍'));
    expect(r.issues.find((i) => i.sheet === '案件台账')!.code).toBe('case-unit-unknown');
    expect(r.units.every((u) => u.errors === 0)).toBe(true);
  });

  it('folds zero-width spaces the same way in the register as in the sheets', () => {
    const r = score(unitSheet('甲县', [row({ rule: '按件扣分', item: '维权工作', points: 5, weight: 5 })]),
      { name: '案件台账', grid: [['单位', '项目', '等级'], ['甲\u200b县', '维权\u200b工作', '严重']] });
    expect(r.issues).toEqual([]);
    expect(r.rows[0].score).toBe(-0.5);
  });
});

describe('考核意见: the assessor’s remark', () => {
  it('is quoted at the end of the row’s 说明 and never written', () => {
    const r = score(unitSheet('甲县', [
      row({ rule: '评分', actual: 6, remark: '活动记录不全，酌情扣4分' }),
      row({ item: 'B', rule: '比例', target: 0, actual: 1, remark: '目标待定' }),
    ]));
    expect(r.rows[0].note).toBe('评分6分；考核意见：活动记录不全，酌情扣4分');
    expect(r.rows[1].note).toMatch(/^错误（F4）：.*；考核意见：目标待定$/);
    const remarkCol = COL_V2.remark;
    expect(r.writes.filter((w) => w.col === remarkCol && w.sheet === '甲县')).toEqual([]);
  });

  it('does not change a score', () => {
    const plain = score(unitSheet('甲县', [row({ rule: '评分', actual: 6 })]));
    const remarked = score(unitSheet('甲县', [row({ rule: '评分', actual: 6, remark: '扣4分' })]));
    expect(remarked.units[0].total).toBe(plain.units[0].total);
  });
});

describe('exact results end to end', () => {
  it('gives subtotals such as 26.43, not 26.430000000000003', () => {
    const r = score(unitSheet('甲县', [
      row({ item: 'A', points: 10.01, rule: '评分', weight: 10.01, actual: 10.01 }),
      row({ item: 'B', points: 16.42, rule: '评分', weight: 16.42, actual: 16.42 }),
    ]));
    expect(r.units[0].subtotals.职能指标).toBe(26.43);
    expect(r.units[0].total).toBe(26.43);
  });

  it('prints at most two decimals for every number of the JSON report (property)', () => {
    const hundredths = fc.integer({ min: 0, max: 100_000 }).map((h) => h / 100);
    fc.assert(fc.property(fc.array(fc.tuple(hundredths, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }), (items) => {
      const rows: RowV2[] = items.map(([w, share], i) => row({
        item: `项目${i}`, points: w || 1, rule: i % 2 ? '比例' : '评分', weight: w || 1,
        target: i % 2 ? 7 : null, actual: i % 2 ? Math.round(share * 700) / 100 : Math.round((w || 1) * share * 100) / 100,
      }));
      const json = JSON.stringify(jsonReport(score(unitSheet('甲县', rows), unitSheet('乙县', rows.slice().reverse()))));
      for (const m of json.matchAll(/-?\d+\.\d+(e-?\d+)?/g)) expect(m[0]).toMatch(/^-?\d+\.\d{1,2}$/);
    }), propertyRuns(20261202, 300));
  });
});

describe('statuses in both languages', () => {
  it('gives English statuses from the same counts', () => {
    expect(statusText({ unscorable: false, vetoed: false, errors: 2, missing: 3 }, 'en')).toBe('2 errors, 3 not reported');
    expect(statusText({ unscorable: false, vetoed: true, errors: 0, missing: 0 }, 'zh')).toBe('一票否决');
    expect(statusText({ unscorable: true, vetoed: false, errors: 1, missing: 0 }, 'en')).toBe('cannot be scored');
  });
  it('has an English text for every issue the engine raised here', () => {
    const r = score(unitSheet('甲县', [row({ rule: '比例', target: 0, actual: 1 }), row({ item: 'B', rule: '乱写', actual: 1 })]));
    for (const i of r.issues) expect(issueText(i, 'en')).toMatch(/[A-Za-z]/);
  });
});
