import { classifyItem, type ItemRow } from './items';
import { DEDUCTION_RULES, FLAG_BELOW, type ImportedUnit, type ImportedWorkbook, type IndicatorRow } from './model';
import { compact, joinLines, splitNumberedItems, toHalfWidth } from './text';
import { splitWeights } from './weights';

/*
 * The seed is a text dump of Word tables. A line starting with a tab starts a cell; the lines
 * after it, blank ones included, belong to that cell; an empty cell is a merged (continued) one.
 * A line without a tab such as 共青团苍溪县委2014年度目标绩效指标 starts a table. Rows are not
 * marked, but every data row ends with its 分值, a cell holding only a number.
 */

interface RawTable {
  title: string;
  cells: string[];
}

const TITLE = /\d{4}年度.*(目标绩效指标|保障指标)\s*$/;
const HEADER_WORDS = new Set(['类别', '项目', '内容', '分值', '考核内容', '指标内容']);

function readTables(text: string): RawTable[] {
  const tables: RawTable[] = [];
  let current: RawTable | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('\t')) {
      current?.cells.push(line.slice(1));
    } else if (line.trim() !== '' && TITLE.test(line.trim()) && !/^\s*\d+\s*[.．、]/.test(line)) {
      current = { title: line.trim(), cells: [] };
      tables.push(current);
    } else if (current && current.cells.length > 0) {
      current.cells[current.cells.length - 1] += `\n${line}`;
    }
  }
  return tables;
}

function isNumberCell(cell: string): boolean {
  return /^\d+(\.\d+)?$/.test(toHalfWidth(compact(cell)));
}

/** Cells grouped into rows, each ending with its 分值 cell; the header cells are dropped. */
function toRows(table: RawTable, warnings: string[]): string[][] {
  let cells = table.cells;
  while (cells.length > 0 && HEADER_WORDS.has(compact(cells[0]))) cells = cells.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  for (const cell of cells) {
    row.push(cell);
    if (isNumberCell(cell)) {
      rows.push(row);
      row = [];
    }
  }
  if (row.some((cell) => compact(cell) !== '')) {
    warnings.push(`“${table.title}”末尾有无法识别的内容：${joinLines(row.join('\n')).slice(0, 40)}`);
  }
  return rows;
}

/** 职能\n指标\n（70分） → 职能指标, 70 */
function readCategory(cell: string): { name: string; total: number | null } {
  const s = toHalfWidth(compact(cell));
  const m = /^(.*?)\((\d+(?:\.\d+)?)分\)$/.exec(s);
  return m ? { name: m[1], total: Number(m[2]) } : { name: s, total: null };
}

/** 共青团苍溪县委… → 苍溪县; 广元经济技术开发区团委… → 广元经济技术开发区 */
export function unitNameFromTitle(title: string): string {
  const m = /^共青团(.+?)委\s*\d{4}年度/.exec(title) ?? /^(.+?)团委\s*\d{4}年度/.exec(title);
  return m ? m[1] : title;
}

interface DeductionEntry {
  content: string;
  points: number;
}

/** The shared 保障指标 table: 类别 › sub-group › 内容, e.g. 社会治理·维稳综治：综治工作. */
function readDeductionTable(table: RawTable, warnings: string[]): DeductionEntry[] {
  const entries: DeductionEntry[] = [];
  let category = '';
  let group = '';
  for (const row of toRows(table, warnings)) {
    const points = Number(toHalfWidth(compact(row[row.length - 1])));
    if (row.length !== 3 && row.length !== 4) {
      warnings.push(`“${table.title}”有一行的格数无法识别（${row.length} 格）。`);
      continue;
    }
    const cat = compact(row[0]);
    if (cat !== '') {
      category = cat;
      group = '';
    }
    if (row.length === 4) {
      const sub = compact(row[1]);
      if (sub !== '') group = sub;
    } else {
      group = '';
    }
    const content = joinLines(row[row.length - 2]);
    const path = group !== '' ? `${category}·${group}` : category;
    entries.push({ content: path !== '' ? `${path}：${content}` : content, points });
  }
  return entries;
}

interface Block {
  category: string;
  item: string | null;
  points: number;
  content: string;
}

const SEE_TABLE = /见(.+?)[（(]实行扣分制[）)]/;

