import type { CellFormat } from '../engine/index.ts';
import { classifyBuiltinFormat, classifyNumberFormat } from '../formats/numberFormat.ts';
import { attrRaw, children, isLocal, rootTag } from './xmlScan';
import { decodeEntities } from './xmlText';

/**
 * What each cell style (cellXfs index, a cell's s attribute) shows numbers as: a percentage, a date, or neither.
 * Read once per workbook from the styles part.
 */
export function readCellFormats(stylesXml: string | null): (CellFormat | null)[] {
  if (!stylesXml) return [];
  const root = rootTag(stylesXml);
  const top = children(stylesXml, root);
  const custom = new Map<number, CellFormat | null>();
  const numFmts = top.find((t) => isLocal(stylesXml, t, 'numFmts'));
  for (const f of numFmts ? children(stylesXml, numFmts) : []) {
    if (!isLocal(stylesXml, f, 'numFmt')) continue;
    const id = Number(attrRaw(stylesXml, f, 'numFmtId'));
    const code = decodeEntities(attrRaw(stylesXml, f, 'formatCode') ?? '');
    if (Number.isInteger(id)) custom.set(id, classifyNumberFormat(code));
  }
  const cellXfs = top.find((t) => isLocal(stylesXml, t, 'cellXfs'));
  return (cellXfs ? children(stylesXml, cellXfs) : [])
    .filter((t) => isLocal(stylesXml, t, 'xf'))
    .map((xf) => {
      const id = Number(attrRaw(stylesXml, xf, 'numFmtId') ?? 0);
      if (!Number.isInteger(id)) return null;
      return custom.has(id) ? custom.get(id)! : classifyBuiltinFormat(id);
    });
}
