import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/index.ts';

const SAMPLE = path.resolve('workbook-templates/guangyuan-2014-sample.xlsx');
const BIN = path.resolve('dist/cli/target-scorer.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function workdir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ts-cli-'));
}

/** Zip entries whose uncompressed bytes differ between two packages. */
function changedEntries(a: Uint8Array, b: Uint8Array): string[] {
  const ea = unzipSync(a);
  const eb = unzipSync(b);
  const names = new Set([...Object.keys(ea), ...Object.keys(eb)]);
  return [...names].filter((n) => !ea[n] || !eb[n] || Buffer.compare(ea[n], eb[n]) !== 0).sort();
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'cli']);
}, 60_000);

describe('target-scorer score on the bundled sample', () => {
  const dir = workdir();
  const input = path.join(dir, '考核.xlsx');
  copyFileSync(SAMPLE, input);
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    run = cli('score', input);
  });

  it('writes <name>.scored.xlsx beside the input, exits 1 for the sample’s one data error, and prints the table and issues', () => {
    expect(run.code).toBe(1);
    expect(existsSync(path.join(dir, '考核.scored.xlsx'))).toBe(true);
    expect(readFileSync(input)).toEqual(readFileSync(SAMPLE)); // input untouched
    expect(run.out).toMatch(/排名\s+单位\s+总分\s+等次\s+状态/);
    expect(run.out).toContain('剑阁县!J9: 实际完成“约三十”无法识别为数字');
    for (const unit of ['苍溪县', '旺苍县', '剑阁县', '青川县', '利州区', '昭化区', '朝天区', '广元经济技术开发区']) {
      expect(run.out).toContain(unit);
    }
  });

  it('changes only the scored sheets, the register, the new 汇总 and the package parts that list it', () => {
    const before = new Uint8Array(readFileSync(input));
    const after = new Uint8Array(readFileSync(path.join(dir, '考核.scored.xlsx')));
    const changed = changedEntries(before, after);
    const book = openXlsx(before);
    const sheetParts = changed.filter((n) => n.startsWith('xl/worksheets/'));
    expect(sheetParts.length).toBe(book.sheetNames.filter((n) => n !== '填报说明' && n !== '等次标准').length);
    expect(changed.filter((n) => !n.startsWith('xl/worksheets/')).sort()).toEqual(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml'].filter((n) => changed.includes(n)),
    );
    expect(changed).not.toContain('xl/sharedStrings.xml');
    expect(changed).not.toContain('docProps/core.xml');
  });

  it('leaves every non-output cell as it was', () => {
    const before = openXlsx(new Uint8Array(readFileSync(input))).readSheets();
    const after = openXlsx(new Uint8Array(readFileSync(path.join(dir, '考核.scored.xlsx')))).readSheets();
    const outputCols = new Set([13, 14, 15]); // N 得分, O 说明, P 项目得分
    for (const sheet of before) {
      const other = after.find((s) => s.name === sheet.name)!;
      const isUnit = !['填报说明', '案件台账', '汇总'].includes(sheet.name);
      sheet.grid.forEach((row, r) =>
        (row ?? []).forEach((v, c) => {
          if (isUnit && r >= 2 && outputCols.has(c)) return;
          if (sheet.name === '案件台账' && c === 5 && r >= 1) return;
          if (sheet.name === '汇总') return;
          expect(other.grid[r]?.[c] ?? null, `${sheet.name} r${r} c${c}`).toEqual(v ?? null);
        }),
      );
    }
  });

  it('is idempotent: scoring its own output changes no zip entry', () => {
    const once = path.join(dir, '考核.scored.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect(cli('score', once, '-o', twice).code).toBe(1);
    expect(changedEntries(new Uint8Array(readFileSync(once)), new Uint8Array(readFileSync(twice)))).toEqual([]);
  });

  it('prints the documented JSON with --json', () => {
    const r = cli('score', input, '--json', '-o', path.join(dir, 'j.xlsx'));
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['units', 'issues', 'summarySheet']);
    expect(json.units).toHaveLength(8);
    expect(Object.keys(json.units[0])).toEqual([
      'unit', 'total', 'rank', 'grade', 'status', 'vetoed', 'unscorable', 'errors', 'missing', 'selfTotal', 'cut', 'subtotals',
    ]);
    expect(json.issues).toContainEqual({
      sheet: '剑阁县', cell: 'J9', severity: 'error', code: 'actual-unreadable', params: { value: '约三十', reason: 'not-number' },
      message: '实际完成“约三十”无法识别为数字',
    });
    expect(json.summarySheet).toBe('汇总');
    const jiange = json.units.find((u: { unit: string }) => u.unit === '剑阁县');
    expect(jiange.status).toBe('有错误（1处）');
    const sum = Object.values(jiange.subtotals as Record<string, number>).reduce((a, b) => a + Math.round(b * 100), 0);
    expect(sum).toBe(Math.round(jiange.total * 100));
  });

  it('writes scores as numbers with format 0.00 and the ranking into 汇总', () => {
    const out = openXlsx(new Uint8Array(readFileSync(path.join(dir, '考核.scored.xlsx'))));
    const summary = out.readSheets().find((s) => s.name === '汇总')!;
    const header = summary.grid[0] as string[];
    expect(header[0]).toBe('单位');
    expect(header.slice(-6)).toEqual(['总分', '排名', '等次', '自评总分', '核减', '状态']);
    const totalCol = header.indexOf('总分');
    const json = JSON.parse(cli('score', input, '--json', '-o', path.join(dir, 'k.xlsx')).out);
    for (const u of json.units) {
      const row = summary.grid.find((r) => r?.[0] === u.unit)!;
      expect(row[totalCol]).toBe(u.total);
      expect(row[totalCol + 1]).toBe(u.rank);
      expect(row[totalCol + 2]).toBe(u.grade);
      expect(row[totalCol + 5]).toBe(u.status);
    }
    const sheetXml = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(path.join(dir, '考核.scored.xlsx'))))['xl/styles.xml']);
    expect(sheetXml).toMatch(/numFmtId="2"/);
  });
});

