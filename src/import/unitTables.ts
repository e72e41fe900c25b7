import { parseChineseInteger } from '../engine/index.ts';
import { classifyItem, shortLabel, type ItemRow } from './items';
import { DEDUCTION_RULES, FLAG_BELOW, type ImportedUnit, type ImportedWorkbook, type IndicatorRow } from './model';
import type { RawTable } from './rawTable';
import { compact, hasWords, joinLines, splitNumberedItems, toHalfWidth } from './text';
import { splitWeights } from './weights';

/*
 * What the raw tables mean: one 考核表 per unit table, its 项目 with their 分值, each numbered item
 * read into scoring rows (items.ts) with default weights (weights.ts), and the shared 保障指标 table
 * put in wherever a unit table says 见保障指标（实行扣分制）.
 */

/** 职能\n指标\n（70分） → 职能指标, 70; 一、重点工作 50分 → 重点工作, 50 */
export function readCategory(cell: string): { name: string; total: number | null } {
  const s = toHalfWidth(compact(cell)).replace(/^(?:[一二三四五六七八九十]+|\d+)[、.．]|^\(?[一二三四五六七八九十\d]+\)/, '');
  const m = /^(.*?)\((\d+(?:\.\d+)?)分\)$/.exec(s) ?? /^(.*?)(\d+(?:\.\d+)?)分$/.exec(s);
  return m ? { name: m[1], total: Number(m[2]) } : { name: s, total: null };
}

/** 15, "15", "15分", "１５", "十五" → 15; '' → null; anything else → NaN. Rounded to hundredths. */
export function readPoints(cell: string): number | null {
  const s = toHalfWidth(compact(cell)).replace(/分$/, '');
  if (s === '') return null;
  const n = /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : (parseChineseInteger(s) ?? NaN);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : NaN;
}

/**
 * 共青团苍溪县委… → 苍溪县; 广元经济技术开发区团委… → 广元经济技术开发区; 苍溪县2015年度… → 苍溪县;
 * '' where the title names no unit (2015年度目标绩效指标), so the sheet's name is used instead.
 */
export function unitNameFromTitle(title: string): string {
  const t = compact(title);
  const m =
    /^共青团(.+?)委(?:员会)?\d{4}年/.exec(t) ??
    /^(.+?)团委\d{4}年/.exec(t) ??
    /^(.+?)\d{4}年/.exec(t) ??
    /^(.+?)(?:年度)?(?:目标绩效|绩效目标|目标)(?:考核)?指标/.exec(t);
  if (!m) return /^\d{4}年/.test(t) ? '' : t;
  return /^\d+年?度?$/.test(m[1]) ? '' : m[1];
}

/** A shared table's name as units refer to it: 县（区）、开发区团委2014年度保障指标 → 保障指标. */
function sharedName(table: RawTable): string {
  const t = compact(table.title);
  return /年度(.+?)$/.exec(t)?.[1] ?? (t || table.source);
}

/** 类别 of rows in a table without a 类别 column. */
const DEFAULT_CATEGORY = '考核指标';

const SEE_TABLE = /见(.+?)(?:表)?[(（][^)）]*扣分制[)）]/;
const SHARED_TITLE = /保障指标|共性指标|扣分指标/;

interface SharedEntry {
  content: string;
  points: number;
}

/** The shared 保障指标 table: 类别 › sub-group › 内容, e.g. 社会治理·维稳综治：综治工作. */
function readSharedTable(table: RawTable, warnings: string[]): SharedEntry[] {
  const entries: SharedEntry[] = [];
  let category = '';
  let group = '';
  for (const row of table.rows) {
    if (compact(row.category) !== '') {
      category = compact(row.category);
      group = '';
    }
    if (compact(row.item) !== '') group = compact(row.item);
    const content = joinLines(row.content);
    if (content === '') continue;
    const points = readPoints(row.points);
    if (points === null || Number.isNaN(points) || points <= 0) {
      warnings.push(`“${table.title || table.source}”中“${content.slice(0, 20)}”的分值无法识别（${row.points || '空白'}），未读入。`);
      continue;
    }
    const path = group !== '' ? `${category}·${group}` : category;
    entries.push({ content: path !== '' ? `${path}：${content}` : content, points });
  }
  return entries;
}

