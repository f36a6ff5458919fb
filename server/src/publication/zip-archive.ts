/**
 * Reads the files of a ZIP archive (the folder of attachments uploaded with an import sheet) without
 * a dependency: end of central directory → central entries → local headers → inflate. Stored and
 * deflated entries only; names flagged UTF-8 are decoded as such, others as GBK (what Windows'
 * built-in "send to compressed folder" writes on a Chinese system) unless they are valid UTF-8.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

export class ZipError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return utf8.decode(raw);
  } catch {
    return gbk.decode(raw);
  }
}

/** The files (not directories) of the archive; `maxTotal` bounds the inflated size (a zip bomb is refused). */
export function readZip(zip: Buffer, maxTotal: number): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new ZipError('不是有效的 ZIP 文件');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new ZipError('ZIP 文件目录已损坏');
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const usize = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = decodeName(zip.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    p += 46 + nameLen + extra + comment;
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    if (flags & 0x1) throw new ZipError(`ZIP 中的文件“${name}”已加密，无法读取`);
    total += usize;
    if (total > maxTotal) throw new ZipError('ZIP 解压后超过允许的大小');
    if (local + 30 > zip.length) throw new ZipError('ZIP 文件已损坏');
    const lNameLen = zip.readUInt16LE(local + 26);
    const lExtra = zip.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtra;
    const data = zip.subarray(start, start + csize);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(usize, 1) });
      } catch {
        throw new ZipError(`ZIP 中的文件“${name}”无法解压`);
      }
    } else throw new ZipError(`ZIP 中的文件“${name}”使用了不支持的压缩方式`);
    out.push({ name, bytes });
  }
  return out;
}
