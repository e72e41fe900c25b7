import { messageText, type FormulaInOutput, type IssueParams } from '../engine/index.ts';

export type RefusalCode =
  | 'not-zip'
  | 'xls'
  | 'xlsb'
  | 'encrypted'
  | 'strict-ooxml'
  | 'ods'
  | 'corrupt'
  | 'too-large'
  | 'formula-in-output'
  | 'unsupported';

/** The workbook cannot be read or written safely; `message` is Chinese and tells the user what to do. */
export class XlsxRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly params: IssueParams = {},
  ) {
    super(message);
    this.name = 'XlsxRefusal';
  }
}

const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开它，“另存为”“Excel 工作簿(*.xlsx)”后重试。';

export const refuse = {
  notZip: () =>
    new XlsxRefusal('not-zip', `无法读取：文件不是 xlsx 工作簿（可能是 .xls 旧格式、CSV 或其他文件）。${SAVE_AS_XLSX}`),
  htmlTable: () =>
    new XlsxRefusal(
      'not-zip',
      `无法读取：这个文件其实是网页（HTML/XML）格式的表格，只是扩展名像 Excel 文件。${SAVE_AS_XLSX}`,
    ),
  xls: () => new XlsxRefusal('xls', `无法读取：文件是 .xls 旧格式（Excel 97-2003 工作簿）。${SAVE_AS_XLSX}`),
  encrypted: () =>
    new XlsxRefusal(
      'encrypted',
      '无法读取：工作簿设置了打开密码（已加密）。请在 Excel 或 WPS 中用密码打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 再重试。',
    ),
  xlsb: () =>
    new XlsxRefusal('xlsb', `无法读取：文件是 Excel 二进制工作簿（.xlsb）。请在 Excel 中“另存为”“Excel 工作簿(*.xlsx)”后重试。`),
  ods: () =>
    new XlsxRefusal(
      'ods',
      '无法读取：文件是 OpenDocument 表格（.ods）。请在 WPS、LibreOffice 或 Excel 中“另存为”“Excel 工作簿(*.xlsx)”后重试。',
    ),
  strict: () =>
    new XlsxRefusal(
      'strict-ooxml',
      '无法读取：工作簿是“Strict Open XML 电子表格”格式。请在 Excel 中“另存为”，保存类型选择“Excel 工作簿(*.xlsx)”而非“Strict Open XML 电子表格”后重试。',
    ),
  corrupt: (detail: string) =>
    new XlsxRefusal(
      'corrupt',
      `无法读取：文件已损坏或不完整（${detail}）。请确认文件已完整下载或复制；也可在 Excel 或 WPS 中打开修复后另存为 .xlsx 再重试。`,
    ),
  tooLarge: (detail: string) =>
    new XlsxRefusal('too-large', `无法读取：工作簿过大（${detail}），超出本工具的安全上限。请删除不需要的工作表或内容后重试。`),
  zip64: () =>
    new XlsxRefusal(
      'unsupported',
      '无法读取：文件使用了 ZIP64 大文件格式，本工具暂不支持。请在 Excel 或 WPS 中打开后另存为 .xlsx（并删除不需要的内容）再重试。',
    ),
  unsupported: (message: string) => new XlsxRefusal('unsupported', message),
  formulaInOutput: (params: FormulaInOutput['params']) =>
    new XlsxRefusal('formula-in-output', messageText('formula-in-output', params), params),
};

const SAVE_AS_EN = 'Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and try again.';

/** The English of each refusal; the Chinese is the refusal's own message, which names the part or cell. */
const REFUSAL_EN: Record<RefusalCode, string> = {
  'not-zip': `The file is not an .xlsx workbook (it may be an old .xls, a CSV or another file). ${SAVE_AS_EN}`,
  xls: `The file is an old .xls workbook (Excel 97-2003). ${SAVE_AS_EN}`,
  xlsb: `The file is an Excel binary workbook (.xlsb). ${SAVE_AS_EN}`,
  encrypted: 'The workbook is password-protected. Open it with its password in Excel or WPS, remove the password, save it as .xlsx and try again.',
  'strict-ooxml': `The workbook is in “Strict Open XML” format. ${SAVE_AS_EN}`,
  ods: `The file is an OpenDocument spreadsheet (.ods). ${SAVE_AS_EN}`,
  corrupt: 'The file is damaged or incomplete. Make sure it was downloaded or copied in full, or repair it in Excel or WPS, save it as .xlsx and try again.',
  'too-large': 'The workbook is too large for this tool. Remove the sheets or content you do not need and try again.',
  'formula-in-output': 'A cell the scores go into holds a formula, which must not be overwritten. Remove the formula or move it to another column and try again.',
  unsupported: 'This workbook cannot be read safely.',
};

/** A refusal in the language asked for: Chinese is its own message; English comes from the same code and parameters. */
export function refusalText(r: { code: RefusalCode; message: string; params?: IssueParams }, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return r.message;
  if (r.code === 'formula-in-output' && r.params?.cell) return messageText('formula-in-output', r.params, 'en');
  return REFUSAL_EN[r.code];
}
