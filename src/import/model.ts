import { z } from 'zod';

/** Rule words of the scoring rules (docs/rules.md). */
export const RULES = ['比例', '达标', '差额扣分', '评分', '扣分', '按件扣分'] as const;
export type Rule = (typeof RULES)[number];

/** Deduction rules are not part of a 项目's weight split (docs/rules.md). */
export const DEDUCTION_RULES: readonly Rule[] = ['扣分', '按件扣分'];

export const COMPARATORS = ['>=', '<=', '<', '>'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const IndicatorRowSchema = z.object({
  /** 类别, e.g. 职能指标 */
  category: z.string().min(1),
  /** 项目, e.g. 服务党政中心, 重点工作1, 保障指标 */
  item: z.string().min(1),
  /** 分值 of the 项目, repeated on every row */
  points: z.number().positive(),
  /** 考核内容 */
  content: z.string(),
  rule: z.enum(RULES),
  target: z.union([z.number(), z.literal('是'), z.null()]),
  /** How the target compares; only '>=' targets are written as plain numbers. */
  comparator: z.enum(COMPARATORS),
  measure: z.string(),
  /** 细项分值; for a deduction row, its cap */
  weight: z.number().nonnegative(),
  /** true where the source gives no 细项分值 and the importer proposed it (a share of the 分值, a cap at the 分值) */
  proposedWeight: z.boolean().optional(),
  /** 扣分标准, e.g. "0.5/1" */
  rate: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  /** true where a person should check the row before use */
  flagged: z.boolean(),
  /** a short name for review lists, e.g. 西部计划志愿者 */
  label: z.string().optional(),
  /** why the row is flagged or how it was read (Chinese) */
  notes: z.array(z.string()).optional(),
  /** the shared table the row comes from (保障指标), where it is not the unit's own */
  sharedTable: z.string().optional(),
  /** the shared table the row points to (见保障指标) but that was not among the imported tables */
  missingTable: z.string().optional(),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const ImportedUnitSchema = z.object({
  /** e.g. 苍溪县 */
  unit: z.string().min(1),
  /** the table's own title, e.g. 共青团苍溪县委2014年度目标绩效指标 */
  title: z.string(),
  /** where the table was read: a sheet name, or 文本 for text */
  source: z.string().optional(),
  rows: z.array(IndicatorRowSchema),
});
export type ImportedUnit = z.infer<typeof ImportedUnitSchema>;

export const ImportedWorkbookSchema = z.object({
  units: z.array(ImportedUnitSchema),
  /** Chinese messages about things the importer could not reconcile */
  warnings: z.array(z.string()),
});
export type ImportedWorkbook = z.infer<typeof ImportedWorkbookSchema>;

/** Rows below this confidence are flagged for a person to check. */
export const FLAG_BELOW = 0.7;
