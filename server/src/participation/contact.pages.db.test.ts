/**
 * The public side of contacts on both databases: the portal form (CSRF, Chinese field errors,
 * POST-redirect-GET to a receipt with the tracking code), the sender's tracking page showing the reply
 * only once the disclosure office approved it, the public ledger (approved and consented only, no
 * personal data), the satisfaction rating and the one re-answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;

describe.each(dialects())('contact portal pages (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-09') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const url = () => `/a/${county.deptA.code}/mailbox`;
  async function formToken(path = url(), existing?: string) {
    const res = await app.inject({ method: 'GET', url: path, headers: existing ? { cookie: existing } : {} });
    expect(res.statusCode).toBe(200);
    const cookie = existing ?? String(res.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
    return { cookie, token, html: res.body };
  }
  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  async function submit(fields: Record<string, string>) {
    const { cookie, token } = await formToken();
    const posted = await post(url(), cookie, { _csrf: token, ...fields });
    expect(posted.statusCode, posted.body).toBe(303);
    const receiptCookie = String(posted.headers['set-cookie'])
      .split(/,(?=\s*\w+=)/)
      .map((c) => c.trim().split(';')[0]!)
      .find((c) => c.startsWith('gk_mailbox='))!;
    const receipt = await app.inject({
      method: 'GET',
      url: String(posted.headers.location),
      headers: { cookie: `${cookie}; ${receiptCookie}` },
    });
    expect(receipt.statusCode).toBe(200);
    const [trackingNo, trackingCode] = decodeURIComponent(receiptCookie.split('=')[1]!).split('.');
    expect(receipt.body).toContain(trackingNo);
    expect(receipt.body).toContain(trackingCode);
    return { cookie, trackingNo: trackingNo!, trackingCode: trackingCode! };
  }

  async function track(cookie: string, trackingNo: string, trackingCode: string) {
    const { token } = await formToken('/mailbox/track', cookie);
    return post('/mailbox/track', cookie, { _csrf: token, trackingNo, trackingCode });
  }

  it('the form works without JavaScript: lang, labels, CSRF; errors name the field in Chinese and keep the text; a missing token is refused', async () => {
    const { html, cookie, token } = await formToken();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('<label for="subject">');
    expect(html).toContain('领导信箱');
    const noToken = await post(url(), cookie, { kind: 'complaint', subject: 'x', body: 'y' });
    expect(noToken.statusCode).toBe(403);
    const bad = await post(url(), cookie, {
      _csrf: token,
      kind: 'praise',
      subject: '',
      body: '我的问题',
      senderContact: 'not a phone',
      score_content: '9',
    });
    expect(bad.statusCode).toBe(400);
    for (const m of [
      '类别：请选择留言类别',
      '标题：不能为空',
      '联系方式：请填写电话号码或电子邮箱',
      '评分：请选择 1 至 5 分',
    ])
      expect(bad.body).toContain(m);
    expect(bad.body).toContain('我的问题');
    expect((await app.inject({ url: '/a/no-such-agency/mailbox' })).statusCode).toBe(404);
  });

  it('a message: receipt with the tracking code; the sender sees no reply until the office approves it; the ledger then shows it without the name; the sender rates it once', async () => {
    const { cookie, trackingNo, trackingCode } = await submit({
      kind: 'mailbox',
      subject: '建议公开乡镇低保名单更新时间',
      body: '希望每季度更新一次。',
      senderName: '王五',
      senderContact: '13700001111',
      publishConsent: '1',
    });
    expect(trackingNo).toMatch(/^XX2025-/);
    const row = await t.deps.db
      .selectFrom('participationContacts')
      .selectAll()
      .where('trackingNo', '=', trackingNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'mailbox',
      receivedOn: '2025-09-09',
      senderName: '王五',
      status: 'registered',
    });
    expect(row.trackingHash).not.toContain(trackingCode);

    const wrong = await track(cookie, trackingNo, 'WRONGCODE1');
    expect(wrong.statusCode).toBe(404);

    const office = as(app, await loginAs(app, 'officeA'));
    const drafter = as(app, await loginAs(app, 'drafterA'));
    await office.post(`/api/v1/admin/contacts/${row.id}/assign`, { unitId: county.unitA.id });
    await drafter.post(`/api/v1/admin/contacts/${row.id}/reply`, { text: '低保名单每季度第一个月更新。' });

    const drafted = await track(cookie, trackingNo, trackingCode);
    expect(drafted.statusCode).toBe(200);
    expect(drafted.body).toContain('尚未答复');
    expect(drafted.body).not.toContain('低保名单每季度第一个月更新');
    const ledgerBefore = await app.inject({ url: `${url()}/replies` });
    expect(ledgerBefore.body).not.toContain('建议公开乡镇低保名单更新时间');

    expect((await office.post(`/api/v1/admin/contacts/${row.id}/approve`)).statusCode).toBe(200);
    const answered = await track(cookie, trackingNo, trackingCode);
    expect(answered.body).toContain('低保名单每季度第一个月更新');
    expect(answered.body).toContain('action="/mailbox/rate"');
    const ledger = await app.inject({ url: `${url()}/replies` });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.body).toContain('建议公开乡镇低保名单更新时间');
    expect(ledger.body).toContain('低保名单每季度第一个月更新');
    expect(ledger.body).toContain('答复情况统计');
    expect(ledger.body).toMatch(/<td>测试县司法局办公室<\/td><td>1<\/td><td>1<\/td><td>100%<\/td>/);
    expect(ledger.body).not.toContain('王五');
    expect(ledger.body).not.toContain('13700001111');

    const { token } = await formToken('/mailbox/track', cookie);
    const noChoice = await post('/mailbox/rate', cookie, { _csrf: token, trackingNo, trackingCode });
    expect(noChoice.statusCode).toBe(400);
    expect(noChoice.body).toContain('满意度：请选择');
    const rated = await post('/mailbox/rate', cookie, {
      _csrf: token,
      trackingNo,
      trackingCode,
      satisfaction: 'satisfied',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.body).toContain('感谢您的评价');
    const twice = await post('/mailbox/rate', cookie, {
      _csrf: token,
      trackingNo,
      trackingCode,
      satisfaction: 'dissatisfied',
    });
    expect(twice.statusCode).toBe(409);
    const after = await t.deps.db
      .selectFrom('participationContacts')
      .select(['status', 'satisfaction'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'closed', satisfaction: 'satisfied' });
  });

  it('without consent nothing reaches the ledger; a dissatisfied sender asks once for a re-answer, with a new clock', async () => {
    const { cookie, trackingNo, trackingCode } = await submit({
      kind: 'consultation',
      subject: '如何申请查阅行政处罚决定书',
      body: '请告知途径。',
    });
    const row = await t.deps.db
      .selectFrom('participationContacts')
      .selectAll()
      .where('trackingNo', '=', trackingNo)
      .executeTakeFirstOrThrow();
    expect(row.dueOn).toBe('2025-09-23');
    const office = as(app, await loginAs(app, 'officeA'));
    await office.post(`/api/v1/admin/contacts/${row.id}/reply`, { text: '可通过依申请公开渠道申请。' });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA2',
    });
    expect(
      (await as(app, await loginAs(app, 'officeA2')).post(`/api/v1/admin/contacts/${row.id}/approve`))
        .statusCode,
    ).toBe(200);
    expect((await app.inject({ url: `${url()}/replies` })).body).not.toContain('如何申请查阅行政处罚决定书');

    t.clock.set(AT('2025-09-12'));
    const { token } = await formToken('/mailbox/track', cookie);
    const again = await post('/mailbox/rate', cookie, {
      _csrf: token,
      trackingNo,
      trackingCode,
      satisfaction: 'dissatisfied',
      askReanswer: '1',
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('重新答复申请');
    const reopened = await t.deps.db
      .selectFrom('participationContacts')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(reopened).toMatchObject({
      status: 'assigned',
      reanswerCount: 1,
      receivedOn: '2025-09-12',
      dueOn: '2025-09-26',
    });
    expect(reopened.firstReceivedOn).toBe('2025-09-09');
  });
});
