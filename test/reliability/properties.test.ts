import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational, fromNumber } from '../../src/engine/decimal.ts';
import { scoreWorkbook } from '../../src/engine/index.ts';
import { isBlank } from '../../src/engine/text.ts';
import type { CellValue, Grid } from '../../src/engine/types.ts';
import { readNumber, readYesNo } from '../../src/engine/values.ts';
import { classifyItem, extractTargets } from '../../src/import/index.ts';
import { HEADER } from './lib/assessment.ts';
import { propertyRuns } from '../propertyRuns';

// Fixed seeds: a failure reproduces exactly; the case counts are what CI runs.
const RUNS = 10_000;
const params = (seed: number) => propertyRuns(seed, RUNS, { endOnFailure: true });

/** What units type into 实际完成: numbers, booleans and text built from the pieces that trip readers up. */
const PIECES = [
  '0', '1', '2', '3', '5', '9', '10', '19', '40', '0.5', '3.25', '１', '９', '０', '3,000', '1,2', '.5', '5.', '1e3', '-', '+', '−',
  '一', '二', '两', '三', '十', '二十', '一百零五', '百', '千', '万', '亿', '零', '负', '约', '余', '左右', '多', '半', '几',
  '名', '人', '次', '个', '%', '％', '百分之', '分', '万元', '件', '人次', ' ', '\u3000', '\u00a0', '\u200b', '\t', '\n',
  '是', '否', '√', '×', '✓', 'Y', 'n', 'yes', 'FALSE', '完成', '未完成', '已', '达标', '/', '(', ')', '（', '）', '~', '—', '第',
];
const textActual = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const actualArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -50, max: 200 }), fc.double({ min: -1e3, max: 1e4, noNaN: true }), fc.constantFrom(0, -0, 0.1, 0.9, 1, 1e-9, 1e21)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 6, arbitrary: textActual },
);

type Rule = '比例' | '达标' | '差额扣分' | '评分' | '扣分' | '按件扣分';
interface RowSpec {
  rule: Rule;
  target: CellValue;
  measure: string;
  weight: number;
  rate: CellValue;
  actual: CellValue;
}

const rowArb: fc.Arbitrary<RowSpec> = fc
  .record({
    rule: fc.constantFrom<Rule>('比例', '达标', '差额扣分', '评分', '扣分', '按件扣分'),
    n: fc.integer({ min: 1, max: 500 }),
    measure: fc.constantFrom('名', '次', '%', '', '个'),
    comparator: fc.constantFrom('', '不少于', '≥', '不超过', '低于'),
    yes: fc.boolean(),
    weight: fc.integer({ min: 1, max: 20 }).map((w) => w / 2),
    actual: actualArb,
  })
  .map(({ rule, n, measure, comparator, yes, weight, actual }) => {
    let target: CellValue = null;
    if (rule === '比例' || rule === '差额扣分') target = n;
    if (rule === '达标') target = yes ? '是' : comparator ? `${comparator}${n}` : n;
    const rate = rule === '差额扣分' ? '每少1人扣0.5分' : rule === '按件扣分' ? '0.5/1' : null;
    return { rule, target, measure, weight, rate, actual };
  });

/** Whether the engine must report an error at the row's 实际完成 cell (docs/bad-input.md). */
function actualIsBad(r: RowSpec): boolean {
  if (r.rule === '按件扣分' || isBlank(r.actual)) return false;
  if (r.rule === '评分' || r.rule === '扣分') {
    const a = readNumber(r.actual, '分');
    return !a.ok || a.percent || rational.isNegative(a.value) || rational.cmp(a.value, fromNumber(r.weight)) > 0;
  }
  if (r.rule === '达标' && r.target === '是') return readYesNo(r.actual) === null;
  const percentRow = r.measure.includes('%');
  const a = readNumber(r.actual, r.measure);
  return !a.ok || (a.percent && !percentRow) || rational.isNegative(a.value);
}

const gridOf = (rows: RowSpec[]): Grid => [
  ['共青团测试县委2014年度目标绩效指标'],
  HEADER,
  ...rows.map((r, i) => [
    i === 0 ? '职能指标' : null, i === 0 ? '测试项目' : null, i === 0 ? 100 : null, `指标${i + 1}`,
    r.rule, r.target, r.measure || null, r.weight, r.rate, r.actual,
  ]),
];

