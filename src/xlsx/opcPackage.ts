import { checkXmlBytes } from './byteXml';
import { refuse } from './refusals';
import { decodeXml } from './xmlText';
import { entryData, entryDataAsync, LIMITS, type ZipArchive, type ZipEntry } from './zip';

/** Case-insensitive part lookup over a zip (OPC part names compare case-insensitively). */
export class OpcPackage {
  private byName = new Map<string, ZipEntry>();
  private inflated = new Set<ZipEntry>();
  private inflatedTotal = 0;

  constructor(readonly zip: ZipArchive) {
    for (const e of zip.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.replace(/^\//, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  private counted(part: string): ZipEntry {
    const e = this.entry(part);
    if (!e) throw refuse.corrupt(`缺少部件“${part}”`);
    if (!this.inflated.has(e)) {
      // Parts read again later (for patching) count once.
      if (e.size > LIMITS.maxPartSize) throw refuse.tooLarge(`部件“${e.name}”解压后超过 ${LIMITS.maxPartSize >> 20} MB`);
      this.inflatedTotal += e.size;
      if (this.inflatedTotal > LIMITS.maxInflatedTotal) throw refuse.tooLarge(`需要读取的内容解压后超过 ${LIMITS.maxInflatedTotal >> 20} MB`);
      this.inflated.add(e);
    }
    return e;
  }

  bytes(part: string): Uint8Array {
    return entryData(this.zip, this.counted(part));
  }

  /** XML part as bytes, checked for UTF-16 and DOCTYPE (for the byte-level worksheet scanner). */
  xmlBytes(part: string): Uint8Array {
    const b = this.bytes(part);
    checkXmlBytes(b, part);
    return b;
  }

  /** xmlBytes, inflated off the calling thread where the codec can; the limits are checked at the call. */
  xmlBytesAsync(part: string): Promise<Uint8Array> {
    const e = this.counted(part);
    return entryDataAsync(this.zip, e).then((b) => {
      checkXmlBytes(b, part);
      return b;
    });
  }

  xml(part: string): string {
    return decodeXml(this.bytes(part), part);
  }
}

/** Resolves a relationship target against its source part; result has no leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/\\/g, '/');
  if (!path.startsWith('/')) {
    const dir = sourcePart.replace(/^\//, '').replace(/[^/]*$/, '');
    path = dir + path;
  }
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const joined = segments.join('/');
  try {
    return decodeURIComponent(joined);
  } catch {
    return joined;
  }
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels" */
export function relsPartFor(part: string): string {
  const p = part.replace(/^\//, '');
  const slash = p.lastIndexOf('/');
  return `${p.slice(0, slash + 1)}_rels/${p.slice(slash + 1)}.rels`;
}

/** Target of `toPart` written relative to the folder of `fromPart` (both without leading slash). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const dir = fromPart.replace(/[^/]*$/, '');
  return toPart.startsWith(dir) ? toPart.slice(dir.length) : `/${toPart}`;
}
