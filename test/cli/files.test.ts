// What the CLI does around the files it reads and writes: --version, operating-system errors in words,
// the one overwrite rule of score and import, -o naming the input, and workbooks open in an office program.
// Real files in temp folders; main() in process, the bundle where a separate process or user is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { describeOsError, osErrorCode } from '../../src/cli/osErrors.ts';
import { realSteps, saveCopy, SaveError } from '../../src/cli/output.ts';
import { openXlsx } from '../../src/xlsx/index.ts';

const SAMPLE = path.resolve('workbook-templates/guangyuan-2014-sample.xlsx');
const SEED = path.resolve('workbook-templates/seed/guangyuan-2014.txt');
const BIN = path.resolve('dist/cli/target-scorer.mjs');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const original = readFileSync(SAMPLE);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let root: string;
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/test-prerequisites.mjs', '--build', 'cli']);
  root = mkdtempSync(path.join(tmpdir(), 'ts-files-'));
  chmodSync(root, 0o755);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding 考核.xlsx (the sample) and 指标.txt (the seed). */
function workdir(): { dir: string; input: string; seed: string } {
  const dir = mkdtempSync(path.join(root, 'w-'));
  chmodSync(dir, 0o755);
  const input = path.join(dir, '考核.xlsx');
  copyFileSync(SAMPLE, input);
  const seed = path.join(dir, '指标.txt');
  copyFileSync(SEED, seed);
  return { dir, input, seed };
}

const noTemporaryFiles = (dir: string) => expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
/** Chinese first, English after "/ ", and no bare system code such as EACCES at the start of either. */
function expectExplained(message: string) {
  expect(message).toMatch(/^[^/]*[\u4e00-\u9fff]/);
  expect(message).toMatch(/。\/ [A-Z][a-z]/);
  expect(message).not.toMatch(/(^|[：:]\s*)E[A-Z]{3,}\b/);
}

describe('--version', () => {
  it('prints the package version, from the bundle and from main()', async () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    const inProcess = await cli('--version');
    expect(inProcess.code).toBe(0);
    expect(inProcess.out.trim()).toBe(VERSION);
    expect((await cli('-V')).out.trim()).toBe(VERSION);
  });
});

describe('operating-system errors in words (src/cli/osErrors.ts)', () => {
  const file = '/data/考核.xlsx';
  const errno = (code: string) => Object.assign(new Error(`${code}: something, open '${file}'`), { code });
  const cases: [string, 'read' | 'write', RegExp][] = [
    ['EACCES', 'read', /没有读取它的权限/],
    ['EACCES', 'write', /没有写入权限.*-o/],
    ['EPERM', 'write', /没有写入权限.*正在 Excel、WPS/],
    ['ENOENT', 'read', /文件不存在/],
    ['ENOENT', 'write', /文件夹 \/data 不存在/],
    ['ENOTDIR', 'read', /有一级是文件而不是文件夹/],
    ['EISDIR', 'read', /这是一个文件夹，不是文件/],
    ['EISDIR', 'write', /同名的文件夹/],
    ['EBUSY', 'write', /正被其他程序占用.*关闭/],
    ['ENOSPC', 'write', /磁盘空间不足/],
    ['EROFS', 'write', /只读/],
  ];
  it.each(cases)('%s on %s: what failed, why and what to do, in Chinese then English, without the bare code', (code, action, reason) => {
    const message = describeOsError(errno(code), file, action)!;
    expect(message).toMatch(new RegExp(`^无法${action === 'read' ? '读取' : '写入'} /data/考核.xlsx：`));
    expect(message).toMatch(reason);
    expect(message).toMatch(/\/ Cannot (read|write) \/data\/考核.xlsx: /);
    expect(message).not.toContain(code);
    expectExplained(message);
  });

  it('an unlisted system error still gets a sentence, with its code as detail', () => {
    const message = describeOsError(errno('ECONNRESET'), file, 'read')!;
    expect(message).toMatch(/^无法读取 \/data\/考核.xlsx（?：?系统错误 ECONNRESET/);
    expect(message).toContain('请检查');
  });

  it('is null for errors that are not the operating system’s', () => {
    expect(describeOsError(new Error('boom'), file, 'read')).toBeNull();
    expect(describeOsError(Object.assign(new Error('x'), { code: 'commander.help' }), file, 'read')).toBeNull();
    expect(osErrorCode(null)).toBeUndefined();
  });
});

