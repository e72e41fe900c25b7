/** Takes the user to a cell: activates its sheet and selects it ("" selects nothing, just shows the sheet). */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  if (cell) ws.getRange(cell).select();
  await context.sync();
}
