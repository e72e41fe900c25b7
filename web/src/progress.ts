import type { ScoreProgress } from './protocol.ts';

// Shares of the run, from timings of a 200-unit workbook: reading all sheets ~10 %, scoring ~35 %, writing ~55 %.
const READ_END = 0.1;
const SCORE_END = 0.45;

/** The bar's value (0..1) when a phase starts; the engine and the zip writer report nothing in between. */
export function progressValue(p: ScoreProgress | null): number {
  if (!p || p.phase === 'opening') return 0;
  if (p.phase === 'reading') return (READ_END * (p.sheet - 1)) / p.sheets;
  return p.phase === 'scoring' ? READ_END : SCORE_END;
}
