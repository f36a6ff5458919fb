/** The staff JSON API and the public document page over HTTP (both databases). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { makePipelineLogins } from './publication.test-support.ts';

const ID = '11010519491231002X';

describe.each(dialects())('publication API and document page (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makePipelineLogins(t.deps, county.deptA.id);
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'drafter' }], { username: 'other' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const body = (over: Record<string, unknown> = {}) => ({
    agencyId: county.deptA.id,
    title: '关于调整法律援助经济困难标准的通知',
    generatedOn: '2026-02-27',
    scope: 'public',
    attribute: 'proactive',
    docNo: '测司发〔2026〕5号',
    subjectCode: '16.03',
    bodyHtml: '<p>经研究，决定调整法律援助经济困难标准。</p><script>alert(1)</script>',
    ...over,
  });

  it('a bad field gets a Chinese error naming it; the body is sanitised; another agency cannot see the draft', async () => {
    const d = as(app, await loginAs(app, 'ngr'));
    const bad = await d.post('/api/v1/admin/publication/items', body({ generatedOn: '2026/02/27' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].label).toBe('成文日期');
    const noReason = await d.post('/api/v1/admin/publication/items', body({ attribute: 'not_public' }));
    expect(noReason.json().fields.map((f: { label: string }) => f.label)).toEqual(['不予主动公开的理由']);

    const ok = await d.post('/api/v1/admin/publication/items', body());
    expect(ok.statusCode).toBe(201);
    expect(ok.json().bodyHtml).not.toContain('<script');
    const other = as(app, await loginAs(app, 'other'));
    expect((await other.get(`/api/v1/admin/publication/items/${ok.json().id}`)).statusCode).toBe(404);
    expect((await other.post('/api/v1/admin/publication/items', body())).statusCode).toBe(403);
  });

  it('live scan endpoint; uploads are checked by magic bytes; staff writes need the CSRF token', async () => {
    const s = await loginAs(app, 'ngr');
    const d = as(app, s);
    const scan = await d.post('/api/v1/admin/publication/scan', {
      title: '通知',
      bodyHtml: `<p>身份证${ID}</p>`,
    });
    expect(scan.json().findings.map((f: { kind: string }) => f.kind)).toEqual(['resident_id']);
    const item = (await d.post('/api/v1/admin/publication/items', body())).json();
    const fake = await d.post(`/api/v1/admin/publication/items/${item.id}/attachments`, {
      name: '名单.pdf',
      contentBase64: Buffer.from('MZ this is an exe').toString('base64'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/publication/items',
      headers: { cookie: s.cookie },
      payload: body(),
    });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('the full pipeline over HTTP; the document page carries the metadata table, 2017 meta tags, print view and validity banner', async () => {
    const d = as(app, await loginAs(app, 'ngr'));
    const ld = as(app, await loginAs(app, 'ld'));
    const bm = as(app, await loginAs(app, 'bm'));
    const gkb = as(app, await loginAs(app, 'gkb'));
    const mk = async (title: string) => {
      const item = (await d.post('/api/v1/admin/publication/items', body({ title }))).json();
      expect(
        (await d.post(`/api/v1/admin/publication/items/${item.id}/submit`, { opinion: '建议主动公开' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await ld.post(`/api/v1/admin/publication/items/${item.id}/leader-review`, { decision: 'approve' }))
          .statusCode,
      ).toBe(200);
      const rv = await bm.post(`/api/v1/admin/publication/items/${item.id}/office-review`, {
        conclusion: 'public',
        basis: '保密法',
        reason: '不涉密',
      });
      expect(rv.json().status).toBe('approval');
      const pub = await ld.post(`/api/v1/admin/publication/items/${item.id}/approve`, {
        decision: 'approve',
      });
      expect(pub.json().status).toBe('published');
      return pub.json();
    };
    const old = await mk('关于调整法律援助经济困难标准的通知');
    const neu = await mk('关于调整法律援助经济困难标准的通知（2026年修订）');
    const v = await gkb.post(`/api/v1/admin/publication/items/${old.id}/validity`, {
      validity: 'abolished',
      note: '已被新通知替代',
      replacedById: neu.id,
    });
    expect(v.json().validity).toBe('abolished');

    const page = await app.inject(`/d/${old.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta name="ArticleTitle" content="关于调整法律援助经济困难标准的通知">');
    expect(page.body).toMatch(/<meta name="PubDate" content="2026-03-02 \d\d:\d\d">/);
    expect(page.body).toContain('<meta name="ContentSource" content="测试县司法局">');
    expect(page.body).toContain(`<th scope="row">索引号</th><td>${old.indexNo}</td>`);
    expect(page.body).toContain('公安、安全、司法\\司法');
    expect(page.body).toContain('本文件已废止');
    expect(page.body).toContain(`href="/d/${neu.id}"`);
    expect(page.body).not.toMatch(/<script/i);
    expect((await app.inject(`/d/${old.id}?print=1`)).body).toContain('返回正常视图');

    const catalog = await app.inject(`/a/${county.deptA.code}/catalog`);
    expect(catalog.body).toContain('法定主动公开内容');
    expect(catalog.body).toContain('行政法规、规章和规范性文件');
    const search = await app.inject(`/search?q=${encodeURIComponent('援助')}&validity=valid`);
    expect(search.body).toContain(`href="/d/${neu.id}"`);
    expect(search.body).not.toContain(`href="/d/${old.id}"`);
  });

  it('search output is escaped: a query with markup is shown as text', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
