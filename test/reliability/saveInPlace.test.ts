import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realSteps, saveInPlace, SaveError, type SaveSteps } from '../../src/cli/output.ts';
import { scoreXlsx } from '../../src/file/scoreXlsx.ts';
import { bundle } from './lib/bundle.ts';

// --in-place must never lose the original, whichever step fails.
const SAMPLE = path.resolve('workbook-templates/guangyuan-2014-sample.xlsx');
const original = new Uint8Array(readFileSync(SAMPLE));
const scored = scoreXlsx(original).output!;

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ts-save-'));
  chmodSync(root, 0o755);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function workdir(): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(root, 'w-'));
  const input = path.join(dir, '考核.xlsx');
  copyFileSync(SAMPLE, input);
  return { dir, input };
}

const boom = (what: string) => async () => {
  throw new Error(`模拟故障：${what}`);
};

const STEPS: [keyof SaveSteps, string][] = [
  ['writeTemp', '写入临时文件'],
  ['verify', '校验临时文件'],
  ['backup', '备份原文件'],
  ['replace', '替换原文件'],
];

describe('saveInPlace with a failure injected at each step', () => {
  for (const [step, label] of STEPS) {
    it(`${step}: the original is intact, no temporary file is left, and the error names the step${step === 'replace' ? ' and the backup' : ''}`, async () => {
      const { dir, input } = workdir();
      const steps: SaveSteps = { ...realSteps, [step]: boom(step) };
      const err = await saveInPlace(input, scored, steps).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SaveError);
      const message = (err as Error).message;
      expect(message).toContain(`保存失败（${label}）`);
      expect(message).toContain(`模拟故障：${step}`);
      expect(message).toContain('原文件未改动');
      expect(new Uint8Array(readFileSync(input))).toEqual(original);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      const bak = path.join(dir, '考核.bak.xlsx');
      if (step === 'replace') {
        expect(message).toContain(`另有备份在 ${bak}`);
        expect(new Uint8Array(readFileSync(bak))).toEqual(original);
      } else {
        expect(existsSync(bak)).toBe(false);
      }
    });
  }

  it('verify catches a temporary file that differs from the scored bytes (a disk that drops writes)', async () => {
    const { input } = workdir();
    const truncating: SaveSteps = { ...realSteps, writeTemp: (file, bytes) => realSteps.writeTemp(file, bytes.subarray(0, bytes.length - 100)) };
    await expect(saveInPlace(input, scored, truncating)).rejects.toThrow(/保存失败（校验临时文件）/);
    expect(new Uint8Array(readFileSync(input))).toEqual(original);
  });

  it('succeeds with the real steps: the input holds the scored bytes, the backup the original', async () => {
    const { dir, input } = workdir();
    const bak = await saveInPlace(input, scored);
    expect(bak).toBe(path.join(dir, '考核.bak.xlsx'));
    expect(new Uint8Array(readFileSync(input))).toEqual(scored);
    expect(new Uint8Array(readFileSync(bak))).toEqual(original);
  });
});

describe('target-scorer score --in-place, end to end, when saving fails', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundle('src/cli/bin.ts', path.join(root, 'target-scorer.mjs'));
    chmodSync(cli, 0o755);
  }, 60_000);

  it('a directory it may not write to: exit 2, the original intact, nothing else written', () => {
    const { dir, input } = workdir();
    // Root ignores directory permissions, so as root the CLI runs as nobody.
    const asRoot = process.getuid?.() === 0;
    chmodSync(input, 0o644);
    chmodSync(dir, asRoot ? 0o755 : 0o555);
    try {
      const r = spawnSync(process.execPath, [cli, 'score', input, '--in-place'], {
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/保存失败（写入临时文件）：.*原文件未改动/);
      expect(new Uint8Array(readFileSync(input))).toEqual(original);
      expect(readdirSync(dir)).toEqual(['考核.xlsx']);
    } finally {
      chmodSync(dir, 0o755);
    }
  }, 60_000);

  it('a backup path it cannot write: exit 2, the original intact, the temporary file removed', () => {
    const { dir, input } = workdir();
    mkdirSync(path.join(dir, '考核.bak.xlsx'));
    writeFileSync(path.join(dir, '考核.bak.xlsx', '占位'), '');
    const r = spawnSync(process.execPath, [cli, 'score', input, '--in-place'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/保存失败（备份原文件）：.*原文件未改动/);
    expect(new Uint8Array(readFileSync(input))).toEqual(original);
    expect(readdirSync(dir).sort()).toEqual(['考核.bak.xlsx', '考核.xlsx']);
  }, 60_000);
});
