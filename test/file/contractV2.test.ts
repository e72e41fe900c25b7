// Contract version 2 through the xlsx host: the file is scored, written, read back and scored again.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { contractV2Bytes, V2_EXPECTED, V2_HEADER } from '../fixtures/contractV2.ts';

describe('contract v2 on a real xlsx file', async () => {
  const input = await contractV2Bytes();
  const first = scoreXlsx(input);
  const out = first.output!;
  const sheets = openXlsx(out).readSheets();
  const grid = (name: string) => sheets.find((s) => s.name === name)!.grid;

  it('scores every unit as worked out by hand', () => {
    expect(first.result.units.map(({ unit, total, rank, grade, status }) => ({ unit, total, rank, grade, status }))).toEqual(V2_EXPECTED);
    expect(first.result.units.find((u) => u.unit === '乙县')).toMatchObject({ selfTotal: 18, cut: 5.22 });
    expect(first.result.units.find((u) => u.unit === '甲县')).toMatchObject({ selfTotal: 23, cut: 2, vetoed: true });
  });

  it('names every problem by sheet and cell, with its code', () => {
    const issues = first.result.issues.map((i) => [i.sheet, i.cell, i.severity, i.code]);
    expect(issues).toEqual(expect.arrayContaining([
      ['丁县', 'E2', 'error', 'sheet-missing-header'],
      ['乙县', 'J3', 'error', 'actual-date'],
      ['丙县', 'L6', 'warning', 'bonus-no-evidence'],
      ['案件台账', 'A2', 'error', 'case-unit-near'],
      ['丙县', '', 'warning', 'self-score-incomplete'],
    ]));
    expect(issues).toHaveLength(5);
  });

  it('writes 汇总 whole, with 等次, 自评总分 and 核减, and nothing of last year left', () => {
    const summary = grid('汇总');
    expect(summary[0]).toEqual(['单位', '组织建设', '思想引导', '创先争优加分', '保障指标', '职能指标小计', '加分项目小计', '保障指标小计',
      '总分', '排名', '等次', '自评总分', '核减', '状态']);
    expect(summary.slice(1).map((r) => r[0])).toEqual(['甲县', '乙县', '丙县', '丁县']);
    expect(summary[4].filter((v) => v !== null)).toEqual(['丁县', '待定', '无法计分']);
    expect(summary[2].slice(8)).toEqual([12.78, 3, '待定', 18, 5.22, '有错误（1处）']);
  });

  it('quotes 考核意见 in 说明 and never writes the assessor’s or the unit’s columns', () => {
    const bing = grid('丙县');
    const note = V2_HEADER.indexOf('说明');
    expect(bing[4][note]).toBe('评分4分；考核意见：活动记录不全，酌情扣1分');
    const before = openXlsx(input).readSheets();
    for (const unit of ['甲县', '乙县', '丙县']) {
      const was = before.find((s) => s.name === unit)!.grid;
      const now = grid(unit);
      for (const col of ['实际完成', '自评分', '佐证材料', '考核意见'].map((h) => V2_HEADER.indexOf(h))) {
        expect(now.map((r) => r?.[col] ?? null), `${unit} ${V2_HEADER[col]}`).toEqual(was.map((r) => r?.[col] ?? null));
      }
    }
  });

  it('leaves the sheet it cannot score untouched', () => {
    const a = unzipSync(input);
    const b = unzipSync(out);
    const part = Object.keys(a).find((k) => /worksheets\/sheet4\.xml$/.test(k))!;
    expect(Buffer.from(b[part]).equals(Buffer.from(a[part]))).toBe(true);
  });

  it('changes nothing on a second run', () => {
    const second = scoreXlsx(out);
    expect(second.result.units).toEqual(first.result.units);
    const again = openXlsx(second.output!).readSheets();
    expect(again.map((s) => [s.name, s.grid])).toEqual(sheets.map((s) => [s.name, s.grid]));
  });
});

describe('what feedback to a unit needs', async () => {
  const { result } = scoreXlsx(await contractV2Bytes());

  it('gives each row its 考核内容, weight, the points it lost and the remark', () => {
    const bing = result.rows.filter((r) => r.sheet === '丙县');
    expect(bing.map((r) => [r.content, r.weight, r.score, r.lost])).toEqual([
      ['发展团员19名', 6, 5.37, 0.63],
      ['基层团组织覆盖率达到90%', 4, 4, 0],
      ['开展主题教育活动', 5, 4, 1],
      ['获得市级以上表彰', 3, 0, 3],
      ['发生重大安全责任事故', null, 0, 0],
      ['按时报送材料', 5, 0, 0],
      ['青少年维权：每发生一起扣0.5分', 2, -0.5, 0.5],
    ]);
    expect(bing[2].remark).toBe('活动记录不全，酌情扣1分');
  });

  it('lists the register’s cases with their deductions, dates as dates', () => {
    expect(result.cases).toEqual([
      { unit: '丙县', sheet: '案件台账', row: 2, item: null, level: '严重', date: '2014-06-01', summary: '示例案件', deduction: 0.5 },
    ]);
  });
});
