import type { RecalcOutcome } from './host/index.ts';
import { issueText } from '../src/engine/index.ts';
import { STRINGS, type Lang } from '../src/ui/strings.ts';

/** What the ribbon's 一键计分 did last; the task pane shows it, since a ribbon command has no UI of its own. */
export interface LastRun {
  at: string;
  ok: boolean;
  message: Record<Lang, string>;
  /** Where to take the user (a refusal's sheet and cell), if anywhere. */
  sheet?: string;
  cell?: string;
}

const PREFIX = 'target-scorer.last-ribbon-run';

/** One note per workbook: the ribbon and the pane share the origin's storage across every open workbook. */
function storageKey(): string {
  const url = typeof Office !== 'undefined' ? (Office.context?.document?.url ?? '') : '';
  return `${PREFIX}:${url}`;
}

export function describeOutcome(o: RecalcOutcome): LastRun {
  const at = new Date().toISOString();
  if (o.refusal) return { at, ok: false, message: o.refusal.message, sheet: o.refusal.sheet, cell: o.refusal.cell };
  if (o.result.units.length === 0) {
    const first = o.result.issues[0];
    const why = (lang: Lang) => (first ? `${lang === 'zh' ? '' : ' '}${issueText(first, lang)}` : '');
    return { at, ok: false, message: { zh: `${STRINGS.zh.noUnits}${why('zh')}`, en: `${STRINGS.en.noUnits}${why('en')}` } };
  }
  const counts = {
    units: o.result.units.length,
    cells: o.cellsWritten,
    errors: o.result.issues.filter((i) => i.severity === 'error').length,
    warnings: o.result.issues.filter((i) => i.severity === 'warning').length,
  };
  return { at, ok: true, message: { zh: STRINGS.zh.done(counts, o.activated), en: STRINGS.en.done(counts, o.activated) } };
}

export function describeFailure(error: unknown): LastRun {
  const reason = error instanceof Error ? error.message : String(error);
  return { at: new Date().toISOString(), ok: false, message: { zh: STRINGS.zh.failed(reason), en: STRINGS.en.failed(reason) } };
}

export function saveLastRun(run: LastRun): void {
  try {
    localStorage.setItem(storageKey(), JSON.stringify(run));
  } catch {
    // Storage may be unavailable (private mode, policy); the note is a convenience only.
  }
}

export function loadLastRun(): LastRun | null {
  try {
    const run = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as LastRun | null;
    return run && typeof run.message?.zh === 'string' && typeof run.message?.en === 'string' ? run : null;
  } catch {
    return null;
  }
}

export function clearLastRun(): void {
  try {
    localStorage.removeItem(storageKey());
  } catch {
    // see saveLastRun
  }
}
