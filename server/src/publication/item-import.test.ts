/** The pure part of the bulk import: header mapping, row parsing with the column named, the duplicate key. */
import { describe, expect, it } from 'vitest';
import {
  bodyCellToHtml,
  catalogOptions,
  mapHeaders,
  normalizeDate,
  parseImportRow,
  sourceKeyOf,
  splitAttachmentNames,
  subjectOptions,
} from './item-import.ts';

const catalog = catalogOptions([
  { id: 1, parentId: null, code: 'fgwj', name: '法规文件', active: 1 },
  { id: 2, parentId: 1, code: 'gfxwj', name: '行政法规、规章和规范性文件', active: 1 },
  { id: 3, parentId: null, code: 'gzdt', name: '工作动态', active: 1 },
  { id: 4, parentId: 3, code: 'old', name: '旧分类', active: 0 },
]);
const lk = { today: '2026-03-02', catalog, subjects: subjectOptions([]) };
const row = (cells: Record<string, string>) => ({ rowNo: 5, cells });

describe('bulk import rows', () => {
  it('maps headers with or without the required mark; lists missing required columns', () => {
    const { columns, missing } = mapHeaders(['标题*', ' 成文日期 ', '附件', '其他列']);
    expect([...columns.entries()]).toEqual([
      [0, 'title'],
      [1, 'generatedOn'],
      [2, 'attachments'],
    ]);
    expect(missing).toEqual(['发布日期', '目录分类', '正文']);
  });

  it('reads dates in the common Chinese spellings and refuses impossible ones', () => {
    expect(normalizeDate('2024/3/5')).toBe('2024-03-05');
    expect(normalizeDate('2024年3月5日')).toBe('2024-03-05');
    expect(normalizeDate('2024.12.31')).toBe('2024-12-31');
    expect(normalizeDate('2023-02-29')).toBeNull();
    expect(normalizeDate('3/5/2024')).toBeNull();
  });

  it('a good row: catalog by path, leaf or code; subject by path, leaf or code; plain text body becomes escaped paragraphs', () => {
    const r = parseImportRow(
      row({
        title: '通知',
        generatedOn: '2024-03-01',
        publishedOn: '2024-03-05',
        catalog: '法规文件 / 行政法规、规章和规范性文件',
        subject: '综合政务\\政务公开',
        validity: '废止',
        body: '第一段<script>\n第二段',
        attachments: '附件/a.pdf；b.docx\na.pdf',
        keywords: '法律援助，便民',
      }),
      lk,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      catalogEntryId: 2,
      subjectCode: '02.01',
      validity: 'abolished',
      bodyHtml: '<p>第一段&lt;script&gt;</p><p>第二段</p>',
      attachmentNames: ['a.pdf', 'b.docx'],
      keywords: '法律援助 便民',
      sourceKey: 'doc:|通知',
    });
    const byCode = parseImportRow(
      row({
        title: 't',
        generatedOn: '2024-03-01',
        publishedOn: '2024-03-05',
        catalog: 'gzdt',
        subject: '02.01',
        body: 'x',
      }),
      lk,
    );
    expect(byCode.ok && byCode.value.catalogEntryId).toBe(3);
    // an inactive catalog entry is not offered
    const inactive = parseImportRow(
      row({ title: 't', generatedOn: '2024-03-01', publishedOn: '2024-03-05', catalog: 'old', body: 'x' }),
      lk,
    );
    expect(inactive.ok).toBe(false);
  });

  it('a bad row reports every problem with its column', () => {
    const r = parseImportRow(
      row({
        generatedOn: '2024-03-09',
        publishedOn: '2027-01-01',
        catalog: '不存在',
        subject: '不存在的主题',
        attribute: '依申请公开',
        validity: '作废',
      }),
      lk,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.column)).toEqual([
      '标题',
      '发布日期',
      '主题分类',
      '目录分类',
      '有效性',
      '公开属性',
      '正文',
    ]);
    expect(r.issues.find((i) => i.column === '主题分类')!.reason).toBe('主题分类“不存在的主题”不存在');
    const order = parseImportRow(
      row({ title: 't', generatedOn: '2024-03-09', publishedOn: '2024-03-05', catalog: 'gzdt', body: 'x' }),
      lk,
    );
    expect(!order.ok && order.issues).toEqual([
      { column: '成文日期', reason: '成文日期 2024-03-09 晚于发布日期 2024-03-05' },
    ]);
  });

  it('the duplicate key: the old site id when given, else 文号+标题 ignoring whitespace', () => {
    expect(sourceKeyOf(' http://old/1 ', '云司〔2024〕5号', '通知')).toBe('id:http://old/1');
    expect(sourceKeyOf(null, '云司 〔2024〕5号', '关于 通知')).toBe(
      sourceKeyOf(null, '云司〔2024〕5号', '关于通知'),
    );
  });

  it('keeps HTML bodies for the sanitiser and splits attachment names', () => {
    expect(bodyCellToHtml('<p>已有<b>格式</b></p>')).toBe('<p>已有<b>格式</b></p>');
    expect(splitAttachmentNames('a.pdf;b.pdf；a.pdf')).toEqual(['a.pdf', 'b.pdf']);
  });
});
