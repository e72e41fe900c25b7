// The 分发/汇集 worker: the CLI's splitMaster and collectXlsx, unchanged, off the page's thread.
import './workerSetup.ts';
import { zipSync } from 'fflate';
import { collectXlsx, type CollectResult } from '../../../src/cycle/collectXlsx.ts';
import type { CycleMessage } from '../../../src/cycle/messages.ts';
import { splitMaster } from '../../../src/cycle/split.ts';
import { XlsxRefusal } from '../../../src/xlsx/index.ts';
import type { CodedText, CollectReport, CycleReply, CycleRequest } from '../cycleProtocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CycleRequest>) => void) | null;
  postMessage(message: CycleReply, transfer?: Transferable[]): void;
};

const coded = ({ code, params }: CycleMessage): CodedText => ({ code, params });

function report(r: CollectResult): CollectReport {
  return {
    units: r.gather.units.map((u) => ({
      unit: u.unit, status: u.status, files: u.files, gatheredAt: u.gatheredAt, taken: u.taken,
      changes: u.changes.map(coded), notes: u.notes.map(coded),
    })),
    unused: r.gather.files.filter((f) => !f.used).map((f) => ({ file: f.file, reason: f.reason && coded(f.reason) })),
    entriesWritten: r.gather.entryWrites,
    scored: r.scored && { units: r.scored.units.length, errors: r.scored.issues.filter((i) => i.severity === 'error').length },
  };
}

function run(request: CycleRequest): [CycleReply, Transferable[]] {
  const master = new Uint8Array(request.master);
  if (request.type === 'split') {
    const { files } = splitMaster(master);
    // The unit files are deflated already: stored as they are.
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, f.bytes])), { level: 0 }).buffer as ArrayBuffer;
    return [{ type: 'split', zip, units: files.map(({ unit, fileName, entries }) => ({ unit, fileName, entries })) }, [zip]];
  }
  const returns = request.returns.map((f) => ({ file: f.file, bytes: new Uint8Array(f.bytes) }));
  const result = collectXlsx(master, returns, { now: request.now, score: request.score });
  const output = result.output.slice().buffer;
  return [{ type: 'collected', report: report(result), output }, [output]];
}

scope.onmessage = (e) => {
  try {
    const [reply, transfer] = run(e.data);
    scope.postMessage(reply, transfer);
  } catch (error) {
    if (error instanceof XlsxRefusal) scope.postMessage({ type: 'refused', code: error.code, message: error.message, params: error.params });
    else scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
