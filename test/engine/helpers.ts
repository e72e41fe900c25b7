import type { CellValue, Grid } from '../../src/engine/types.ts';

export const HEADER = ['类别', '项目', '分值', '考核内容', '计分方式', '目标值', '计量单位', '细项分值', '扣分标准', '实际完成', '得分', '说明', '项目得分'];

export interface RowSpec {
  category?: CellValue;
  item?: CellValue;
  points?: CellValue;
  content?: CellValue;
  rule?: CellValue;
  target?: CellValue;
  measure?: CellValue;
  weight?: CellValue;
  rate?: CellValue;
  actual?: CellValue;
}

/** A 考核表 grid: title in row 1, header in row 2, data from row 3 (so the first data row is Excel row 3). */
export function sheet(rows: RowSpec[], title: string | null = '共青团测试县委2014年度目标绩效指标'): Grid {
  const body = rows.map((r) => [
    r.category ?? null, r.item ?? null, r.points ?? null, r.content ?? null, r.rule ?? null, r.target ?? null,
    r.measure ?? null, r.weight ?? null, r.rate ?? null, r.actual ?? null,
  ]);
  return title === null ? [HEADER, ...body] : [[title], HEADER, ...body];
}

export const REGISTER_HEADER = ['单位', '项目', '等级', '日期', '简要案情', '扣分'];
