import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { importFromText } from '../../src/import/index.ts';
import { buildScoringWorkbook } from '../../src/templates/index.ts';
import { openXlsx } from '../../src/xlsx/index.ts';
import { RAW_WORKBOOK } from '../fixtures/import-variants/tables.ts';
import { buildRawXlsx } from '../import/rawXlsx.ts';

const SEED = path.resolve('workbook-templates/seed/guangyuan-2014.txt');
const TEMPLATE = path.resolve('workbook-templates/guangyuan-2014.xlsx');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const workdir = () => mkdtempSync(path.join(tmpdir(), 'ts-import-'));

describe('target-scorer import on the seed text', () => {
  it('writes the importer’s workbook for the seed, byte for byte, with the template’s layout, and exits 0', async () => {
    const dir = workdir();
    const output = path.join(dir, '考核.xlsx');
    const r = await cli('import', SEED, '-o', output);
    expect(r.code).toBe(0);
    const expected = await buildScoringWorkbook(importFromText(readFileSync(SEED, 'utf8')).workbook);
    expect(readFileSync(output).equals(Buffer.from(expected))).toBe(true);
    // The shipped template carries every clause of the seed and an example 等次标准; the import keeps the targets.
    const got = openXlsx(new Uint8Array(readFileSync(output))).readSheets();
    const want = openXlsx(new Uint8Array(readFileSync(TEMPLATE))).readSheets();
    expect([...got.map((s) => s.name), '等次标准']).toEqual(want.map((s) => s.name));
    // The template's 汇总 also has the 等次 column its example 等次标准 brings.
    const withoutGrades = (rows: unknown[][]) => rows.map((r) => r.filter((v) => v !== '等次'));
    for (const sheet of got) {
      expect(sheet.grid.slice(0, 2), sheet.name).toEqual(withoutGrades(want.find((s) => s.name === sheet.name)!.grid.slice(0, 2)));
    }
  });

  it('prints each unit’s rows with target, rule, weight and confidence, and nothing to review', async () => {
    const dir = workdir();
    const r = await cli('import', SEED, '-o', path.join(dir, 'a.xlsx'));
    expect(r.out).toMatch(/苍溪县（共青团苍溪县委2014年度目标绩效指标，76 行）/);
    expect(r.out).toMatch(/项目\s+内容\s+目标\s+计分方式\s+细项分值\s+置信度/);
    expect(r.out).toMatch(/服务党政中心\s+西部计划志愿者\s+≥19名\s+比例\s+3\s+0\.90/);
    expect(r.out).toMatch(/按件扣分\s+5\s+1\.00/);
    expect(r.out).toContain('见保障指标表：25 项扣分');
    expect(r.out).not.toContain('需要人工确认');
    expect(r.out).toContain(`已写入 / written: ${path.join(dir, 'a.xlsx')}（8 个单位 / units）`);
  });

  it('prints the review as JSON with --json', async () => {
    const dir = workdir();
    const r = await cli('import', SEED, '-o', path.join(dir, 'a.xlsx'), '--json');
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['output', 'units', 'flagged', 'warnings', 'review']);
    expect(json.units).toHaveLength(8);
    expect(json.flagged).toBe(0);
    expect(json.review[1]).toMatchObject({
      unit: '苍溪县', item: '服务党政中心', label: '西部计划志愿者', rule: '比例', target: 19, comparator: '>=', measure: '名',
      targetText: '≥19名', weight: 3, flagged: false, notes: [], sharedTable: null,
    });
  });

  it('writes <name>.考核表.xlsx beside the input by default, and will not overwrite without --force', async () => {
    const dir = workdir();
    const input = path.join(dir, '指标.txt');
    writeFileSync(input, readFileSync(SEED));
    expect((await cli('import', input)).code).toBe(0);
    expect(existsSync(path.join(dir, '指标.考核表.xlsx'))).toBe(true);
    const again = await cli('import', input);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect((await cli('import', input, '--force')).code).toBe(0);
  });

  it('reads text saved as GB18030 (Chinese Windows)', async () => {
    const dir = workdir();
    const input = path.join(dir, 'gbk.txt');
    // Encoded by hand: 类别 内容 分值 and one item in GB18030, no library needed.
    const gbk = new Uint8Array([
      ...Buffer.from('B2E2CAD4CFD8', 'hex'), 0x32, 0x30, 0x31, 0x35, ...Buffer.from('C4EAB6C8C4BFB1EABCA8D0A7D6B8B1EA', 'hex'), 0x0a,
      0x09, ...Buffer.from('C0E0B1F0', 'hex'), 0x0a, 0x09, ...Buffer.from('C4DAC8DD', 'hex'), 0x0a, 0x09, ...Buffer.from('B7D6D6B5', 'hex'), 0x0a,
      0x09, ...Buffer.from('D6B0C4DCD6B8B1EA', 'hex'), 0x0a,
      0x09, 0x31, 0x2e, ...Buffer.from('C5E0D1B5D6BED4B8D5DF', 'hex'), 0x32, 0x30, ...Buffer.from('C3FB', 'hex'), 0x0a,
      0x09, 0x31, 0x30, 0x0a,
    ]);
    writeFileSync(input, gbk);
    const r = await cli('import', input, '-o', path.join(dir, 'g.xlsx'), '--json');
    const json = JSON.parse(r.out);
    expect(json.units).toEqual([{ unit: '测试县', title: '测试县2015年度目标绩效指标', rows: 1 }]);
    expect(json.review[0]).toMatchObject({ category: '职能指标', label: '培训志愿者', target: 20, measure: '名' });
  });
});

