import { saveLastRun, type LastRun } from '../addin/lastRun.ts';
import type { EtApplication } from './host/et.ts';

/** PluginStorage is the store WPS documents as shared by an add-in's pages (the ribbon's page and the pane). */
const KEY = 'target-scorer.last-ribbon-run';

export function shareLastRun(app: EtApplication, run: LastRun): void {
  saveLastRun(run);
  try {
    app.PluginStorage.setItem(KEY, JSON.stringify(run));
  } catch {
    // A convenience only, as in the Excel add-in.
  }
}

/** In the pane: takes the ribbon's note over into this page's storage, where the shared pane looks for it. */
export function adoptLastRun(app: EtApplication): void {
  try {
    const text = app.PluginStorage.getItem(KEY);
    if (typeof text !== 'string') return;
    saveLastRun(JSON.parse(text) as LastRun);
    app.PluginStorage.setItem(KEY, '');
  } catch {
    // see shareLastRun
  }
}
