import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../src/import/items';
import { importFromGrids } from '../../src/import/index';
import { openXlsx } from '../../src/xlsx/index';
import { ITEM_VARIANTS } from '../fixtures/import-variants/items';
import { EXPECTED, EXPECTED_ITEMS, RAW_WORKBOOK } from '../fixtures/import-variants/tables';
import { accuracy, describeAccuracy, targetKey, targetKeys } from './accuracy';
import { buildRawXlsx } from './rawXlsx';

// Hand-made variants the importer was not written against. Their figures are reported, not required to be
// 100%: what matters is that every miss is either found or flagged for a person.

describe('hand-made item variants (reworded, full-width, Chinese numerals, distractor numbers)', () => {
  const read = ITEM_VARIANTS.map((v) => ({ v, rows: classifyItem(v.text) }));

  it('reports precision and recall of the targets', () => {
    const expected = read.flatMap(({ v }, i) => v.targets.map(([value, measure, cmp]) => `${i}|${value}|${measure}|${cmp}`));
    const actual = read.flatMap(({ rows }, i) =>
      rows.filter((r) => typeof r.target === 'number').map((r) => `${i}|${r.target}|${r.measure}|${r.comparator}`),
    );
    const a = accuracy(expected, actual);
    console.info(describeAccuracy(`item variants (${ITEM_VARIANTS.length} items)`, a));
    if (a.missed.length) console.info(`  missed: ${a.missed.map((k) => `${ITEM_VARIANTS[Number(k.split('|')[0])].text} → ${k}`).join('\n          ')}`);
    if (a.extra.length) console.info(`  extra:  ${a.extra.map((k) => `${ITEM_VARIANTS[Number(k.split('|')[0])].text} → ${k}`).join('\n          ')}`);
    expect(a.precision).toBeGreaterThanOrEqual(0.9);
    expect(a.recall).toBeGreaterThanOrEqual(0.9);
    // A target the reader misses must not slip through: its item is flagged for a person.
    for (const k of a.missed) {
      const { v, rows } = read[Number(k.split('|')[0])];
      expect(rows.some((r) => r.confidence < 0.7 && r.notes.length > 0), v.text).toBe(true);
    }
  });

  it('takes no target from an item that has none, and reads the rule words', () => {
    for (const { v, rows } of read) {
      if (v.targets.length === 0) expect(rows.filter((r) => typeof r.target === 'number'), v.text).toEqual([]);
      if (v.rule) expect(rows.map((r) => r.rule), v.text).toContain(v.rule);
    }
  });

  it('flags estimates, ranges and rates for a person, and says why', () => {
    for (const text of ['33.开展青年创业培训约300人次。', '34.培训农村青年30余名。', '35.组织“青春建功”活动二至三次。', '10.每个乡镇建立青年之家1-2个。']) {
      const [row] = classifyItem(text);
      expect(row.confidence, text).toBeLessThan(0.7);
      expect(row.notes.join(''), text).toMatch(/约数|范围/);
    }
    const quarterly = classifyItem('24.全年开展主题团日活动不少于12次，每季度不少于3次。');
    expect(quarterly.map((r) => r.confidence < 0.7)).toEqual([false, true]);
    expect(quarterly[1].notes.join('')).toContain('每季度');
  });

  it('flags an item whose numbers it cannot place', () => {
    const [row] = classifyItem('5.培训青年骨干30批，做好跟踪服务。');
    expect(row.confidence).toBeLessThan(0.7);
    expect(row.notes.join('')).toContain('30');
  });
});

describe('a hand-made raw .xlsx (merged cells, stacked tables, one item per row, shared 保障指标 sheet)', async () => {
  const sheets = openXlsx(await buildRawXlsx(RAW_WORKBOOK)).readSheets();
  const { workbook, review } = importFromGrids(sheets);

  it('reports precision and recall of the targets', () => {
    const expected = EXPECTED.map(([unit, item, no, [value, measure, cmp]]) => targetKey(unit, item, no, value, measure, cmp));
    const a = accuracy(expected, targetKeys(workbook));
    console.info(describeAccuracy('raw xlsx variant (2 units)', a));
    if (a.missed.length) console.info(`  missed: ${a.missed.join(', ')}`);
    if (a.extra.length) console.info(`  extra:  ${a.extra.join(', ')}`);
    expect(a.recall).toBeGreaterThanOrEqual(0.9);
    expect(a.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the units, their 项目 and 分值, and puts the shared 保障指标 into the unit that points to it', () => {
    expect(workbook.units.map((u) => u.unit)).toEqual(['示范县', '样板区']);
    for (const u of workbook.units) {
      const items = [...new Map(u.rows.map((r) => [r.item, r.points]))];
      expect(items, u.unit).toEqual(EXPECTED_ITEMS[u.unit]);
    }
    const shared = workbook.units[0].rows.filter((r) => r.item === '保障指标');
    expect(shared.map((r) => [r.content, r.rule, r.weight])).toEqual([
      ['党的建设：组织建设', '扣分', 2],
      ['党的建设：党风廉政建设', '扣分', 2],
      ['党的建设：宣传思想工作', '扣分', 2],
      ['社会治理·维稳综治：综治工作', '扣分', 1],
      ['社会治理·维稳综治：禁毒工作', '扣分', 1],
      ['社会治理·安全：安全生产', '扣分', 1],
      ['社会治理·安全：应急管理', '扣分', 1],
    ]);
    expect(workbook.warnings).toEqual([]);
  });

  it('reads 酌情扣分, 按件扣分 with its own rates and cap, and the qualitative items', () => {
    const rights = workbook.units[0].rows.filter((r) => r.item === '青少年维权');
    expect(rights.map((r) => [r.rule, r.target, r.weight, r.rate])).toEqual([
      ['达标', '是', 5, null],
      ['扣分', null, 10, null],
      ['按件扣分', null, 4, '1/2'],
      ['比例', 4, 5, null],
    ]);
    expect(review.filter((r) => r.flagged)).toEqual([]);
  });
});
