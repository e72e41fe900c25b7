import fc from 'fast-check';
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/xlsx/crc32';
import { openXlsx } from '../../src/xlsx/index';
import { handMadeXlsx, rawEntries, worksheet } from './helpers';
import { propertyRuns } from '../propertyRuns';

const SHEET = worksheet(
  '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>县</t></is></c><c r="B1"><v>1.5</v></c><c r="C1"><f>B1*2</f><v>3</v></c></row>' +
    '<row r="3"><c r="A3" t="b"><v>1</v></c></row>',
  '<dimension ref="A1:C3"/>',
);

/** Streams entries through fflate's Zip, which writes data descriptors (flag bit 3). */
function zipWithDescriptors(files: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const f = new ZipDeflate(name, { level: 6 });
    z.add(f);
    f.push(data, true);
  }
  z.end();
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function withArchiveComment(bytes: Uint8Array, comment: string): Uint8Array {
  const c = strToU8(comment);
  const out = new Uint8Array(bytes.length + c.length);
  out.set(bytes);
  out.set(c, bytes.length);
  new DataView(out.buffer).setUint16(bytes.length - 2, c.length, true);
  return out;
}

describe('zip container', () => {
  it('computes CRC-32 like zlib', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (a) => crc32(a) === zlib.crc32(a)), propertyRuns(20140402, 100));
  });

  it('reads and rewrites archives that use data descriptors', () => {
    const files = unzipSync(handMadeXlsx([['表1', SHEET]]));
    const bytes = zipWithDescriptors(files);
    expect(new DataView(bytes.buffer).getUint16(6, true) & 8).toBe(8);
    const book = openXlsx(bytes);
    expect(book.readSheets()[0].grid).toEqual([['县', 1.5, 3], [], [true]]);
    const out = book.applyWrites([{ sheet: '表1', row: 0, col: 3, value: 9, numberFormat: '0.00' }], []);
    const before = rawEntries(bytes);
    const after = rawEntries(out);
    expect(after.get('_rels/.rels')!.local).toEqual(before.get('_rels/.rels')!.local);
    expect(openXlsx(out).readSheets()[0].grid[0]).toEqual(['县', 1.5, 3, 9]);
    expect(Object.keys(unzipSync(out)).sort()).toEqual([...Object.keys(files), 'xl/styles.xml'].sort());
  });

  it('keeps the archive comment, entry comments and extra fields', () => {
    const files = unzipSync(handMadeXlsx([['表1', SHEET]]));
    const extra = { 0x5455: new Uint8Array([1, 0, 0, 0, 0]) };
    const zipped = zipSync(
      Object.fromEntries(
        Object.entries(files).map(([k, v]) => [k, [v, { comment: `注释 ${k}`, extra }]]),
      ) as Parameters<typeof zipSync>[0],
    );
    const bytes = withArchiveComment(zipped, 'archive comment');
    const out = openXlsx(bytes).applyWrites([{ sheet: '表1', row: 4, col: 0, value: 'x' }], []);
    const tail = new TextDecoder().decode(out.subarray(out.length - 15));
    expect(tail).toBe('archive comment');
    const cd = (b: Uint8Array) => {
      const t = new TextDecoder('latin1').decode(b);
      return t.slice(t.indexOf('PK\x01\x02'));
    };
    for (const name of Object.keys(files)) expect(cd(out)).toContain(Buffer.from(`注释 ${name}`).toString('latin1'));
    expect(openXlsx(out).readSheets()[0].grid[4]).toEqual(['x']);
  });
});
