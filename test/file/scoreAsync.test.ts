// The CLI's path (scoreXlsxAsync with Node's codec: inflate and deflate on a worker thread) against the synchronous one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zlibCodec } from '../../src/cli/zlibCodec.ts';
import { scoreXlsx, scoreXlsxAsync, XlsxRefusal } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';

const SAMPLE = new Uint8Array(readFileSync(new URL('../../workbook-templates/guangyuan-2014-sample.xlsx', import.meta.url)));

/** The sample with one byte of a worksheet's compressed data flipped, so that sheet fails its CRC or inflate. */
function damagedSheet(): { bytes: Uint8Array; sheet: string } {
  const bytes = SAMPLE.slice();
  const name = 'xl/worksheets/sheet3.xml';
  const at = Buffer.from(bytes).indexOf(Buffer.from(name)) + name.length;
  bytes[at + 40] ^= 0xff;
  return { bytes, sheet: name };
}

describe('scoreXlsxAsync (the CLI path)', () => {
  it('writes exactly the bytes of scoreXlsx, with the same result', async () => {
    const sync = scoreXlsx(SAMPLE, { codec: zlibCodec });
    const phases: string[] = [];
    const async = await scoreXlsxAsync(SAMPLE, { codec: zlibCodec, onProgress: (p) => phases.push(p.phase) });
    expect(Buffer.compare(async.output!, sync.output!)).toBe(0);
    expect(async.result).toEqual(sync.result);
    expect(openXlsx(async.output!).readSheets()).toEqual(openXlsx(sync.output!).readSheets());
    expect(phases[0]).toBe('opening');
    expect(phases.filter((p) => p === 'reading')).toHaveLength(openXlsx(SAMPLE).sheetNames.length);
    expect(phases.slice(-2)).toEqual(['scoring', 'writing']);
  });

  it('refuses a damaged sheet with the same message as the synchronous path', async () => {
    const { bytes } = damagedSheet();
    let syncError: unknown;
    try {
      scoreXlsx(bytes, { codec: zlibCodec });
    } catch (e) {
      syncError = e;
    }
    expect(syncError).toBeInstanceOf(XlsxRefusal);
    await expect(scoreXlsxAsync(bytes, { codec: zlibCodec })).rejects.toThrow((syncError as Error).message);
  });
});
