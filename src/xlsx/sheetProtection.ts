import { refuse } from './refusals';

/**
 * The legacy sheet-protection password hash of ECMA-376 Part 1 (sheetProtection@password, 16 bits, hex).
 * Excel, WPS and LibreOffice all accept it; sheet protection guards against slips, not against a determined user,
 * so the gathering compares every issued cell whatever the protection was.
 */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  for (let i = 0; i < password.length; i++) {
    const value = password.charCodeAt(i) << (i + 1);
    hash ^= (value & 0x7fff) | (value >> 15);
  }
  hash ^= password.length ^ 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, '0');
}

/** Printable ASCII only: the legacy hash is defined on single-byte characters, and every office program types them alike. */
export function checkSheetPassword(password: string): void {
  if (password.length === 0 || password.length > 255 || !/^[\x21-\x7e]+$/.test(password)) {
    throw refuse.unsupported('无法设置密码：保护密码只能由英文字母、数字和英文标点组成（不含空格），最长 255 个字符。/ ' +
      'The protection password may hold only ASCII letters, digits and punctuation (no spaces), up to 255 characters.');
  }
}

/** A `<sheetProtection>` that locks every locked cell; rows and columns may still be resized. */
export function sheetProtectionXml(prefix: string, password?: string): string {
  const pw = password === undefined ? '' : ` password="${legacyPasswordHash(password)}"`;
  return `<${prefix}sheetProtection${pw} sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`;
}

/** Elements that CT_Worksheet puts before sheetProtection. */
const BEFORE = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr'];

/** Puts `protection` (an XML element) into the worksheet XML in its schema position, replacing any there. */
export function protectSheetXml(xml: string, protection: string): string {
  const old = /<(?:\w+:)?sheetProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheetProtection>)/.exec(xml);
  if (old) return xml.slice(0, old.index) + protection + xml.slice(old.index + old[0].length);
  let at = -1;
  for (const name of BEFORE) {
    const close = new RegExp(`</(?:\\w+:)?${name}>`, 'g');
    let m: RegExpExecArray | null;
    let end = -1;
    while ((m = close.exec(xml))) end = m.index + m[0].length;
    if (end < 0) {
      const self = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*/>`).exec(xml);
      if (self) end = self.index + self[0].length;
    }
    if (end > at) at = end;
  }
  if (at < 0) throw refuse.corrupt('工作表缺少 sheetData');
  return xml.slice(0, at) + protection + xml.slice(at);
}
