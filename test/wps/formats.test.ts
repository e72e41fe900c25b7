// Contract version 2 through the WPS host: WPS, like Excel, keeps 90% as 0.9 and 3/3 as a date serial, so the add-in
// must read the number formats the engine needs and give the CLI's result cell for cell.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { contractV2Workbook, V2_EXPECTED } from '../fixtures/contractV2.ts';
import { excelSheetsOf, normalise } from '../addin/fixtures.ts';
import { ensureWpsBuild, loadRibbonBundle, ribbonButton } from './bundle.ts';
import { FakeEt, type FakeSheetSpec } from './fakeEt.ts';

beforeAll(() => ensureWpsBuild(), 180_000);

function scoreInFake(specs: FakeSheetSpec[]): FakeEt {
  const et = new FakeEt(specs);
  const addin = loadRibbonBundle(et);
  const { id, onAction } = ribbonButton('一键计分');
  (addin[onAction] as (control: { Id: string }) => unknown)({ Id: id });
  return et;
}

describe('contract v2 in the WPS host', () => {
  it('reads 90% and 3/3 by their number formats and leaves every cell as the CLI writes it', async () => {
    const { sheets, bytes } = await excelSheetsOf(contractV2Workbook());
    const cli = scoreXlsx(bytes);
    expect(cli.result.units.map(({ unit, total, rank, grade, status }) => ({ unit, total, rank, grade, status }))).toEqual(V2_EXPECTED);
    const et = scoreInFake(sheets);
    for (const sheet of openXlsx(cli.output!).readSheets()) {
      expect(normalise(et.sheet(sheet.name).grid()), sheet.name).toEqual(normalise(sheet.grid));
    }
    // Without the formats the same values score differently: the formats are what made the two agree.
    const plain = scoreInFake(sheets.map(({ numberFormats: _, ...s }) => s));
    const differs = openXlsx(cli.output!).readSheets().some((s) => JSON.stringify(normalise(plain.sheet(s.name).grid())) !== JSON.stringify(normalise(s.grid)));
    expect(differs).toBe(true);
    console.info(`WPS contract v2: ${et.log.calls} bridge calls, ${et.log.byMember.get('Range.NumberFormat') ?? 0} NumberFormat reads`);
  });
});
