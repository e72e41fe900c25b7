import { fflateCodec, type DeflateCodec } from './codec.ts';
import { crc32 } from './crc32';
import { refuse, XlsxRefusal } from './refusals';

export const LIMITS = {
  maxEntries: 10_000,
  /** Declared sizes, checked for every entry (most entries are only copied, never inflated). */
  maxEntrySize: 512 * 1024 * 1024,
  maxTotalSize: 1024 * 1024 * 1024,
  /** What one open workbook may inflate into memory (see OpcPackage): keeps peak memory well under 1 GB. */
  maxPartSize: 128 * 1024 * 1024,
  maxInflatedTotal: 256 * 1024 * 1024,
};

/** Deflate cannot expand more than 1032:1; a larger declared size is a lie. */
const MAX_DEFLATE_RATIO = 1032;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;

export interface ZipEntry {
  name: string;
  /** Raw central-directory record in the source bytes. */
  cdStart: number;
  cdEnd: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  localOffset: number;
  dataStart: number;
  /** End of the compressed data plus any data descriptor. */
  localEnd: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  comment: Uint8Array;
  codec: DeflateCodec;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && u32(b, i) === SIG_EOCD && i + 22 + u16(b, i + 20) <= b.length) return i;
  }
  return -1;
}

export function readZip(bytes: Uint8Array, codec: DeflateCodec = fflateCodec): ZipArchive {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw refuse.corrupt('找不到 ZIP 目录，文件可能被截断');
  const disk = u16(bytes, eocd + 4);
  const cdDisk = u16(bytes, eocd + 6);
  const countOnDisk = u16(bytes, eocd + 8);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  const commentLen = u16(bytes, eocd + 20);
  if (
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR)
  ) {
    throw refuse.zip64();
  }
  if (disk !== 0 || cdDisk !== 0 || countOnDisk !== count) throw refuse.corrupt('分卷压缩文件');
  if (count > LIMITS.maxEntries) throw refuse.tooLarge(`包含 ${count} 个部件`);
  if (cdOffset + cdSize > eocd) throw refuse.corrupt('ZIP 目录位置错误');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== SIG_CENTRAL) throw refuse.corrupt('ZIP 目录记录错误');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const cdEnd = p + 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    if (cdEnd > cdOffset + cdSize) throw refuse.corrupt('ZIP 目录记录越界');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & FLAG_UTF8 ? utf8 : cp437ish).decode(nameBytes);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw refuse.zip64();
    if (flags & FLAG_ENCRYPTED) throw refuse.encrypted();
    if (method !== 0 && method !== 8) {
      throw refuse.unsupported(`无法读取：部件“${name}”使用了不支持的压缩方式（${method}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再重试。`);
    }
    if (method === 0 && compressedSize !== size) throw refuse.corrupt(`部件“${name}”大小不一致`);
    if (size > LIMITS.maxEntrySize) throw refuse.tooLarge(`部件“${name}”解压后超过 512 MB`);
    if (method === 8 && size > compressedSize * MAX_DEFLATE_RATIO + 1024) throw refuse.corrupt(`部件“${name}”声明的大小与压缩数据不符`);
    total += size;
    if (total > LIMITS.maxTotalSize) throw refuse.tooLarge('解压后总大小超过 1 GB');
    const key = name.toLowerCase();
    if (seen.has(key)) throw refuse.corrupt(`部件“${name}”重复出现`);
    seen.add(key);

    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== SIG_LOCAL) {
      throw refuse.corrupt(`部件“${name}”的本地文件头错误`);
    }
    const localNameLen = u16(bytes, localOffset + 26);
    const dataStart = localOffset + 30 + localNameLen + u16(bytes, localOffset + 28);
    if (localNameLen !== nameLen || !sameBytes(bytes, localOffset + 30, nameBytes)) {
      throw refuse.corrupt(`部件“${name}”的本地文件名与目录不一致`);
    }
    let localEnd = dataStart + compressedSize;
    if (flags & FLAG_DESCRIPTOR) {
      localEnd += localEnd + 4 <= bytes.length && u32(bytes, localEnd) === SIG_DESCRIPTOR ? 16 : 12;
    }
    if (localEnd > cdOffset) throw refuse.corrupt(`部件“${name}”的数据越界`);
    entries.push({
      name,
      cdStart: p,
      cdEnd,
      flags,
      method,
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      dosTime: u16(bytes, p + 12),
      dosDate: u16(bytes, p + 14),
      localOffset,
      dataStart,
      localEnd,
    });
    p = cdEnd;
  }
  return { bytes, entries, comment: bytes.subarray(eocd + 22, eocd + 22 + commentLen), codec };
}

