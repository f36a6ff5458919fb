/**
 * Reads the files of a ZIP archive (the folder of attachments uploaded with an import sheet) with
 * `yauzl`: ZIP64 archives (more than 65,535 entries or 4 GB, APPNOTE.TXT §4.3.14), stored and
 * deflated entries, every entry's inflated size checked against its declared size while it is read.
 * Names flagged UTF-8 are decoded as such, others as GBK (what Windows' built-in "send to compressed
 * folder" writes on a Chinese system) unless they are valid UTF-8 — so yauzl is asked for the raw
 * name bytes. The declared sizes are summed before anything is inflated, so a zip bomb is refused
 * without being unpacked.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

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

function open(zip: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (err, zf) => (err || !zf ? reject(new ZipError('不是有效的 ZIP 文件')) : resolve(zf)),
    ),
  );
}

function entries(zf: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zf.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zf.readEntry();
    });
    zf.on('end', () => resolve(out));
    zf.on('error', () => reject(new ZipError('ZIP 文件目录已损坏')));
    zf.readEntry();
  });
}

function read(zf: yauzl.ZipFile, e: yauzl.Entry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const broken = () => reject(new ZipError(`ZIP 中的文件“${name}”无法解压`));
    zf.openReadStream(e, (err, stream?: Readable) => {
      if (err || !stream) return broken();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', broken);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The files (not directories) of the archive; `maxTotal` bounds the inflated size (a zip bomb is refused). */
export async function readZip(zip: Buffer, maxTotal: number): Promise<ZipEntry[]> {
  const zf = await open(zip);
  try {
    const files: { e: yauzl.Entry; name: string }[] = [];
    let total = 0;
    for (const e of await entries(zf)) {
      const raw = e.fileName as unknown as Buffer;
      const name = decodeName(Buffer.from(raw), (e.generalPurposeBitFlag & 0x800) !== 0);
      if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
      if (e.generalPurposeBitFlag & 0x1) throw new ZipError(`ZIP 中的文件“${name}”已加密，无法读取`);
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
        throw new ZipError(`ZIP 中的文件“${name}”使用了不支持的压缩方式`);
      total += e.uncompressedSize;
      if (total > maxTotal) throw new ZipError('ZIP 解压后超过允许的大小');
      files.push({ e, name });
    }
    const out: ZipEntry[] = [];
    for (const { e, name } of files) out.push({ name, bytes: await read(zf, e, name) });
    return out;
  } finally {
    zf.close();
  }
}