function rowsOfBlock(
  block: Block & { item: string },
  shared: Map<string, DeductionEntry[]>,
  unit: string,
  warnings: string[],
): IndicatorRow[] {
  const base = { category: block.category, item: block.item, points: block.points };
  const reference = SEE_TABLE.exec(toHalfWidth(compact(block.content)));
  if (reference) {
    const entries = shared.get(reference[1]);
    if (entries && entries.length > 0) {
      return entries.map((e) => ({
        ...base,
        content: e.content,
        rule: '扣分',
        target: null,
        comparator: '>=',
        measure: '',
        weight: e.points,
        rate: null,
        confidence: 1,
        flagged: false,
      }));
    }
    warnings.push(`${unit}：找不到“${reference[1]}”表，${block.item}按一个扣分行处理。`);
  }
  const missingTable = reference !== null;

  const items = splitNumberedItems(block.content);
  const itemRows: ItemRow[][] = items.map((it) => classifyItem(it.no === null ? it.text : `${it.no}.${it.text}`));
  const shares = splitWeights(
    block.points,
    itemRows.map((rows) => rows.filter((r) => r.weight === 'share').length),
  );
  return itemRows.flatMap((rows, i) => {
    let next = 0;
    return rows.map((r) => {
      const weight = r.weight === 'share' ? shares[i][next++] : r.weight === 'points' ? block.points : r.weight;
      const positive = !DEDUCTION_RULES.includes(r.rule);
      return {
        ...base,
        content: r.content,
        rule: r.rule,
        target: r.target,
        comparator: r.comparator,
        measure: r.measure,
        weight,
        rate: r.rate,
        confidence: r.confidence,
        flagged: missingTable || r.confidence < FLAG_BELOW || (positive && weight === 0),
      };
    });
  });
}

function readUnit(table: RawTable, shared: Map<string, DeductionEntry[]>, warnings: string[]): ImportedUnit {
  const unit = unitNameFromTitle(table.title);
  const blocks: Block[] = [];
  const totals = new Map<string, number | null>();
  let category = '';
  for (const row of toRows(table, warnings)) {
    if (row.length !== 3 && row.length !== 4) {
      warnings.push(`${unit}：有一行的格数无法识别（${row.length} 格）：${joinLines(row.join('')).slice(0, 30)}`);
      continue;
    }
    if (compact(row[0]) !== '') {
      const c = readCategory(row[0]);
      category = c.name;
      totals.set(category, c.total);
    }
    blocks.push({
      category,
      item: row.length === 4 ? compact(row[1]) || null : null,
      points: Number(toHalfWidth(compact(row[row.length - 1]))),
      content: row[row.length - 2],
    });
  }

  // A group without blocks of its own: its only row is named after the group, several rows 重点工作1, 重点工作2, …
  const named: (Block & { item: string })[] = [];
  const seen = new Map<string, number>();
  for (const b of blocks) {
    if (b.item !== null) {
      named.push({ ...b, item: b.item });
      continue;
    }
    const unnamed = blocks.filter((x) => x.category === b.category && x.item === null).length;
    const n = (seen.get(b.category) ?? 0) + 1;
    seen.set(b.category, n);
    named.push({ ...b, item: unnamed === 1 ? b.category : `${b.category}${n}` });
  }

  for (const [name, total] of totals) {
    const sum = named.filter((b) => b.category === name).reduce((s, b) => s + b.points, 0);
    if (total !== null && Math.abs(sum - total) > 1e-9) {
      warnings.push(`${unit}：${name}标明 ${total} 分，但各项目分值合计 ${sum} 分。`);
    }
  }

  return {
    unit,
    title: table.title,
    rows: named.flatMap((b) => rowsOfBlock(b, shared, unit, warnings)),
  };
}

/**
 * Reads the seed's text dump: one table per unit (共青团苍溪县委2014年度目标绩效指标, …) and the
 * shared 保障指标 table the units point to with 见保障指标（实行扣分制）.
 */
export function readSeedText(text: string): ImportedWorkbook {
  const warnings: string[] = [];
  const tables = readTables(text);
  const shared = new Map<string, DeductionEntry[]>();
  for (const t of tables) {
    if (!/目标绩效指标\s*$/.test(t.title)) {
      const name = /年度(.+?)\s*$/.exec(t.title)?.[1] ?? t.title;
      shared.set(name, readDeductionTable(t, warnings));
    }
  }
  const units = tables.filter((t) => /目标绩效指标\s*$/.test(t.title)).map((t) => readUnit(t, shared, warnings));
  if (units.length === 0) warnings.push('没有找到任何单位的目标绩效指标表。');
  return { units, warnings };
}
