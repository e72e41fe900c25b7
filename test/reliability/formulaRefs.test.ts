import { describe, expect, it } from 'vitest';
import { scanFormula, shiftRef } from '../../src/xlsx/formulaRefs.ts';
import { cellKey, hasCell, staleFormulaCells, type SheetFormula } from '../../src/xlsx/staleFormulas.ts';

const refs = (f: string) => scanFormula(f).refs.map((r) => `${r.sheet ?? ''}!${r.r1},${r.c1}:${r.r2},${r.c2}`);

describe('static references of a formula', () => {
  it.each([
    ['SUM(苍溪县!M3:M10)', ['苍溪县!2,12:9,12']],
    ["'苍 溪''县'!$K$3*2", ["苍 溪'县!2,10:2,10"]],
    ['SUM(K:K)+SUM($3:$5)', ['!0,10:1048575,10', '!2,0:4,16383']],
    ['LOG10(A1)+ATAN2(B2,C3)', ['!0,0:0,0', '!1,1:1,1', '!2,2:2,2']],
    ['"A1"&B2&"say ""C3"""', ['!1,1:1,1']],
    ['[1]汇总!K2+1', []],
    ["'[2]去年'!K2", []],
    ['Sheet1:Sheet3!A1', []],
    ['Table1[总分]+A1', ['!0,0:0,0']],
    ['_xlfn.XLOOKUP(A1,B:B,C:C)', ['!0,0:0,0', '!0,1:1048575,1', '!0,2:1048575,2']],
    ['1.5E+3+A1*2', ['!0,0:0,0']],
    ['#REF!+A1', ['!0,0:0,0']],
    ['TRUE', []],
  ])('%s', (f, expected) => expect(refs(f)).toEqual(expected));

  it('gives up on INDIRECT and OFFSET: such formulas keep their cached value', () => {
    expect(scanFormula('SUM(INDIRECT("K3:K10"))')).toEqual({ refs: [], names: [] });
    expect(scanFormula('SUM(OFFSET(K3,0,0,8,1))')).toEqual({ refs: [], names: [] });
  });

  it('collects defined names, with their sheet qualifier', () => {
    expect(scanFormula('SUM(本表项目得分)+苍溪县!本地名').names).toEqual([
      { sheet: null, name: '本表项目得分' },
      { sheet: '苍溪县', name: '本地名' },
    ]);
  });

  it('moves only the relative parts of a shared formula', () => {
    const [r] = scanFormula('K3*$B$1+K$2').refs;
    expect(shiftRef(r, 2, 1)).toMatchObject({ r1: 4, c1: 11 });
    const [, abs, mixed] = scanFormula('K3*$B$1+K$2').refs;
    expect(shiftRef(abs, 2, 1)).toMatchObject({ r1: 0, c1: 1 });
    expect(shiftRef(mixed, 2, 1)).toMatchObject({ r1: 1, c1: 11 });
  });
});

describe('formulas that read written cells', () => {
  const f = (row: number, col: number, text: string, extra: Partial<SheetFormula> = {}): SheetFormula => ({ row, col, text, kind: 'normal', ...extra });

  it('follows chains across sheets and through names, and leaves the rest alone', () => {
    const stale = staleFormulaCells(
      {
        sheets: [
          { name: '苍溪县', index: 0, formulas: () => [f(2, 14, 'K3*2'), f(3, 14, 'A1+1')] },
          { name: '统计', index: 1, formulas: () => [f(0, 1, '苍溪县!O3+1'), f(1, 1, 'B1*2'), f(2, 1, 'SUM(全县)'), f(3, 1, 'INDIRECT("苍溪县!K3")')] },
        ],
        names: [{ name: '全县', formula: '苍溪县!$K$3:$K$10' }],
      },
      new Map([['苍溪县', new Set([cellKey(2, 10)])]]),
    );
    expect([...stale.get('苍溪县')!.cells]).toEqual([cellKey(2, 14)]);
    expect([...stale.get('统计')!.cells].sort((a, b) => a - b)).toEqual([cellKey(0, 1), cellKey(1, 1), cellKey(2, 1)]);
  });

  it('expands shared formulas from their master and takes whole array ranges', () => {
    const stale = staleFormulaCells(
      {
        sheets: [
          {
            name: 'S',
            index: 0,
            formulas: () => [
              f(2, 14, 'K3*2', { kind: 'shared', si: 0, ref: { r1: 2, c1: 14, r2: 4, c2: 14 } }),
              f(3, 14, '', { kind: 'shared', si: 0 }),
              f(4, 14, '', { kind: 'shared', si: 0 }),
              f(0, 20, 'K4:K5*2', { kind: 'array', ref: { r1: 0, c1: 20, r2: 1, c2: 20 } }),
            ],
          },
        ],
        names: [],
      },
      new Map([['s', new Set([cellKey(4, 10)])]]),
    );
    const s = stale.get('s')!;
    expect([...s.cells].sort((a, b) => a - b)).toEqual([cellKey(0, 20), cellKey(4, 14)]);
    expect(s.ranges).toEqual([{ r1: 0, c1: 20, r2: 1, c2: 20 }]);
    expect(hasCell(s, 1, 20)).toBe(true);
    expect(hasCell(s, 3, 14)).toBe(false);
  });
});
