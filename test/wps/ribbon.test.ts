import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreWorkbook, type CellWrite, type Grid } from '../../src/engine/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { manyUnits, normalise, sampleBytes, SUMMARY } from '../addin/fixtures.ts';
import { sampleWithMerges } from './samples.ts';
import { ADDIN, ensureWpsBuild, loadRibbonBundle, ribbonButton, ribbonCallbacks, wellFormed, xpath, type AddinGlobals } from './bundle.ts';
import { FakeEt, type FakeSheetSpec, type FakeSwitches } from './fakeEt.ts';

let SAMPLE: FakeSheetSpec[] = [];
beforeAll(async () => {
  ensureWpsBuild();
  SAMPLE = await sampleWithMerges();
}, 180_000);

const bytes = sampleBytes();
const cli = scoreXlsx(bytes);
const cliSheets = openXlsx(cli.output!).readSheets();

type Callback = (control: { Id: string }) => unknown;

function click(addin: AddinGlobals, label: string): void {
  const { id, onAction } = ribbonButton(label);
  const callback = addin[onAction] as Callback | undefined;
  expect(typeof callback, `${onAction} for ${label}`).toBe('function');
  callback!({ Id: id });
}

function snapshot(et: FakeEt): Map<string, Grid> {
  return new Map(et.sheets.map((s) => [s.name, normalise(s.grid())]));
}