describe('real file errors, for score and import alike', () => {
  for (const command of ['score', 'import'] as const) {
    const inputOf = (w: ReturnType<typeof workdir>) => (command === 'score' ? w.input : w.seed);

    it(`${command}: a missing input, a folder as input, a file used as a folder`, async () => {
      const w = workdir();
      const missing = await cli(command, path.join(w.dir, 'nope.xlsx'));
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('文件不存在');
      expectExplained(missing.err);

      mkdirSync(path.join(w.dir, '文件夹.xlsx'));
      const folder = await cli(command, path.join(w.dir, '文件夹.xlsx'));
      expect(folder.code).toBe(2);
      expect(folder.err).toContain('这是一个文件夹，不是文件');
      expectExplained(folder.err);

      const notDir = await cli(command, path.join(inputOf(w), 'x.xlsx'));
      expect(notDir.code).toBe(2);
      expect(notDir.err).toContain('有一级是文件而不是文件夹');
      expectExplained(notDir.err);
    });

    it(`${command}: -o into a missing folder, under a file, onto a folder; nothing written`, async () => {
      const w = workdir();
      const before = readdirSync(w.dir).sort();
      const noFolder = await cli(command, inputOf(w), '-o', path.join(w.dir, '没有', 'out.xlsx'));
      expect(noFolder.code).toBe(2);
      expect(noFolder.err).toContain(`文件夹 ${path.join(w.dir, '没有')} 不存在`);
      expectExplained(noFolder.err);

      const underFile = await cli(command, inputOf(w), '-o', path.join(w.input, 'out.xlsx'));
      expect(underFile.code).toBe(2);
      expect(underFile.err).toContain('有一级是文件而不是文件夹');

      mkdirSync(path.join(w.dir, '结果'));
      const ontoFolder = await cli(command, inputOf(w), '-o', path.join(w.dir, '结果'), '--force');
      expect(ontoFolder.code).toBe(2);
      expect(ontoFolder.err).toContain('同名的文件夹');
      expectExplained(ontoFolder.err);
      expect(readdirSync(w.dir).sort()).toEqual([...before, '结果'].sort());
      expect(readFileSync(w.input)).toEqual(original);
    });
  }

  it('score -o into a folder it may not write to: permission explained (as root: run as nobody), nothing written', () => {
    const w = workdir();
    const locked = path.join(w.dir, '只读');
    mkdirSync(locked);
    const asRoot = process.getuid?.() === 0;
    // Root ignores modes, so as root the CLI runs as nobody, for whom 0555 is read-only.
    chmodSync(locked, 0o555);
    try {
      const r = spawnSync(process.execPath, [BIN, 'score', w.input, '-o', path.join(locked, 'out.xlsx')], {
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`无法写入 ${path.join(locked, 'out.xlsx')}：没有写入权限`);
      expectExplained(r.stderr.trim());
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  }, 60_000);
});

describe('one overwrite rule: an existing file is replaced only with --force', () => {
  it('score: a second run keeps the first result until --force, then says it replaced it', async () => {
    const w = workdir();
    const scored = path.join(w.dir, '考核.scored.xlsx');
    expect((await cli('score', w.input)).code).toBe(1);
    writeFileSync(scored, 'the assessor’s edited copy');
    const again = await cli('score', w.input);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`${scored} 已存在，未改动`);
    expect(again.err).toContain('--force');
    expect(readFileSync(scored, 'utf8')).toBe('the assessor’s edited copy');
    const forced = await cli('score', w.input, '--force');
    expect(forced.code).toBe(1);
    expect(forced.out).toContain(`${scored}（替换了原有文件 / replaced the existing file）`);
    expect(openXlsx(new Uint8Array(readFileSync(scored))).sheetNames).toContain('汇总');
    noTemporaryFiles(w.dir);
  });

  it('score -o and import -o: an unrelated existing file is left alone without --force', async () => {
    const w = workdir();
    const other = path.join(w.dir, '2013年度考核.xlsx');
    writeFileSync(other, 'last year');
    for (const args of [['score', w.input, '-o', other], ['import', w.seed, '-o', other]]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('已存在，未改动');
      expect(readFileSync(other, 'utf8')).toBe('last year');
    }
    expect((await cli('import', w.seed, '-o', other, '--force')).code).toBe(0);
    expect(openXlsx(new Uint8Array(readFileSync(other))).sheetNames).toContain('汇总');
    expect((await cli('score', other, '-o', path.join(w.dir, 'new.xlsx'))).code).toBe(0);
    noTemporaryFiles(w.dir);
  });

  it('a failed replacement leaves the file it was to replace untouched, and no temporary file', async () => {
    const w = workdir();
    const target = path.join(w.dir, 'old.xlsx');
    writeFileSync(target, 'keep me');
    const failing = { ...realSteps, replace: async () => Promise.reject(Object.assign(new Error('EBUSY: busy'), { code: 'EBUSY' })) };
    const err = await saveCopy(target, new Uint8Array(original), failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaveError);
    expect((err as Error).message).toContain('正被其他程序占用');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    noTemporaryFiles(w.dir);
  });
});

describe('-o naming the input is --in-place', () => {
  it('however it is spelt (./, a symbolic link): replaced safely, the original kept as .bak.xlsx', async () => {
    const w = workdir();
    const spelt = path.join(w.dir, '.', '考核.xlsx');
    const r = await cli('score', w.input, '-o', spelt);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`（原文件备份 / backup: ${path.join(w.dir, '考核.bak.xlsx')}）`);
    expect(readFileSync(path.join(w.dir, '考核.bak.xlsx'))).toEqual(original);
    expect(openXlsx(new Uint8Array(readFileSync(w.input))).sheetNames).toContain('汇总');
    expect(existsSync(path.join(w.dir, '考核.scored.xlsx'))).toBe(false);

    // Through a link: the file it points to is scored in place and backed up beside it; the link stays a link.
    const v = workdir();
    const link = path.join(v.dir, '链接.xlsx');
    symlinkSync(v.input, link);
    expect((await cli('score', link, '-o', v.input)).code).toBe(1);
    expect(readFileSync(path.join(v.dir, '考核.bak.xlsx'))).toEqual(original);
    expect(openXlsx(new Uint8Array(readFileSync(v.input))).sheetNames).toContain('汇总');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(v.dir, '链接.bak.xlsx'))).toBe(false);
    noTemporaryFiles(v.dir);
  });

  it('with --in-place as well it is the same request, not a conflict; import refuses its own input', async () => {
    const w = workdir();
    expect((await cli('score', w.input, '--in-place', '-o', w.input)).code).toBe(1);
    const imp = await cli('import', w.seed, '-o', path.join(w.dir, '.', '指标.txt'));
    expect(imp.code).toBe(2);
    expect(imp.err).toContain('输出文件不能是输入文件本身');
  });
});

