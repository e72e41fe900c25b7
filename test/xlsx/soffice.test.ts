import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/index';
import { handMadeXlsx, mainWorkbook, NS_MAIN, toBytes } from './helpers';

const SOFFICE = '/usr/bin/soffice';

describe('LibreOffice opens the output', () => {
  it('converts patched workbooks to CSV showing the written values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-soffice-'));
    try {
      const scored = openXlsx(await toBytes(mainWorkbook())).applyWrites(
        [
          { sheet: '苍溪县', row: 1, col: 10, value: 95.5, numberFormat: '0.00' },
          { sheet: '苍溪县', row: 2, col: 10, value: '良好' },
        ],
        ['汇总'],
      );
      // A namespace-prefixed worksheet (exceljs cannot read these; LibreOffice can).
      const prefixedSheet =
        `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${NS_MAIN}"><x:sheetData>` +
        `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
      const prefixed = openXlsx(handMadeXlsx([['前缀', prefixedSheet]])).applyWrites(
        [
          { sheet: '前缀', row: 1, col: 0, value: 2.5, numberFormat: '0.00' },
          { sheet: '前缀', row: 0, col: 1, value: '文本' },
        ],
        [],
      );
      writeFileSync(join(dir, 'scored.xlsx'), scored);
      writeFileSync(join(dir, 'prefixed.xlsx'), prefixed);
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          join(dir, 'scored.xlsx'),
          join(dir, 'prefixed.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const lines = readFileSync(join(dir, 'scored.csv'), 'utf8').split(/\r?\n/);
      expect(lines[0].split(',').slice(0, 11).join(',')).toBe('指标,目标,完成,公式,,,,,,,得分');
      expect(lines[1].split(',').slice(0, 4)).toEqual(['GDP', '100', '112.5', '1.125']);
      expect(lines[1].split(',')[10]).toBe('95.50');
      expect(lines[2].split(',')[10]).toBe('良好');
      expect(readFileSync(join(dir, 'prefixed.csv'), 'utf8').split(/\r?\n/).slice(0, 3)).toEqual(['1,文本', '2.50,', '3,']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
