/**
 * Bulk import from an old site (issue #4) against both databases: a sheet with good, bad and
 * sensitive rows plus a ZIP of attachments; progress per batch; the rejected-rows report read back;
 * a second import of the same sheet adds nothing; imports are per agency.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { searchItems } from '../search/index.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { createImport, processImportBatch, runImport } from './item-import.service.ts';
import { resolveActorForTest } from './publication.test-support.ts';

const ID = '11010519491231002X';

/** A minimal ZIP writer (deflate) for the test archive. */
function zipOf(files: { name: string; bytes: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = deflateRawSync(f.bytes);
    const crc = crc32(f.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(f.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(f.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function docx(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

const HEADERS = [
  '来源编号',
  '标题*',
  '文号',
  '成文日期*',
  '发布日期*',
  '主题分类',
  '目录分类*',
  '有效性',
  '公开属性',
  '内容概述',
  '关键词',
  '正文*',
  '附件文件名',
];

async function sheetOf(rows: (string | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信息');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** rows 2–8 of the sheet: 3 good, 2 bad, 2 sensitive (one in the body, one in an attachment) */
const ROWS: (string | Date | null)[][] = [
  [
    '示例（不会导入）',
    '示例标题',
    '',
    '2024-01-01',
    '2024-01-02',
    '',
    '法规文件',
    '',
    '',
    '',
    '',
    '示例',
    '',
  ],
  [
    'old-101',
    '关于印发法律援助工作规范的通知',
    '测司发〔2024〕3号',
    new Date(Date.UTC(2024, 2, 1)),
    '2024/3/5',
    '综合政务\\政务公开',
    '法规文件/行政法规、规章和规范性文件',
    '有效',
    '主动公开',
    '法律援助工作规范',
    '',
    '各股室：\n现印发法律援助工作规范，请遵照执行。',
    '工作规范.docx',
  ],
  [
    'old-102',
    '2023年工作总结',
    '',
    '2024-01-10',
    '2024年1月12日',
    '',
    'gzdt',
    '',
    '',
    '',
    '总结',
    '<p>全年办理法律援助案件<b>120</b>件。</p>',
    '',
  ],
  [
    '',
    '人民调解员名单公示',
    '测司〔2024〕9号',
    '2024-04-01',
    '2024-04-02',
    '02.01',
    '工作动态',
    '已废止',
    '',
    '',
    '',
    '调解员名单见附件。',
    '附件/调解员名单.xlsx',
  ],
  ['old-104', '', '', '2024-13-01', '', '不存在的分类', '不存在的目录', '作废', '依申请公开', '', '', '', ''],
  [
    'old-105',
    '缺附件的通知',
    '',
    '2024-05-01',
    '2024-05-02',
    '',
    '法规文件',
    '',
    '',
    '',
    '',
    '正文',
    '没有这个文件.pdf；假的.pdf',
  ],
  [
    'old-106',
    '关于张某某法律援助的批复',
    '',
    '2024-06-01',
    '2024-06-03',
    '',
    '工作动态',
    '',
    '',
    '',
    '',
    `申请人身份证号${ID}，联系电话13912345678。`,
    '',
  ],
  [
    'old-107',
    '信访事项办理情况',
    '',
    '2024-06-05',
    '2024-06-06',
    '',
    '工作动态',
    '',
    '',
    '',
    '',
    '详见附件。',
    '办理情况.docx',
  ],
];

describe.each(dialects())('bulk import from an old site (%s)', (dialect) => {
  let t: TestDb;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let office: Awaited<ReturnType<typeof resolveActorForTest>>;
  let files: { name: string; bytes: Buffer }[];

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    county = await makeCounty(t.deps);
    office = await resolveActorForTest(
      t.deps,
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
        username: 'gkb',
      }),
    );
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'other',
    });
    const xlsx = new ExcelJS.Workbook();
    xlsx.addWorksheet('名单').addRows([
      ['姓名', '单位'],
      ['王调解', '城关镇调委会'],
    ]);
    files = [
      {
        name: '附件.zip',
        bytes: zipOf([
          { name: '工作规范.docx', bytes: await docx('法律援助工作规范全文：受理、指派、结案。') },
          { name: '附件/调解员名单.xlsx', bytes: Buffer.from(await xlsx.xlsx.writeBuffer()) },
          { name: '办理情况.docx', bytes: await docx(`来信人手机 13812345678，身份证 ${ID}`) },
        ]),
      },
      { name: '假的.pdf', bytes: Buffer.from('MZ not really a pdf') },
    ];
  });
  afterEach(async () => {
    await t.close();
  });

  const start = async (agencyId = county.deptA.id) =>
    inTransaction(t.deps, async (tx) =>
      createImport(
        t.deps,
        tx,
        { actor: office },
        {
          agencyId,
          sheet: { name: '旧网站信息.xlsx', bytes: await sheetOf(ROWS) },
          files,
        },
      ),
    );

  it('imports good rows, rejects bad and sensitive rows with the column named, reports progress per batch', async () => {
    const queued = await start();
    expect(queued).toMatchObject({ status: 'queued', total: 7, done: 0, fileCount: 4 });

    const p1 = await processImportBatch(t.deps, queued.id, 3);
    expect(p1).toMatchObject({ status: 'running', total: 7, done: 3, accepted: 3, rejected: 0 });
    const p2 = await processImportBatch(t.deps, queued.id, 3);
    expect(p2).toMatchObject({ status: 'running', done: 6, accepted: 3, rejected: 3 });
    const p3 = await processImportBatch(t.deps, queued.id, 3);
    expect(p3).toMatchObject({ status: 'done', done: 7, accepted: 3, rejected: 4, skipped: 0 });
    expect(p3.finishedAt).not.toBeNull();

    const items = await t.deps.db
      .selectFrom('informationItems')
      .selectAll()
      .where('agencyId', '=', county.deptA.id)
      .orderBy('id')
      .execute();
    expect(items.map((i) => i.title)).toEqual([
      '关于印发法律援助工作规范的通知',
      '2023年工作总结',
      '人民调解员名单公示',
    ]);
    expect(items.every((i) => i.status === 'published' && i.scope === 'public' && i.indexNo)).toBe(true);
    expect(items[0]).toMatchObject({
      generatedOn: '2024-03-01',
      publishedOn: '2024-03-05',
      subjectCode: '02.01',
    });
    expect(items[0]!.bodyHtml).toBe('<p>各股室：</p><p>现印发法律援助工作规范，请遵照执行。</p>');
    expect(items[2]!.validity).toBe('abolished');
    const atts = await t.deps.db.selectFrom('itemAttachments').selectAll().orderBy('id').execute();
    expect(atts.map((a) => [a.itemId, a.name])).toEqual([
      [items[0]!.id, '工作规范.docx'],
      [items[2]!.id, '调解员名单.xlsx'],
    ]);
    // attachment text is searchable like a normal upload's
    const found = await searchItems(t.deps, { q: '城关镇调委会', agencyIds: [county.deptA.id] });
    expect(found.hits.map((h) => h.itemId)).toEqual([items[2]!.id]);

    // staged files are gone; the import audits its start and its end with counts
    expect(await t.deps.db.selectFrom('publicationImportFiles').selectAll().execute()).toEqual([]);
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'afterJson'])
      .where('entityType', '=', 'publication_import')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'publication.import_started',
      'publication.import_finished',
    ]);
    expect(JSON.parse(events[1]!.afterJson!)).toMatchObject({ accepted: 3, rejected: 4 });
  });

  it('the rejected-rows report names row, column and reason; personal data in it is masked (docs/product.md §2.3 scan)', async () => {
    const app: App = await buildApp(t.deps);
    try {
      const gkb = as(app, await loginAs(app, 'gkb'));
      const queued = await start();
      await runImport(t.deps, queued.id, 2);
      const res = await gkb.get(`/api/v1/admin/publication/imports/${queued.id}/report`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.getWorksheet('未导入的行')!;
      const lines: string[][] = [];
      ws.eachRow((r, n) => {
        if (n > 1) lines.push([1, 2, 3, 4].map((c) => r.getCell(c).text));
      });
      const byRow = (n: number) => lines.filter((l) => l[0] === String(n));
      expect(byRow(6).map((l) => l[2])).toEqual([
        '标题',
        '成文日期',
        '发布日期',
        '主题分类',
        '目录分类',
        '有效性',
        '公开属性',
        '正文',
      ]);
      expect(byRow(6).find((l) => l[2] === '成文日期')![3]).toContain('不是有效日期');
      expect(byRow(7).map((l) => l[3])).toEqual([
        '附件“没有这个文件.pdf”不在上传的文件中',
        expect.stringContaining('附件“假的.pdf”格式不支持'),
      ]);
      expect(byRow(8).map((l) => l[2])).toEqual(['正文', '正文']);
      expect(byRow(8)[0]![3]).toContain('居民身份证号码');
      expect(byRow(9).every((l) => l[2] === '附件文件名')).toBe(true);
      expect(
        byRow(9)
          .map((l) => l[3])
          .join(),
      ).toContain('办理情况.docx');
      expect(lines.every((l) => l[1] === '拒绝')).toBe(true);
      const all = lines.map((l) => l.join(' ')).join('\n');
      expect(all).not.toContain(ID);
      expect(all).not.toContain('13912345678');
      expect(all).not.toContain('13812345678');

      // another agency's office cannot read the import or its report
      const other = as(app, await loginAs(app, 'other'));
      expect((await other.get(`/api/v1/admin/publication/imports/${queued.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/admin/publication/imports/${queued.id}/report`)).statusCode).toBe(404);
      expect((await other.get('/api/v1/admin/publication/imports')).json().imports).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a second import of the same sheet adds nothing: rows are skipped by 来源编号 or 文号+标题', async () => {
    await runImport(t.deps, (await start()).id);
    const second = await runImport(t.deps, (await start()).id);
    expect(second).toMatchObject({ status: 'done', total: 7, accepted: 0, rejected: 4, skipped: 3 });
    const n = await t.deps.db
      .selectFrom('informationItems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
    // the same sheet into another agency is not a duplicate there
    const otherOffice = await resolveActorForTest(
      t.deps,
      await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }]),
    );
    const b = await inTransaction(t.deps, async (tx) =>
      createImport(
        t.deps,
        tx,
        { actor: otherOffice },
        {
          agencyId: county.deptB.id,
          sheet: { name: 'b.xlsx', bytes: await sheetOf(ROWS) },
          files,
        },
      ),
    );
    expect(await runImport(t.deps, b.id)).toMatchObject({ accepted: 3, skipped: 0 });
  });

  it('over HTTP: only the disclosure office of the agency may import; bad sheets name the problem; progress is polled', async () => {
    const app: App = await buildApp(t.deps);
    try {
      const gkb = as(app, await loginAs(app, 'gkb'));
      const other = as(app, await loginAs(app, 'other'));
      const payload = async (agencyId: number, sheet?: Buffer) => ({
        agencyId,
        sheet: { name: '旧网站.xlsx', contentBase64: (sheet ?? (await sheetOf(ROWS))).toString('base64') },
        files: files.map((f) => ({ name: f.name, contentBase64: f.bytes.toString('base64') })),
      });
      expect(
        (await other.post('/api/v1/admin/publication/imports', await payload(county.deptA.id))).statusCode,
      ).toBe(403);
      const noTitle = new ExcelJS.Workbook();
      noTitle.addWorksheet('信息').addRow(['文号', '正文']);
      const bad = await gkb.post(
        '/api/v1/admin/publication/imports',
        await payload(county.deptA.id, Buffer.from(await noTitle.xlsx.writeBuffer())),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('缺少以下列：标题、成文日期、发布日期、目录分类');

      const tpl = await gkb.get(`/api/v1/admin/publication/imports/template?agencyId=${county.deptA.id}`);
      expect(tpl.statusCode).toBe(200);
      const twb = new ExcelJS.Workbook();
      await twb.xlsx.load(tpl.rawPayload as never);
      expect(twb.getWorksheet('信息')!.getRow(1).getCell(2).text).toBe('标题*');
      const lists: string[] = [];
      twb.getWorksheet('可选值')!.eachRow((r) => lists.push(`${r.getCell(2).text}|${r.getCell(5).text}`));
      expect(lists.join('\n')).toContain('综合政务\\政务公开');
      expect(lists.join('\n')).toContain('法规文件/行政法规、规章和规范性文件');

      const res = await gkb.post('/api/v1/admin/publication/imports', await payload(county.deptA.id));
      expect(res.statusCode).toBe(202);
      let p = res.json();
      for (let i = 0; i < 200 && p.status !== 'done' && p.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        p = (await gkb.get(`/api/v1/admin/publication/imports/${p.id}`)).json();
      }
      expect(p).toMatchObject({ status: 'done', total: 7, done: 7, accepted: 3, rejected: 4 });
      expect(
        (await gkb.get('/api/v1/admin/publication/imports')).json().imports.map((i: { id: number }) => i.id),
      ).toEqual([p.id]);
    } finally {
      await app.close();
    }
  });
});