describe('--in-place', () => {
  it('replaces the input after verifying, and keeps <name>.bak.xlsx', () => {
    const dir = workdir();
    const input = path.join(dir, 'b.xlsx');
    copyFileSync(SAMPLE, input);
    const r = cli('score', input, '--in-place');
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, 'b.bak.xlsx'))).toEqual(readFileSync(SAMPLE));
    expect(openXlsx(new Uint8Array(readFileSync(input))).sheetNames).toContain('汇总');
    expect(existsSync(path.join(dir, 'b.scored.xlsx'))).toBe(false);
  });

  it('refuses -o together with --in-place', () => {
    expect(cli('score', SAMPLE, '--in-place', '-o', '/tmp/x.xlsx').code).toBe(2);
  });
});

describe('refusals: exit 2, a Chinese message and nothing written', () => {
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['a renamed text file', () => new TextEncoder().encode('单位,总分\n苍溪县,140\n'), /不是 ?xlsx|不是.*工作簿/],
    ['a truncated zip', () => new Uint8Array(readFileSync(SAMPLE)).slice(0, 5000), /损坏|无法/],
    ['an .xls (OLE) file', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), /xls/i],
  ];
  for (const [what, bytes, message] of cases) {
    it(what, () => {
      const dir = workdir();
      const input = path.join(dir, 'bad.xlsx');
      writeFileSync(input, bytes());
      const r = cli('score', input);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(path.join(dir, 'bad.scored.xlsx'))).toBe(false);
    });
  }

  it('a missing file', () => {
    const r = cli('score', '/nonexistent/x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
  });

  it('--help describes the command, output naming and exit codes', () => {
    const r = cli('score', '--help');
    expect(r.code).toBe(0);
    for (const s of ['--in-place', '--json', '-o', '.scored.xlsx', '.bak.xlsx', '退出码']) expect(r.out).toContain(s);
  });
});
