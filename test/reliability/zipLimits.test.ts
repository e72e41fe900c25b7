import { deflateSync, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openXlsx, XlsxRefusal } from '../../src/xlsx/index.ts';
import { unitRows } from './lib/assessment.ts';
import { buildPackage, sheetXml } from './lib/package.ts';
import { crc32, rawZip, type RawEntry } from './lib/rawZip.ts';

// The inflate guard on both paths: small streams (one call) and large ones (16 KB chunks).
const base = buildPackage({ sheets: [{ name: '苍溪县', xml: sheetXml(unitRows('苍溪县')) }] });

function withSheet(stored: Uint8Array, size: number, crc: number): Uint8Array {
  const entries: RawEntry[] = Object.entries(unzipSync(base)).map(([name, data]) =>
    name === 'xl/worksheets/sheet1.xml' ? { name, stored, method: 8, size, crc } : { name, stored: data, method: 0, size: data.length, crc: crc32(data) },
  );
  return rawZip(entries);
}

function refusal(bytes: Uint8Array): XlsxRefusal {
  try {
    openXlsx(bytes).readSheets();
  } catch (e) {
    if (e instanceof XlsxRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('a deflate stream is never trusted to stop at its declared size', () => {
  const xml = strToU8(sheetXml(unitRows('苍溪县')).replace('<sheetData>', `<sheetData>${' '.repeat(300_000)}`));

  for (const [path, level] of [['one call', 9], ['chunks', 0]] as const) {
    it(`${path}: a stream longer than declared is refused, the exact one is read`, () => {
      const stored = deflateSync(xml, { level });
      expect(stored.length <= 16 * 1024).toBe(path === 'one call');
      const r = refusal(withSheet(stored, 1000, crc32(xml.subarray(0, 1000))));
      expect(r.code).toBe('corrupt');
      expect(r.message).toContain('解压后超过声明的大小');
      expect(openXlsx(withSheet(stored, xml.length, crc32(xml))).readSheets()[0].grid[1][9]).toBe('实际完成');
    });
  }

  it('a stream shorter than declared fails its check', () => {
    const stored = deflateSync(xml);
    expect(refusal(withSheet(stored, xml.length + 10, crc32(xml))).message).toContain('校验失败');
  });
});
