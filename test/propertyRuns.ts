import { appendFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';

export interface PropertyRuns {
  seed: number;
  numRuns: number;
  endOnFailure?: boolean;
}

/**
 * fast-check parameters for one property. In CI: its fixed seed and case count, so a green run never depends on
 * luck and a failure reproduces. Under `npm run fuzz` (FUZZ=1): FUZZ_SEED or a fresh seed and FUZZ_RUNS cases
 * (default 100 000), announced before the run so that a failure can be replayed with the same seed.
 */
export function propertyRuns(seed: number, numRuns: number, options: { endOnFailure?: boolean } = {}): PropertyRuns {
  if (process.env.FUZZ !== '1') return { seed, numRuns, ...options };
  const fresh = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(-(2 ** 31), 2 ** 31 - 1);
  const runs = Number(process.env.FUZZ_RUNS || 100_000);
  const name = expect.getState().currentTestName ?? '';
  const file = expect.getState().testPath ?? '';
  console.log(`[fuzz] seed=${fresh} numRuns=${runs} ${name}`);
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${JSON.stringify({ file, name, seed: fresh, numRuns: runs })}\n`);
  return { seed: fresh, numRuns: runs, ...options };
}
