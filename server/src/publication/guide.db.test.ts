/**
 * The guide (政府信息公开指南, R.12) as a versioned document: staff draft → publish versions (audited),
 * portal shows the latest with its number and date and the history (no JS, escaped), yearly review
 * and contact-change reminders on the staff screen and the dashboard. Both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('guide versions (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  const base = () => `/api/v1/admin/publication/agencies/${county.deptA.id}/guide`;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await t.deps.db
      .updateTable('agencies')
      .set({
        address: '测试县人民路1号',
        phone: '0591-1234567',
        fax: '0591-7654321',
        officeHours: '工作日 8:30-17:30',
      })
      .where('id', '=', county.deptA.id)
      .execute();
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], { username: 'gkb' });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter' }], { username: 'ngr' });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'gkbB' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], { username: 'gkbGov' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('R.12: a new draft is prefilled from the agency record; publishing makes numbered versions, audited, and the portal shows the latest and the history', async () => {
    let s = as(app, await loginAs(app, 'gkb'));
    const ws = (await s.get(base())).json();
    expect(ws.versions).toEqual([]);
    expect(ws.draftSaved).toBe(false);
    expect(ws.review).toMatchObject({ due: true, reasons: ['never_published'] });
    const application = ws.draft.sections.find((x: { key: string }) => x.key === 'application');
    expect(application.text).toContain('办公地址：测试县人民路1号');
    expect(application.text).toContain('传真号码：0591-7654321');
    expect(ws.draft.sections.map((x: { key: string }) => x.key)).toEqual([
      'overview',
      'scope',
      'proactive',
      'application',
      'fees',
      'remedies',
    ]);

    // publishing needs a saved draft
    expect((await s.post(`${base()}/publish`)).json().code).toBe('GUIDE_DRAFT_MISSING');
    const sections = ws.draft.sections.map((x: { key: string; text: string }) =>
      x.key === 'overview' ? { ...x, text: '第一版概述<script>alert(1)</script>' } : x,
    );
    expect((await s.put(`${base()}/draft`, { sections })).statusCode).toBe(200);
    const v1 = (await s.post(`${base()}/publish`)).json();
    expect(v1.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(v1.versions[0]).toMatchObject({ publishedOn: '2026-03-02', nextReviewOn: '2027-03-02' });
    expect(v1.review.due).toBe(false);

    t.clock.set('2026-06-01T02:00:00.000Z');
    s = as(app, await loginAs(app, 'gkb')); // the earlier session has expired
    const s2 = sections.map((x: { key: string; text: string }) =>
      x.key === 'overview' ? { ...x, text: '第二版概述\n新增一段说明' } : x,
    );
    await s.put(`${base()}/draft`, { sections: s2 });
    const v2 = (await s.post(`${base()}/publish`)).json();
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'guide')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'guide.draft_saved',
      'guide.published',
      'guide.draft_saved',
      'guide.published',
    ]);

    const diff = (await s.get(`${base()}/diff?from=1&to=2`)).json();
    const overview = diff.find((d: { key: string }) => d.key === 'overview');
    expect(overview.lines).toEqual([
      { kind: 'removed', text: '第一版概述<script>alert(1)</script>' },
      { kind: 'added', text: '第二版概述' },
      { kind: 'added', text: '新增一段说明' },
    ]);

    // portal: latest version with number and date, history links, old version viewable, no JS, escaped
    const page = await app.inject({ url: `/a/${county.deptA.code}/guide` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('第 2 版 · 发布日期 2026年6月1日');
    expect(page.body).toContain('第二版概述');
    expect(page.body).toContain('0591-1234567');
    expect(page.body).toContain(`href="/a/${county.deptA.code}/guide/v/1"`);
    expect(page.body).not.toContain('<script');
    const old = await app.inject({ url: `/a/${county.deptA.code}/guide/v/1` });
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('第一版概述&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(old.body).toContain('本版本已被新版本替代');
    expect(old.body).not.toContain('<script');
    expect((await app.inject({ url: `/a/${county.deptA.code}/guide/v/9` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/a/${county.deptA.code}/guide/v/abc` })).statusCode).toBe(404);
  });

  it('only the disclosure office edits; another agency cannot read or edit the guide', async () => {
    const drafter = as(app, await loginAs(app, 'ngr'));
    expect((await drafter.get(base())).statusCode).toBe(200);
    const ws = (await drafter.get(base())).json();
    expect((await drafter.put(`${base()}/draft`, { sections: ws.draft.sections })).statusCode).toBe(403);
    const other = as(app, await loginAs(app, 'gkbB'));
    expect((await other.get(base())).statusCode).toBe(403);
    expect((await other.put(`${base()}/draft`, { sections: ws.draft.sections })).statusCode).toBe(403);
    expect((await other.post(`${base()}/publish`)).statusCode).toBe(403);
    // the parent government's office reads the department's guide but keeps only its own
    const gov = as(app, await loginAs(app, 'gkbGov'));
    expect((await gov.get(base())).statusCode).toBe(200);
    expect((await gov.put(`${base()}/draft`, { sections: ws.draft.sections })).statusCode).toBe(403);
    const bad = await as(app, await loginAs(app, 'gkb')).put(`${base()}/draft`, {
      sections: [{ key: 'overview', heading: '一、概述', text: '' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].label).toBe('章节内容');
  });

  it('《省司法厅政务公开意见》 "每年更新一次": after 12 months, or when the agency contact data changes, the staff screen and the dashboard warn', async () => {
    let s = as(app, await loginAs(app, 'gkb'));
    const dash = async () =>
      (await s.get('/api/v1/admin/dashboard')).json().warnings.map((w: { code: string }) => w.code);
    expect(await dash()).toContain('GUIDE_REVIEW_DUE');
    const ws = (await s.get(base())).json();
    await s.put(`${base()}/draft`, { sections: ws.draft.sections });
    await s.post(`${base()}/publish`);
    expect(await dash()).not.toContain('GUIDE_REVIEW_DUE');

    await t.deps.db
      .updateTable('agencies')
      .set({ phone: '0591-9999999' })
      .where('id', '=', county.deptA.id)
      .execute();
    const changed = (await s.get(base())).json().review;
    expect(changed).toEqual({ due: true, reasons: ['contact_changed'], changedFields: ['phone'] });
    expect(await dash()).toContain('GUIDE_REVIEW_DUE');
    await s.put(`${base()}/draft`, { sections: ws.draft.sections });
    await s.post(`${base()}/publish`);
    expect((await s.get(base())).json().review.due).toBe(false);

    t.clock.set('2027-03-02T02:00:00.000Z');
    s = as(app, await loginAs(app, 'gkb')); // the earlier session has expired
    expect((await s.get(base())).json().review).toMatchObject({ due: true, reasons: ['review_due'] });
    expect(await dash()).toContain('GUIDE_REVIEW_DUE');
    // a drafter is not the disclosure office: no guide warning for them
    const d = as(app, await loginAs(app, 'ngr'));
    const codes = (await d.get('/api/v1/admin/dashboard'))
      .json()
      .warnings.map((w: { code: string }) => w.code);
    expect(codes).not.toContain('GUIDE_REVIEW_DUE');
  });
});
