import { describe, expect, it } from 'vitest';
import { scoreWorkbook } from '../../src/engine/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { HEADER } from './lib/assessment.ts';
import { buildPackage, sheetXml } from './lib/package.ts';

// Known engine defects found by the property tests (src/engine is not this suite's to change).
// Each case is marked `fails` while the defect is there: once the engine is fixed the case fails as a
// reminder, and `.fails` is removed so it guards the fix.
const grid = (points: number, weight: number, actual: number) => [HEADER, ['职能指标', '项目', points, '内容', '评分', null, null, weight, null, actual]];

describe('engine with absurd numbers (reported: needs an engine fix)', () => {
  it('a 分值 of 1e307 read from a real .xlsx is an error issue, not a crash', () => {
    const bytes = buildPackage({ sheets: [{ name: '测试县', xml: sheetXml(grid(1e307, 5, 3)) }] });
    expect(() => scoreXlsx(bytes)).not.toThrow();
    expect(scoreXlsx(bytes).result.issues).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('数值过大') }));
  });

  it('a 分值 beyond 2^53 hundredths is refused as too large, never a wrong difference', () => {
    const r = scoreWorkbook({ sheets: [{ name: '测试县', grid: grid(1e16, 5, 3) }] });
    expect(r.issues.map((i) => i.message).join('')).not.toMatch(/\.88分/);
  });

  it('a 细项分值 of 1e307 never prints "Infinity.NaN"', () => {
    const r = scoreWorkbook({ sheets: [{ name: '测试县', grid: grid(10, 1e307, 3) }] });
    expect(r.issues.map((i) => i.message).join('')).not.toMatch(/Infinity|NaN/);
  });
});