function sameBytes(b: Uint8Array, at: number, other: Uint8Array): boolean {
  for (let i = 0; i < other.length; i++) if (b[at + i] !== other[i]) return false;
  return true;
}

/** Uncompressed bytes of an entry, CRC-checked. */
export function entryData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const raw = zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  const out = e.method === 0 ? raw : inflateBounded(zip, raw, e);
  if (out.length !== e.size || (zip.codec.crc32 ?? crc32)(out) !== e.crc) throw refuse.corrupt(`部件“${e.name}”校验失败`);
  return out;
}

/** entryData, inflating off the calling thread where the codec can. */
export async function entryDataAsync(zip: ZipArchive, e: ZipEntry): Promise<Uint8Array> {
  const inflate = zip.codec.inflateAsync;
  if (e.method === 0 || !inflate) return entryData(zip, e);
  let out: Uint8Array | null;
  try {
    out = await inflate(zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize), e.size);
  } catch {
    throw refuse.corrupt(`部件“${e.name}”无法解压`);
  }
  if (!out) throw refuse.corrupt(`部件“${e.name}”解压后超过声明的大小`);
  if (out.length !== e.size || (zip.codec.crc32 ?? crc32)(out) !== e.crc) throw refuse.corrupt(`部件“${e.name}”校验失败`);
  return out;
}

/**
 * Inflates into at most the declared size and never trusts the stream to stop there: a stream that
 * produces more is refused as soon as it does, so a small entry cannot expand 1000-fold in time or memory.
 */
function inflateBounded(zip: ZipArchive, raw: Uint8Array, e: ZipEntry): Uint8Array {
  let out: Uint8Array | null;
  try {
    out = zip.codec.inflate(raw, e.size);
  } catch (err) {
    if (err instanceof XlsxRefusal) throw err;
    throw refuse.corrupt(`部件“${e.name}”无法解压`);
  }
  if (!out) throw refuse.corrupt(`部件“${e.name}”解压后超过声明的大小`);
  return out;
}

export interface NewEntry {
  name: string;
  data: Uint8Array;
}

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array) {
    this.chunks.push(b);
    this.length += b.length;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function header(size: number): [Uint8Array, DataView] {
  const b = new Uint8Array(size);
  return [b, new DataView(b.buffer)];
}

/** Drops the ZIP64 extra block (id 1): the sizes it might carry go stale once the entry is rewritten. */
function withoutZip64Extra(extra: Uint8Array): Uint8Array {
  const kept: number[] = [];
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = u16(extra, i);
    const len = u16(extra, i + 2);
    const end = Math.min(extra.length, i + 4 + len);
    if (id !== 1) for (let k = i; k < end; k++) kept.push(extra[k]);
    i = end;
  }
  return Uint8Array.from(kept);
}

const encoder = new TextEncoder();

/**
 * Rebuilds the archive: untouched entries keep their local header and compressed bytes verbatim,
 * replaced entries are deflated afresh in place, new entries go at the end.
 */
