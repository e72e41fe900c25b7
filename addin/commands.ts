// The ribbon's 一键计分: scores without opening the task pane and leaves the user on 汇总. No React here.
import { recalculate, selectCell } from './host/index.ts';
import { describeFailure, describeOutcome, saveLastRun } from './lastRun.ts';

/** Office queues every later click until completed() is called, so it is called once, at the latest after this. */
export const COMPLETE_AFTER_MS = 4 * 60 * 1000;

export async function scoreWorkbook(event?: Office.AddinCommands.Event): Promise<void> {
  let done = false;
  const complete = () => {
    if (done) return;
    done = true;
    event?.completed();
  };
  const timer = setTimeout(complete, COMPLETE_AFTER_MS);
  try {
    await runScoring();
  } finally {
    clearTimeout(timer);
    complete();
  }
}

// No showAsTaskpane(): it needs a shared runtime, which this add-in does not declare; the pane shows the saved note
// when the user opens 计分面板.
async function runScoring(): Promise<void> {
  try {
    const outcome = await Excel.run((context) => recalculate(context));
    saveLastRun(describeOutcome(outcome));
    const refusal = outcome.refusal;
    // Nothing was written: at least show the user where the obstacle is.
    if (refusal?.sheet) {
      // A hidden sheet cannot be shown; the saved note still names it.
      await Excel.run((context) => selectCell(context, refusal.sheet, refusal.cell)).catch(() => undefined);
    }
  } catch (error) {
    console.error(error);
    saveLastRun(describeFailure(error));
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions?.associate('scoreWorkbook', scoreWorkbook);
  });
}

// Hosts without Office.actions look the manifest's FunctionName up on the page's global object.
(globalThis as unknown as { scoreWorkbook: typeof scoreWorkbook }).scoreWorkbook = scoreWorkbook;
