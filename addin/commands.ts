// The ribbon's 一键计分: scores without opening the task pane and leaves the user on 汇总. No React here.
import { recalculate, selectCell } from './host/index.ts';
import { describeFailure, describeOutcome, saveLastRun } from './lastRun.ts';

export async function scoreWorkbook(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await Excel.run((context) => recalculate(context));
    saveLastRun(describeOutcome(outcome));
    const refusal = outcome.refusal;
    // Nothing was written: at least show the user where the obstacle is.
    if (refusal?.sheet) {
      // A hidden sheet cannot be shown; the saved note still names it.
      await Excel.run((context) => selectCell(context, refusal.sheet, refusal.cell)).catch(() => undefined);
    }
    if (!outcome.written) await showPane();
  } catch (error) {
    console.error(error);
    saveLastRun(describeFailure(error));
    await showPane();
  } finally {
    event?.completed();
  }
}

/** Where the host can open the pane from a command (shared runtime), it shows the saved note at once. */
async function showPane(): Promise<void> {
  try {
    if (Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) await Office.addin.showAsTaskpane();
  } catch {
    // Not available without a shared runtime: the note waits for the user to open 计分面板.
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions?.associate('scoreWorkbook', scoreWorkbook);
  });
}

// Hosts without Office.actions look the manifest's FunctionName up on the page's global object.
(globalThis as unknown as { scoreWorkbook: typeof scoreWorkbook }).scoreWorkbook = scoreWorkbook;
