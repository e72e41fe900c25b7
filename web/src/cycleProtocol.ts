// Messages between the page and its 分发/汇集 worker. The workbooks travel as transferred ArrayBuffers; the report
// travels coded (code + params) so the page picks the language.
import type { IssueParams } from '../../src/engine/index.ts';
import type { CycleCode } from '../../src/cycle/messages.ts';
import type { RefusalCode } from '../../src/xlsx/index.ts';

export interface CodedText {
  code: CycleCode;
  params: Record<string, string | number>;
}

export interface ReturnsRow {
  unit: string;
  status: string;
  files: string[];
  gatheredAt: string;
  taken: number;
  changes: CodedText[];
  notes: CodedText[];
}

export interface CollectReport {
  units: ReturnsRow[];
  /** Files not used, with why. */
  unused: { file: string; reason: CodedText | null }[];
  entriesWritten: number;
  /** When scored too: how many units and how many data errors. */
  scored: { units: number; errors: number } | null;
}

export interface CollectRequest {
  type: 'collect';
  master: ArrayBuffer;
  returns: { file: string; bytes: ArrayBuffer }[];
  now: string;
  score: boolean;
}

export interface SplitRequest {
  type: 'split';
  master: ArrayBuffer;
}

export type CycleRequest = CollectRequest | SplitRequest;

export type CycleReply =
  | { type: 'collected'; report: CollectReport; output: ArrayBuffer }
  | { type: 'split'; zip: ArrayBuffer; units: { unit: string; fileName: string; entries: number }[] }
  | { type: 'refused'; code: RefusalCode; message: string; params: IssueParams }
  | { type: 'failed'; message: string };