interface Part {
  content: string;
  points: number | null;
  at: string;
}

/** "（Sheet1!B5）" for a cell's address, '' for text. */
const where = (address: string | undefined): string => (address ? `（${address}）` : '');

interface Block {
  category: string;
  /** 类别 as written, for 扣分制 */
  categoryCell: string;
  item: string | null;
  parts: Part[];
  points: number;
  /** each part carries its own points (one row per item, each with its 分值) */
  perPart: boolean;
  /** why every row of the 项目 is to be checked: a 类别 or 项目 cell that names nothing */
  notes: string[];
}

/** Cells grouped into 项目: a 分值 starts a 项目, except within a named 项目 carried down a merged cell. */
function readBlocks(table: RawTable, unit: string, warnings: string[]): { blocks: Block[]; totals: Map<string, number | null> } {
  const open: (Omit<Block, 'points' | 'perPart'> & { first: number | null; repeated: boolean })[] = [];
  const totals = new Map<string, number | null>();
  let category = '';
  let categoryCell = '';
  let categoryNotes: string[] = [];
  let item: string | null = null;
  for (const row of table.rows) {
    let newItem = false;
    let named = false;
    const rowNotes: string[] = [];
    if (compact(row.category) !== '') {
      const c = readCategory(row.category);
      if (c.name !== category) item = null;
      category = c.name;
      categoryCell = row.category;
      totals.set(category, c.total);
      categoryNotes = hasWords(c.name) ? [] : [`类别“${compact(row.category)}”${where(row.cells?.category)}没有名称，暂记作“${c.name || DEFAULT_CATEGORY}”，请填写类别名`];
    }
    let itemPoints: number | null = null;
    if (compact(row.item) !== '') {
      const c = readCategory(row.item);
      itemPoints = c.total !== null && c.total > 0 ? c.total : null;
      if (c.name === '') {
        // Only a number (2.) or a 分值 ((15分)): a 项目 without a name, named after its 类别 below.
        rowNotes.push(`项目“${compact(row.item)}”${where(row.cells?.item)}没有名称，暂按类别命名，请填写项目名`);
        newItem = item !== null;
        item = null;
      } else {
        if (!hasWords(c.name)) rowNotes.push(`项目“${c.name}”${where(row.cells?.item)}只有数字，请核对项目名`);
        named = true;
        // The same name again on the next row is the same 项目 written out instead of merged.
        newItem = c.name !== item;
        item = c.name;
      }
    }
    let points = readPoints(row.points);
    if (points !== null && (Number.isNaN(points) || points <= 0)) {
      warnings.push(`${unit}：${row.cells?.points || row.at ? `${row.cells?.points || row.at} ` : ''}分值“${row.points}”无法识别，该行未读入。`);
      continue;
    }
    points ??= itemPoints;
    const content = row.content;
    if (compact(content) === '' && points === null) continue;

    const current = open[open.length - 1];
    const sameGroup = current !== undefined && current.category === category && !newItem;
    const part = { content, points, at: row.at };
    if (sameGroup && (item !== null || points === null)) {
      current.parts.push(part);
      current.repeated &&= named;
      for (const n of rowNotes) if (!current.notes.includes(n)) current.notes.push(n);
    } else {
      open.push({ category, categoryCell, item, parts: [part], first: points, repeated: true, notes: [...categoryNotes, ...rowNotes] });
    }
  }

  const blocks: Block[] = [];
  for (const b of open) {
    const explicit = b.parts.filter((p) => p.points !== null);
    // Every row with its own 分值: the items' own points, unless a written-out table repeats the 项目's.
    const allEqual = explicit.every((p) => p.points === explicit[0].points);
    const perPart = b.parts.length > 1 && explicit.length === b.parts.length && !(b.repeated && allEqual);
    let points = perPart ? explicit.reduce((s, p) => s + Math.round(p.points! * 100), 0) / 100 : b.first;
    if (points === null) {
      // A group with one block and no 分值 of its own (保障指标（15分） | 见保障指标) takes the group's.
      const alone = open.filter((x) => x.category === b.category).length === 1;
      const total = totals.get(b.category) ?? null;
      points = alone && total !== null && total > 0 ? total : null;
      if (points === null) {
        warnings.push(`${unit}：${b.item ?? b.category}没有分值，未读入。`);
        continue;
      }
    }
    if (!perPart && explicit.length > 1 && !allEqual) {
      warnings.push(`${unit}：${b.item ?? b.category}只有部分行写了分值，按首行 ${points} 分计。`);
    }
    if (perPart) warnings.push(`${unit}：${b.item ?? b.category}每行各有分值，按各行分值计，项目分值取合计 ${points} 分。`);
    blocks.push({ category: b.category, categoryCell: b.categoryCell, item: b.item, parts: b.parts, points, perPart, notes: b.notes });
  }
  return { blocks, totals };
}

