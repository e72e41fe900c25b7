import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../src/import/items';
import { DEDUCTION_RULES, ImportedWorkbookSchema } from '../../src/import/model';
import { extractTargets } from '../../src/import/targets';
import { importFromGrids, importFromText } from '../../src/import/index';
import type { Grid } from '../../src/engine/types';
import { propertyRuns } from '../propertyRuns';

/** Text that looks like indicator prose: CJK, numerals, digits (half and full width), measure and comparator words. */
const WORDS = [
  '不少于', '不低于', '达到', '以上', '至少', '低于', '不超过', '以内', '各', '、', '，', '。', '；', '“', '”', '（', '）',
  '名', '人', '次', '个', '场', '条', '篇', '天', '所', '套', '项', '期', '家', '户', '元', '万元', '%', '％', '人次', '个/次',
  '一', '两', '十九', '二十', '一百零五', '百分之', '每发生一起扣', '分', '最多扣', '特别重大的扣', '酌情扣分', '实行扣分制',
  '交办的其他工作', '评价分', '每少', '扣', '约', '余', '左右', '至', '-', '.', '2014年', '3月', '第', '届', '周年', '12355',
  '见保障指标（实行扣分制）', '类别', '内容', '分值', '\n', '\t', ' ', '1.', '2.', '3.', '(70分)', '（15分）',
];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(2)),
  fc.integer({ min: 0xff10, max: 0xff19 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.string({ maxLength: 4 }),
);
const prose = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

/** Grids (below the header 类别 | | 内容 | 分值) on which a property once failed. */
const GRID_COUNTEREXAMPLES: [Grid][] = [[[[0, '2.', 0, 1]]]];

describe('never throws on arbitrary text', () => {
  it('extractTargets and classifyItem', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const t of extractTargets(text)) {
          expect(Number.isFinite(t.value) && t.value > 0).toBe(true);
          expect(t.confidence).toBeGreaterThanOrEqual(0);
          expect(t.confidence).toBeLessThanOrEqual(1);
        }
        expect(classifyItem(text).length).toBeGreaterThan(0);
      }),
      propertyRuns(20140301, 500),
    );
  });

  it('importFromText, and what it returns is a valid workbook', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(prose, prose.map((s) => `\t${s}`), fc.constantFrom('共青团某县委2015年度目标绩效指标', '\t类别', '\t内容', '\t分值', '\t15')), { maxLength: 30 }), (lines) => {
        const { workbook } = importFromText(lines.join('\n'));
        ImportedWorkbookSchema.parse(workbook);
      }),
      propertyRuns(20140302, 200),
    );
  });

  it('importFromGrids on arbitrary grids', () => {
    const cell = fc.oneof(fc.constant(null), prose, fc.integer({ min: -5, max: 100 }), fc.constantFrom('类别', '项目', '内容', '分值', '考核内容', true));
    const grid = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 15 }) as fc.Arbitrary<Grid>;
    fc.assert(
      fc.property(grid, (g) => {
        const { workbook } = importFromGrids([{ name: 'S', grid: [['类别', null, '内容', '分值'], ...g] }], { clauses: g.length % 2 === 0 });
        ImportedWorkbookSchema.parse(workbook);
      }),
      // Counterexamples found so far (issue 18: an empty 项目 once its number is stripped) run first, every time.
      { ...propertyRuns(20140303, 200), examples: GRID_COUNTEREXAMPLES },
    );
  });
});

/** One numbered item of generated prose: a target, several, a qualitative task or a deduction. */
const item = fc.oneof(
  fc.tuple(fc.constantFrom('培训志愿者', '开展活动', '新建团支部'), fc.constantFrom('不少于', '', '达到', '至少'), fc.integer({ min: 1, max: 500 }), fc.constantFrom('名', '次', '个', '场', '%'))
    .map(([what, cmp, n, m]) => `${what}${cmp}${n}${m}。`),
  fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([a, b]) => `培训辅导员不少于${a}人、基层团干部不少于${b}人。`),
  fc.constantFrom('按期换届。', '做好全团带队工作。', '相比上升，酌情扣分。', '每发生一起扣0.5分，特别重大的扣1分，最多扣5分。', '团市委交办的其他工作。', '约30人。', '开展活动1-2个。'),
  prose,
);

const block = fc.record({
  item: fc.constantFrom('服务中心', '青少年维权', '组织建设', '', ''),
  points: fc.oneof(fc.integer({ min: 1, max: 60 }).map((h) => h / 2), fc.integer({ min: 1, max: 3000 }).map((c) => c / 100)),
  items: fc.array(item, { minLength: 1, maxLength: 9 }),
});

describe('weights', () => {
  it("always add up to each 项目's 分值, deductions stay within it, and every row is valid (with and without clauses)", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean(), (blocks, clauses) => {
        const grid: Grid = [['甲县2015年度目标绩效指标'], ['类别', null, '内容', '分值']];
        blocks.forEach((b, i) => {
          const content = b.items.map((t, k) => `${k + 1}.${t}`).join('\n\n');
          grid.push([i === 0 ? '职能指标' : null, b.item || null, content, b.points]);
        });
        const { workbook, review } = importFromGrids([{ name: 'S', grid }], { clauses });
        ImportedWorkbookSchema.parse(workbook);
        expect(review.length).toBe(workbook.units.flatMap((u) => u.rows).length);
        for (const u of workbook.units) {
          const byItem = new Map<string, typeof u.rows>();
          for (const r of u.rows) byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
          for (const [name, rows] of byItem) {
            const points = rows[0].points;
            const positive = rows.filter((r) => !DEDUCTION_RULES.includes(r.rule));
            for (const r of rows) expect(r.weight).toBeLessThanOrEqual(points);
            if (positive.length === 0) continue;
            const hundredths = positive.reduce((s, r) => s + Math.round(r.weight * 100), 0);
            expect(hundredths, `${name}`).toBe(Math.round(points * 100));
          }
        }
      }),
      propertyRuns(20140304, 300),
    );
  });
});
