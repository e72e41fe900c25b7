import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFromText } from '../../src/import/index';
import { goldJson } from '../fixtures/expand-seed-gold';
import type { GoldUnit } from '../fixtures/seed-gold.spec';
import { accuracy, describeAccuracy, itemNo, targetKey, targetKeys } from './accuracy';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const goldText = readFileSync(here('../fixtures/seed-gold.json'), 'utf8');
const gold = JSON.parse(goldText) as { units: GoldUnit[] };
const seed = readFileSync(here('../../workbook-templates/seed/guangyuan-2014.txt'), 'utf8');
const { workbook } = importFromText(seed);

describe('the hand-written gold list of the seed', () => {
  it('is the expansion of its hand-typed spec (npx tsx test/fixtures/expand-seed-gold.ts)', () => {
    expect(goldText).toBe(goldJson());
  });

  it('holds every unit of the seed: 42 targets per county or district, 39 for 开发区', () => {
    expect(gold.units.map((u) => [u.unit, u.targets.length])).toEqual([
      ['苍溪县', 42], ['旺苍县', 42], ['剑阁县', 42], ['青川县', 42], ['利州区', 42], ['昭化区', 42], ['朝天区', 42],
      ['广元经济技术开发区', 39],
    ]);
  });
});

describe('importFromText on the seed against the gold list', () => {
  it('finds every measurable target and nothing else: precision and recall 100%', () => {
    const expected = gold.units.flatMap((u) =>
      u.targets.map((t) => targetKey(u.unit, t.item, t.no, t.value, t.measure, t.comparator)),
    );
    const a = accuracy(expected, targetKeys(workbook));
    console.info(describeAccuracy('seed (8 units)', a));
    for (const u of gold.units) {
      const unit = accuracy(
        u.targets.map((t) => targetKey(u.unit, t.item, t.no, t.value, t.measure, t.comparator)),
        targetKeys({ units: workbook.units.filter((x) => x.unit === u.unit), warnings: [] }),
      );
      console.info(`  ${describeAccuracy(u.unit, unit)}`);
    }
    expect(a.missed).toEqual([]);
    expect(a.extra).toEqual([]);
    expect([a.precision, a.recall]).toEqual([1, 1]);
  });

  it('reads the qualitative items as 达标 against 是, the deductions and the ratings as the gold says', () => {
    for (const g of gold.units) {
      const rows = workbook.units.find((u) => u.unit === g.unit)!.rows;
      const qualitative = rows.filter((r) => r.target === '是').map((r) => ({ item: r.item, no: itemNo(r.content) }));
      expect(qualitative, g.unit).toEqual(g.qualitative);
      expect(rows.filter((r) => r.target === '是').every((r) => r.rule === '达标')).toBe(true);

      const own = rows.filter((r) => r.sharedTable === undefined);
      const deductions = own
        .filter((r) => r.rule === '扣分' || r.rule === '按件扣分')
        .map((r) => ({ item: r.item, no: itemNo(r.content)!, rule: r.rule, ...(r.rate ? { rate: r.rate } : {}), cap: r.weight }));
      expect(deductions, g.unit).toEqual(g.deductions);
      expect(own.filter((r) => r.rule === '评分').map((r) => r.item), g.unit).toEqual(g.ratings);

      const shared = rows.filter((r) => r.sharedTable !== undefined);
      expect(shared.every((r) => r.item === g.shared.item && r.rule === '扣分' && r.weight === g.shared.weight)).toBe(true);
      expect(shared).toHaveLength(g.shared.rows);
    }
  });

  it('flags nothing and warns about nothing on the seed', () => {
    expect(workbook.units.flatMap((u) => u.rows.filter((r) => r.flagged))).toEqual([]);
    expect(workbook.warnings).toEqual([]);
  });
});
