import { recalculate, selectCell, type RecalcOutcome } from '../host/index.ts';
import { generateSheets, type GenerateOutcome } from '../host/generateSheets.ts';

/** What the pane needs from Excel; a seam so the pane's logic does not touch Office.js directly. */
export interface PaneHost {
  recalculate(): Promise<RecalcOutcome>;
  generateSheets(): Promise<GenerateOutcome>;
  goTo(sheet: string, cell: string): Promise<void>;
}

export const officeHost: PaneHost = {
  recalculate: () => Excel.run((context) => recalculate(context)),
  generateSheets: () => Excel.run((context) => generateSheets(context)),
  goTo: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
};
