import { z } from 'zod';
import type { WorkbookInput } from './types.ts';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);

export const workbookInputSchema = z.object({
  sheets: z.array(
    z.object({
      name: z.string(),
      grid: z.array(z.union([z.array(cell), z.undefined(), z.null()])),
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
