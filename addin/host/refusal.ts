import { messageText, type IssueParams, type RefusalCode } from '../../src/engine/index.ts';

/** Why the add-in wrote nothing: the workbook cannot take the results without losing something of the user's. */
export interface Refusal {
  kind: 'protected-sheet' | 'protected-workbook' | 'formula' | 'too-large';
  /** The code of the engine's refusal table, shared with the xlsx host; message is its text in both languages. */
  code: RefusalCode;
  params: IssueParams;
  sheet: string;
  /** A1 address of the cell in the way, "" for a whole sheet or the workbook. */
  cell: string;
  message: { zh: string; en: string };
}

const NOTHING_WRITTEN = { zh: '未写入任何内容。', en: ' Nothing was written.' };

function refusal(kind: Refusal['kind'], code: RefusalCode, params: IssueParams, sheet: string, cell: string): Refusal {
  return {
    kind, code, params, sheet, cell,
    message: {
      zh: messageText(code, params, 'zh') + NOTHING_WRITTEN.zh,
      en: messageText(code, params, 'en') + NOTHING_WRITTEN.en,
    },
  };
}

export const protectedSheet = (sheet: string): Refusal => refusal('protected-sheet', 'protected-sheet', { sheet }, sheet, '');

export const protectedWorkbook = (newSheet: string): Refusal =>
  refusal('protected-workbook', 'protected-workbook', { sheet: newSheet }, '', '');

/** From the engine's check (findFormulaInOutput), the one every host runs. */
export const formulaInOutput = (params: { sheet: string; cell: string; others: number }): Refusal =>
  refusal('formula', 'formula-in-output', params, params.sheet, params.cell);

/** The workbook's used ranges pass what Excel on the web reads (MAX_READ_CELLS): nothing is read or written. */
export const workbookTooLarge = (cells: number, limit: number): Refusal =>
  refusal('too-large', 'workbook-too-large', { cells, limit }, '', '');
