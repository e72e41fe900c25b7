import { parseChineseInteger } from '../engine/index.ts';
import type { Comparator } from './model';
import { MASK, maskDistractors } from './distractors';
import { toHalfWidth } from './text';

export interface ExtractedTarget {
  value: number;
  /** 名, 人, 次, 个, …, 万元, % */
  measure: string;
  comparator: Comparator;
  /** short Chinese description, e.g. 西部计划志愿者 */
  label: string;
  /** the matched span of the original text, e.g. 不少于50人 */
  source: string;
  /** 0..1 */
  confidence: number;
  /** the comparator as written (不少于, 以上, …), carried over in 不低于20次、35天; '' for a bare number */
  comparatorText: string;
  /** why a person should check this target (Chinese); empty when the reading is plain */
  notes: string[];
}

const CN = '零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';
const DECIMAL = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const NUMBER = new RegExp(
  `百分之(${DECIMAL}|[${CN}]+)` +
    `|(${DECIMAL})(?:\\s*[-~—至到]\\s*(${DECIMAL}))?` +
    `|([${CN}]+)(?:[-~—至到]([${CN}]+))?`,
  'g',
);

/** Longest first, so 万元 wins over 元 and 个/次 over 个. */
const MEASURES = [
  '万元', '个/次', '人次', '场次', '小时', '名', '人', '次', '个', '场', '条', '篇', '天', '所', '套', '项', '期', '家', '户', '元',
  '件', '起', '支', '份', '%',
];
/** What a measure word may be read as: 个/次 counts activities, written 个. */
const MEASURE_AS: Record<string, string> = { '个/次': '个' };
/** A measure character that begins another word is no measure: 3项目, 四次全会, 一次性. */
const NOT_MEASURE = [
  '项目', '名单', '名额', '名称', '条件', '条例', '家庭', '家长', '所有', '户口', '元旦', '期间', '次性', '次全会', '天然',
  '起来', '件事', '份子', '支部', '支持',
];
/** 约30人, 近百名, 30余名, 30人左右: an estimate, not a target a unit can be held to. */
const ABOUT_BEFORE = ['大约', '将近', '约', '近', '逾'];
const ABOUT_INSIDE = ['余', '多'];
const ABOUT_AFTER = ['左右'];
/** 每季度1次 is a rate: the year's target depends on how the rate is counted. */
const RATE = /每\s*(?:半年|季度|季|月|周|星期|学期|旬|两个月|双月)/;

/** Longer words first: 不得少于 must not be read as 少于. */
const PREFIX: [string, Comparator][] = [
  ['不得少于', '>='], ['不得低于', '>='], ['不得超过', '<='], ['不得多于', '<='], ['不得高于', '<='],
  ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['不超过', '<='], ['不多于', '<='], ['不高于', '<='], ['不大于', '<='],
  ['至少', '>='], ['达到', '>='], ['超过', '>'], ['高于', '>'], ['多于', '>'], ['低于', '<'], ['少于', '<'],
  ['>=', '>='], ['≥', '>='], ['<=', '<='], ['≤', '<='], ['>', '>'], ['<', '<'],
];
const POSTFIX: [string, Comparator][] = [['以上', '>='], ['以内', '<='], ['以下', '<=']];

/** Ordinals, sessions and rates are never targets: 第三次, 十届四次全会, 每10人. Opening quotes start names: “三下乡”. */
const NOT_BEFORE = new Set(['第', '届', '每', '“', '"', '「', '《']);
const CLAUSE_END = /[，,。；;：:！!？?\n]/;

const LEADING_WORDS = [
  '新招募派遣', '招募派遣', '招募', '组织开展', '开展', '完成', '组建', '建立', '新建', '创建', '培育', '选树',
  '召开', '全年', '每年', '一年', '积极', '大力', '全面', '累计', '为',
];
const TRAILING_WORDS = ['全年开展', '人数', '场次', '全年', '一年', '每年', '累计', '共计', '的'];

/** A leading date or year is context, not part of what is counted: 2014年3月前完成… */
const LEADING_DATE = /^(?:\s*(?:\d{4}\s*年度?|\d{1,2}\s*月份?|\d{1,2}\s*[日号]|[前底内初起]|以来|之前|以前)\s*)+/;