function flag(row: Omit<IndicatorRow, 'flagged'>, extra: string[] = []): IndicatorRow {
  const notes = [...(row.notes ?? []), ...extra];
  const positive = !DEDUCTION_RULES.includes(row.rule);
  if (positive && row.weight === 0) notes.push('细项分值为 0（项目分值不够分），请调整细项分值');
  const flagged = extra.length > 0 || row.confidence < FLAG_BELOW || (positive && row.weight === 0);
  return { ...row, notes, flagged };
}

const CAP = /(?:最多|最高)?扣\s*(\d+(?:\.\d+)?)\s*分/;

/** An item of a 项目 marked 扣分制: a deduction capped at the 扣X分 it names, else at the 项目's 分值. */
function asDeduction(text: string): ItemRow {
  const cap = CAP.exec(toHalfWidth(text));
  return {
    rule: '扣分', target: null, comparator: '>=', measure: '', content: text, label: shortLabel(text), rate: null,
    confidence: 0.8, notes: [], weight: cap ? Number(cap[1]) : 'points',
  };
}

/** The row a 分值 without 考核内容 becomes: 评分, so that no score is given until someone writes the content. */
function emptyContent(part: Part): ItemRow {
  const written = compact(part.content);
  return {
    rule: '评分', target: null, comparator: '>=', measure: '', content: joinLines(part.content), label: '考核内容空白', rate: null,
    confidence: 0, weight: 'share',
    notes: [`${written === '' ? '考核内容空白' : `考核内容“${written}”只有编号`}${where(part.at)}，暂按评分计，请补写考核内容和计分方式`],
  };
}

