/**
 * The reply letter draft (R.36–R.37 reply read before it leaves): built from the current decisions,
 * nothing stored or sent, refused while an item is undecided, and not readable across agencies.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe.each(dialects())('reply letter draft (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2025-09-26T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('R.37: the draft shows what is withheld and why; nothing is stored; refused while undecided; other agencies get nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: '钱七',
          idType: 'resident_id',
          idNumber: '11010519491231002X',
          phone: '13900000002',
        },
        items: [{ description: '2024年度行政许可台账' }, { description: '2024年度行政处罚决定书' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode).toBe(201);
    const { registrationNo } = res.json();
    const { id } = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    const office = as(app, await loginAs(app, 'officeA'));
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })).statusCode,
    ).toBe(200);
    const draftUrl = `/api/v1/admin/requests/${id}/reply-draft`;
    const undecided = await office.get(draftUrl);
    expect(undecided.json().code).toBe('REQUEST_ITEMS_UNDECIDED');

    const items = (await office.get(`/api/v1/admin/requests/${id}`)).json().items as { id: number }[];
    expect(
      (
        await office.put(`/api/v1/admin/requests/${id}/items/${items[0]!.id}/decision`, {
          code: 'disclosed',
          howToObtain: '网上下载',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await office.put(`/api/v1/admin/requests/${id}/items/${items[1]!.id}/decision`, {
          code: 'partially_disclosed',
          withheld: '当事人的住址和联系电话',
          reasons: '属于个人隐私',
          howToObtain: '网上下载',
        })
      ).statusCode,
    ).toBe(200);
    const draft = await office.get(draftUrl);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toContain('officedocument');
    const text = await docxText(draft.rawPayload);
    expect(text).toContain(registrationNo);
    expect(text).toContain('不予公开的部分：当事人的住址和联系电话');
    expect(text).toContain('属于个人隐私');
    expect(text).toContain('第三十七条');
    const letters = await t.deps.db
      .selectFrom('requestLetters')
      .select('kind')
      .where('applicationId', '=', id)
      .execute();
    expect(letters.map((l) => l.kind)).not.toContain('reply');

    const other = await as(app, await loginAs(app, 'officeB')).get(draftUrl);
    expect([403, 404]).toContain(other.statusCode);
    expect(other.body).not.toContain('当事人的住址');
  });
});