/** Cells whose value differs between two snapshots, as "sheet!row,col". */
function changedCells(before: Map<string, Grid>, after: Map<string, Grid>): Set<string> {
  const out = new Set<string>();
  for (const [name, grid] of after) {
    const old = before.get(name) ?? [];
    const rows = Math.max(grid.length, old.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(grid[r]?.length ?? 0, old[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) if ((grid[r]?.[c] ?? null) !== (old[r]?.[c] ?? null)) out.add(`${name}!${r},${c}`);
    }
  }
  return out;
}

const outputCells = (writes: readonly CellWrite[]) => new Set(writes.map((w) => `${w.sheet}!${w.row},${w.col}`));

function scoreInFake(specs: FakeSheetSpec[], switches: FakeSwitches = {}) {
  const et = new FakeEt(specs, switches);
  const addin = loadRibbonBundle(et);
  const before = snapshot(et);
  et.resetLog();
  click(addin, '一键计分');
  return { et, addin, before, after: snapshot(et) };
}

describe('the add-in folder', () => {
  it('has a well-formed ribbon.xml and manifest.xml, and every callback the ribbon names exists in the bundle', () => {
    for (const file of ['ribbon.xml', 'manifest.xml']) expect(wellFormed(`${ADDIN}/${file}`), file).toEqual({ ok: true, errors: '' });
    expect(xpath(`${ADDIN}/manifest.xml`, 'string(/JsPlugin/Name)')).toBe('target-scorer');
    expect(xpath(`${ADDIN}/ribbon.xml`, "string(//*[local-name()='tab']/@label)")).toBe('目标绩效计分');
    const addin = loadRibbonBundle(new FakeEt(SAMPLE));
    const callbacks = ribbonCallbacks();
    expect(callbacks).toEqual(expect.arrayContaining(['OnAddinLoad', 'OnAction', 'GetImage']));
    for (const name of callbacks) expect(typeof addin[name], name).toBe('function');
    for (const label of ['一键计分', '计分面板']) {
      const image = (addin.GetImage as Callback)({ Id: ribbonButton(label).id });
      expect(existsSync(`${ADDIN}/${String(image)}`), `${label}: ${String(image)}`).toBe(true);
    }
  });
});

describe('一键计分 on the sample workbook', () => {
  it('leaves every cell as the CLI writes it, changes only output cells, and restores screen updating', () => {
    const { et, before, after } = scoreInFake(SAMPLE);
    expect(et.sheets.map((s) => s.name)).toEqual(cliSheets.map((s) => s.name));
    for (const sheet of cliSheets) expect(after.get(sheet.name), sheet.name).toEqual(normalise(sheet.grid));
    const outputs = outputCells(cli.result.writes);
    const changed = changedCells(before, after);
    expect(changed.size).toBeGreaterThan(1000);
    for (const cell of changed) expect(outputs.has(cell), cell).toBe(true);
    // Scores carry 0.00 and no other cell got a number format.
    for (const w of cli.result.writes) expect(et.sheet(w.sheet).cell(w.row, w.col)?.format, `${w.sheet} ${w.row},${w.col}`).toBe(w.numberFormat);
    const formatted = et.sheets.reduce((n, s) => n + [...s.cells.values()].filter((c) => c.format).length, 0);
    expect(formatted).toBe(cli.result.writes.filter((w) => w.numberFormat).length);
    expect(et.screenUpdatingLog).toEqual([false, true]);
    expect(et.active.name).toBe(SUMMARY);
    expect(et.panes).toEqual([]);
    const writes = et.log.byMember.get('Range.Value2=') ?? 0;
    // Runs that touch a merged area were cut (the fake, like WPS, refuses to write across part of one).
    expect(et.log.byMember.get('Range.MergeCells')).toBeGreaterThan(0);
    console.info(`WPS sample (8 units): ${et.log.calls} bridge calls, ${writes} Value2 writes of ${cli.result.writes.length} output cells`);
  });

  it('reads the same with single rows and columns flattened and error values as numeric codes', () => {
    const specs = SAMPLE;
    const unit = specs.find((s) => s.name === '苍溪县')!;
    const header = unit.grid.findIndex((r) => r?.includes('实际完成'));
    const actual = unit.grid[header].indexOf('实际完成');
    const row = unit.grid.findIndex((r, i) => i > header && typeof r?.[actual] === 'number');
    const errored = specs.map((s) => (s === unit ? { ...s, grid: s.grid.map((r, i) => (i === row ? r.map((v, c) => (c === actual ? '#DIV/0!' : v)) : r)) } : s));
    const expected = scoreWorkbook({ sheets: errored.map(({ name, grid }) => ({ name, grid })) });
    expect(expected.issues.some((i) => i.sheet === '苍溪县')).toBe(true);
    const plain = scoreInFake(errored);
    const odd = scoreInFake(errored, { flattenVectors: true, numericErrors: true });
    expect([...odd.after]).toEqual([...plain.after]);
    const stored = JSON.parse(String(odd.et.storage.get('target-scorer.last-ribbon-run'))) as { ok: boolean; message: { zh: string } };
    expect(stored.ok).toBe(true);
    expect(stored.message.zh).toContain(`${expected.issues.filter((i) => i.severity === 'error').length}`);
    // The engine saw the error as text, as in the xlsx host: the same issues as scoring the grids directly.
    const after = odd.after.get('苍溪县')!;
    const note = expected.writes.find((w) => w.sheet === '苍溪县' && w.row === row && typeof w.value === 'string');
    expect(after[row][note!.col]).toBe(note!.value);
  });

  it('scores 200 units, counting the bridge calls', () => {
    const specs = manyUnits(200, SAMPLE) as FakeSheetSpec[];
    const expected = scoreWorkbook({ sheets: specs.map(({ name, grid }) => ({ name, grid })) });
    const { et, after } = scoreInFake(specs);
    expect(expected.units).toHaveLength(200);
    for (const w of expected.writes) expect(after.get(w.sheet)![w.row]?.[w.col] ?? null, `${w.sheet} ${w.row},${w.col}`).toBe(w.value);
    console.info(`WPS 200 units: ${et.log.calls} bridge calls, ${et.log.byMember.get('Range.Value2=')} Value2 writes of ${expected.writes.length} output cells`);
  });
});

describe('refusals before any write', () => {
  function refused(specs: FakeSheetSpec[], setup: (et: FakeEt) => void = () => {}) {
    const et = new FakeEt(specs);
    setup(et);
    const addin = loadRibbonBundle(et);
    const before = snapshot(et);
    et.resetLog();
    click(addin, '一键计分');
    expect(et.log.writes).toBe(0);
    expect(snapshot(et)).toEqual(before);
    expect(et.screenUpdatingLog).toEqual([]);
    expect(et.panes.map((p) => [p.url.replace(/^.*\//, ''), p.visible])).toEqual([['taskpane.html', true]]);
    return { et, run: JSON.parse(String(et.storage.get('target-scorer.last-ribbon-run'))) as { ok: boolean; message: { zh: string }; sheet: string; cell: string } };
  }

  it('refuses a protected unit sheet', () => {
    const specs = SAMPLE.map((s) => (s.name === '剑阁县' ? { ...s, protected: true } : s));
    const { run } = refused(specs);
    expect(run.ok).toBe(false);
    expect(run.message.zh).toContain('“剑阁县”工作表受保护');
  });

  it('refuses a protected workbook when 汇总 must be added', () => {
    const { run } = refused(SAMPLE.filter((s) => s.name !== SUMMARY), (et) => void (et.protectStructure = true));
    expect(run.message.zh).toContain('工作簿结构受保护');
  });

  it('refuses a formula in an output cell and takes the user to it', () => {
    const target = cli.result.writes.find((w) => w.sheet === '旺苍县' && w.numberFormat)!;
    const cell = `${String.fromCharCode(65 + target.col)}${target.row + 1}`;
    const specs = SAMPLE.map((s) => (s.name === '旺苍县' ? { ...s, formulas: { ...s.formulas, [cell]: '=1+1' } } : s));
    const { et, run } = refused(specs);
    expect(run.message.zh).toContain(`“旺苍县”工作表 ${cell} 单元格含有公式`);
    expect(et.selected).toBe(`旺苍县!${cell}`);
  });
});

describe('the globals', () => {
  it('works through `wps` where WPS offers no `Application` global', () => {
    const et = new FakeEt(SAMPLE);
    click(loadRibbonBundle(et, 'wps'), '一键计分');
    expect(et.active.name).toBe(SUMMARY);
    expect(et.log.writes).toBeGreaterThan(100);
  });
});

describe('计分面板', () => {
  it('opens the task pane from the add-in folder, and hides it on a second click', () => {
    const et = new FakeEt(SAMPLE);
    const addin = loadRibbonBundle(et);
    click(addin, '计分面板');
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0].url).toMatch(/\/jsaddons\/target-scorer_[^/]+\/taskpane\.html$/);
    expect(et.panes[0].visible).toBe(true);
    click(addin, '计分面板');
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0].visible).toBe(false);
    expect(et.log.writes).toBe(0);
  });
});
