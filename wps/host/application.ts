import type { EtApplication } from './et.ts';

/** The ET Application: the global WPS recommends, else `wps`, which the typings declare as the same object. */
export function etApplication(): EtApplication | null {
  const g = globalThis as unknown as { Application?: EtApplication; wps?: EtApplication };
  return g.Application ?? g.wps ?? null;
}
