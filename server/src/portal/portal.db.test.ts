/** The public portal: server-rendered, no scripts, escaped, only public agencies, accessible modes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeAgency, makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('public portal (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('the region home lists the agencies and carries the website meta tags; it needs no JavaScript', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(county.deptA.name);
    expect(res.body).toContain('<meta name="SiteName" content="测试县政府信息公开">');
    expect(res.body).toContain('<meta name="ColumnName" content="首页">');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('href="#main"');
    expect(res.body).toContain('lang="zh-CN"');
  });

  it("an agency home shows the five 专栏 columns and the guide shows the agency's contact details", async () => {
    const home = await app.inject(`/a/${county.deptA.code}/`);
    for (const c of [
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开年报',
      '依申请公开',
    ])
      expect(home.body).toContain(c);
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    await as(app, await loginAs(app, 'root')).patch(`/api/v1/admin/agencies/${county.deptA.id}`, {
      address: '人民路 8 号',
      officeHours: '周一至周五 8:30—17:30',
      phone: '0878-6120123',
    });
    const guide = await app.inject(`/a/${county.deptA.code}/guide`);
    expect(guide.body).toContain('人民路 8 号');
    expect(guide.body).toContain('0878-6120123');
    expect(guide.body).toContain('<meta name="ColumnType" content="信息公开指南">');
  });

  it('escapes names everywhere (no stored XSS through an agency name)', async () => {
    const evil = await makeAgency(t.deps, {
      kind: 'department',
      parentId: county.gov.id,
      name: '<script>alert(1)</script>局',
      code: 'evil',
    });
    for (const url of ['/', `/a/${evil.code}/`, `/a/${evil.code}/guide`, '/agencies']) {
      const res = await app.inject(url);
      expect(res.body, url).not.toContain('<script>alert(1)</script>');
      expect(res.body, url).toContain('&lt;script&gt;alert(1)&lt;/script&gt;局');
    }
  });

  it('internal units, regions and inactive agencies have no public page; the 404 page says so without details', async () => {
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    await as(app, await loginAs(app, 'root')).patch(`/api/v1/admin/agencies/${county.unitB.id}`, {
      active: false,
    });
    await as(app, await loginAs(app, 'root'))
      .patch(`/api/v1/admin/agencies/${county.deptB.id}`, { active: false })
      .then((r) => expect(r.statusCode).toBe(200));
    for (const code of [county.unitA.code, county.region.code, county.deptB.code]) {
      const res = await app.inject(`/a/${code}/`);
      expect(res.statusCode, code).toBe(404);
      expect(res.body).toContain('您访问的页面不存在或尚未公开');
    }
    expect((await app.inject('/')).body).not.toContain(county.deptB.name);
    const sitemap = (await app.inject('/sitemap.xml')).body;
    expect(sitemap).toContain(`/a/${county.deptA.code}/guide`);
    expect(sitemap).not.toContain(`/a/${county.deptB.code}/`);
    expect(sitemap).not.toContain(`/a/${county.unitA.code}/`);
  });

  it('large-text and high-contrast modes work without JavaScript (a link sets a cookie and returns)', async () => {
    const res = await app.inject(
      `/a11y?mode=large,contrast&return=${encodeURIComponent(`/a/${county.deptA.code}/`)}`,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/a/${county.deptA.code}/`);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const page = await app.inject({ url: `/a/${county.deptA.code}/`, headers: { cookie } });
    expect(page.body).toContain('<html lang="zh-CN" class="a11y-large a11y-contrast">');
    expect(page.body).toContain('标准字号');
    const offsite = await app.inject('/a11y?mode=large&return=//evil.example/');
    expect(offsite.headers.location).toBe('/');
  });

  it('serves the stylesheet with a content hash and long cache', async () => {
    const href = /href="(\/assets\/portal\.[0-9a-f]+\.css)"/.exec((await app.inject('/')).body)![1]!;
    const css = await app.inject(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('a11y-large');
  });
});
