import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/engine/index.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { buildCorpus, type CorpusFile } from '../fixtures/corpus/build.ts';
import { rawEntries } from '../xlsx/helpers.ts';
import { COL } from './lib/assessment.ts';
import { GRADES_TITLE, INDICATOR_HEADERS } from '../../src/templates/index.ts';
import { CSV_ALL_SHEETS, parseCsv, soffice, sofficeVersion } from './lib/soffice.ts';

// The fidelity corpus, scored, then opened again by LibreOffice: nothing lost, the right values shown.

const TEMPLATES = ['guangyuan-2014.xlsx', 'guangyuan-2014-sample.xlsx'];

interface Scored extends CorpusFile {
  input: Uint8Array;
  output: Uint8Array;
  result: ScoreResult;
}

let dir: string;
const scored: Scored[] = [];
const dec = new TextDecoder();

beforeAll(async () => {
  const [major, minor] = sofficeVersion();
  expect(major * 100 + minor, 'LibreOffice ≥ 7.2 exports every sheet to CSV').toBeGreaterThanOrEqual(702);
  dir = mkdtempSync(path.join(tmpdir(), 'ts-corpus-'));
  for (const d of ['in', 'out', 'csv', 'xml', 'ship']) mkdirSync(path.join(dir, d));
  const corpus = await buildCorpus(path.join(dir, 'in'));
  for (const t of TEMPLATES) {
    copyFileSync(path.join('workbook-templates', t), path.join(dir, 'in', t));
    copyFileSync(path.join('workbook-templates', t), path.join(dir, 'ship', `shipped-${t}`));
    corpus.push({ file: t, madeBy: 'src/templates', contains: ['the bundled template'], keptParts: [], keptFragments: [], formulas: [] });
  }
  for (const c of corpus) {
    const input = new Uint8Array(readFileSync(path.join(dir, 'in', c.file)));
    const { result, output } = scoreXlsx(input);
    expect(output, `${c.file} has 考核表 sheets`).not.toBeNull();
    writeFileSync(path.join(dir, 'out', c.file), output!);
    scored.push({ ...c, input, output: output!, result });
  }
  // One LibreOffice run reads every scored file and both templates as they ship.
  soffice(
    ['--convert-to', CSV_ALL_SHEETS, '--outdir', path.join(dir, 'csv'), ...scored.map((s) => path.join(dir, 'out', s.file)), ...TEMPLATES.map((t) => path.join(dir, 'ship', `shipped-${t}`))],
    dir,
  );
}, 300_000);

afterAll(() => {
  console.log(
    'corpus:\n' + scored.map((s) => `  ${s.file} (${s.madeBy}): ${s.contains.join('; ')}; ${s.result.units.length} units, ${s.formulas.length} formula checks`).join('\n'),
  );
  rmSync(dir, { recursive: true, force: true });
});