function cleanLabel(raw: string): string {
  let s = raw.replace(LEADING_DATE, '').replace(/^[\s、，,和及与；;：:]+|[\s、，,；;：:]+$/g, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of LEADING_WORDS) {
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
    }
    for (const w of TRAILING_WORDS) {
      if (s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return s.trim();
}

function readNumber(token: string): number | null {
  if (/^[\d.,]+$/.test(token)) {
    const n = Number(token.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return parseChineseInteger(token);
}

function clauseStart(norm: string, before: number, floor: number): number {
  for (let i = before - 1; i >= floor; i--) if (CLAUSE_END.test(norm[i])) return i + 1;
  return floor;
}

const WORD_PREFIXES = PREFIX.filter(([w]) => /[\u4e00-\u9fff]/.test(w));

/** The comparator word nearest the end of `text`; 不低于 wins over the 低于 inside it. */
function findComparatorIn(text: string): { word: string; comparator: Comparator; at: number } | null {
  let best: { word: string; comparator: Comparator; at: number } | null = null;
  for (const [word, comparator] of WORD_PREFIXES) {
    const at = text.lastIndexOf(word);
    if (at < 0) continue;
    const end = at + word.length;
    const bestEnd = best ? best.at + best.word.length : -1;
    if (end > bestEnd || (end === bestEnd && word.length > best!.word.length)) best = { word, comparator, at };
  }
  return best;
}

const ITEM_NUMBER = /^\s*\d{1,2}\s*[.、](?:(?!\d)|(?=\d{4}\s*年))\s*/;

/** The offset just past an item number ("5." or "12、"), 0 where the text has none. */
export function itemNumberEnd(norm: string): number {
  return ITEM_NUMBER.exec(norm)?.[0].length ?? 0;
}

/**
 * Every measurable target in one numbered item's text, in order:
 * "5.建设服务型团组织…全年培训辅导员不少于50人、基层团干部不少于50人。" gives two targets of 50人.
 * Years, dates, sessions, hotlines and the like are masked first (see distractors.ts).
 */
export function extractTargets(text: string): ExtractedTarget[] {
  return extractSpans(text).map(({ end: _end, start: _start, ...target }) => ({ ...target, confidence: round2(target.confidence) }));
}

/** A target with the span [start, end) it was read from, in UTF-16 units of the text. */
export type TargetSpan = ExtractedTarget & { start: number; end: number };

export function extractSpans(text: string): TargetSpan[] {
  const norm = maskDistractors(toHalfWidth(text));
  const start = itemNumberEnd(norm);
  const found: TargetSpan[] = [];
  const numbers = new RegExp(NUMBER);
  numbers.lastIndex = start;

  for (let m = numbers.exec(norm); m !== null; m = numbers.exec(norm)) {
    const s = m.index;
    let e = s + m[0].length;
    const previousChar = norm.slice(0, s).trimEnd().slice(-1);
    if (NOT_BEFORE.has(previousChar) || previousChar === MASK) continue;

    let value: number | null;
    let isRange = false;
    let isChinese = false;
    let measure: string | null = null;
    if (m[1] !== undefined) {
      value = readNumber(m[1]);
      measure = '%';
      isChinese = !/\d/.test(m[1]);
    } else if (m[2] !== undefined) {
      value = readNumber(m[2]);
      isRange = m[3] !== undefined;
    } else {
      let run = m[4];
      isChinese = true;
      isRange = m[5] !== undefined;
      // 十万元 is 10 万元, not 100000 元.
      if (!isRange && run.length > 1 && run.endsWith('万') && norm[e] === '元') {
        run = run.slice(0, -1);
        e -= 1;
      }
      value = readNumber(run);
    }
    if (value === null || value <= 0) continue;

    let cursor = e;
    while (norm[cursor] === ' ') cursor++;
    let about = ABOUT_BEFORE.some((w) => norm.slice(0, s).trimEnd().endsWith(w));
    if (measure === null) {
      // Arabic 3万人 is 30000人; 5万元 keeps its 万元.
      if (norm[cursor] === '万' && norm[cursor + 1] !== '元' && !isChinese) {
        value *= 10_000;
        cursor++;
      }
      // 30余名, 二十多人
      if (ABOUT_INSIDE.includes(norm[cursor]) && MEASURES.some((w) => norm.startsWith(w, cursor + 1))) {
        about = true;
        cursor++;
      }
      measure = MEASURES.find((w) => norm.startsWith(w, cursor)) ?? null;
      if (measure === null) continue;
      if (NOT_MEASURE.some((w) => norm.startsWith(w, cursor))) continue;
      // 一人一档 is a slogan, not a target.
      if (m[0] === '一' && norm[cursor + measure.length] === '一') continue;
      cursor += measure.length;
    }
    const measureEnd = cursor;

    let comparator: Comparator = '>=';
    let comparatorText = '';
    let explicit = false;
    let sourceStart = s;
    let sourceEnd = measureEnd;

    const postfix = POSTFIX.find(([w]) => norm.startsWith(w, measureEnd));
    const floor = found.length > 0 ? found[found.length - 1].end : start;
    const clause = clauseStart(norm, s, floor);
    let labelEnd = s;
    let beforeText = norm.slice(clause, s).trimEnd();
    const aboutWord = ABOUT_BEFORE.find((w) => beforeText.endsWith(w));
    if (aboutWord) beforeText = beforeText.slice(0, -aboutWord.length);
    const prefix = PREFIX.find(([w]) => beforeText.endsWith(w));
    if (prefix) {
      comparator = prefix[1];
      comparatorText = prefix[0];
      explicit = true;
      labelEnd = clause + beforeText.length - prefix[0].length;
      sourceStart = labelEnd;
    } else if (aboutWord) {
      labelEnd = clause + beforeText.length;
      sourceStart = labelEnd;
    }
    if (postfix) {
      // 达到3000人以上 reads as one ≥; 以内 after 达到 still bounds from above.
      if (!prefix || prefix[0] === '达到') {
        comparator = postfix[1];
        comparatorText = prefix ? `${prefix[0]}…${postfix[0]}` : postfix[0];
      }
      explicit = true;
      sourceEnd = measureEnd + postfix[0].length;
    }
    const after = ABOUT_AFTER.find((w) => norm.startsWith(w, sourceEnd));
    if (after) {
      about = true;
      sourceEnd += after.length;
    }
    // 与学校一起开展: 一起 is "together"; 一件 and 一起 count only after a comparator.
    if (isChinese && value === 1 && (measure === '起' || measure === '件') && !explicit) continue;

    let label: string | null = null;
    let confidence = explicit ? 1 : 0.9;
    const notes: string[] = [];
    // The label is the clause before the number, less the comparator and any 各.
    let labelText = text.slice(clause, labelEnd);
    const previous = found[found.length - 1];
    const gap = previous ? norm.slice(previous.end, s) : '';
    if (!explicit && previous && /^\s*[、,，和及与]\s*$/.test(gap)) {
      // 不低于20次、35天: the comparator and the label carry over.
      comparator = previous.comparator;
      comparatorText = previous.comparatorText;
      label = previous.label;
    } else if (!explicit) {
      const inClause = findComparatorIn(beforeText);
      if (inClause) {
        // 每年至少召开一次…会议
        comparator = inClause.comparator;
        comparatorText = inClause.word;
        labelText = labelText.slice(0, inClause.at) + labelText.slice(inClause.at + inClause.word.length);
      }
    }
    if (isChinese) confidence -= 0.05;
    if (isRange) {
      confidence = Math.min(confidence, 0.6);
      notes.push(`目标是一个范围（${text.slice(s, e)}），暂取下限 ${value}`);
    }
    if (about) {
      confidence = Math.min(confidence, 0.6);
      notes.push(`目标是约数（${text.slice(sourceStart, sourceEnd)}），请确定考核值`);
    }
    const rate = RATE.exec(norm.slice(clause, s));
    if (rate) {
      confidence = Math.min(confidence, 0.6);
      notes.push(`目标按频次写（${rate[0]}），请确定全年目标值`);
    }

    let eachParts: string[] = [];
    if (labelText.trimEnd().endsWith('各')) {
      // 工作创新案例和工作调研文章各1篇: one target per named thing.
      labelText = labelText.trimEnd().slice(0, -1);
      sourceStart = Math.min(sourceStart, clause + labelText.length);
      eachParts = cleanLabel(labelText)
        .split(/和|与|及|、/)
        .map(cleanLabel)
        .filter((p) => p !== '');
    }
    if (label === null) {
      label = cleanLabel(labelText);
      if (label === '') {
        // 组建40人的县级网络宣传员队伍, 完成80人小额贷款: the description follows the number.
        let stop = sourceEnd;
        while (stop < norm.length && !CLAUSE_END.test(norm[stop]) && norm[stop] !== '、') stop++;
        label = cleanLabel(text.slice(sourceEnd, stop).replace(/^的/, '').replace(/队伍$/, ''));
      }
      if (label === '') label = previous?.label ?? '目标';
    }

    const base = {
      value,
      measure: MEASURE_AS[measure] ?? measure,
      comparator,
      source: text.slice(sourceStart, sourceEnd),
      comparatorText,
      notes,
      start: sourceStart,
      end: sourceEnd,
    };
    if (eachParts.length >= 2) {
      for (const part of eachParts) found.push({ ...base, label: part, confidence: Math.min(confidence, 0.85) });
    } else {
      found.push({ ...base, label, confidence });
    }
    numbers.lastIndex = Math.max(numbers.lastIndex, sourceEnd);
  }
  return found;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

const STRAY = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]{2,}/g;

/**
 * Numbers of an item that no target, item number or known distractor explains: 30 in 培训志愿者30余批.
 * Single Chinese numerals are left out: 一 and 三 turn up in too many words (一年, 三下乡) to mean anything.
 */
export function strayNumbers(text: string, spans: readonly { start: number; end: number }[]): string[] {
  const norm = maskDistractors(toHalfWidth(text));
  const from = itemNumberEnd(norm);
  const out: string[] = [];
  for (const m of norm.matchAll(STRAY)) {
    if (m.index < from) continue;
    if (spans.some((t) => m.index < t.end && m.index + m[0].length > t.start)) continue;
    // Chinese runs count only where they read as one numeral: 二十 and 一百 do, 千万 (by all means) does not.
    if (!/\d/.test(m[0]) && parseChineseInteger(m[0]) === null) continue;
    out.push(text.slice(m.index, m.index + m[0].length));
  }
  return out;
}
