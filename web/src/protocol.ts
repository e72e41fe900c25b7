// Messages between the page and its workers. Only what the page shows crosses over; the workbook travels as a
// transferred ArrayBuffer (no copy).
import type { ScoreProgress } from '../../src/file/scoreXlsx.ts';
import type { RefusalCode } from '../../src/xlsx/index.ts';
import type { IssueParams } from '../../src/engine/index.ts';
import type { ChartUnit, IssueItem, LostRow } from '../../src/ui/index.ts';

export type { RefusalCode, ScoreProgress };

/** An issue with the cell's content, for the page to show in place of jumping to it. */
export interface IssueView extends IssueItem {
  /** The cell's value as text, "" when blank; absent when the issue has no cell. */
  value?: string;
  /** The row's non-blank cells, left to right, each shortened. */
  row?: string[];
}

export interface ScoreSummary {
  /** Each unit with its 总分, 排名, 等次, 一票否决, 无法计分, 自评总分 and 核减; statuses travel as counts, texts come from the engine's table. */
  units: ChartUnit[];
  /** The workbook has a readable 等次标准: the table shows 等次. */
  grades: boolean;
  /** Rows that did not earn all their points, with their 说明. */
  lost: LostRow[];
  /** Coded: code and params, the page picks the language. */
  issues: IssueView[];
  cellsWritten: number;
  /** The sheet the results are summarised on, when anything was scored. */
  summarySheet: string | null;
  /** No 考核表, but a sheet is a raw indicator table (类别|内容|分值): offer 生成考核表. */
  rawTable: boolean;
}

export type ScoreReply =
  | { type: 'progress'; progress: ScoreProgress }
  | { type: 'done'; summary: ScoreSummary; output: ArrayBuffer | null }
  /** The file cannot be scored; `message` is the XlsxRefusal's Chinese message, which says what to do. */
  | { type: 'refused'; code: RefusalCode; message: string; params: IssueParams }
  | { type: 'failed'; message: string };

export interface ScoreRequest {
  bytes: ArrayBuffer;
}

export interface GenerateRequest {
  bytes: ArrayBuffer;
}

/** A row the importer is unsure of, for the person to check in the generated sheets. */
export interface FlaggedRow {
  unit: string;
  item: string;
  label: string;
  notes: string[];
}

export type GenerateReply =
  | { type: 'done'; output: ArrayBuffer; units: string[]; rows: number; flagged: FlaggedRow[]; warnings: string[] }
  | { type: 'refused'; code: RefusalCode; message: string; params: IssueParams }
  | { type: 'failed'; message: string };
