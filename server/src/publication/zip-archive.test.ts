import { describe, expect, it } from 'vitest';
import { zipOf } from '../test-support/zip.ts';
import { readZip, ZipError } from './zip-archive.ts';

// "工作规范.docx" as Windows' compressed folder writes it on a Chinese system: GBK, no UTF-8 flag
const GBK_NAME = Buffer.from([0xb9, 0xa4, 0xd7, 0xf7, 0xb9, 0xe6, 0xb7, 0xb6, 0x2e, 0x64, 0x6f, 0x63, 0x78]);
const names = async (zip: Buffer) => (await readZip(zip, 10_000)).map((e) => e.name);

describe('ZIP archive of an import (yauzl)', () => {
  it('reads deflated and stored entries; names flagged UTF-8, unflagged UTF-8, and GBK; skips folders and __MACOSX', async () => {
    const zip = zipOf([
      { name: '附件/办理情况.docx', bytes: Buffer.from('deflated content') },
      { name: GBK_NAME, bytes: Buffer.from('gbk named'), utf8Flag: false },
      {
        name: Buffer.from('名单.xlsx', 'utf8'),
        bytes: Buffer.from('utf8 without flag'),
        utf8Flag: false,
        stored: true,
      },
      { name: '附件/', bytes: Buffer.alloc(0), stored: true },
      { name: '__MACOSX/._x', bytes: Buffer.from('x') },
    ]);
    const entries = await readZip(zip, 10_000);
    expect(entries.map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['附件/办理情况.docx', 'deflated content'],
      ['工作规范.docx', 'gbk named'],
      ['名单.xlsx', 'utf8 without flag'],
    ]);
  });

  it('ZIP64: sizes, offsets and the entry count from the ZIP64 records', async () => {
    const zip = zipOf(
      [
        { name: '一.txt', bytes: Buffer.from('first') },
        { name: GBK_NAME, bytes: Buffer.from('second'), utf8Flag: false, stored: true },
      ],
      { zip64: true },
    );
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect((await readZip(zip, 10_000)).map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['一.txt', 'first'],
      ['工作规范.docx', 'second'],
    ]);
  });

  it('refuses a zip bomb by the declared sizes before inflating, and an entry larger than it declares', async () => {
    const big = Buffer.alloc(6_000, 0x61);
    await expect(
      readZip(
        zipOf([
          { name: 'a', bytes: big },
          { name: 'b', bytes: big },
        ]),
        10_000,
      ),
    ).rejects.toThrow('ZIP 解压后超过允许的大小');
    // declares 10 bytes, inflates to 6,000
    await expect(
      readZip(zipOf([{ name: 'liar.txt', bytes: big, declaredSize: 10 }]), 10_000),
    ).rejects.toThrow('无法解压');
  });

  it('refuses encrypted entries, unsupported methods and what is not a ZIP, as ZipError in Chinese', async () => {
    await expect(
      readZip(zipOf([{ name: '密.docx', bytes: Buffer.from('x'), encrypted: true }]), 100),
    ).rejects.toThrow('已加密');
    const odd = zipOf([{ name: 'b.bin', bytes: Buffer.from('x'), stored: true }]);
    odd.writeUInt16LE(12, odd.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2
    await expect(readZip(odd, 100)).rejects.toThrow('不支持的压缩方式');
    const notZip = await readZip(Buffer.from('MZ not a zip at all'), 100).catch((e: unknown) => e);
    expect(notZip).toBeInstanceOf(ZipError);
    expect((notZip as Error).message).toBe('不是有效的 ZIP 文件');
    const cut = zipOf([{ name: 'a.txt', bytes: Buffer.from('hello world hello world') }]);
    expect(await names(cut)).toEqual(['a.txt']);
    await expect(readZip(cut.subarray(0, cut.length - 10), 100)).rejects.toBeInstanceOf(ZipError);
  });
});
