import type { Feedback } from './feedback.ts';
import { lineHeight, onePageScale, textWidth, wrappedLines, type Margins } from './printPage.ts';
import type { Ranking } from './ranking.ts';

export type CellStyle = 'title' | 'subtitle' | 'header' | 'text' | 'num' | 'name' | 'score' | 'rank' | 'full' | 'section' | 'note' | 'foot' | 'footRight';

/** Font size (points) of each style: 10 pt or more everywhere that is read. */
export const FONT_SIZE: Record<CellStyle, number> = {
  title: 16, subtitle: 11, header: 11, text: 10, num: 10, name: 11, score: 11, rank: 11, full: 11, section: 12, note: 10.5, foot: 12, footRight: 12,
};

export interface PlanCell {
  /** 0-based. */
  col: number;
  /** Columns merged from col on (1 = the cell alone). */
  span: number;
  value: string | number | null;
  style: CellStyle;
  /** A number shown with two decimals. */
  hundredths?: boolean;
}

export interface PlanRow {
  height: number;
  cells: PlanCell[];
}

export interface SheetPlan {
  name: string;
  /** Characters, per column. */
  widths: number[];
  rows: PlanRow[];
  margins: Margins;
  /** Percent; the whole sheet fits one A4 portrait page at this scale. */
  scale: number;
  /** Rows (0-based) of the table's header, bordered and filled. */
  tableRows: Set<number>;
}

export const MARGINS: Margins = { left: 0.5, right: 0.5, top: 0.45, bottom: 0.45 };

const text = (v: PlanCell['value']): string => (v === null ? '' : typeof v === 'number' ? v.toFixed(2) : v);

class PlanBuilder {
  rows: PlanRow[] = [];
  tableRows = new Set<number>();
  constructor(readonly widths: number[]) {}

  spanWidth(col: number, span: number): number {
    return this.widths.slice(col, col + span).reduce((s, w) => s + w, 0);
  }

  /** A row of cells; its height shows every cell's wrapped text, at least `min` points. */
  row(cells: PlanCell[], { min = 0, table = false } = {}): void {
    // A number never wraps: its column is made wide enough.
    const lines = (c: PlanCell) => (typeof c.value === 'number' ? 1 : wrappedLines(text(c.value), this.spanWidth(c.col, c.span), FONT_SIZE[c.style]));
    const height = Math.max(min, ...cells.map((c) => lineHeight(lines(c), FONT_SIZE[c.style])));
    if (table) this.tableRows.add(this.rows.length);
    this.rows.push({ height, cells });
  }

  /** One text across the whole width. */
  line(value: string, style: CellStyle, min = 0): void {
    this.row([{ col: 0, span: this.widths.length, value, style }], { min });
  }

  gap(height = 8): void {
    this.rows.push({ height, cells: [] });
  }

  done(name: string): SheetPlan {
    const scale = onePageScale(this.widths, this.rows.map((r) => r.height), MARGINS);
    return { name, widths: this.widths, rows: this.rows, margins: MARGINS, scale, tableRows: this.tableRows };
  }
}

const c = (col: number, value: PlanCell['value'], style: CellStyle, span = 1): PlanCell => ({
  col, span, value, style, ...(typeof value === 'number' && (style === 'score' || style === 'full' || style === 'num') ? { hundredths: true } : {}),
});

/** A header too wide for its column, broken in the middle (职能\n指标), not wherever the program wraps it (职能指\n标). */
function balancedBreak(header: string, width: number): string {
  const chars = [...header];
  if (textWidth(header) * (FONT_SIZE.header / 11) <= width - 1 || chars.length < 2 || header.includes('\n')) return header;
  const half = Math.ceil(chars.length / 2);
  return `${chars.slice(0, half).join('')}\n${chars.slice(half).join('')}`;
}

