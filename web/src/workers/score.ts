// The scoring worker: the CLI's scoreXlsx, unchanged, off the page's thread, reporting progress as it goes.
import './workerSetup.ts';
import type { SheetInput } from '../../../src/engine/index.ts';
import { scoreXlsx, XlsxRefusal, type ScoreProgress } from '../../../src/file/scoreXlsx.ts';
import { issueContext } from '../issueContext.ts';
import type { ScoreReply, ScoreRequest, ScoreSummary } from '../protocol.ts';
import { isRawIndicatorWorkbook } from '../rawTable.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ScoreRequest>) => void) | null;
  postMessage(message: ScoreReply, transfer?: Transferable[]): void;
};

const post = (message: ScoreReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

function summarise(result: ReturnType<typeof scoreXlsx>['result'], sheets: SheetInput[], scored: boolean): ScoreSummary {
  return {
    units: result.units.map(({ unit, total, rank, grade, vetoed, unscorable, selfTotal, cut, status, errors, missing, items }) =>
      ({ unit, total, rank, grade, vetoed, unscorable, selfTotal, cut, status, errors, missing, items: items.map((i) => ({ points: i.points })) })),
    grades: result.grades !== null,
    lost: result.rows.filter((r) => r.lost > 0).map(({ sheet, cell, item, content, lost, note, remark }) => ({ sheet, cell, item, content, lost, note, remark })),
    issues: result.issues.map((issue) => ({ ...issue, ...issueContext(sheets, issue) })),
    cellsWritten: scored ? result.writes.length : 0,
    summarySheet: scored ? result.summarySheet : null,
    rawTable: !scored && isRawIndicatorWorkbook(sheets),
  };
}

scope.onmessage = (e) => {
  const bytes = new Uint8Array(e.data.bytes);
  try {
    const { result, output, sheets } = scoreXlsx(bytes, { onProgress: (progress: ScoreProgress) => post({ type: 'progress', progress }) });
    // A fresh, exactly sized buffer, so it can be transferred as is.
    const buffer = output ? output.slice().buffer : null;
    post({ type: 'done', summary: summarise(result, sheets, output !== null), output: buffer }, buffer ? [buffer] : []);
  } catch (error) {
    if (error instanceof XlsxRefusal) post({ type: 'refused', code: error.code, message: error.message, params: error.params });
    else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
