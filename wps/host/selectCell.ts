import { activeWorkbook } from './recalculate.ts';
import type { EtApplication } from './et.ts';

/** Takes the user to a cell: activates its sheet and selects it ("" only shows the sheet). */
export function selectCell(app: EtApplication, sheet: string, cell: string): void {
  const ws = activeWorkbook(app).Worksheets.Item(sheet);
  ws.Activate();
  if (cell) ws.Range(cell).Select();
}
