import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from './lib/bundle.ts';
import { HOSTILE } from './lib/hostile.ts';

// Each hostile file is scored in its own Node process with a 1 GB heap cap; the child reports its peak RSS.
const MEMORY_LIMIT_MB = 1024;
const TIME_LIMIT_MS = 15_000;

let dir: string;
let harness: string;
let cliBin: string;
const measured: Record<string, unknown>[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ts-hostile-'));
  [harness, cliBin] = await Promise.all([
    bundle('test/reliability/child/scoreFile.ts', path.join(dir, 'score-file.mjs')),
    bundle('src/cli/bin.ts', path.join(dir, 'target-scorer.mjs')),
  ]);
}, 60_000);

afterAll(() => {
  console.log('hostile files (outcome, peak RSS, time):\n' + measured.map((m) => JSON.stringify(m)).join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

function runChild(file: string) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, harness, file], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = Math.round(performance.now() - t0);
  expect(r.error, 'the child did not finish in 60 s').toBeUndefined();
  expect(r.status, `child exited ${r.status}: ${r.stderr.slice(0, 2000)}`).toBe(0);
  return { ...(JSON.parse(r.stdout) as { outcome: string; code?: string; message?: string; errors?: string[]; ms: number; maxRssMb: number }), wallMs };
}

describe('hostile files are refused quickly and safely (or read within bounds)', () => {
  for (const h of HOSTILE) {
    it(`${h.id}: ${h.what}`, () => {
      const bytes = h.build();
      const file = path.join(dir, `${h.id}.xlsx`);
      writeFileSync(file, bytes);
      const r = runChild(file);
      measured.push({ id: h.id, fileKb: Math.round(bytes.length / 1024), ...r, message: r.message?.slice(0, 80), errors: r.errors?.length });
      expect(r.outcome, r.message).toBe(h.expect.outcome);
      if (h.expect.outcome === 'refused') {
        expect(r.code).toBe(h.expect.code);
        expect(r.message).toMatch(h.expect.message);
        expect(r.message).toMatch(/^无法读取：/);
      } else if (h.expect.issue) {
        expect(r.errors).toEqual(expect.arrayContaining([expect.stringMatching(h.expect.issue)]));
      }
      expect(r.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);
      expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
    }, 120_000);
  }
});

describe('through the command line', () => {
  for (const id of ['deflate-1000x-past-declared', 'billion-laughs-sheet', 'duplicate-unit-sheets']) {
    it(`${id}: exit 2, a Chinese message naming the file, nothing written`, () => {
      const work = mkdtempSync(path.join(dir, 'cli-'));
      const file = path.join(work, '考核.xlsx');
      writeFileSync(file, HOSTILE.find((h) => h.id === id)!.build());
      const r = spawnSync(process.execPath, [cliBin, 'score', file], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^考核\.xlsx：无法读取：/);
      expect(readdirSync(work)).toEqual(['考核.xlsx']);
      expect(existsSync(path.join(work, '考核.scored.xlsx'))).toBe(false);
    }, 60_000);
  }
});