export const RANKING_SHEET = '公示';
export const FOOT_OFFICE = '发布单位（盖章）：';
const GAP = '\u3000\u3000';
export const FOOT_DATE = `日期：${GAP}${GAP}年${GAP}月${GAP}日`;

/** 公示 laid out for one A4 portrait page: title, date, header, 满分, one row per unit, notes and the foot. */
export function rankingPlan(r: Ranking): SheetPlan {
  const longest = Math.max(4, ...r.rows.map((row) => textWidth(row.unit)));
  const head = ['排名', '单位', ...r.categories, '总分', ...(r.graded ? ['等次'] : []), ...(r.compared ? ['上年总分', '上年排名', '名次变化'] : [])];
  // Numbers never wrap and need no more; words must stay on one line (优秀, ↑12): with 等次 and the three 上年
  // columns the table still fits A4 portrait at 91 % or more, so the unit names print at 10 pt.
  const widths = head.map((h, i) => (i === 0 ? 5 : i === 1 ? Math.min(22, Math.ceil(longest + 2)) : h === '名次变化' ? 5.5 : h === '等次' || h === '上年排名' ? 5 : h === '总分' ? 7 : 6.5));
  const b = new PlanBuilder(widths);
  const all = widths.length;
  b.line(r.pending.length > 0 ? `${r.title}（草稿）` : r.title, 'title', 30);
  b.line(`制表日期：${r.date}`, 'subtitle', 18);
  b.row(head.map((h, i) => c(i, balancedBreak(h, widths[i]), 'header')), { min: 22, table: true });
  const after = (from: number) => from + r.categories.length;
  b.row([
    c(0, null, 'full'), c(1, '满分', 'name'),
    ...r.fullMarks.map((m, i) => c(2 + i, m ?? '—', 'full')),
    c(after(2), r.fullTotal ?? '—', 'full'),
    ...(r.graded ? [c(after(3), null, 'full')] : []),
    ...(r.compared ? [0, 1, 2].map((k) => c(after(3) + (r.graded ? 1 : 0) + k, null, 'full')) : []),
  ], { min: 15, table: true });
  for (const row of r.rows) {
    const cells: PlanCell[] = [
      c(0, row.rank ?? '—', 'rank'), c(1, row.unit, 'name'),
      ...row.subtotals.map((s, i) => c(2 + i, s ?? '—', 'score')),
      c(after(2), row.total ?? '无法计分', 'score'),
    ];
    let k = after(3);
    if (r.graded) cells.push(c(k++, row.grade ?? '—', 'rank'));
    if (r.compared) {
      cells.push(c(k++, row.lastYear?.total ?? '—', 'score'), c(k++, row.lastYear?.rank ?? '—', 'rank'), c(k++, row.change ?? '—', 'rank'));
    }
    b.row(cells, { min: 15, table: true });
  }
  b.gap(6);
  if (r.pending.length > 0) {
    b.line(`注：以下单位的分数尚未确定，本表为草稿，改正后请重新计分并重新生成：${r.pending.map((p) => `${p.unit}（${p.status}）`).join('；')}。`, 'note');
  }
  if (r.gone.length > 0) b.line(`上年参加考核、本年未参加：${r.gone.join('、')}。`, 'note');
  b.gap(10);
  const half = Math.max(2, Math.floor(all / 2));
  b.row([c(0, FOOT_OFFICE, 'foot', half), c(half, FOOT_DATE, 'footRight', all - half)], { min: 22 });
  return b.done(RANKING_SHEET);
}

/** 考核内容 is cut to this many characters on 反馈: the unit has the full text in its 考核表. */
export const CONTENT_LIMIT = 40;
const cutText = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/** 反馈 columns (characters): two tables share them, the 项目 table and the table of rows that lost points. */
const FEEDBACK_WIDTHS = [10.5, 13, 6.5, 6.5, 6.5, 6.5, 16, 12];

