import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { it } from 'vitest';
import { openXlsx, XlsxRefusal } from '../../src/xlsx/index';
import { mainWorkbook, toBytes } from './helpers';
import { propertyRuns } from '../propertyRuns';

// Damaged XML in any part must end in a result or an XlsxRefusal: never a crash, a hang or a plain Error.
it('turns random damage in any XML part into refusals, not crashes', async () => {
  const files = unzipSync(await toBytes(mainWorkbook()));
  const names = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  fc.assert(
    fc.property(
      fc.constantFrom(...names),
      fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0x3c, 0x3e, 0x22, 0x27, 0x2f, 0x20, 0x41, 0x31, 0x3a, 0x26, 0x00, 0x3d, 0x21, 0x3f, 0x2d, 0x5b) }), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (name, damage, truncate) => {
        const part = files[name];
        const broken = part.slice();
        for (const d of damage) broken[d.at % part.length] = d.byte;
        const body = truncate ? broken.subarray(0, damage[0].at % part.length) : broken;
        const bytes = zipSync({ ...files, [name]: body }, { level: 0 });
        try {
          const book = openXlsx(bytes);
          book.readSheets();
          book.hasFormula(book.sheetNames[0] ?? '', 1, 3);
          if (book.sheetNames.length) book.applyWrites([{ sheet: book.sheetNames[0], row: 1, col: 10, value: 2, numberFormat: '0.00' }, { sheet: book.sheetNames[0], row: 30, col: 1, value: 'x' }], ['汇总']);
        } catch (e) {
          if (!(e instanceof XlsxRefusal)) throw e;
        }
      },
    ),
    propertyRuns(20140401, 1500),
  );
});
