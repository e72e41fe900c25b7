import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zlibCodec } from '../../src/cli/zlibCodec.ts';
import { fflateCodec } from '../../src/xlsx/index.ts';

const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(5000));

describe.each([['fflate', fflateCodec], ['node zlib', zlibCodec]])('%s codec', (_name, codec) => {
  it('round-trips and inflates into exactly the declared size', () => {
    const packed = codec.deflate(text);
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(codec.inflate(packed, text.length)).toEqual(text);
    expect(codec.inflate(deflateSync(text), text.length)).toEqual(text);
  });

  it('stops a stream that produces more than its declared size', () => {
    expect(codec.inflate(codec.deflate(text), text.length - 1)).toBeNull();
    expect(codec.inflate(codec.deflate(new Uint8Array(50_000_000)), 1000)).toBeNull();
  });

  it('throws on a broken stream', () => {
    expect(() => codec.inflate(Uint8Array.from([0xff, 0xff, 0xff, 0x00, 0x12]), 100)).toThrow();
  });
});
