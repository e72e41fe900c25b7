const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/**
 * Reads a whole Chinese integer numeral: 三 → 3, 十九 → 19, 二十 → 20, 一百零五 → 105, 两万三千 → 23000.
 * Digit-by-digit forms such as 二〇一四 read as 2014. Returns null when the text is not exactly one numeral.
 */
export function parseChineseInteger(text: string): number | null {
  const s = text.trim();
  if (s === '') return null;
  for (const ch of s) if (!(ch in DIGITS) && !(ch in SMALL_UNITS) && !(ch in BIG_UNITS)) return null;
  if ([...s].every((ch) => ch in DIGITS) && s.length > 1) {
    return Number([...s].map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && DIGITS[ch] !== 0 && digit !== 0) return null; // 三五 inside a unit numeral
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmall) return null;
      // A bare 十 at the start of a section means 一十.
      section += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastSmall = unit;
    } else {
      const unit = BIG_UNITS[ch];
      if (unit >= lastBig) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * unit;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = unit;
    }
  }
  return total + section + (digit ?? 0);
}
