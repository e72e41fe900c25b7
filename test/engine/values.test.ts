import { describe, expect, it } from 'vitest';
import { formatRational, parseDecimal, rational, fromNumber, toHundredths } from '../../src/engine/decimal.ts';
import { parseChineseInteger } from '../../src/engine/numerals.ts';
import { readNumber, readTarget, readYesNo } from '../../src/engine/values.ts';
import { propertyRuns } from '../propertyRuns';

const num = (v: string | number, measure = '') => {
  const r = readNumber(v, measure);
  return r.ok ? formatRational(r.value) + (r.percent ? '%' : '') : null;
};

describe('reading what units typed (docs/bad-input.md)', () => {
  it.each([
    [19, '19'], ['19', '19'], [' 19 ', '19'], ['１９', '19'], ['3,000', '3000'], ['3，000', '3000'], ['12.5', '12.5'],
    ['19名', '19'], ['3次', '3'], ['40人', '40'], ['十九', '19'], ['二十', '20'], ['三', '3'], ['一百零五', '105'],
    ['两', '2'], ['十九名', '19'], ['90%', '90%'], ['９０％', '90%'], ['1.5万元', '1.5'],
  ])('%s reads as %s', (input, want) => {
    expect(num(input as string | number)).toBe(want);
  });

  it.each(['约三十', '二十余', '1,00', '19名左右', 'abc', '#DIV/0!', '3-5', '', '   '])('%s is not a number', (input) => {
    expect(num(input)).toBeNull();
  });

  it('reads the row’s own measure word', () => {
    expect(num('2.5课时', '课时')).toBe('2.5');
    expect(num('5套', '套')).toBe('5');
  });

  it.each([
    ['是', true], ['完成', true], ['已完成', true], ['√', true], ['✓', true], ['Y', true], ['yes', true], ['true', true],
    ['否', false], ['未完成', false], ['×', false], ['✗', false], ['N', false], ['no', false], ['false', false],
    [true, true], [false, false], ['也许', null], [1, null],
  ])('%s reads as %s', (input, want) => {
    expect(readYesNo(input as string)).toBe(want);
  });

  it('reads comparators in targets', () => {
    const c = (v: string) => {
      const t = readTarget(v, '');
      return t.ok && t.target.kind === 'number' ? `${t.target.comparator}${formatRational(t.target.value)}` : null;
    };
    expect(['≥19', '>=19', '不少于19名', '不低于19', '达到19', '19以上', '至少19', '达到19人以上'].map(c)).toEqual(Array(8).fill('>=19'));
    expect(['≤5', '<=5', '不超过5', '5以内'].map(c)).toEqual(Array(4).fill('<=5'));
    expect(['<5', '低于5', '少于5'].map(c)).toEqual(Array(3).fill('<5'));
    expect(['>5', '超过5'].map(c)).toEqual(Array(2).fill('>5'));
  });
});

describe('exact decimals', () => {
  it('reads numbers as the decimals they display', () => {
    expect(formatRational(rational.add(fromNumber(0.1), fromNumber(0.2)))).toBe('0.3');
    expect(toHundredths(parseDecimal('1.005')!)).toBe(101);
    expect(toHundredths(parseDecimal('-1.005')!)).toBe(-101);
    expect(toHundredths(parseDecimal('2.675')!)).toBe(268); // 2.675 is 2.67499… as a binary float
    expect(toHundredths(parseDecimal('1.004999')!)).toBe(100);
  });

  it('reads Chinese numerals', () => {
    expect(['三', '十', '十九', '二十', '一百零五', '一千零一十', '两万三千'].map(parseChineseInteger)).toEqual([3, 10, 19, 20, 105, 1010, 23000]);
    expect(['万', '半', '三个', ''].map(parseChineseInteger)).toEqual([null, null, null, null]);
  });
});

describe('fromNumber', () => {
  it('reads every finite number exactly as the decimal it prints as', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
        expect(rational.cmp(fromNumber(x), parseDecimal(String(x))!)).toBe(0);
      }),
      propertyRuns(2014, 5000),
    );
    expect(formatRational(fromNumber(-0.5))).toBe('-0.5');
    expect(formatRational(fromNumber(0.85))).toBe('0.85');
    expect(toHundredths(fromNumber(1.005))).toBe(101);
  });
});
