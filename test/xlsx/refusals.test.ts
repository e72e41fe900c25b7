import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openXlsx, XlsxRefusal, type RefusalCode } from '../../src/xlsx/index';
import { handMadeXlsx, mainWorkbook, toBytes, worksheet } from './helpers';

function refusal(f: () => unknown): XlsxRefusal {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const expectRefusal = (bytes: Uint8Array, code: RefusalCode) => {
  const r = refusal(() => openXlsx(bytes).readSheets());
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r;
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole = (payload: Uint8Array) => {
  const b = new Uint8Array(1024 + payload.length);
  b.set(OLE);
  b.set(payload, 600);
  return b;
};
const utf16le = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));

describe('refusals', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await toBytes(mainWorkbook());
  });

  it('refuses random bytes, text, empty input and HTML disguised as Excel as not-zip', () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    expectRefusal(random, 'not-zip');
    expectRefusal(strToU8('指标,得分\nGDP,95\n'), 'not-zip');
    expectRefusal(new Uint8Array(0), 'not-zip');
    const html = expectRefusal(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'not-zip');
    expect(html.message).toContain('网页');
  });

  it('refuses OLE files as xls, or encrypted when they hold EncryptionInfo', () => {
    const xls = expectRefusal(ole(utf16le('Workbook')), 'xls');
    expect(xls.message).toContain('另存为');
    const enc = expectRefusal(ole(utf16le('EncryptionInfo')), 'encrypted');
    expect(enc.message).toContain('密码');
  });

  it('refuses truncated and damaged zips as corrupt', () => {
    expectRefusal(good.subarray(0, Math.floor(good.length / 2)), 'corrupt');
    const flipped = good.slice();
    const name = new TextEncoder().encode('xl/workbook.xml');
    // Damage the compressed bytes of xl/workbook.xml (found via its local header name).
    let at = -1;
    for (let i = 0; i < flipped.length - name.length && at < 0; i++) {
      if (flipped[i] === 0x50 && flipped[i + 1] === 0x4b && flipped[i + 2] === 3 && flipped[i + 3] === 4) {
        if (name.every((c, k) => flipped[i + 30 + k] === c)) at = i + 30 + name.length + flipped[i + 28] + 5;
      }
    }
    for (let k = 0; k < 20; k++) flipped[at + k] ^= 0xff;
    expectRefusal(flipped, 'corrupt');
  });

  it('refuses xlsb, ods and strict OOXML', () => {
    expectRefusal(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(10) }), 'xlsb');
    expectRefusal(
      zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }),
      'ods',
    );
    const strict = expectRefusal(
      handMadeXlsx([['表1', worksheet('')]], { workbookNs: 'http://purl.oclc.org/ooxml/spreadsheetml/main' }),
      'strict-ooxml',
    );
    expect(strict.message).toContain('Strict Open XML');
  });

  it('refuses a zip that holds no workbook', () => {
    expectRefusal(zipSync({ 'readme.txt': strToU8('hello') }), 'unsupported');
  });

  it('refuses XML with a DOCTYPE (no entity expansion)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>';
    const sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>').replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', bomb);
    expectRefusal(handMadeXlsx([['表1', sheet]]), 'corrupt');
    const wb = handMadeXlsx([['表1', worksheet('')]]);
    const book = openXlsx(wb); // sanity: without DOCTYPE it opens
    expect(book.sheetNames).toEqual(['表1']);
  });

  it('refuses hostile sizes and counts as too-large', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) many[`f${i}`] = new Uint8Array(0);
    expectRefusal(zipSync(many, { level: 0 }), 'too-large');

    // Declare a 600 MB uncompressed size in the central directory.
    const big = good.slice();
    const dv = new DataView(big.buffer);
    let eocd = big.length - 22;
    while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
    const cd = dv.getUint32(eocd + 16, true);
    dv.setUint32(cd + 24, 600 * 1024 * 1024, true);
    expectRefusal(big, 'too-large');
  });

  it('refuses ZIP64 archives as unsupported', () => {
    const z = good.slice();
    const dv = new DataView(z.buffer);
    let eocd = z.length - 22;
    while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
    dv.setUint16(eocd + 10, 0xffff, true);
    dv.setUint16(eocd + 8, 0xffff, true);
    const r = expectRefusal(z, 'unsupported');
    expect(r.message).toContain('ZIP64');
  });
});
