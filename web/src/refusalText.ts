import type { RefusalCode } from './protocol.ts';

const SAVE_AS = 'Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and try again.';

/** English for the file host's refusals, whose own messages are Chinese; the Chinese one is shown beside it. */
export const REFUSAL_EN: Record<RefusalCode, string> = {
  'not-zip': `The file is not an .xlsx workbook (it may be an old .xls, a CSV or another file). ${SAVE_AS}`,
  xls: `The file is an old .xls workbook (Excel 97-2003). ${SAVE_AS}`,
  xlsb: `The file is an Excel binary workbook (.xlsb). ${SAVE_AS}`,
  encrypted: 'The workbook is password-protected. Open it with its password in Excel or WPS, remove the password, save it as .xlsx and try again.',
  'strict-ooxml': `The workbook is in “Strict Open XML” format. ${SAVE_AS}`,
  ods: `The file is an OpenDocument spreadsheet (.ods). ${SAVE_AS}`,
  corrupt: 'The file is damaged or incomplete. Make sure it was downloaded or copied in full, or repair it in Excel or WPS, save it as .xlsx and try again.',
  'too-large': 'The workbook is too large for this tool. Remove the sheets or content you do not need and try again.',
  'formula-in-output': 'A cell the scores go into holds a formula, which must not be overwritten. Remove the formula or move it to another column and try again.',
  unsupported: 'This workbook cannot be read safely.',
};
