import type { ScoreProgress, ScoreReply, ScoreRequest } from './protocol.ts';
import { callWorker, type WorkerCall } from './workerCall.ts';

type Final = Exclude<ScoreReply, { type: 'progress' }>;

/** Scores in a fresh worker; `bytes` is handed over to it. */
export function startScoring(bytes: ArrayBuffer, onProgress: (p: ScoreProgress) => void): WorkerCall<Final> {
  return callWorker<ScoreRequest, ScoreReply>('score', { bytes }, [bytes], (m) => m.type !== 'progress',
    (m) => m.type === 'progress' && onProgress(m.progress)) as WorkerCall<Final>;
}
