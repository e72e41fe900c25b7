// scripts/test-prerequisites.mjs, the first step of `npm test`: the one-line instruction when programs are missing,
// and rebuilding dist/ only when its inputs changed. Run on a copy of the repository's build inputs in a temp folder.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const SCRIPT = 'scripts/test-prerequisites.mjs';
const dir = mkdtempSync(path.join(tmpdir(), 'ts-prereq-'));
chmodSync(dir, 0o755); // readable by the unprivileged user below
for (const p of ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = process.env, asUser = false) {
  // Root on Debian would install; as another user the script must only say what to run.
  const cmd = asUser && process.getuid?.() === 0
    ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, SCRIPT, ...args]
    : [process.execPath, SCRIPT, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('test prerequisites', () => {
  it('stops with one line naming the apt-get command when programs are missing and it cannot install them', () => {
    const r = run([], { ...process.env, PATH: '/nonexistent' }, true);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('sudo apt-get install -y libreoffice-calc-nogui libxml2-utils poppler-utils');
    expect(lines[0]).toContain('soffice');
  });

  it('builds the CLI when it is missing, not again when nothing changed, and again after a source edit', () => {
    const bundle = path.join(dir, 'dist/cli/target-scorer.mjs');
    const first = run(['--build', 'cli']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('building cli');
    const built = statSync(bundle).mtimeMs;

    const second = run(['--build', 'cli']);
    expect(second.code).toBe(0);
    expect(second.out).toBe('');
    expect(statSync(bundle).mtimeMs).toBe(built);

    appendFileSync(path.join(dir, 'src/cli/bin.ts'), '\n// edited\n');
    const third = run(['--build', 'cli']);
    expect(third.code).toBe(0);
    expect(third.out).toContain('building cli');
  });
});
