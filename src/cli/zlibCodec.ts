import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { DeflateCodec } from '../xlsx/index.ts';

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);

// Level 1 deflates worksheet XML about 2.5× faster than the default for parts about 15% larger;
// only the parts we patch are recompressed, and Excel recompresses everything on its next save anyway.
const LEVEL = 1;

const tooLarge = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';

/**
 * The second core: one worker thread that inflates and deflates while the main thread scans and patches.
 * It runs the same zlib calls as the synchronous path, so its bytes are the same.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const own = (b) => (b.byteOffset === 0 && b.buffer.byteLength === b.length ? b : new Uint8Array(b));
parentPort.on('message', ({ id, op, data, limit }) => {
  try {
    const out = op === 'deflate'
      ? own(zlib.deflateRawSync(data, { level: ${LEVEL} }))
      : own(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) }));
    if (op === 'inflate' && out.length > limit) return parentPort.postMessage({ id, out: null });
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.code === 'ERR_BUFFER_TOO_LARGE' ? 'tooLarge' : String((e && e.message) || e) });
  }
});`;

interface Waiting {
  resolve(out: Uint8Array | null): void;
  reject(e: Error): void;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

function onTheWorker(op: 'deflate' | 'inflate', data: Uint8Array, limit = 0): Promise<Uint8Array | null> {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, out, error }: { id: number; out: Uint8Array | null; error?: string }) => {
      const w = waiting.get(id)!;
      waiting.delete(id);
      if (waiting.size === 0) worker?.unref();
      if (error === 'tooLarge') w.resolve(null);
      else if (error !== undefined) w.reject(new Error(error));
      else w.resolve(out);
    });
    worker.on('error', (e) => {
      for (const w of waiting.values()) w.reject(e);
      waiting.clear();
      worker = undefined;
    });
  }
  worker.ref();
  const id = nextId++;
  // A view into a larger buffer (a part inside the file's bytes) would be copied whole: send only its bytes.
  const own = data.byteOffset === 0 && data.buffer.byteLength === data.length ? data : data.slice();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, op, data: own, limit });
  });
}

/** Node's native zlib for the xlsx host: several times faster than fflate on large workbooks. */
export const zlibCodec: DeflateCodec = {
  inflate(raw, limit) {
    try {
      const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit + 1) });
      return out.length > limit ? null : view(out);
    } catch (e) {
      if (tooLarge(e)) return null;
      throw e;
    }
  },
  deflate: (data) => view(zlib.deflateRawSync(data, { level: LEVEL })),
  crc32: (data) => zlib.crc32(data),
  deflateAsync: async (data) => (await onTheWorker('deflate', data))!,
  inflateAsync: (raw, limit) => onTheWorker('inflate', raw, limit),
};