/** Sheet name → worksheet part, from the package's own workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = dec.decode(files['xl/workbook.xml']);
  const rels = dec.decode(files['xl/_rels/workbook.xml.rels']);
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const t = target.get(/r:id="([^"]+)"/.exec(m[0])![1])!;
    out.set(name, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

function csvOf(s: Scored, sheet: string): string[][] {
  const file = path.join(dir, 'csv', `${s.file.replace(/\.xls[xm]$/, '')}-${sheet}.csv`);
  expect(existsSync(file), `LibreOffice wrote ${path.basename(file)}`).toBe(true);
  return parseCsv(readFileSync(file, 'utf8'));
}

const cellOf = (rows: string[][], a1: string): string => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return rows[Number(m[2]) - 1]?.[col] ?? '';
};

const num = (s: string, label: string) => {
  expect(s, `${label}: a number`).toMatch(/^-?\d+(\.\d+)?(E-?\d+)?$/);
  return Number(s);
};

describe('fidelity corpus: scored, nothing lost', () => {
  it('holds the files and features it claims', () => {
    expect(scored.length).toBe(8);
    for (const s of scored) {
      const names = Object.keys(unzipSync(s.input));
      for (const re of s.keptParts) expect(names.some((n) => re.test(n)), `${s.file} has a part matching ${re}`).toBe(true);
    }
  });

  it('keeps every zip entry except the patched ones byte for byte (raw entry bytes)', () => {
    for (const s of scored) {
      const before = rawEntries(s.input);
      const after = rawEntries(s.output);
      const parts = sheetParts(unzipSync(s.input));
      const written = new Set(s.result.writes.map((w) => w.sheet));
      const patchable = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
      for (const sheet of written) if (parts.has(sheet)) patchable.add(parts.get(sheet)!);
      // Sheets whose formulas read our scores lose those formulas' stale cached values (src/xlsx/staleFormulas.ts).
      for (const f of s.formulas) patchable.add(parts.get(f.sheet)!);
      for (const [name, e] of before) {
        expect(after.has(name), `${s.file}: ${name} kept`).toBe(true);
        if (!patchable.has(name)) expect(Buffer.compare(after.get(name)!.local, e.local), `${s.file}: ${name} byte-identical`).toBe(0);
      }
      // Only a new 汇总 sheet, and styles.xml where the package had none, may be added.
      const added = [...after.keys()].filter((n) => !before.has(n));
      for (const n of added) expect(n, s.file).toMatch(/^xl\/(worksheets\/sheet\d+|styles)\.xml$/);
      expect(added.filter((n) => n.includes('worksheets')).length, s.file).toBe(parts.has('汇总') ? 0 : 1);
    }
  });

  it('keeps charts, images, comments, validations, conditional formats, names, hidden state, shared/array formulas and macro/link parts', () => {
    for (const s of scored) {
      const a = unzipSync(s.input);
      const b = unzipSync(s.output);
      for (const re of s.keptParts) {
        for (const n of Object.keys(a).filter((x) => re.test(x))) expect(Buffer.compare(a[n], b[n]), `${s.file}: ${n}`).toBe(0);
      }
      for (const { part, element } of s.keptFragments) {
        const m = element.exec(dec.decode(a[part]));
        expect(m, `${s.file}: ${part} has ${element}`).not.toBeNull();
        expect(dec.decode(b[part]), `${s.file}: ${part} keeps ${element}`).toContain(m![0]);
      }
    }
  });

  it('changes no input cell: every value outside the output cells reads the same', () => {
    for (const s of scored) {
      const before = openXlsx(s.input).readSheets();
      const after = new Map(openXlsx(s.output).readSheets().map((x) => [x.name, x.grid]));
      const units = new Set(s.result.units.map((u) => u.unit));
      const recalculated = new Set(s.formulas.map((f) => `${f.sheet}!${f.cell}`));
      for (const sheet of before) {
        if (sheet.name === '汇总') continue;
        const grid = after.get(sheet.name)!;
        sheet.grid.forEach((row, r) =>
          (row ?? []).forEach((v, c) => {
            if (units.has(sheet.name) && r >= 2 && c >= COL.score && c <= COL.subtotal) return;
            if (sheet.name === '案件台账' && c === 5 && r >= 1) return;
            const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (recalculated.has(`${sheet.name}!${a1}`)) return;
            expect(grid[r]?.[c] ?? null, `${s.file} ${sheet.name}!${a1}`).toEqual(v ?? null);
          }),
        );
      }
    }
  });

  it('is idempotent: scoring its own output changes no zip entry and no result', () => {
    for (const s of scored) {
      const again = scoreXlsx(s.output);
      expect(again.result.units, s.file).toEqual(s.result.units);
      const a = unzipSync(s.output);
      const b = unzipSync(again.output!);
      expect(Object.keys(b).sort(), s.file).toEqual(Object.keys(a).sort());
      for (const n of Object.keys(a)) expect(Buffer.compare(a[n], b[n]), `${s.file}: ${n}`).toBe(0);
    }
  });

  it('writes well-formed XML into every part it patches (xmllint)', () => {
    const files: string[] = [];
    for (const s of scored) {
      const a = unzipSync(s.input);
      const b = unzipSync(s.output);
      for (const [n, data] of Object.entries(b)) {
        if (!/\.(xml|rels)$/.test(n) || (a[n] && Buffer.compare(a[n], data) === 0)) continue;
        const f = path.join(dir, 'xml', `${files.length}.xml`);
        writeFileSync(f, data);
        files.push(f);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    execFileSync('xmllint', ['--noout', '--nonet', ...files], { stdio: 'pipe' });
  });
});

describe('LibreOffice opens every scored file and shows the engine’s values', () => {
  it('converts every sheet of every file to CSV', () => {
    for (const s of scored) for (const name of openXlsx(s.output).sheetNames) csvOf(s, name);
  });

  it('shows each row’s 得分 and 说明 and each 项目得分 as the engine computed them', () => {
    for (const s of scored) {
      for (const row of s.result.rows) {
        const csv = csvOf(s, row.sheet);
        expect(num(cellOf(csv, row.cell), `${s.file} ${row.sheet}!${row.cell}`)).toBeCloseTo(row.score, 9);
      }
      for (const unit of s.result.units) {
        const csv = csvOf(s, unit.unit);
        const header = csv.findIndex((r) => r.includes('计分方式'));
        const cols = { score: csv[header].indexOf('得分'), note: csv[header].indexOf('说明'), subtotal: csv[header].indexOf('项目得分') };
        const subtotals = csv.slice(header + 1).map((r) => r[cols.subtotal]).filter((v) => v !== '' && v !== undefined).map((v) => num(v, `${s.file} ${unit.unit} 项目得分`));
        expect(subtotals, `${s.file} ${unit.unit} 项目得分`).toEqual(unit.items.map((i) => i.score));
        for (const row of s.result.rows.filter((r) => r.sheet === unit.unit)) expect(csv[row.row][cols.note]).toBe(row.note);
      }
    }
  });

  it('shows 汇总 totals, ranks and status as the engine computed them', () => {
    for (const s of scored) {
      const csv = csvOf(s, '汇总');
      const header = csv[0];
      const [t, r, st] = ['总分', '排名', '状态'].map((h) => header.indexOf(h));
      for (const u of s.result.units) {
        const line = csv.find((x) => x[0] === u.unit)!;
        expect(num(line[t], `${s.file} ${u.unit} 总分`)).toBeCloseTo(u.total!, 9);
        expect(num(line[r], `${s.file} ${u.unit} 排名`)).toBe(u.rank);
        expect(line[st]).toBe(u.status);
      }
      expect(csv.filter((x) => x[0] !== '' && x[0] !== '单位' && !x[0].startsWith('备注')).length, `${s.file}: one 汇总 row per unit`).toBe(s.result.units.length);
    }
  });

  it('shows the new values in the user’s own formulas that read the scores (after LibreOffice’s default load)', () => {
    let checked = 0;
    for (const s of scored) {
      for (const f of s.formulas) {
        expect(num(cellOf(csvOf(s, f.sheet), f.cell), `${s.file} ${f.sheet}!${f.cell} ${f.what}`), `${s.file} ${f.sheet}!${f.cell} ${f.what}`).toBeCloseTo(f.expect(s.result), 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});

describe('templates open in LibreOffice as they ship', () => {
  it.each(TEMPLATES)('%s converts to CSV with the expected headers on every sheet', (t) => {
    const base = `shipped-${t.replace(/\.xlsx$/, '')}`;
    const book = openXlsx(new Uint8Array(readFileSync(path.join('workbook-templates', t))));
    expect(book.sheetNames.length).toBe(12);
    for (const name of book.sheetNames) {
      const file = path.join(dir, 'csv', `${base}-${name}.csv`);
      expect(existsSync(file), file).toBe(true);
      const rows = parseCsv(readFileSync(file, 'utf8'));
      if (name === '填报说明') expect(rows[0][0]).toMatch(/^填报说明/);
      else if (name === '案件台账') expect(rows[1].slice(0, 6)).toEqual(['单位', '项目', '等级', '日期', '简要案情', '扣分']);
      // Laid out for what the scorer writes: 等次 for the example 等次标准, 自评总分 and 核减 where units self-score.
      else if (name === '汇总') expect(rows[0].slice(-4)).toEqual(t.includes('sample') ? ['等次', '自评总分', '核减', '状态'] : ['总分', '排名', '等次', '状态']);
      else if (name === '等次标准') expect([rows[0][0], ...rows[1].slice(0, 3)]).toEqual([GRADES_TITLE, '等次', '最低分', '比例上限']);
      else {
        expect(rows[0][0]).toContain(name);
        expect(rows[1].slice(0, INDICATOR_HEADERS.length)).toEqual([...INDICATOR_HEADERS]);
      }
    }
  });
});
