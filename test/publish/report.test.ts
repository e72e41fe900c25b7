import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { buildReport, rankChange, ReportRefusal, RANKING_SHEET } from '../../src/publish/index.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { sampleBytes } from '../web/workbooks.ts';
import { SAMPLE_UNITS, scoredLastYear, scoredSample } from './workbooks.ts';

const BIN = path.resolve('dist/cli/target-scorer.mjs');
const DATE = new Date(2026, 11, 3);
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const sheetRows = (bytes: Uint8Array, name: string) => openXlsx(bytes).readSheets().find((s) => s.name === name)!.grid;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'cli']);
}, 120_000);

describe('公示 from the scored sample', () => {
  const bytes = scoredSample();
  const engine = scoreXlsx(bytes).result;

  it('lists the units in rank order with 类别 subtotals, 总分 and the 满分 row, read back from the written workbook', async () => {
    const report = await buildReport(bytes, { date: DATE });
    const grid = sheetRows(report.bytes, RANKING_SHEET);
    const at = grid.findIndex((r) => r?.[0] === '排名');
    const header = grid[at].map((h) => String(h).replace('\n', ''));
    expect(header.slice(0, 2)).toEqual(['排名', '单位']);
    expect(header).toContain('总分');
    const byRank = [...engine.units].sort((a, b) => a.rank! - b.rank!);
    const first = at + 2;
    const full = grid[first - 1];
    expect(full[1]).toBe('满分');
    expect(full[header.indexOf('总分')]).toBe(byRank[0].fullMarks);
    byRank.forEach((u, i) => {
      const row = grid[first + i];
      expect(row[0]).toBe(u.rank);
      expect(row[1]).toBe(u.unit);
      expect(row[header.indexOf('总分')]).toBe(u.total);
      for (const [category, subtotal] of Object.entries(u.subtotals)) expect(row[header.indexOf(category)]).toBe(subtotal);
    });
    expect(report.ranking!.title).toBe('2014年度目标绩效指标考核结果');
    // 剑阁县 still has an error: the 公示 says it is a draft, and why.
    const text = grid.flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('2014年度目标绩效指标考核结果（草稿）');
    expect(text).toContain('剑阁县（有错误（1处））');
    expect(text).toContain('制表日期：2026年12月3日');
    expect(text).toContain('发布单位（盖章）');
  });

  it('writes one 反馈 sheet per unit with its 项目, the rows that lost points, its cases and its open errors', async () => {
    const report = await buildReport(bytes, { date: DATE });
    const names = openXlsx(report.bytes).sheetNames;
    expect(names).toEqual([RANKING_SHEET, ...SAMPLE_UNITS.map((u) => `反馈-${u}`)]);
    const jiange = sheetRows(report.bytes, '反馈-剑阁县').flat().filter((v) => v !== null).map(String);
    const unit = engine.units.find((u) => u.unit === '剑阁县')!;
    expect(jiange.join('')).toContain(`总分：${unit.total!.toFixed(2)}`);
    for (const it of unit.items) expect(jiange).toContain(it.item);
    const lost = engine.rows.filter((r) => r.sheet === '剑阁县' && (r.lost > 0 || r.status !== 'scored'));
    expect(lost.length).toBeGreaterThan(0);
    for (const r of lost) expect(jiange).toContain(r.note);
    // Its one open error, named by cell (the 实际完成 it typed as words).
    const errors = engine.issues.filter((i) => i.severity === 'error' && i.sheet === '剑阁县');
    expect(errors.map((e) => e.cell)).toEqual(['J9']);
    expect(jiange).toContain('剑阁县!J9');
    // 等次 from the workbook's 等次标准 (待定 while it has an error), its 自评总分 and 核减, and each 项目's 自评分.
    expect(unit.grade).toBe('待定');
    expect(jiange.join('')).toContain('等次：待定');
    expect(jiange.join('')).toContain(`自评总分：${unit.selfTotal!.toFixed(2)}`);
    expect(jiange.join('')).toContain(`核减：${unit.cut!.toFixed(2)}`);
    expect(jiange).toEqual(expect.arrayContaining(['自评分', '核减']));
    const cases = engine.cases.filter((c) => c.unit === '剑阁县');
    for (const c of cases) expect(jiange).toContain(c.summary);
  });

  it('--unit writes that unit’s 反馈 on its own, and refuses a unit the workbook does not have', async () => {
    const report = await buildReport(bytes, { date: DATE, units: ['旺苍县'] });
    expect(openXlsx(report.bytes).sheetNames).toEqual(['反馈-旺苍县']);
    await expect(buildReport(bytes, { date: DATE, units: ['旺苍'] })).rejects.toThrow(/没有名为“旺苍”的考核表/);
  });

  it('--title replaces the master’s title', async () => {
    const report = await buildReport(bytes, { date: DATE, title: '2014年度县区团委目标绩效考核结果公示' });
    expect(sheetRows(report.bytes, RANKING_SHEET)[0][0]).toBe('2014年度县区团委目标绩效考核结果公示（草稿）');
  });

  it('the same input and date give the same bytes', async () => {
    const [a, b] = await Promise.all([buildReport(bytes, { date: DATE }), buildReport(bytes, { date: DATE })]);
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
  });
});

