/**
 * Filing (备案) with the supervising office, yearly archive volumes (归档卷) with XLSX/DOCX export, the
 * hand-over log (移交, R.25) feeding the self-inspection report, and the archive request link for items
 * past online retention. Both databases; cross-agency access tested for each.
 */
import type { Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';
import { publicationRepository } from './publication.repository.ts';
import type { InformationItemsTable } from './publication.table.ts';

describe.each(dialects())('filing, archive volumes, hand-over log (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let seq = 0;
  /** An item in a given state, written directly (the pipeline itself is tested in publication.*.test.ts). */
  const item = async (over: Partial<Insertable<InformationItemsTable>> = {}) => {
    seq++;
    return publicationRepository.insertItem(t.deps.db, {
      agencyId: county.deptA.id,
      title: `测试信息${seq}`,
      publisher: '测试县司法局',
      generatedOn: '2025-03-01',
      publishedOn: '2025-03-05',
      publishedAt: '2025-03-05T02:00:00.000Z',
      indexNo: `TEST/2025-${String(seq).padStart(5, '0')}`,
      docNo: `测司〔2025〕${seq}号`,
      validity: 'valid',
      scope: 'public',
      channelsJson: '["website"]',
      attribute: 'proactive',
      bodyHtml: '<p>正文</p>',
      status: 'published',
      createdAt: '2025-03-01T00:00:00.000Z',
      updatedAt: '2025-03-05T00:00:00.000Z',
      ...over,
    });
  };

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], { username: 'gkbA' });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'archivist' }], { username: 'daA' });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter' }], { username: 'ngrA' });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'gkbB' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], { username: 'gkbGov' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('《县局政务公开制度汇编》 备案制度: the issuing office files with its supervising office, which alone sees and reviews it (已审查 / 要求纠正 → refile)', async () => {
    const pub = await item();
    const draft = await item({ status: 'draft', publishedOn: null, indexNo: null });
    const a = as(app, await loginAs(app, 'gkbA'));
    const opts = (await a.get(`/api/v1/admin/publication/agencies/${county.deptA.id}/filing-options`)).json();
    expect(opts.supervisors).toEqual([{ id: county.gov.id, name: '测试县人民政府' }]);
    expect(opts.items.map((i: { id: number }) => i.id)).toEqual([pub.id]);

    const body = {
      itemId: pub.id,
      supervisorId: county.gov.id,
      reportNo: '测司备〔2026〕1号',
      filedOn: '2026-03-02',
    };
    expect(
      (await a.post('/api/v1/admin/publication/filings', { ...body, itemId: draft.id })).json().code,
    ).toBe('FILING_ITEM_NOT_FILEABLE');
    // deptB does not supervise deptA
    expect(
      (await a.post('/api/v1/admin/publication/filings', { ...body, supervisorId: county.deptB.id })).json()
        .code,
    ).toBe('FILING_SUPERVISOR_INVALID');
    const bad = await a.post('/api/v1/admin/publication/filings', { ...body, filedOn: '2026/3/2' });
    expect(bad.json().fields[0].label).toBe('报备日期');
    const filed = await a.post('/api/v1/admin/publication/filings', body);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({
      status: 'filed',
      supervisorName: '测试县人民政府',
      title: pub.title,
    });
    expect((await a.post('/api/v1/admin/publication/filings', body)).json().code).toBe('FILING_DUPLICATE');
    const id = filed.json().id as number;

    // a drafter and another agency's office cannot file deptA's item
    const d = as(app, await loginAs(app, 'ngrA'));
    expect((await d.post('/api/v1/admin/publication/filings', { ...body, reportNo: 'x' })).statusCode).toBe(
      403,
    );
    const b = as(app, await loginAs(app, 'gkbB'));
    expect((await b.post('/api/v1/admin/publication/filings', { ...body, reportNo: 'x' })).statusCode).toBe(
      404,
    );

    // only the supervising office sees it as received; deptB sees nothing, and cannot review it
    expect((await b.get('/api/v1/admin/publication/filings?side=received')).json().items).toEqual([]);
    expect((await b.get('/api/v1/admin/publication/filings?side=filed')).json().items).toEqual([]);
    expect(
      (await b.post(`/api/v1/admin/publication/filings/${id}/review`, { decision: 'reviewed' })).json().code,
    ).toBe('FILING_NOT_FOUND');
    // the filer cannot review its own filing
    expect(
      (await a.post(`/api/v1/admin/publication/filings/${id}/review`, { decision: 'reviewed' })).statusCode,
    ).toBe(404);
    const gov = as(app, await loginAs(app, 'gkbGov'));
    // the parent government's office does not see deptA's filings as its own, nor can it file for deptA
    expect((await gov.get('/api/v1/admin/publication/filings?side=filed')).json().items).toEqual([]);
    expect((await gov.post('/api/v1/admin/publication/filings', { ...body, reportNo: 'y' })).statusCode).toBe(
      403,
    );
    const received = (await gov.get('/api/v1/admin/publication/filings?side=received')).json().items;
    expect(received.map((f: { id: number; agencyName: string }) => [f.id, f.agencyName])).toEqual([
      [id, '测试县司法局'],
    ]);
    expect(
      (
        await gov.post(`/api/v1/admin/publication/filings/${id}/review`, {
          decision: 'correction_required',
          note: '文号格式不规范',
        })
      ).statusCode,
    ).toBe(200);
    const mine = (await a.get('/api/v1/admin/publication/filings?side=filed')).json().items[0];
    expect(mine).toMatchObject({
      status: 'correction_required',
      statusLabel: '要求纠正',
      reviewNote: '文号格式不规范',
    });
    // already decided: a second review is refused until the office refiles
    expect(
      (await gov.post(`/api/v1/admin/publication/filings/${id}/review`, { decision: 'reviewed' })).json()
        .code,
    ).toBe('FILING_INVALID_TRANSITION');
    expect(
      (
        await a.post(`/api/v1/admin/publication/filings/${id}/refile`, {
          reportNo: '测司备〔2026〕2号',
          filedOn: '2026-03-02',
        })
      ).statusCode,
    ).toBe(200);
    await gov.post(`/api/v1/admin/publication/filings/${id}/review`, {
      decision: 'reviewed',
      note: '同意备案',
    });
    expect((await a.get('/api/v1/admin/publication/filings?side=filed')).json().items[0]).toMatchObject({
      status: 'reviewed',
      reportNo: '测司备〔2026〕2号',
    });
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'item_filing')
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      'filing.filed',
      'filing.correction_required',
      'filing.refiled',
      'filing.reviewed',
    ]);
  });

  it('《县局政务公开制度汇编》 "分年度统一归档": the volume lists every item of the year (withheld, on-request and internal too), is closed after the year ends, frozen, and exported', async () => {
    const pub = await item({ title: '年度工作要点' });
    const withheld = await item({
      title: '不予公开的请示',
      attribute: 'not_public',
      nonDisclosureGround: 'process',
      status: 'withheld',
      publishedOn: null,
      generatedOn: '2025-06-01',
    });
    const internal = await item({
      title: '机关内部公开的采购事项',
      scope: 'internal',
      publishedOn: '2025-09-01',
    });
    await item({ title: '上一年度的信息', generatedOn: '2024-05-01', publishedOn: '2024-05-03' });
    await item({ title: '仍在草稿中的信息', status: 'draft', publishedOn: null });
    await publicationRepository.insertAttachment(t.deps.db, {
      itemId: pub.id,
      name: '附件.pdf',
      mime: 'application/pdf',
      size: 4,
      sha256: 'x',
      contentB64: 'JVBERg==',
      text: '',
      publicVisible: 1,
      createdAt: '2025-03-05T00:00:00.000Z',
    });
    const a = as(app, await loginAs(app, 'daA'));
    const built = await a.post(`/api/v1/admin/publication/agencies/${county.deptA.id}/archive/volumes`, {
      year: 2025,
    });
    expect(built.statusCode).toBe(200);
    expect(built.json()).toMatchObject({ year: 2025, status: 'open', itemCount: 3 });
    const vid = built.json().id as number;
    const v = (await a.get(`/api/v1/admin/publication/archive/volumes/${vid}`)).json();
    expect(v.items.map((i: { itemId: number }) => i.itemId)).toEqual([pub.id, withheld.id, internal.id]);
    expect(v.items[0]).toMatchObject({
      position: 1,
      attachmentCount: 1,
      docNo: pub.docNo,
      indexNo: pub.indexNo,
    });

    // the archive is internal: another agency and even the supervising government cannot read it
    for (const u of ['gkbB', 'gkbGov']) {
      const o = as(app, await loginAs(app, u));
      expect((await o.get(`/api/v1/admin/publication/archive/volumes/${vid}`)).statusCode).toBe(404);
      expect(
        (await o.get(`/api/v1/admin/publication/archive/volumes/${vid}/export?format=xlsx`)).statusCode,
      ).toBe(404);
      expect(
        (await o.get(`/api/v1/admin/publication/agencies/${county.deptA.id}/archive/volumes`)).statusCode,
      ).toBe(403);
      expect(
        (
          await o.post(`/api/v1/admin/publication/agencies/${county.deptA.id}/archive/volumes`, {
            year: 2025,
          })
        ).statusCode,
      ).toBe(403);
    }
    // a drafter reads but does not manage the archive
    const d = as(app, await loginAs(app, 'ngrA'));
    expect((await d.post(`/api/v1/admin/publication/archive/volumes/${vid}/close`)).statusCode).toBe(403);

    // the current year cannot be closed yet
    const cur = (
      await a.post(`/api/v1/admin/publication/agencies/${county.deptA.id}/archive/volumes`, { year: 2026 })
    ).json();
    expect((await a.post(`/api/v1/admin/publication/archive/volumes/${cur.id}/close`)).json().code).toBe(
      'VOLUME_YEAR_NOT_ENDED',
    );

    // an item added later is picked up at closing; then the volume is frozen
    await item({ title: '补充归档的信息', publishedOn: '2025-12-30' });
    const closed = (await a.post(`/api/v1/admin/publication/archive/volumes/${vid}/close`)).json();
    expect(closed).toMatchObject({ status: 'closed', itemCount: 4, closedOn: '2026-03-02' });
    await item({ title: '封卷后才录入的信息', publishedOn: '2025-12-31' });
    expect(
      (
        await a.post(`/api/v1/admin/publication/agencies/${county.deptA.id}/archive/volumes`, { year: 2025 })
      ).json().code,
    ).toBe('VOLUME_CLOSED');
    expect((await a.get(`/api/v1/admin/publication/archive/volumes/${vid}`)).json().items).toHaveLength(4);

    const xlsx = await a.get(`/api/v1/admin/publication/archive/volumes/${vid}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('卷内目录.xlsx'));
    const sheet = unzipEntry(xlsx.rawPayload, 'xl/sharedStrings.xml');
    expect(sheet).toContain('不予公开的请示');
    expect(sheet).toContain('机关内部公开的采购事项');
    expect(sheet).not.toContain('封卷后才录入的信息');
    const docx = await a.get(`/api/v1/admin/publication/archive/volumes/${vid}/export?format=docx`);
    const doc = unzipEntry(docx.rawPayload, 'word/document.xml');
    expect(doc).toContain('政务公开档案');
    expect(doc).toContain('卷内件数：4件');
    expect(doc).toContain('补充归档的信息');

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'archive_volume')
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toContain('archive.volume_closed');
  });

  it('R.25 hand-over log: a closed volume is handed to the archive and the library; the self-inspection report takes the count from the log', async () => {
    await item();
    await item();
    await item({
      attribute: 'not_public',
      status: 'withheld',
      publishedOn: null,
      nonDisclosureGround: 'process',
    });
    await item({ scope: 'internal' });
    const a = as(app, await loginAs(app, 'gkbA'));
    const path = `/api/v1/admin/publication/agencies/${county.deptA.id}/archive`;
    const vid = (await a.post(`${path}/volumes`, { year: 2025 })).json().id as number;
    const h = {
      year: 2025,
      volumeId: vid,
      recipientKind: 'state_archive',
      institution: '测试县档案馆',
      handedOn: '2026-03-02',
      receiptNo: 'DA-2026-001',
    };
    expect((await a.post(`${path}/handovers`, h)).json().code).toBe('HANDOVER_VOLUME_NOT_CLOSED');
    await a.post(`/api/v1/admin/publication/archive/volumes/${vid}/close`);
    const toArchive = await a.post(`${path}/handovers`, h);
    expect(toArchive.statusCode).toBe(201);
    // only the proactively disclosed public items of the volume are sent (R.25)
    expect(toArchive.json()).toMatchObject({
      itemCount: 2,
      recipientLabel: '国家档案馆',
      receiptNo: 'DA-2026-001',
    });
    const noCount = await a.post(`${path}/handovers`, {
      year: 2025,
      recipientKind: 'public_library',
      institution: '测试县图书馆',
      handedOn: '2026-03-03',
    });
    expect(noCount.statusCode).toBe(400);
    expect(noCount.json().fields[0].label).toBe('移交条数');
    await a.post(`${path}/handovers`, {
      year: 2025,
      recipientKind: 'public_library',
      institution: '测试县图书馆',
      handedOn: '2026-03-03',
      itemCount: 2,
    });
    const list = (await a.get(`${path}/handovers?year=2025`)).json().items;
    expect(list.map((x: { institution: string }) => x.institution)).toEqual(['测试县图书馆', '测试县档案馆']);
    const b = as(app, await loginAs(app, 'gkbB'));
    expect((await b.get(`${path}/handovers`)).statusCode).toBe(403);
    expect((await b.post(`${path}/handovers`, { ...h, volumeId: null, itemCount: 1 })).statusCode).toBe(403);

    const self = (await a.get(`/api/v1/admin/self-inspection/${county.deptA.id}/2025`)).json();
    expect(self.figures.sentToArchives).toBe(2);
    expect(self.narrative.overview).toContain('向档案馆、图书馆报送主动公开信息2条');
  });

  it('《省司法厅信息公开指南》: an item past online retention says it is archived and links to a prefilled application', async () => {
    const old = await item({
      title: '2024年<春季>工作动态',
      publishedOn: '2024-03-05',
      generatedOn: '2024-03-01',
    });
    const fresh = await item({ publishedOn: '2026-02-01' });
    const page = await app.inject({ url: `/d/${old.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本信息已超过网上公开留存期');
    expect(page.body).toContain(
      `href="/a/${county.deptA.code}/apply?title=${encodeURIComponent('2024年<春季>工作动态')}&amp;ref=${encodeURIComponent(old.indexNo!)}"`,
    );
    expect((await app.inject({ url: `/d/${fresh.id}` })).body).not.toContain('网上公开留存期');

    const form = await app.inject({
      url: `/a/${county.deptA.code}/apply?title=${encodeURIComponent('2024年<春季>工作动态')}&ref=${encodeURIComponent(old.indexNo!)}`,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2024年&lt;春季&gt;工作动态"');
    expect(form.body).toContain(`value="${old.indexNo}"`);
    expect(form.body).toContain('申请获取已超过网上公开留存期的主动公开信息《2024年&lt;春季&gt;工作动态》');
    expect(form.body).not.toContain('<春季>');
  });
});
