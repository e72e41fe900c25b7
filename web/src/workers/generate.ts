// The 生成考核表 worker: raw indicator tables → one 考核表 per unit, as a new workbook. It carries exceljs, so it is
// a worker of its own that starts only when asked, and the page and the scoring worker stay small.
import './workerSetup.ts';
import { importFromGrids } from '../../../src/import/index.ts';
import { buildScoringWorkbook } from '../../../src/templates/index.ts';
import { openXlsx, XlsxRefusal } from '../../../src/xlsx/index.ts';
import type { GenerateReply, GenerateRequest } from '../protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<GenerateRequest>) => void) | null;
  postMessage(message: GenerateReply, transfer?: Transferable[]): void;
};

async function generate(bytes: Uint8Array): Promise<GenerateReply> {
  const { workbook, review } = importFromGrids(openXlsx(bytes).readSheets());
  if (workbook.units.length === 0) return { type: 'failed', message: workbook.warnings.join('；') };
  const output = (await buildScoringWorkbook(workbook)).slice().buffer;
  return {
    type: 'done', output, units: workbook.units.map((u) => u.unit), rows: review.length, warnings: workbook.warnings,
    flagged: review.filter((r) => r.flagged).map(({ unit, item, label, notes }) => ({ unit, item, label, notes })),
  };
}

scope.onmessage = async (e) => {
  try {
    const reply = await generate(new Uint8Array(e.data.bytes));
    scope.postMessage(reply, reply.type === 'done' ? [reply.output] : []);
  } catch (error) {
    if (error instanceof XlsxRefusal) scope.postMessage({ type: 'refused', code: error.code, message: error.message, params: error.params });
    else scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
