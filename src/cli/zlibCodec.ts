import zlib from 'node:zlib';
import type { DeflateCodec } from '../xlsx/index.ts';

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);

/** Node's native zlib for the xlsx host: several times faster than fflate on large workbooks. */
export const zlibCodec: DeflateCodec = {
  inflate(raw, limit) {
    try {
      const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit + 1) });
      return out.length > limit ? null : view(out);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw e;
    }
  },
  // Level 1 deflates worksheet XML about 2.5× faster than the default for parts about 15% larger;
  // only the parts we patch are recompressed, and Excel recompresses everything on its next save anyway.
  deflate: (data) => view(zlib.deflateRawSync(data, { level: 1 })),
};
