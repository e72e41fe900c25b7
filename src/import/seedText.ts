import type { ImportedWorkbook } from './model';
import type { RawRow, RawTable } from './rawTable';
import { compact, joinLines, toHalfWidth } from './text';
import { assembleWorkbook, type AssembleOptions } from './unitTables';

export { unitNameFromTitle } from './unitTables';

/*
 * The seed is a text dump of Word tables. A line starting with a tab starts a cell; the lines
 * after it, blank ones included, belong to that cell; an empty cell is a merged (continued) one.
 * A line without a tab such as 共青团苍溪县委2014年度目标绩效指标 starts a table. Rows are not
 * marked, but every data row ends with its 分值, a cell holding only a number.
 */

export const TEXT_SOURCE = '文本';

interface TextTable {
  title: string;
  cells: string[];
}

const TITLE = /\d{4}年度.*(目标绩效指标|保障指标)\s*$/;
const HEADER_WORDS = new Set(['类别', '项目', '内容', '分值', '考核内容', '指标内容']);
const ITEM_LINE = /^\s*\d+\s*[.．、]/;

/** Whether `lines[i]` (no tab) starts a table: a title line, or any line right above a 类别 header cell. */
function isTitle(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  if (line === '' || ITEM_LINE.test(line)) return false;
  if (TITLE.test(line)) return true;
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j].trim() === '') continue;
    return lines[j].startsWith('\t') && HEADER_WORDS.has(compact(lines[j]));
  }
  return false;
}

function readTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  let current: TextTable | null = null;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (line.startsWith('\t')) {
      current?.cells.push(line.slice(1));
    } else if (isTitle(lines, i)) {
      current = { title: line.trim(), cells: [] };
      tables.push(current);
    } else if (current && current.cells.length > 0) {
      current.cells[current.cells.length - 1] += `\n${line}`;
    }
  });
  return tables;
}

function isNumberCell(cell: string): boolean {
  return /^\d+(\.\d+)?$/.test(toHalfWidth(compact(cell)));
}

/** Cells grouped into rows, each ending with its 分值 cell; the header cells are dropped. */
function toRows(table: TextTable, warnings: string[]): RawRow[] {
  let cells = table.cells;
  while (cells.length > 0 && HEADER_WORDS.has(compact(cells[0]))) cells = cells.slice(1);
  const rows: RawRow[] = [];
  let row: string[] = [];
  const name = table.title || TEXT_SOURCE;
  for (const cell of cells) {
    row.push(cell);
    if (!isNumberCell(cell)) continue;
    // Four cells: 类别 | 项目 | 内容 | 分值; three: 类别 (over both columns) | 内容 | 分值.
    if (row.length === 4) rows.push({ category: row[0], item: row[1], content: row[2], points: row[3], at: '' });
    else if (row.length === 3) rows.push({ category: row[0], item: '', content: row[1], points: row[2], at: '' });
    else warnings.push(`“${name}”有一行的格数无法识别（${row.length} 格）：${joinLines(row.join('')).slice(0, 30)}`);
    row = [];
  }
  if (row.some((cell) => compact(cell) !== '')) {
    warnings.push(`“${name}”末尾有无法识别的内容：${joinLines(row.join('\n')).slice(0, 40)}`);
  }
  return rows;
}

/** The seed layout's tables, in the shape a sheet's tables have. */
export function readTextTables(text: string): { tables: RawTable[]; warnings: string[] } {
  const warnings: string[] = [];
  const tables = readTables(text).map((t) => ({ title: t.title, source: TEXT_SOURCE, rows: toRows(t, warnings) }));
  return { tables, warnings };
}

/**
 * Reads the seed's text dump: one table per unit (共青团苍溪县委2014年度目标绩效指标, …) and the
 * shared 保障指标 table the units point to with 见保障指标（实行扣分制）.
 */
export function readSeedText(text: string, options: AssembleOptions = {}): ImportedWorkbook {
  const { tables, warnings } = readTextTables(text);
  const wb = assembleWorkbook(tables, options);
  return { units: wb.units, warnings: [...warnings, ...wb.warnings] };
}
