import { workerUrl } from './workerUrl.ts';

/** The worker could not be started or died (blocked by the browser, out of memory). */
export interface WorkerFailed {
  type: 'worker-failed';
  message: string;
}

export interface WorkerCall<R> {
  reply: Promise<R | WorkerFailed>;
  cancel(): void;
}

/**
 * One request to a fresh worker, which ends with its final reply; replies for which `isFinal` is false (progress)
 * go to `onUpdate`. The transferred buffers are handed over, not copied.
 */
export function callWorker<Req, R extends { type: string }>(
  id: string, request: Req, transfer: Transferable[], isFinal: (m: R) => boolean, onUpdate?: (m: R) => void,
): WorkerCall<R> {
  let worker: Worker | null = null;
  let settle: (r: R | WorkerFailed) => void = () => undefined;
  const reply = new Promise<R | WorkerFailed>((resolve) => (settle = resolve));
  const finish = (r: R | WorkerFailed) => {
    worker?.terminate();
    worker = null;
    settle(r);
  };
  try {
    worker = new Worker(workerUrl(id), { name: id });
    worker.onmessage = (e: MessageEvent<R>) => (isFinal(e.data) ? finish(e.data) : onUpdate?.(e.data));
    worker.onerror = (e) => {
      e.preventDefault();
      finish({ type: 'worker-failed', message: e.message || 'worker error' });
    };
    worker.postMessage(request, transfer);
  } catch (error) {
    finish({ type: 'worker-failed', message: error instanceof Error ? error.message : String(error) });
  }
  return { reply, cancel: () => worker && finish({ type: 'worker-failed', message: 'cancelled' }) };
}