describe('target-scorer import on a raw .xlsx', () => {
  it('imports the stacked tables and the shared 保障指标 sheet', async () => {
    const dir = workdir();
    const input = path.join(dir, '指标.xlsx');
    writeFileSync(input, await buildRawXlsx(RAW_WORKBOOK));
    const output = path.join(dir, '考核.xlsx');
    const r = await cli('import', input, '-o', output);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('示范县（共青团示范县委2015年度目标绩效考核指标，23 行）');
    const book = openXlsx(new Uint8Array(readFileSync(output)));
    expect(book.sheetNames).toEqual(['填报说明', '示范县', '样板区', '案件台账', '汇总']);
  });

  it('exits 1 and lists why where rows need a person’s decision, and still writes the workbook', async () => {
    const dir = workdir();
    const input = path.join(dir, '指标.xlsx');
    writeFileSync(input, await buildRawXlsx([{
      name: 'Sheet1',
      rows: [['丁县2015年度目标绩效指标'], ['类别', '项目', '内容', '分值'], ['职能指标', '服务', '1.培训青年约300人。\n2.开展活动1-2个。', 10]],
      merges: [],
    }]));
    const r = await cli('import', input, '-o', path.join(dir, 'o.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('需要人工确认 (2) / to review:');
    expect(r.out).toContain('目标是约数（约300人），请确定考核值');
    expect(r.out).toContain('目标是一个范围（1-2），暂取下限 1');
    expect(existsSync(path.join(dir, 'o.xlsx'))).toBe(true);
  });
});

describe('target-scorer import refusals: exit 2 and nothing written', () => {
  it('a workbook without an indicator table (the template itself)', async () => {
    const dir = workdir();
    const r = await cli('import', TEMPLATE, '-o', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有找到指标表/);
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('a missing file, a broken .xlsx, and the input as output', async () => {
    const dir = workdir();
    expect((await cli('import', path.join(dir, 'nope.txt'))).err).toContain('文件不存在');
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, readFileSync(TEMPLATE).subarray(0, 3000));
    const r = await cli('import', broken, '-o', path.join(dir, 'y.xlsx'));
    expect(r.code).toBe(2);
    expect(existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
    expect((await cli('import', SEED, '-o', SEED)).code).toBe(2);
  });

  it('--help explains the command in Chinese and English, with the exit codes', async () => {
    const r = await cli('import', '--help');
    expect(r.code).toBe(0);
    for (const s of ['生成考核表', 'generate the scoring workbook', '-o, --output', '--json', '--force', '退出码', 'exit codes', '.考核表.xlsx']) {
      expect(r.out).toContain(s);
    }
  });
});
