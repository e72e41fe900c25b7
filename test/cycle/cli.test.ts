import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/xlsx/index.ts';
import { sheetOf } from './helpers.ts';

const SAMPLE = path.resolve('workbook-templates/guangyuan-2014-sample.xlsx');
const BIN = path.resolve('dist/cli/target-scorer.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dir = mkdtempSync(path.join(tmpdir(), 'ts-cycle-cli-'));
const master = path.join(dir, '2014年度考核.xlsx');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'cli']);
  copyFileSync(SAMPLE, master);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('target-scorer split and collect', () => {
  it('split writes one file per unit into <名称>.分发 and refuses to overwrite without --force', () => {
    const r = cli('split', master);
    expect(r.code, r.err).toBe(0);
    const folder = path.join(dir, '2014年度考核.分发');
    expect(readdirSync(folder).sort()).toEqual(['利州区.xlsx', '剑阁县.xlsx', '广元经济技术开发区.xlsx', '旺苍县.xlsx', '昭化区.xlsx', '朝天区.xlsx', '苍溪县.xlsx', '青川县.xlsx']);
    const again = cli('split', master);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    expect(cli('split', master, '--force').code).toBe(0);
  });

  it('collect gathers a folder: exit 1 and the change listed when a unit changed a target, --json, --in-place', () => {
    const folder = path.join(dir, '收回');
    mkdirSync(folder);
    const issued = path.join(dir, '2014年度考核.分发');
    copyFileSync(path.join(issued, '苍溪县.xlsx'), path.join(folder, '苍溪县.xlsx'));
    const changed = openXlsx(new Uint8Array(readFileSync(path.join(issued, '旺苍县.xlsx')))).applyWrites([{ sheet: '旺苍县', row: 3, col: 5, value: 15 }, { sheet: '旺苍县', row: 3, col: 9, value: 18 }], []);
    writeFileSync(path.join(folder, '旺苍县.xlsx'), changed);
    writeFileSync(path.join(folder, '~$旺苍县.xlsx'), 'lock');
    const text = cli('collect', master, folder);
    expect(text.code, text.err).toBe(1);
    expect(text.out).toContain('旺苍县!F4 目标值由“20”改为“15”');
    expect(text.out).toContain('未收回 (6)');
    expect(existsSync(path.join(dir, '2014年度考核.gathered.xlsx'))).toBe(true);

    const json = cli('collect', master, folder, '--json', '--in-place', '--score');
    expect(json.code, json.err).toBe(1);
    const report = JSON.parse(json.out);
    expect(report.missing).toHaveLength(6);
    expect(report.units[1]).toMatchObject({ unit: '旺苍县', status: '有改动（1处）' });
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['苍溪县.xlsx', '旺苍县.xlsx']);
    expect(report.score.units).toHaveLength(8);
    const g = sheetOf(new Uint8Array(readFileSync(master)), '旺苍县').grid;
    expect([g[3][5], g[3][9]]).toEqual([20, 18]);
    expect(existsSync(path.join(dir, '2014年度考核.bak.xlsx'))).toBe(true);
  });

  it('exit 0 when every return is clean, exit 2 when the master cannot be read', () => {
    const clean = path.join(dir, '2014年度考核.分发', '苍溪县.xlsx');
    expect(cli('collect', master, clean, '-o', path.join(dir, 'clean.xlsx')).code).toBe(0);
    const missing = cli('collect', path.join(dir, '没有.xlsx'), clean);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
  });
});