describe('refusals', () => {
  it('refuses a workbook that was never scored, naming a cell that differs', async () => {
    const err = await buildReport(sampleBytes(), { date: DATE, names: { scored: '考核.xlsx' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ReportRefusal);
    expect(err.message).toMatch(/^考核\.xlsx：工作簿中的得分与按现有填报计分的结果不一致（苍溪县!N3 现为“（空）”/);
  });

  it('refuses a scored workbook whose entries changed after scoring', async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(scoredSample());
    // 苍溪县 J3 (实际完成 of its first row) from 3 to 1, without scoring again.
    const sheet = strFromU8(files['xl/worksheets/sheet2.xml']);
    const changed = sheet.replace(/(<c r="J3"[^>]*>)<v>3<\/v>/, '$1<v>1</v>');
    expect(changed).not.toBe(sheet);
    files['xl/worksheets/sheet2.xml'] = strToU8(changed);
    const err = await buildReport(zipSync(files), { date: DATE }).catch((e) => e);
    expect(err).toBeInstanceOf(ReportRefusal);
    expect(err.message).toContain('苍溪县!N3 现为“3”，按现有填报应为“1”');
    expect(err.message).toContain('苍溪县!P3 现为“15”，按现有填报应为“13”');
  });

  it('refuses a last year that was not scored', async () => {
    await expect(buildReport(scoredSample(), { date: DATE, lastYear: sampleBytes(), names: { scored: 'a.xlsx', lastYear: '2013.xlsx' } }))
      .rejects.toThrow(/^2013\.xlsx：“汇总”工作表中没有总分/);
  });
});

describe('--compare with last year’s scored workbook', () => {
  it('adds 上年总分, 上年排名 and the change of rank, with 新增 for a unit new this year and a note for one gone', async () => {
    const thisYear = scoreXlsx(scoredSample()).result;
    const last = scoreXlsx(scoredLastYear()).result;
    const report = await buildReport(scoredSample(), { date: DATE, lastYear: scoredLastYear() });
    const grid = sheetRows(report.bytes, RANKING_SHEET);
    const header = grid.find((r) => r?.[0] === '排名')!.map((h) => String(h).replace('\n', ''));
    expect(header.slice(-3)).toEqual(['上年总分', '上年排名', '名次变化']);
    const rows = grid.filter((r) => typeof r?.[0] === 'number');
    expect(rows.map((r) => r[1])).toEqual([...thisYear.units].sort((a, b) => a.rank! - b.rank!).map((u) => u.unit));
    for (const row of rows) {
      const now = thisYear.units.find((u) => u.unit === row[1])!;
      const before = last.units.find((u) => u.unit === row[1]);
      const change = row[header.indexOf('名次变化')];
      if (!before) {
        expect(row[1]).toBe('朝天区');
        expect(change).toBe('新增');
        expect(row[header.indexOf('上年排名')]).toBe('—');
        continue;
      }
      expect(row[header.indexOf('上年总分')]).toBe(before.total);
      expect(row[header.indexOf('上年排名')]).toBe(before.rank);
      const d = before.rank! - now.rank!;
      expect(change).toBe(d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : '持平');
    }
    // By construction: 苍溪县 and 旺苍县 swapped their 考核表 (the 案件台账 stays with the names, so their totals
    // differ by 0.5 from a plain swap): 苍溪县 rose from 4th to 1st, 旺苍县 fell from 1st to 3rd.
    const changeOf = (unit: string) => rows.find((r) => r[1] === unit)![header.indexOf('名次变化')];
    expect(changeOf('苍溪县')).toBe('↑3');
    expect(changeOf('旺苍县')).toBe('↓2');
    expect(grid.flat().join('')).toContain('上年参加考核、本年未参加：旧区。');
  });

  it('rankChange: up, down, level, new, and no rank', () => {
    expect(rankChange(1, { total: 90, rank: 3 })).toBe('↑2');
    expect(rankChange(4, { total: 90, rank: 3 })).toBe('↓1');
    expect(rankChange(3, { total: 90, rank: 3 })).toBe('持平');
    expect(rankChange(3, null)).toBe('新增');
    expect(rankChange(null, { total: 90, rank: 3 })).toBe('—');
  });
});

describe('target-scorer report', () => {
  it('writes <name>.公示.xlsx beside the input, exits 1 for a draft, and never changes the scored workbook', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ts-report-'));
    const input = path.join(dir, '2014年度考核.scored.xlsx');
    const last = path.join(dir, '2013年度考核.scored.xlsx');
    writeFileSync(input, scoredSample());
    writeFileSync(last, scoredLastYear());
    const before = readFileSync(input);
    const lastBefore = readFileSync(last);
    const run = cli('report', input, '--compare', last);
    expect(run.err).toContain('剑阁县（有错误（1处））');
    expect(run.code).toBe(1);
    const out = path.join(dir, '2014年度考核.公示.xlsx');
    expect(existsSync(out)).toBe(true);
    expect(run.out).toMatch(/排名\s+单位\s+总分\s+等次\s+上年排名\s+名次变化/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readFileSync(last).equals(lastBefore)).toBe(true);
    // Again without --force: the existing report is left alone.
    expect(cli('report', input).code).toBe(2);
    // -o naming the input is refused, and the input is still the same bytes.
    const self = cli('report', input, '-o', input, '--force');
    expect(self.code).toBe(2);
    expect(self.err).toContain('输出文件不能是输入文件本身');
    expect(readFileSync(input).equals(before)).toBe(true);
    const one = cli('report', input, '--unit', '苍溪县');
    expect(one.code).toBe(1);
    expect(openXlsx(new Uint8Array(readFileSync(path.join(dir, '2014年度考核.反馈.苍溪县.xlsx')))).sheetNames).toEqual(['反馈-苍溪县']);
  });

  it('exits 2 and writes nothing for a workbook that is not scored', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ts-report-'));
    const input = path.join(dir, '考核.xlsx');
    writeFileSync(input, sampleBytes());
    const run = cli('report', input);
    expect(run.code).toBe(2);
    expect(run.err).toContain('请先用 target-scorer score 计分');
    expect(existsSync(path.join(dir, '考核.公示.xlsx'))).toBe(false);
  });
});
