import { z } from 'zod';
import type { FormatGrid, Grid, WorkbookInput } from './types.ts';

/** Checks every cell in one tight loop: a zod union per cell costs more than all of the scoring. */
function isGrid(grid: unknown): boolean {
  if (!Array.isArray(grid)) return false;
  for (const row of grid) {
    if (row === undefined || row === null) continue;
    if (!Array.isArray(row)) return false;
    for (const v of row) {
      const t = typeof v;
      if (v === null || v === undefined || t === 'string' || t === 'boolean') continue;
      if (t !== 'number' || !Number.isFinite(v)) return false;
    }
  }
  return true;
}

function isFormatGrid(formats: unknown): boolean {
  if (formats === undefined) return true;
  if (!Array.isArray(formats)) return false;
  for (const row of formats) {
    if (row === undefined || row === null) continue;
    if (!Array.isArray(row)) return false;
    for (const f of row) if (f !== undefined && f !== null && f !== 'percent' && f !== 'date') return false;
  }
  return true;
}

export const workbookInputSchema = z.object({
  sheets: z.array(
    z.object({
      name: z.string(),
      grid: z.custom<Grid>(isGrid, { message: '单元格只能是文字、有限数字、是否值或空白 / cells must be text, finite numbers, booleans or blank' }),
      formats: z.custom<FormatGrid>(isFormatGrid, { message: "格式只能是 'percent'、'date' 或空 / formats must be 'percent', 'date' or empty" }).optional(),
    }),
  ),
});

/** The edge of the engine: hosts hand in anything, the engine works on checked grids. */
export function parseWorkbookInput(input: unknown): WorkbookInput {
  const parsed = workbookInputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TypeError(`工作簿数据格式不正确（${first?.path.join('.')}: ${first?.message}）`);
  }
  return input as WorkbookInput;
}
