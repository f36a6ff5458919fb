/**
 * Joint information (docs/product.md §2.3: "the lead agency reviews and needs written consent of the
 * others"), local subject categories ("22 subject categories with their second level, extensible")
 * and the 20-working-day catalog update warning on the dashboard (docs/product.md §2.2) — over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { makePipelineLogins } from './publication.test-support.ts';

describe.each(dialects())('joint consent, local subjects, catalog update warning (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makePipelineLogins(t.deps, county.deptA.id);
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'gkbB' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('joint information is blocked until every co-producer consented; saving the draft keeps recorded consent', async () => {
    const d = as(app, await loginAs(app, 'ngr'));
    const body = {
      agencyId: county.deptA.id,
      title: '关于联合开展法治宣传进市场活动的通知',
      generatedOn: '2026-02-27',
      scope: 'public',
      attribute: 'proactive',
      bodyHtml: '<p>联合开展活动。</p>',
      jointAgencyIds: [county.deptB.id, county.gov.id],
    };
    const item = (await d.post('/api/v1/admin/publication/items', body)).json();
    expect(item.jointAgencies.map((j: { consentedOn: null }) => j.consentedOn)).toEqual([null, null]);
    const options = (await d.get('/api/v1/admin/publication/agency-options')).json().items;
    expect(options.map((o: { id: number }) => o.id)).toEqual(
      expect.arrayContaining([county.deptB.id, county.gov.id]),
    );

    const future = await d.post(`/api/v1/admin/publication/items/${item.id}/joint-consents`, {
      agencyId: county.deptB.id,
      consentedOn: '2026-03-09',
      note: '测市监函〔2026〕3号',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].label).toBe('同意日期');
    const ok = await d.post(`/api/v1/admin/publication/items/${item.id}/joint-consents`, {
      agencyId: county.deptB.id,
      consentedOn: '2026-02-28',
      note: '测市监函〔2026〕3号',
      signedBy: '李局长',
    });
    expect(ok.statusCode).toBe(200);
    // saving the draft again (same co-producers) keeps the consent already recorded
    await d.put(`/api/v1/admin/publication/items/${item.id}`, body);
    const view = (await d.get(`/api/v1/admin/publication/items/${item.id}`)).json();
    expect(
      view.jointAgencies.find((j: { agencyId: number }) => j.agencyId === county.deptB.id),
    ).toMatchObject({
      consentedOn: '2026-02-28',
      consentNote: '测市监函〔2026〕3号（同意人：李局长）',
    });

    const ld = as(app, await loginAs(app, 'ld'));
    const bm = as(app, await loginAs(app, 'bm'));
    await d.post(`/api/v1/admin/publication/items/${item.id}/submit`, { opinion: '建议主动公开' });
    await ld.post(`/api/v1/admin/publication/items/${item.id}/leader-review`, { decision: 'approve' });
    await bm.post(`/api/v1/admin/publication/items/${item.id}/office-review`, {
      conclusion: 'public',
      basis: '保密法',
      reason: '不涉密',
    });
    const blocked = await ld.post(`/api/v1/admin/publication/items/${item.id}/approve`, {
      decision: 'approve',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('ITEM_JOINT_CONSENT_MISSING');
    await d.post(`/api/v1/admin/publication/items/${item.id}/joint-consents`, {
      agencyId: county.gov.id,
      consentedOn: '2026-03-02',
      note: '测政办函〔2026〕1号',
    });
    const published = await ld.post(`/api/v1/admin/publication/items/${item.id}/approve`, {
      decision: 'approve',
    });
    expect(published.json().status).toBe('published');
  });

  it('an agency extends the taxonomy with its own second-level subjects; another agency does not see them', async () => {
    const gkb = as(app, await loginAs(app, 'gkb'));
    const base = `/api/v1/admin/publication/agencies/${county.deptA.id}/subjects`;
    const r1 = await gkb.post(base, { parentCode: '02', name: '乡村振兴' });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toEqual({ code: '02.L01', parentCode: '02', name: '乡村振兴' });
    expect((await gkb.post(base, { parentCode: '02', name: '乡村振兴' })).statusCode).toBe(400);
    expect((await gkb.post(base, { parentCode: '99', name: '救灾' })).json().fields[0].label).toBe(
      '一级分类',
    );
    expect((await gkb.post(base, { parentCode: '02', name: '救灾' })).json().code).toBe('02.L02');
    const tree = (await gkb.get(base)).json().subjects;
    expect(tree.find((s: { code: string }) => s.code === '02').children.slice(-2)).toEqual([
      { code: '02.L01', name: '乡村振兴' },
      { code: '02.L02', name: '救灾' },
    ]);
    const other = as(app, await loginAs(app, 'gkbB'));
    expect((await other.post(base, { parentCode: '02', name: '民政' })).statusCode).toBe(403);
    const otherTree = (
      await other.get(`/api/v1/admin/publication/agencies/${county.deptB.id}/subjects`)
    ).json();
    expect(otherTree.local).toEqual([]);
    // a draft may use the local subject
    const d = as(app, await loginAs(app, 'ngr'));
    const item = await d.post('/api/v1/admin/publication/items', {
      agencyId: county.deptA.id,
      title: '乡村振兴法律服务',
      generatedOn: '2026-02-27',
      scope: 'public',
      attribute: 'proactive',
      bodyHtml: '<p>正文</p>',
      subjectCode: '02.L01',
    });
    expect(item.statusCode).toBe(201);
  });

  it('docs/product.md §2.2: a catalog change not reflected within 20 working days warns on the dashboard', async () => {
    const gkb = as(app, await loginAs(app, 'gkb'));
    const codes = async () =>
      (await gkb.get('/api/v1/admin/dashboard')).json().warnings.map((w: { code: string }) => w.code);
    const catalog = (await gkb.get(`/api/v1/admin/publication/agencies/${county.deptA.id}/catalog`)).json()
      .items;
    expect(await codes()).not.toContain('CATALOG_UPDATE_DUE');
    const entry = catalog.find((e: { code: string }) => e.code === 'xzzf') ?? catalog[3];
    // a change announced to take effect on 2026-03-03: due 20 working days later, 3 March is still
    // pending in the catalog (recorded ahead of time) — due soon only within the last five working days
    const save = (changedOn: string) =>
      gkb.put(`/api/v1/admin/publication/agencies/${county.deptA.id}/catalog/${entry.id}`, {
        parentId: entry.parentId,
        code: entry.code,
        name: entry.name,
        matter: '行政处罚决定（变更后）',
        timeLimit: entry.timeLimit,
        form: entry.form,
        permanent: entry.permanent,
        changedOn,
      });
    expect((await save('2026-03-03')).statusCode).toBe(200);
    expect(await codes()).not.toContain('CATALOG_UPDATE_DUE');
    await t.deps.db
      .updateTable('catalogEntries')
      .set({ updateDueOn: '2026-03-05' })
      .where('id', '=', entry.id)
      .execute();
    expect(await codes()).toContain('CATALOG_UPDATE_DUE');
    // a change dated long ago that the catalog still does not reflect (recorded as of a later date) is overdue
    await t.deps.db
      .updateTable('catalogEntries')
      .set({ changedOn: '2026-01-05', updateDueOn: '2026-02-02', catalogUpdatedOn: '2026-01-04' })
      .where('id', '=', entry.id)
      .execute();
    expect(await codes()).toContain('CATALOG_UPDATE_OVERDUE');
    // updating the entry now reflects the change: no warning
    expect((await save('2026-03-02')).statusCode).toBe(200);
    expect(await codes()).not.toContain('CATALOG_UPDATE_OVERDUE');
  });
});
