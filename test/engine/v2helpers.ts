import type { CellFormat, CellValue, FormatGrid, Grid, SheetInput } from '../../src/engine/index.ts';

/** The 考核表 header with the optional columns of contract version 2. */
export const HEADER_V2 = [
  '类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成',
  '自评分', '佐证材料', '得分', '说明', '项目得分', '考核意见',
] as const;

type Column = 'category' | 'item' | 'points' | 'content' | 'rule' | 'target' | 'measure' | 'weight' | 'rate'
  | 'actual' | 'selfScore' | 'evidence' | 'score' | 'note' | 'subtotal' | 'remark';
const ORDER: Column[] = ['category', 'item', 'points', 'content', 'rule', 'target', 'measure', 'weight', 'rate',
  'actual', 'selfScore', 'evidence', 'score', 'note', 'subtotal', 'remark'];

export type RowV2 = Partial<Record<Column, CellValue>> & { targetFormat?: CellFormat; actualFormat?: CellFormat };

/** Column letters of HEADER_V2: 目标值 F, 实际完成 J, 自评分 K, 佐证材料 L, 得分 M, 说明 N, 项目得分 O, 考核意见 P. */
export const COL_V2 = Object.fromEntries(ORDER.map((k, i) => [k, i])) as Record<Column, number>;

/** A v2 考核表 with a title row, the header in row 2 and data from row 3; `without` drops optional columns. */
export function unitSheet(name: string, rows: RowV2[], without: Column[] = []): SheetInput {
  const keep = ORDER.filter((k) => !without.includes(k));
  const grid: Grid = [[`共青团${name}委2014年度目标绩效指标`], keep.map((k) => HEADER_V2[ORDER.indexOf(k)])];
  const formats: FormatGrid = [];
  rows.forEach((r, i) => {
    grid.push(keep.map((k) => r[k] ?? null));
    const f: (CellFormat | null)[] = keep.map((k) =>
      k === 'target' ? r.targetFormat ?? null : k === 'actual' ? r.actualFormat ?? null : null);
    if (f.some((x) => x !== null)) formats[i + 2] = f;
  });
  return { name, grid, formats };
}

/** A one-row 项目 of the given total, scored by 评分: the quickest way to give a unit an exact total. */
export function totalSheet(name: string, total: number, extra: RowV2[] = []): SheetInput {
  return unitSheet(name, [{ category: '职能指标', item: '综合', points: 150, rule: '评分', weight: 150, actual: total }, ...extra]);
}

export const gradeSheet = (rows: CellValue[][], name = '等次标准'): SheetInput =>
  ({ name, grid: [['等次', '最低分', '比例上限'], ...rows] });

export const EXAMPLE_GRADES: CellValue[][] = [['优秀', 135, '30%'], ['良好', 120, null], ['一般', 90, null], ['较差', 0, null]];

/** The sheets after the writes, as a host would leave them (formats kept). */
export function applyToSheets(sheets: SheetInput[], writes: { sheet: string; row: number; col: number; value: CellValue }[]): SheetInput[] {
  const out = new Map(sheets.map((s) => [s.name, { ...s, grid: s.grid.map((r) => (r ? [...r] : [])) }]));
  for (const w of writes) {
    let s = out.get(w.sheet);
    if (!s) out.set(w.sheet, (s = { name: w.sheet, grid: [] }));
    while (s.grid.length <= w.row) s.grid.push([]);
    const row = s.grid[w.row];
    while (row.length <= w.col) row.push(null);
    row[w.col] = w.value;
  }
  return [...out.values()];
}

/** The writes that would change a cell: what a second run must not have. */
export function changingWrites(sheets: SheetInput[], writes: { sheet: string; row: number; col: number; value: CellValue }[]) {
  const by = new Map(sheets.map((s) => [s.name, s.grid]));
  return writes.filter((w) => (by.get(w.sheet)?.[w.row]?.[w.col] ?? null) !== w.value);
}
