import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Reads one entry of a ZIP (DOCX) without a dependency: central directory → local header → inflate. */
export function unzipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const lNameLen = zip.readUInt16LE(local + 26);
      const lExtra = zip.readUInt16LE(local + 28);
      const data = zip.subarray(local + 30 + lNameLen + lExtra, local + 30 + lNameLen + lExtra + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in archive`);
}

export interface TestZipFile {
  /** the name as text (written UTF-8) or as raw bytes (e.g. GBK) */
  name: string | Buffer;
  bytes: Buffer;
  /** set the UTF-8 name flag (bit 11); default: when the name is text */
  utf8Flag?: boolean;
  stored?: boolean;
  encrypted?: boolean;
  /** the declared uncompressed size, when a test lies about it (zip bomb) */
  declaredSize?: number;
}

/**
 * Builds a ZIP for tests (APPNOTE.TXT): deflated or stored entries, names in any encoding, and with
 * `zip64` every size and offset in ZIP64 extra fields and a ZIP64 end of central directory (§4.3.14).
 */
export function zipOf(files: TestZipFile[], opts: { zip64?: boolean } = {}): Buffer {
  const z64 = opts.zip64 === true;
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = typeof f.name === 'string' ? Buffer.from(f.name, 'utf8') : f.name;
    const data = f.stored ? f.bytes : deflateRawSync(f.bytes);
    const method = f.stored ? 0 : 8;
    const usize = f.declaredSize ?? f.bytes.length;
    const flags = ((f.utf8Flag ?? typeof f.name === 'string') ? 0x800 : 0) | (f.encrypted ? 0x1 : 0);
    const crc = crc32(f.bytes);
    const localExtra = z64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (z64) {
      localExtra.writeUInt16LE(0x0001, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(usize), 4);
      localExtra.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(z64 ? 0xffffffff : usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const centralExtra = z64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (z64) {
      centralExtra.writeUInt16LE(0x0001, 0);
      centralExtra.writeUInt16LE(24, 2);
      centralExtra.writeBigUInt64LE(BigInt(usize), 4);
      centralExtra.writeBigUInt64LE(BigInt(data.length), 12);
      centralExtra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt16LE(z64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(z64 ? 0xffffffff : usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    parts.push(local, name, localExtra, data);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (z64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(files.length), 24);
    rec.writeBigUInt64LE(BigInt(files.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : files.length, 8);
  end.writeUInt16LE(z64 ? 0xffff : files.length, 10);
  end.writeUInt32LE(z64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(z64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...parts, cd, ...tail, end]);
}
