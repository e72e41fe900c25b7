// The ribbon page (index.html): the callbacks ribbon.xml names, as globals. No React here.
import { describeFailure, describeOutcome } from '../addin/lastRun.ts';
import { recalculate, selectCell, type EtApplication } from './host/index.ts';
import { etApplication } from './host/application.ts';
import { shareLastRun } from './lastRun.ts';

/** What WPS passes to a ribbon callback. */
interface RibbonControl {
  Id: string;
}

const PANE_KEY = 'target-scorer.taskpane-id';
const PANE_PAGE = 'taskpane.html';

function app(): EtApplication {
  const found = etApplication();
  if (!found) throw new Error('找不到 WPS 的 Application 对象。 / WPS Application not found.');
  return found;
}

/** The add-in folder's address, from this page's (…/target-scorer_0.1.0/index.html). */
function folderUrl(): string {
  const href = decodeURI(String(globalThis.location?.href ?? ''));
  return href.slice(0, href.lastIndexOf('/') + 1);
}

/** Shows the task pane, creating it the first time; toggles it when asked from 计分面板. */
export function showPane(toggle = false): void {
  const wps = app();
  const id = Number(wps.PluginStorage.getItem(PANE_KEY));
  const existing = id ? wps.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = toggle ? !existing.Visible : true;
    return;
  }
  const pane = wps.CreateTaskPane(folderUrl() + PANE_PAGE, '目标绩效计分');
  wps.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
}

/** 一键计分: scores the open workbook; on a refusal or failure shows where and why in the pane. */
export function scoreFromRibbon(): void {
  const wps = app();
  try {
    const outcome = recalculate(wps);
    shareLastRun(wps, describeOutcome(outcome));
    const refusal = outcome.refusal;
    if (refusal?.sheet) {
      try {
        selectCell(wps, refusal.sheet, refusal.cell);
      } catch {
        // A hidden sheet cannot be shown; the note still names it.
      }
    }
    if (!outcome.written) showPane();
  } catch (error) {
    console.error(error);
    shareLastRun(wps, describeFailure(error));
    showPane();
  }
}

export const BUTTONS = { score: 'targetScorerScore', pane: 'targetScorerPane' } as const;

export function OnAddinLoad(): boolean {
  return true;
}

export function OnAction(control: RibbonControl): boolean {
  if (control.Id === BUTTONS.score) scoreFromRibbon();
  else if (control.Id === BUTTONS.pane) showPane(true);
  return true;
}

export function GetImage(control: RibbonControl): string {
  return control.Id === BUTTONS.pane ? 'images/pane.png' : 'images/score.png';
}

Object.assign(globalThis, { OnAddinLoad, OnAction, GetImage });