function rowsOfBlock(
  block: Block & { item: string },
  shared: Map<string, SharedEntry[]>,
  unit: string,
  warnings: string[],
  options: AssembleOptions,
): IndicatorRow[] {
  const base = { category: block.category, item: block.item, points: block.points };
  const whole = block.parts.map((p) => p.content).join('\n');
  const reference = SEE_TABLE.exec(toHalfWidth(compact(whole)));
  if (reference) {
    const name = reference[1];
    const entries = shared.get(name) ?? [...shared].find(([k]) => k.includes(name) || name.includes(k))?.[1];
    if (entries && entries.length > 0) {
      return entries.map((e) =>
        flag({
          ...base,
          content: e.content,
          label: e.content,
          rule: '扣分',
          target: null,
          comparator: '>=',
          measure: '',
          weight: e.points,
          rate: null,
          confidence: 1,
          notes: [],
          sharedTable: name,
        }, block.notes),
      );
    }
    warnings.push(`${unit}：找不到“${name}”表，${block.item}按一个扣分行处理。`);
    return [
      flag(
        {
          ...base,
          content: joinLines(whole),
          label: shortLabel(joinLines(whole)),
          rule: '扣分',
          target: null,
          comparator: '>=',
          measure: '',
          weight: block.points,
          proposedWeight: true,
          rate: null,
          confidence: 0.5,
          notes: [],
          missingTable: name,
        },
        [`找不到“${name}”表：请把它与本表一起导入，或在此行手工填写扣分`, ...block.notes],
      ),
    ];
  }

  // 扣分制 on the group (保障指标（实行扣分制）) makes every item a deduction.
  const deductionOnly = /扣分制/.test(compact(block.categoryCell)) || /实行扣分制/.test(compact(whole));
  let number = 1;
  const parts = block.parts.map((p) => {
    const items = splitNumberedItems(p.content, number);
    for (const it of items) if (it.no !== null) number = it.no + 1;
    const rows: ItemRow[][] = items.map((it) => {
      const text = it.no === null ? it.text : `${it.no}.${it.text}`;
      const read = classifyItem(text, { clauses: options.clauses });
      const scored = deductionOnly && read.some((r) => !DEDUCTION_RULES.includes(r.rule)) ? [asDeduction(text)] : read;
      if (hasWords(it.text)) return scored;
      const note = `考核内容“${it.text}”${where(p.at)}只有数字或符号，请核对`;
      return scored.map((r) => ({ ...r, confidence: Math.min(r.confidence, 0.3), notes: [...r.notes, note] }));
    });
    return { part: p, rows };
  });
  // A 分值 without 考核内容 keeps its points in one row for the assessor, flagged, rather than vanish.
  const empty = parts.every(({ rows }) => rows.length === 0);
  parts.forEach(({ part, rows }, k) => {
    if (rows.length > 0) return;
    const written = compact(part.content);
    if ((empty && k === 0) || (!empty && block.perPart && part.points !== null)) rows.push([emptyContent(part)]);
    else if (written !== '') warnings.push(`${unit}：${block.item}的考核内容“${written}”${where(part.at)}只有编号，未读入。`);
  });

  // Default weights: the 项目's 分值 (or each part's own) split equally over items, then over targets.
  const counts = parts.map(({ rows }) => rows.map((r) => r.filter((x) => x.weight === 'share').length));
  // A part with nothing positive to give its points to hands them to the whole 项目.
  const perPart = block.perPart && counts.every((c) => c.some((n) => n > 0));
  const shares = perPart
    ? parts.flatMap(({ part }, k) => splitWeights(part.points!, counts[k]))
    : splitWeights(block.points, counts.flat());
  // A share is the source's own 细项分值 only where it is the whole 分值 (of the 项目, or of its row) of one row.
  const sharesOf = (k: number) => (perPart ? counts[k] : counts.flat()).reduce((a, b) => a + b, 0);
  const itemRows = parts.flatMap(({ rows }, k) => rows.map((r) => ({ rows: r, k })));
  return itemRows.flatMap(({ rows, k }, i) => {
    let next = 0;
    return rows.map((r) =>
      flag({
        ...base,
        content: r.content,
        label: r.label,
        rule: r.rule,
        target: r.target,
        comparator: r.comparator,
        measure: r.measure,
        weight: r.weight === 'share' ? shares[i][next++] : r.weight === 'points' ? block.points : Math.min(r.weight, block.points),
        proposedWeight: r.weight === 'share' ? sharesOf(k) > 1 : r.weight === 'points',
        rate: r.rate,
        confidence: r.confidence,
        notes: r.notes,
      }, block.notes),
    );
  });
}