export function feedbackSheetName(unit: string, taken: Set<string>): string {
  const base = `反馈-${unit}`.replace(/[[\]:*?/\\]/g, '_');
  let name = base.slice(0, 31);
  for (let k = 2; taken.has(name); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  taken.add(name);
  return name;
}

/** 反馈 of one unit laid out for one A4 portrait page. */
export function feedbackPlan(f: Feedback, sheetName: string): SheetPlan {
  const b = new PlanBuilder([...FEEDBACK_WIDTHS]);
  const all = FEEDBACK_WIDTHS.length;
  b.line(`${f.title}反馈`, 'title', 30);
  const rank = f.rank === null ? '—' : `${f.rank}（共${f.ranked}个单位）`;
  b.line([
    `单位：${f.unit}`,
    `总分：${f.total === null ? '无法计分' : f.total.toFixed(2)}（满分${f.fullMarks.toFixed(2)}）`,
    `排名：${rank}`,
    ...(f.graded ? [`等次：${f.grade ?? '—'}`] : []),
  ].join(GAP), 'subtitle', 20);
  const self = f.selfTotal === null ? '' : `${GAP}自评总分：${f.selfTotal.toFixed(2)}${GAP}核减：${(f.cut ?? 0).toFixed(2)}`;
  b.line(`状态：${f.status}${self}${GAP}制表日期：${f.date}`, 'subtitle', 18);

  b.line('一、各项目得分', 'section', 22);
  b.row(['类别', '项目', '分值', '自评分', '得分', '核减'].map((h, i) => c(i, h, 'header')), { table: true });
  for (const it of f.items) {
    b.row([
      c(0, it.category, 'text'), c(1, it.bonus ? `${it.item}（加分）` : it.item, 'text'), c(2, it.points, 'num'),
      c(3, it.selfScore ?? '—', 'num'), c(4, it.score, 'num'), c(5, it.cut ?? '—', 'num'),
    ], { min: 15, table: true });
  }

  b.line('二、失分的指标', 'section', 22);
  if (f.lost.length === 0) b.line('没有失分的指标。', 'note');
  else {
    b.row([c(0, '项目', 'header'), c(1, '考核内容', 'header', 3), c(4, '得分', 'header'), c(5, '失分', 'header'), c(6, '说明', 'header'), c(7, '考核意见', 'header')], { table: true });
    for (const row of f.lost) {
      b.row([
        c(0, row.item, 'text'), c(1, cutText(row.content, CONTENT_LIMIT), 'text', 3), c(4, row.score, 'num'), c(5, row.lost, 'num'),
        c(6, row.note, 'text'), c(7, row.remark === '' ? null : row.remark, 'text'),
      ], { min: 15, table: true });
    }
  }

  b.line('三、扣分的案件', 'section', 22);
  if (f.cases.length === 0) b.line('没有登记的案件。', 'note');
  else {
    b.row([c(0, '日期', 'header'), c(1, '简要案情', 'header', 3), c(4, '等级', 'header'), c(5, '扣分', 'header'), c(6, '项目', 'header', 2)], { table: true });
    for (const k of f.cases) {
      b.row([
        c(0, k.date, 'text'), c(1, k.summary, 'text', 3), c(4, k.level, 'text'), c(5, k.deduction ?? '未扣分', 'num'), c(6, k.item ?? '', 'text', 2),
      ], { min: 15, table: true });
    }
  }

  b.line('四、尚未改正的错误', 'section', 22);
  if (f.errors.length === 0) b.line('没有错误。', 'note');
  else {
    b.row([c(0, '单元格', 'header'), c(1, '错误', 'header', all - 1)], { table: true });
    for (const e of f.errors) b.row([c(0, e.cell ? `${e.sheet}!${e.cell}` : e.sheet, 'text'), c(1, e.message, 'text', all - 1)], { min: 15, table: true });
  }
  b.gap(14);
  b.row([c(0, '考核单位（盖章）：', 'foot', 4), c(4, FOOT_DATE, 'footRight', all - 4)], { min: 22 });
  return b.done(sheetName);
}