export function writeZip(
  zip: ZipArchive,
  replaced: Map<ZipEntry, Uint8Array>,
  added: NewEntry[],
  /** Parts already deflated (by the codec, elsewhere), keyed by their uncompressed bytes. */
  compressed?: Map<Uint8Array, Uint8Array>,
): Uint8Array {
  const src = zip.bytes;
  const crcOf = zip.codec.crc32 ?? crc32;
  const out = new ByteSink();
  const offsets = new Map<ZipEntry, number>();
  const fresh = new Map<ZipEntry, { crc: number; compressedSize: number; size: number }>();

  const byOffset = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  for (const e of byOffset) {
    offsets.set(e, out.length);
    const data = replaced.get(e);
    if (!data) {
      out.push(src.subarray(e.localOffset, e.localEnd));
      continue;
    }
    const comp = compressed?.get(data) ?? zip.codec.deflate(data);
    const info = { crc: crcOf(data), compressedSize: comp.length, size: data.length };
    fresh.set(e, info);
    const nameBytes = src.subarray(e.cdStart + 46, e.cdStart + 46 + u16(src, e.cdStart + 28));
    out.push(localHeader(nameBytes, e.flags, e.dosTime, e.dosDate, info));
    out.push(comp);
  }

  const template = zip.entries.find((e) => e.name.toLowerCase() === 'xl/workbook.xml') ?? zip.entries[0];
  const addedRecords: { nameBytes: Uint8Array; flags: number; offset: number; info: { crc: number; compressedSize: number; size: number } }[] = [];
  for (const a of added) {
    const nameBytes = encoder.encode(a.name);
    const flags = /^[\x20-\x7e]*$/.test(a.name) ? 0 : FLAG_UTF8;
    const comp = compressed?.get(a.data) ?? zip.codec.deflate(a.data);
    const info = { crc: crcOf(a.data), compressedSize: comp.length, size: a.data.length };
    const offset = out.length;
    out.push(localHeader(nameBytes, flags, template?.dosTime ?? 0, template?.dosDate ?? 0x21, info));
    out.push(comp);
    addedRecords.push({ nameBytes, flags, offset, info });
  }

  const cdOffset = out.length;
  for (const e of zip.entries) {
    const info = fresh.get(e);
    if (!info) {
      const rec = src.slice(e.cdStart, e.cdEnd);
      new DataView(rec.buffer).setUint32(42, offsets.get(e)!, true);
      out.push(rec);
      continue;
    }
    const nameLen = u16(src, e.cdStart + 28);
    const extraLen = u16(src, e.cdStart + 30);
    const commentLen = u16(src, e.cdStart + 32);
    const nameBytes = src.subarray(e.cdStart + 46, e.cdStart + 46 + nameLen);
    const extra = withoutZip64Extra(src.subarray(e.cdStart + 46 + nameLen, e.cdStart + 46 + nameLen + extraLen));
    const comment = src.subarray(e.cdStart + 46 + nameLen + extraLen, e.cdEnd);
    const [rec, v] = header(46 + nameLen + extra.length + commentLen);
    rec.set(src.subarray(e.cdStart, e.cdStart + 46));
    v.setUint16(6, Math.max(20, u16(src, e.cdStart + 6)), true);
    v.setUint16(8, e.flags & FLAG_UTF8, true);
    v.setUint16(10, 8, true);
    v.setUint32(16, info.crc, true);
    v.setUint32(20, info.compressedSize, true);
    v.setUint32(24, info.size, true);
    v.setUint16(30, extra.length, true);
    v.setUint32(42, offsets.get(e)!, true);
    rec.set(nameBytes, 46);
    rec.set(extra, 46 + nameLen);
    rec.set(comment, 46 + nameLen + extra.length);
    out.push(rec);
  }
  for (const a of addedRecords) {
    const [rec, v] = header(46 + a.nameBytes.length);
    v.setUint32(0, SIG_CENTRAL, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, a.flags, true);
    v.setUint16(10, 8, true);
    v.setUint16(12, template?.dosTime ?? 0, true);
    v.setUint16(14, template?.dosDate ?? 0x21, true);
    v.setUint32(16, a.info.crc, true);
    v.setUint32(20, a.info.compressedSize, true);
    v.setUint32(24, a.info.size, true);
    v.setUint16(28, a.nameBytes.length, true);
    v.setUint32(42, a.offset, true);
    rec.set(a.nameBytes, 46);
    out.push(rec);
  }
  const cdSize = out.length - cdOffset;
  const count = zip.entries.length + added.length;
  if (count > 0xfffe || out.length > 0xfffffff0) throw refuse.tooLarge('写出的文件超过 4 GB');

  const [eocd, v] = header(22 + zip.comment.length);
  v.setUint32(0, SIG_EOCD, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdOffset, true);
  v.setUint16(20, zip.comment.length, true);
  eocd.set(zip.comment, 22);
  out.push(eocd);
  return out.concat();
}

function localHeader(
  nameBytes: Uint8Array,
  flags: number,
  dosTime: number,
  dosDate: number,
  info: { crc: number; compressedSize: number; size: number },
): Uint8Array {
  const [b, v] = header(30 + nameBytes.length);
  v.setUint32(0, SIG_LOCAL, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, flags & FLAG_UTF8, true);
  v.setUint16(8, 8, true);
  v.setUint16(10, dosTime, true);
  v.setUint16(12, dosDate, true);
  v.setUint32(14, info.crc, true);
  v.setUint32(18, info.compressedSize, true);
  v.setUint32(22, info.size, true);
  v.setUint16(26, nameBytes.length, true);
  b.set(nameBytes, 30);
  return b;
}