function readUnit(
  table: RawTable,
  unit: string,
  shared: Map<string, SharedEntry[]>,
  warnings: string[],
  options: AssembleOptions,
): ImportedUnit {
  const { blocks, totals } = readBlocks(table, unit, warnings);

  // A group without blocks of its own: its only row is named after the group, several rows 重点工作1, 重点工作2, …
  const named: (Block & { item: string })[] = [];
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  for (const b of blocks) {
    const category = b.category || DEFAULT_CATEGORY;
    let item = b.item;
    if (item === null) {
      const unnamed = blocks.filter((x) => x.category === b.category && x.item === null).length;
      const n = (seen.get(category) ?? 0) + 1;
      seen.set(category, n);
      item = unnamed === 1 ? category : `${category}${n}`;
    }
    // Two 项目 of one name would be scored as one: the later one is renamed.
    let unique = item;
    for (let k = 2; taken.has(unique); k++) unique = `${item}（${k}）`;
    if (unique !== item) warnings.push(`${unit}：有两个项目都叫“${item}”，后一个改名为“${unique}”。`);
    taken.add(unique);
    named.push({ ...b, category, item: unique });
  }

  for (const [name, total] of totals) {
    if (name === '') continue;
    const sum = named.filter((b) => b.category === name).reduce((s, b) => s + Math.round(b.points * 100), 0) / 100;
    if (total !== null && sum !== total) {
      warnings.push(`${unit}：${name}标明 ${total} 分，但各项目分值合计 ${sum} 分。`);
    }
  }

  return {
    unit,
    title: table.title || unit,
    source: table.source,
    rows: named.flatMap((b) => rowsOfBlock(b, shared, unit, warnings, options)),
  };
}

/** Characters Excel does not allow in a sheet name, and its 31-character limit. */
export function sheetSafeName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, '').replace(/^'+|'+$/g, '').trim();
  return [...cleaned].slice(0, 31).join('') || '单位';
}

export interface AssembleOptions {
  /** Only tables on these sheets become units; the others contribute shared tables only. */
  unitsFrom?: readonly string[];
  /** Every clause of an item with targets in a row of its own (see classifyItem); the templates use it. */
  clauses?: boolean;
}

/**
 * Reads the tables: each unit table becomes one ImportedUnit (named after its title, else its sheet),
 * each shared table (保障指标, or whatever a unit table points to with 见…（实行扣分制）) is put into the
 * units that point to it.
 */
export function assembleWorkbook(tables: readonly RawTable[], options: AssembleOptions = {}): ImportedWorkbook {
  const warnings: string[] = [];
  const referenced = new Set<string>();
  for (const t of tables) {
    for (const r of t.rows) {
      const m = SEE_TABLE.exec(toHalfWidth(compact(r.content)));
      if (m) referenced.add(m[1]);
    }
  }
  const isShared = (t: RawTable) => {
    const name = sharedName(t);
    if (/目标绩效/.test(t.title)) return false;
    return SHARED_TITLE.test(t.title || t.source) || [...referenced].some((r) => name.includes(r) || r.includes(name));
  };

  const shared = new Map<string, SharedEntry[]>();
  for (const t of tables) if (isShared(t)) shared.set(sharedName(t), readSharedTable(t, warnings));

  const unitTables = tables.filter((t) => !isShared(t) && (!options.unitsFrom || options.unitsFrom.includes(t.source)));
  const perSource = new Map<string, number>();
  for (const t of unitTables) perSource.set(t.source, (perSource.get(t.source) ?? 0) + 1);

  const used = new Set<string>();
  const units: ImportedUnit[] = [];
  const counter = new Map<string, number>();
  for (const t of unitTables) {
    let name = t.title ? unitNameFromTitle(t.title) : '';
    if (name === '') {
      const n = (counter.get(t.source) ?? 0) + 1;
      counter.set(t.source, n);
      name = perSource.get(t.source) === 1 ? t.source : `${t.source}${n}`;
    }
    const safe = sheetSafeName(name);
    let unique = safe;
    for (let k = 2; used.has(unique); k++) unique = sheetSafeName(`${safe}（${k}）`);
    if (unique !== name) warnings.push(`单位名“${name}”不能直接作表名，改为“${unique}”。`);
    used.add(unique);
    const unit = readUnit(t, unique, shared, warnings, options);
    if (unit.rows.length === 0) {
      warnings.push(`${unique}：表中没有读到任何指标。`);
      continue;
    }
    units.push(unit);
  }
  if (units.length === 0) warnings.push('没有找到任何单位的目标绩效指标表。');
  return { units, warnings };
}