describe('a workbook open in Excel, WPS or LibreOffice (its lock file beside it)', () => {
  const LOCKS: [string, (name: string) => string, string][] = [
    ['Excel or WPS', (name) => `~$${name}`, 'Excel 或 WPS'],
    ['LibreOffice', (name) => `.~lock.${name}#`, 'LibreOffice'],
  ];
  for (const [program, lockName, zhProgram] of LOCKS) {
    it(`${program}: --in-place and -o <input> refuse with exit 2, the input untouched and no backup`, async () => {
      const w = workdir();
      writeFileSync(path.join(w.dir, lockName('考核.xlsx')), '');
      for (const args of [['--in-place'], ['-o', w.input]]) {
        const r = await cli('score', w.input, ...args);
        expect(r.code).toBe(2);
        expect(r.err).toContain(`正在 ${zhProgram} 中打开`);
        expect(r.err).toContain('请先在');
        expect(r.err).toContain('关闭');
      }
      expect(readFileSync(w.input)).toEqual(original);
      expect(existsSync(path.join(w.dir, '考核.bak.xlsx'))).toBe(false);
    });

    it(`${program}: writing a copy of an open input warns on stderr and goes on`, async () => {
      const w = workdir();
      writeFileSync(path.join(w.dir, lockName('考核.xlsx')), '');
      const r = await cli('score', w.input, '--json');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^提醒：.*正在 .* 中打开；读取的是它最后一次保存的内容/);
      expect(JSON.parse(r.out).units).toHaveLength(8);
      expect(existsSync(path.join(w.dir, '考核.scored.xlsx'))).toBe(true);

      writeFileSync(path.join(w.dir, lockName('指标.txt')), '');
      const imp = await cli('import', w.seed);
      expect(imp.code).toBe(0);
      expect(imp.err).toContain('提醒：');
    });

    it(`${program}: an output that is open is not replaced, not even with --force (score and import)`, async () => {
      const w = workdir();
      const out = path.join(w.dir, '结果.xlsx');
      writeFileSync(out, 'open elsewhere');
      writeFileSync(path.join(w.dir, lockName('结果.xlsx')), '');
      for (const args of [['score', w.input, '-o', out, '--force'], ['import', w.seed, '-o', out, '--force']]) {
        const r = await cli(...args);
        expect(r.code, args[0]).toBe(2);
        expect(r.err).toContain(`${out} 正在 ${zhProgram} 中打开`);
        expect(r.err).toContain('不能覆盖它');
      }
      expect(readFileSync(out, 'utf8')).toBe('open elsewhere');
    });
  }
});
