/*
 * Numbers in indicator prose that are never targets: years, dates, anniversaries, congress sessions,
 * hotlines and phone numbers, deadlines (3天内), slogans (三个代表, 八项规定), names in quotes (“三下乡”).
 * They are masked out before targets are read, keeping every offset, so the extractor never sees them
 * and a number left over after extraction is one a person should look at.
 */

/** Stands in for a masked character; never a digit, numeral, measure word or punctuation the extractor reads. */
export const MASK = '\u25a1';

const CN = '零〇一二两三四五六七八九十百千万';
const N = `(?:\\d+(?:\\.\\d+)?|[${CN}]+)`;

/** Set phrases whose numeral is part of a name, not a count. */
const SLOGANS = [
  '三个代表', '四个全面', '四个意识', '四个自信', '两个维护', '两个确立', '两个一百年', '八项规定', '三严三实',
  '两学一做', '三会一课', '五个一', '一个中心', '两个基本点', '三下乡', '四好少年', '五四', '六一', '七一', '八一',
  '十大活动', '三兴', '五创', '一岗双责', '一票否决', '一把手', '一对一', '一帮一', '一人一档', '一事一议', '一站式',
  '一线', '一体化', '一系列', '一批', '一方面', '一定', '一步', '一些', '一切', '一律', '一起抓', '第一',
];

const PATTERNS: RegExp[] = [
  // 2014年度, 2014年3月5日, 二〇一四年, 3月份, 5月4日, 12日
  /\d{4}\s*年(?:度)?/g,
  /[〇零一二三四五六七八九]{4}年(?:度)?/g,
  new RegExp(`${N}\\s*月(?:份|底|初|中旬|上旬|下旬)?(?:\\s*${N}\\s*[日号])?`, 'g'),
  /\d{1,2}\s*[日号](?![常])/g,
  // anniversaries, sessions, congresses: 建团90周年, 十八届三中全会, 六届八次全会, 十九大
  new RegExp(`${N}\\s*周年`, 'g'),
  new RegExp(`${N}\\s*届(?:\\s*${N}\\s*[中次]全会)?`, 'g'),
  new RegExp(`${N}\\s*[中次]全会`, 'g'),
  /[十二][十一二三四五六七八九]?大(?=精神|报告|代表|会议|以来|召开|胜利|的)/g,
  // ordinals, periods before a count: 第三次, 前三年, 近五年, 每半年
  new RegExp(`第\\s*${N}`, 'g'),
  new RegExp(`[前近后]\\s*${N}\\s*(?:年|个月|季度)`, 'g'),
  // hotlines, phone numbers, long codes: 12355, 0839-3266123, 400-123-4567
  /\d{3,4}\s*-\s*\d{7,8}|\d{3}-\d{3}-\d{4}|\d{5,}(?![\d.,]|\s*(?:万|名|人|次|个|元|条|户|家|篇|份|件|起|套|项|场|天|所|期|小时|%))/g,
  // deadlines: 3天内, 五个工作日内, 24小时
  new RegExp(`${N}\\s*(?:个)?(?:工作)?[天日]\\s*(?:之)?内(?!容)`, 'g'),
  /24\s*小时/g,
  // the step of a deduction: 每少1人扣0.5分, 每发生一起
  new RegExp(`每(?:少|差|缺|减少|发生|出现)[^，。；;,]{0,4}?${N}`, 'g'),
  // times of day: 9:00
  /\d{1,2}:\d{2}/g,
];

const QUOTED = new RegExp(`[“"「《‘]\\s*(${N})`, 'g');

function maskRange(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) chars[i] = MASK;
}

/** `text` (already half-width) with every distractor number replaced by MASK; offsets are kept (UTF-16 units). */
export function maskDistractors(text: string): string {
  const units = text.split('');
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) maskRange(units, m.index, m.index + m[0].length);
  }
  for (const word of SLOGANS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) maskRange(units, at, at + word.length);
  }
  // A numeral right after an opening quote names something: “三下乡”, 《2014年工作要点》.
  for (const m of text.matchAll(QUOTED)) {
    const start = m.index + m[0].length - m[1].length;
    maskRange(units, start, start + m[1].length);
  }
  return units.join('');
}