describe('property: the engine reads whatever units type', () => {
  it(`never throws, and reports an error at exactly the 实际完成 cells it cannot read (${RUNS} random 考核表)`, () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, withRegister) => {
        const sheets = [{ name: '测试县', grid: gridOf(rows) }];
        if (withRegister) sheets.push({ name: '案件台账', grid: [['单位', '等级'], ['测试县', '严重']] });
        const result = scoreWorkbook({ sheets });
        const expected = rows.flatMap((r, i) => (actualIsBad(r) ? [`J${i + 3}`] : []));
        const reported = result.issues.filter((x) => x.severity === 'error' && x.sheet === '测试县' && x.cell.startsWith('J')).map((x) => x.cell);
        expect([...new Set(reported)].sort()).toEqual(expected.sort());
        for (const row of result.rows) expect(Number.isFinite(row.score)).toBe(true);
        for (const cell of expected) expect(result.rows.find((x) => x.row === Number(cell.slice(1)) - 1)?.note).toMatch(new RegExp(`^错误（${cell}）：`));
      }),
      params(20140101),
    );
  });

  it(`never throws on random grids and sheet names (${RUNS} random workbooks)`, () => {
    const word = fc.constantFrom(...HEADER, '单位', '等级', '汇总', '比例', '达标', '差额扣分', '评分', '扣分', '按件扣分', '严重', '特别重大', '是', '0.5/1', '每少2人扣1分');
    // Numbers stay within ±1e9: larger ones break the engine today (test/reliability/engine-extremes.test.ts).
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null), word, textActual, fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.boolean(),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 12 });
    const name = fc.oneof(fc.constantFrom('汇总', '案件台账', '苍溪县', '旺苍县', ' 汇 总 '), fc.string({ minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ name, grid }), { minLength: 1, maxLength: 3, selector: (s) => s.name }), (sheets) => {
        const header = [HEADER, ...(sheets[0].grid.slice(0, 6) as Grid)];
        const result = scoreWorkbook({ sheets: [...sheets, { name: '县X', grid: header }] });
        for (const issue of result.issues) expect(issue.cell).toMatch(/^([A-Z]{1,3}\d+)?$/);
        for (const w of result.writes) expect(Number.isInteger(w.row) && Number.isInteger(w.col) && w.row >= 0 && w.col >= 0).toBe(true);
      }),
      params(20141231),
    );
  });
});

describe('property: the importer reads any indicator text', () => {
  const PARTS = [
    '不少于', '不低于', '不超过', '至少', '达到', '超过', '低于', '少于', '以上', '以内', '以下', '≥', '<=', '>',
    '每发生一起扣', '特别重大的扣', '最多扣', '酌情扣分', '实行扣分制', '交办的其他工作', '评价分', '各', '和', '及', '、', '，', '。', '；', '：', '“', '”', '第', '每', '届',
    '0', '1', '3', '5', '19', '40', '50', '3000', '0.5', '3,000', '3-5', '1~2', '１９', '一', '两', '三', '十', '二十', '一百零五', '十万', '百分之', '万',
    '名', '人', '次', '个', '场', '篇', '天', '%', '万元', '元', '个/次', '人次', '项目', '名单', '次全会', '分',
    '1.', '2、', '12.', '青年', '志愿者', '培训', '开展', '活动', '团干部', ' ', '\n',
  ];
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...PARTS), { maxLength: 16 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );

  it(`extractTargets and classifyItem never throw and return sane targets (${RUNS} random texts)`, () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const x of extractTargets(t)) {
          expect(Number.isFinite(x.value) && x.value > 0).toBe(true);
          expect(x.confidence).toBeGreaterThanOrEqual(0);
          expect(x.confidence).toBeLessThanOrEqual(1);
          expect(t).toContain(x.source);
        }
        const rows = classifyItem(t);
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) expect(['比例', '达标', '差额扣分', '评分', '扣分', '按件扣分']).toContain(r.rule);
      }),
      params(2014),
    );
  });
});
