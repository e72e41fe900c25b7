// Issue 18: property suites run with fixed seeds in CI; `npm run fuzz` runs them with fresh seeds and prints them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { propertyRuns } from '../propertyRuns';

const ROOT = path.resolve('.');

describe('propertyRuns', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('gives the fixed seed and case count outside the fuzz run', () => {
    vi.stubEnv('FUZZ', '');
    expect(propertyRuns(2014, 300)).toEqual({ seed: 2014, numRuns: 300 });
    expect(propertyRuns(7, 10, { endOnFailure: true })).toEqual({ seed: 7, numRuns: 10, endOnFailure: true });
  });

  it('under the fuzz run gives FUZZ_SEED (or a fresh seed) and FUZZ_RUNS', () => {
    vi.stubEnv('FUZZ', '1');
    vi.stubEnv('FUZZ_LOG', '');
    vi.stubEnv('FUZZ_SEED', '-1926218899');
    vi.stubEnv('FUZZ_RUNS', '123');
    expect(propertyRuns(2014, 300)).toEqual({ seed: -1926218899, numRuns: 123 });
    vi.stubEnv('FUZZ_SEED', '');
    vi.stubEnv('FUZZ_RUNS', '');
    const fresh = propertyRuns(2014, 300);
    expect(fresh.numRuns).toBe(100_000);
    expect(Number.isInteger(fresh.seed)).toBe(true);
  });
});

describe('every property suite', () => {
  it('takes its seed and case count from propertyRuns, so that CI is deterministic and the fuzz run reaches it', () => {
    const list = spawnSync(process.execPath, ['scripts/fuzz.mjs', '--list'], { cwd: ROOT, encoding: 'utf8' });
    const files = list.stdout.split('\n').filter(Boolean);
    expect(files).toContain('test/import/properties.test.ts');
    const grep = spawnSync('grep', ['-rl', 'fast-check', 'test', '--include=*.test.ts'], { cwd: ROOT, encoding: 'utf8' });
    const suites = grep.stdout.split('\n').filter((f) => f !== '' && f !== 'test/scripts/fuzz.test.ts').sort();
    expect(suites.length).toBeGreaterThan(5);
    for (const file of suites) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      if (!source.includes('fc.assert(')) continue;
      expect(files, file).toContain(file);
      const asserts = source.split('fc.assert(').length - 1;
      const seeded = source.split(/propertyRuns\(|params\(\d/).length - 1;
      expect(seeded, `${file}: every fc.assert with propertyRuns`).toBeGreaterThanOrEqual(asserts);
      expect(source, file).not.toMatch(/numRuns:\s*\d|seed:\s*-?\d/);
    }
  });
});

describe('npm run fuzz', () => {
  it('runs a suite with the given seed and case count and prints them with the result', () => {
    const run = spawnSync(process.execPath, ['scripts/fuzz.mjs', 'test/import/weights.test.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FUZZ_SEED: '20140101', FUZZ_RUNS: '50', FUZZ: '', FUZZ_LOG: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('模糊测试 / fuzz: 1 properties, 50 cases each');
    expect(run.stdout).toMatch(/ok {3}seed=20140101 runs=50 [\d.]+s test\/import\/weights\.test\.ts › splitWeights > always adds up/);
  });
});
