import { describe, expect, it } from 'vitest';
import { isRawIndicatorWorkbook } from '../../src/import/index.ts';

const raw = { grid: [['类别', '考核内容', '分值'], ['职能指标', '发展团员19名', 4]] };

describe('a raw indicator workbook', () => {
  it('is one whose only tables are indicator tables', () => {
    expect(isRawIndicatorWorkbook([raw])).toBe(true);
  });
  it('is not one that holds a 考核表 that cannot be scored, nor a reference table of results', () => {
    const unscorable = { grid: [['类别', '考核内容', '计分方式', '目标值', '实际完成情况'], ['职能指标', '发展团员', '比例', 19, 17]] };
    const reference = { grid: [['单位', '考核内容', '目标值', '实际完成'], ['苍溪县', '发展团员', 19, 17]] };
    expect(isRawIndicatorWorkbook([raw, unscorable])).toBe(false);
    expect(isRawIndicatorWorkbook([raw, reference])).toBe(false);
  });
});
