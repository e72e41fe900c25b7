import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** name@version of every package `npm ci --omit=dev` installs, from package-lock.json. */
export function productionPackages(lockFile = 'package-lock.json'): string[] {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }> };
  const out = new Set<string>();
  for (const [key, p] of Object.entries(lock.packages)) {
    if (key === '' || p.dev || p.devOptional) continue;
    out.add(`${key.replace(/^.*node_modules\//, '')}@${p.version}`);
  }
  return [...out].sort();
}

/** Short fingerprint of that list: docs/security.md records the audit of exactly this set. */
export const productionFingerprint = (lockFile?: string): string =>
  createHash('sha256').update(productionPackages(lockFile).join('\n')).digest('hex').slice(0, 16);
