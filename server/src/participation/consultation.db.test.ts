/**
 * Public comment on drafts against both databases: the period rules with the article or measure they
 * come from, the draft split into articles, portal comments (POST-redirect-GET, form token), moderation
 * with the reason shown to the commenter, the adoption ledger and its published counts, the public
 * never seeing private data or unpublished comments, access (only the agency's own staff act; a
 * supervising office reads, masked), the overdue-summary flag, and the audit trail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGULATION_2019 } from '../agencies/rule-profile.ts';
import { type App, buildApp } from '../http/build-app.ts';
import { insertPublishedBatch } from '../publication/publication.bulk.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs, type Session } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { overdueSummaries } from './consultation.service.ts';

/** 10:00 Beijing time on a date. */
const AT = (date: string) => `${date}T02:00:00.000Z`;

const DRAFT = `某县城市养犬管理办法（征求意见稿）
第一章 总则
第一条 为了规范养犬行为，保障公民健康和人身安全，制定本办法。
第二条 本办法适用于本县城市建成区内的养犬管理。
本办法所称养犬管理，包括登记、免疫和收容。
第二章 登记
第三条 养犬人应当自取得犬只之日起三十日内办理登记。`;

const NAME = '王小明';
const PHONE = '13900001111';

describe.each(dialects())('意见征集 (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let office: Session;
  let drafter: Session;
  let supervisor: Session;
  let other: Session;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2026-11-02') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
      username: 'govOffice',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    office = await loginAs(app, 'officeA');
    drafter = await loginAs(app, 'drafterA');
    supervisor = await loginAs(app, 'govOffice');
    other = await loginAs(app, 'officeB');
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const base = (over: Record<string, unknown> = {}) => ({
    agencyId: county.deptA.id,
    kind: 'major_decision',
    title: '某县城市养犬管理办法（征求意见稿）',
    draftText: DRAFT,
    explanation: '为解决城市养犬扰民问题，起草本办法。',
    startsOn: '2026-11-02',
    endsOn: '2026-12-01',
    channels: ['portal', 'letter', 'email'],
    contactEmail: 'yj@example.gov.cn',
    ...over,
  });

  /** Moves the clock (sessions idle out over weeks: everyone logs in again). */
  async function travel(date: string) {
    t.clock.set(AT(date));
    office = await loginAs(app, 'officeA');
    drafter = await loginAs(app, 'drafterA');
    supervisor = await loginAs(app, 'govOffice');
    other = await loginAs(app, 'officeB');
  }

  async function openOne(over: Record<string, unknown> = {}) {
    const r = await as(app, drafter).post('/api/v1/admin/consultations', base(over));
    expect(r.statusCode, r.body).toBe(200);
    const id = r.json().id as number;
    const o = await as(app, office).post(`/api/v1/admin/consultations/${id}/open`);
    expect(o.statusCode, o.body).toBe(200);
    return o.json();
  }

  const post = (url: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  async function formOf(url: string) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
    return { cookie, token, html: res.body };
  }

  /** Comments from the portal form; returns the comment number and tracking code from the receipt. */
  async function commentFromPortal(id: number, fields: Record<string, string>) {
    const page = `/a/${county.deptA.code}/consultations/${id}`;
    const { cookie, token } = await formOf(page);
    const res = await post(`${page}/comments`, cookie, { _csrf: token, ...fields });
    expect(res.statusCode, res.body).toBe(303);
    const receiptCookie = String(res.headers['set-cookie'])
      .split(/,(?=\s*\w+=)/)
      .map((c) => c.trim().split(';')[0]!)
      .find((c) => c.startsWith('gk_comment='))!;
    const receipt = await app.inject({
      method: 'GET',
      url: String(res.headers.location),
      headers: { cookie: `${cookie}; ${receiptCookie}` },
    });
    expect(receipt.statusCode).toBe(200);
    const [, no, code] = /gk_comment=(\d+)\.([A-Z0-9]{10})/.exec(receiptCookie)!;
    expect(receipt.body).toContain(code);
    return { no: Number(no), code: code! };
  }

  it('period rules: 30 days for a major decision (条例第十四条), 7 working days for a normative document (国办发〔2018〕37号), shorter only with a reason', async () => {
    const short = await as(app, drafter).post('/api/v1/admin/consultations', base({ endsOn: '2026-11-30' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('CONSULTATION_PERIOD_TOO_SHORT');
    expect(short.json().message).toContain('《重大行政决策程序暂行条例》第十四条');
    expect(short.json().message).toContain('29日');
    expect(short.json().fields[0].field).toBe('shortReason');
    expect(short.json().fields[0].label).toBe('缩短期限的理由');

    const withReason = await as(app, drafter).post(
      '/api/v1/admin/consultations',
      base({ endsOn: '2026-11-20', shortReason: '汛期前须完成，情况紧急' }),
    );
    expect(withReason.statusCode, withReason.body).toBe(200);
    expect(withReason.json().period).toMatchObject({
      length: 19,
      minimum: 30,
      short: true,
      unit: 'calendar',
    });

    // 2026-11-02 (Mon) .. 11-10 (Tue): 7 working days; .. 11-09: 6
    const normative = { kind: 'normative_document', startsOn: '2026-11-02' };
    const ok = await as(app, drafter).post(
      '/api/v1/admin/consultations',
      base({ ...normative, endsOn: '2026-11-10' }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().period).toMatchObject({ length: 7, minimum: 7, unit: 'working', short: false });
    const six = await as(app, drafter).post(
      '/api/v1/admin/consultations',
      base({ ...normative, endsOn: '2026-11-09' }),
    );
    expect(six.statusCode).toBe(400);
    expect(six.json().message).toContain('国办发〔2018〕37号');
    expect(six.json().message).toContain('6个工作日');

    const badDate = await as(app, drafter).post(
      '/api/v1/admin/consultations',
      base({ endsOn: '2026-02-30' }),
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('截止日期');

    // the reason is shown on the portal beside the period
    await as(app, office).post(`/api/v1/admin/consultations/${withReason.json().id}/open`);
    const page = await app.inject({ url: `/a/${county.deptA.code}/consultations/${withReason.json().id}` });
    expect(page.body).toContain('汛期前须完成，情况紧急');
    expect(page.body).toContain('不少于30日');
  });

  it('the rule profile sets the minimum: 10 working days for a normative document in this jurisdiction', async () => {
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    const root = await loginAs(app, 'root');
    const profile = await as(app, root).post('/api/v1/admin/rule-profiles', {
      code: 'long-consultation',
      name: '本地规定（规范性文件征求意见10个工作日）',
      rules: { ...REGULATION_2019, consultationNormativeWorkingDays: 10 },
    });
    expect(profile.statusCode, profile.body).toBe(201);
    const set = await as(app, root).patch(`/api/v1/admin/agencies/${county.deptA.id}`, {
      ruleProfileId: profile.json().id,
    });
    expect(set.statusCode, set.body).toBe(200);
    const seven = await as(app, drafter).post(
      '/api/v1/admin/consultations',
      base({ kind: 'normative_document', endsOn: '2026-11-10' }),
    );
    expect(seven.statusCode).toBe(400);
    expect(seven.json().message).toContain('规定的10个工作日');
    const rules = await as(app, drafter).get(`/api/v1/admin/consultations/rules?agencyId=${county.deptA.id}`);
    expect(rules.json().normativeRule).toContain('不少于10个工作日');
    // another agency keeps the default
    const b = await as(app, other).post(
      '/api/v1/admin/consultations',
      base({ agencyId: county.deptB.id, kind: 'normative_document', endsOn: '2026-11-10' }),
    );
    expect(b.statusCode, b.body).toBe(200);
  });

  it('splits the draft into articles under their chapters; only a draft is editable', async () => {
    const r = await as(app, drafter).post('/api/v1/admin/consultations', base());
    const d = r.json();
    expect(d.articles.map((a: { label: string }) => a.label)).toEqual(['第一条', '第二条', '第三条']);
    expect(d.articles[1].body).toContain('包括登记、免疫和收容');
    expect(d.articles[2].heading).toBe('第二章 登记');
    expect(d.preamble).toBe('某县城市养犬管理办法（征求意见稿）');
    expect(d.permissions).toMatchObject({ edit: true, open: true, publishSummary: false });
    const { agencyId: _a, ...body } = base({ title: '改过的标题' });
    expect((await as(app, drafter).put(`/api/v1/admin/consultations/${d.id}`, body)).json().title).toBe(
      '改过的标题',
    );
    await as(app, office).post(`/api/v1/admin/consultations/${d.id}/open`);
    const again = await as(app, drafter).put(`/api/v1/admin/consultations/${d.id}`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONSULTATION_NOT_EDITABLE');
    // a draft is not public
    const other = (await as(app, drafter).post('/api/v1/admin/consultations', base())).json();
    expect((await app.inject({ url: `/a/${county.deptA.code}/consultations/${other.id}` })).statusCode).toBe(
      404,
    );
  });

  it('portal comment → moderation with reason → ledger → published summary; the public never sees names, contacts or unpublished comments', async () => {
    const c = await openOne();
    const id = c.id as number;
    const art2 = c.articles[1].id as number;

    // a form error names the field in Chinese and keeps what was typed
    const page = `/a/${county.deptA.code}/consultations/${id}`;
    const f = await formOf(page);
    expect(f.html).toContain('<label for="body">');
    const bad = await post(`${page}/comments`, f.cookie, {
      _csrf: f.token,
      body: '建议延长登记期限',
      name: '',
      contact: PHONE,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('姓名：不能为空');
    expect(bad.body).toContain('建议延长登记期限');
    const forged = await post(`${page}/comments`, f.cookie, {
      _csrf: 'x'.repeat(32),
      body: '伪造',
      name: NAME,
      contact: PHONE,
    });
    expect(forged.statusCode).toBe(403);

    const first = await commentFromPortal(id, {
      articleId: String(art2),
      body: '建议将城市建成区的范围写清楚。',
      name: NAME,
      contact: PHONE,
      displayName: '热心市民',
    });
    const second = await commentFromPortal(id, {
      body: '广告：低价出售犬粮',
      name: '李四',
      contact: '13800002222',
    });
    const third = await commentFromPortal(id, {
      body: '建议登记期限延长到六十日。',
      name: '赵六',
      contact: 'z@example.com',
    });

    // not yet moderated: not public
    let pub = await app.inject({ url: page });
    expect(pub.body).not.toContain('建议将城市建成区的范围写清楚');
    expect(pub.body).toContain('公开的意见（0条）');

    // the agency's staff see name and contact; the supervising office sees them masked and may not act
    const staffView = (await as(app, office).get(`/api/v1/admin/consultations/${id}`)).json();
    expect(staffView.comments[0]).toMatchObject({
      authorName: NAME,
      authorContact: PHONE,
      articleLabel: '第二条',
    });
    const supView = await as(app, supervisor).get(`/api/v1/admin/consultations/${id}`);
    expect(supView.statusCode).toBe(200);
    expect(supView.json().comments[0].authorName).toBe('王**');
    expect(supView.json().comments[0].authorContact).not.toContain('0000');
    expect(supView.json().permissions).toMatchObject({
      moderate: false,
      edit: false,
      seesPersonalData: false,
    });
    const supAct = await as(app, supervisor).post(
      `/api/v1/admin/consultations/${id}/comments/${first.no}/moderation`,
      { outcome: 'published' },
    );
    expect(supAct.statusCode).toBe(403);
    // another agency's staff do not even see it
    expect((await as(app, other).get(`/api/v1/admin/consultations/${id}`)).statusCode).toBe(404);
    expect(
      (
        await as(app, other).post(`/api/v1/admin/consultations/${id}/comments/${first.no}/moderation`, {
          outcome: 'published',
        })
      ).statusCode,
    ).toBe(404);
    const list = (await as(app, supervisor).get('/api/v1/admin/consultations')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(id);
    expect((await as(app, other).get('/api/v1/admin/consultations')).json().total).toBe(0);

    // the agency's staff find the waiting comments in their to-do list; the supervising office does not
    const todo = (await as(app, office).get('/api/v1/admin/todo')).json();
    const entries = todo.groups.flatMap((g: { items: { action: string; href: string }[] }) => g.items);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: '意见征集：3 条意见待审核',
        href: `/participation/consultations/${id}`,
      }),
    );
    const supTodo = (await as(app, supervisor).get('/api/v1/admin/todo')).json();
    expect(JSON.stringify(supTodo)).not.toContain('意见征集');

    // moderation: rejecting needs a reason, which the commenter reads on the tracking page
    const noReason = await as(app, office).post(
      `/api/v1/admin/consultations/${id}/comments/${second.no}/moderation`,
      {
        outcome: 'rejected',
      },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('CONSULTATION_REASON_REQUIRED');
    for (const [no, body] of [
      [first.no, { outcome: 'published' }],
      [second.no, { outcome: 'rejected', reason: '内容与征求意见的草案无关' }],
      [third.no, { outcome: 'published' }],
    ] as const) {
      const r = await as(app, office).post(
        `/api/v1/admin/consultations/${id}/comments/${no}/moderation`,
        body,
      );
      expect(r.statusCode, r.body).toBe(200);
    }
    const track = await formOf(`${page}/track`);
    const tracked = await post(`${page}/track`, track.cookie, {
      _csrf: track.token,
      commentNo: String(second.no),
      trackingCode: second.code,
    });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.body).toContain('不予受理');
    expect(tracked.body).toContain('内容与征求意见的草案无关');
    const wrong = await post(`${page}/track`, track.cookie, {
      _csrf: track.token,
      commentNo: String(second.no),
      trackingCode: first.code,
    });
    expect(wrong.statusCode).toBe(404);

    // published comments are public, without name or contact; rejected ones are not
    pub = await app.inject({ url: page });
    expect(pub.body).toContain('建议将城市建成区的范围写清楚');
    expect(pub.body).toContain('热心市民');
    expect(pub.body).not.toContain(NAME);
    expect(pub.body).not.toContain(PHONE);
    expect(pub.body).not.toContain('z@example.com');
    expect(pub.body).not.toContain('低价出售犬粮');

    // a letter entered by staff
    const letter = await as(app, drafter).post(`/api/v1/admin/consultations/${id}/comments`, {
      channel: 'letter',
      receivedOn: '2026-11-02',
      body: '建议对导盲犬作出例外规定。',
      name: '孙七',
    });
    expect(letter.statusCode, letter.body).toBe(200);
    const letterId = letter.json().comments.find((x: { channel: string }) => x.channel === 'letter')
      .id as number;
    const hearing = await as(app, drafter).post(`/api/v1/admin/consultations/${id}/comments`, {
      channel: 'hearing',
      receivedOn: '2026-11-02',
      body: '听证意见',
    });
    expect(hearing.json().code).toBe('CONSULTATION_CHANNEL_NOT_OFFERED');

    // the summary waits for the period and for every decision
    const early = await as(app, office).post(`/api/v1/admin/consultations/${id}/summary`, {
      summaryText: '采纳情况',
    });
    expect(early.json().code).toBe('CONSULTATION_PERIOD_NOT_OVER');
    await travel('2026-12-02');
    const late = await commentFromPortalRefused(id);
    expect(late).toBe(409);
    const incomplete = await as(app, office).post(`/api/v1/admin/consultations/${id}/summary`, {
      summaryText: '采纳情况',
    });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().code).toBe('CONSULTATION_LEDGER_INCOMPLETE');
    expect(incomplete.json().message).toContain('尚未审核');

    await as(app, office).post(`/api/v1/admin/consultations/${id}/comments/${letterId}/moderation`, {
      outcome: 'withheld',
      reason: '来信含个人住址，不公开原文',
    });
    const notAdoptedNoReason = await as(app, office).post(`/api/v1/admin/consultations/${id}/ledger`, {
      commentIds: [third.no],
      adoption: 'not_adopted',
    });
    expect(notAdoptedNoReason.statusCode).toBe(400);
    const rejectedInLedger = await as(app, office).post(`/api/v1/admin/consultations/${id}/ledger`, {
      commentIds: [second.no],
      adoption: 'adopted',
    });
    expect(rejectedInLedger.statusCode).toBe(409);
    const grouped = await as(app, office).post(`/api/v1/admin/consultations/${id}/groups`, {
      commentIds: [first.no, letterId],
      title: '关于适用范围',
    });
    expect(grouped.statusCode, grouped.body).toBe(200);
    expect(grouped.json().groups).toEqual([expect.objectContaining({ title: '关于适用范围', size: 2 })]);
    await as(app, office).post(`/api/v1/admin/consultations/${id}/ledger`, {
      commentIds: [first.no, letterId],
      adoption: 'adopted',
    });
    const decided = await as(app, office).post(`/api/v1/admin/consultations/${id}/ledger`, {
      commentIds: [third.no],
      adoption: 'partly_adopted',
      reason: '登记期限延长为四十五日。',
    });
    expect(decided.json().counts).toMatchObject({
      received: 4,
      rejected: 1,
      considered: 3,
      adopted: 2,
      partlyAdopted: 1,
      notAdopted: 0,
      undecided: 0,
      items: 2,
    });

    // a drafter keeps the ledger but does not publish the summary for the agency
    expect(
      (await as(app, drafter).post(`/api/v1/admin/consultations/${id}/summary`, { summaryText: '采纳情况' }))
        .statusCode,
    ).toBe(403);
    const published = await as(app, office).post(`/api/v1/admin/consultations/${id}/summary`, {
      summaryText: '共收到意见4条，经研究采纳2条、部分采纳1条。',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('summary_published');
    pub = await app.inject({ url: page });
    expect(pub.body).toContain('意见采纳情况');
    expect(pub.body).toMatch(/共收到意见 <strong>4<\/strong> 条/);
    expect(pub.body).toMatch(/部分采纳 <strong>1<\/strong> 条/);
    expect(pub.body).toContain('登记期限延长为四十五日。');
    expect(pub.body).not.toContain('建议对导盲犬作出例外规定'); // withheld: counted, text not shown
    expect(pub.body).not.toContain('孙七');
    const list2 = await app.inject({ url: `/a/${county.deptA.code}/consultations` });
    expect(list2.body).toContain('已结束的征集');
    expect(list2.body).toContain('已公布采纳情况');
    // the adopted document links back to its consultation and summary, and the consultation to it
    const [itemId] = await inTransaction(t.deps, (tx) =>
      insertPublishedBatch(t.deps, tx, [
        {
          agencyId: county.deptA.id,
          catalogEntryId: null,
          title: '某县城市养犬管理办法',
          subjectCode: null,
          publisher: county.deptA.name,
          generatedOn: '2026-12-02',
          publishedOn: '2026-12-02',
          docNo: '某司发〔2026〕9号',
          bodyHtml: '<p>正式文件</p>',
        },
      ]),
    );
    const foreign = await as(app, office).put(`/api/v1/admin/consultations/${id}/decision`, {
      itemId: 999999,
    });
    expect(foreign.statusCode).toBe(400);
    const linked = await as(app, office).put(`/api/v1/admin/consultations/${id}/decision`, { itemId });
    expect(linked.statusCode, linked.body).toBe(200);
    const doc = await app.inject({ url: `/d/${itemId}` });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain(`href="/a/${county.deptA.code}/consultations/${id}#summary-h"`);
    expect(doc.body).toContain('意见征集及采纳情况');
    expect((await app.inject({ url: page })).body).toContain(`href="/d/${itemId}"`);

    // the ledger is closed once published
    const after = await as(app, office).post(`/api/v1/admin/consultations/${id}/ledger`, {
      commentIds: [third.no],
      adoption: 'adopted',
    });
    expect(after.statusCode).toBe(409);

    // every state change is in the audit log, without the commenter's personal data
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['entityType', 'action', 'afterJson'])
      .where('entityType', 'in', ['consultation', 'consultation_comment'])
      .execute();
    const actions = events.map((e) => `${e.entityType}:${e.action}`);
    for (const a of [
      'consultation:consultation.created',
      'consultation:consultation.opened',
      'consultation_comment:consultation_comment.submitted',
      'consultation_comment:consultation_comment.entered',
      'consultation_comment:consultation_comment.moderated',
      'consultation_comment:consultation_comment.decided',
      'consultation_comment:consultation_comment.grouped',
      'consultation:consultation.group_created',
      'consultation:consultation.summary_published',
    ])
      expect(actions).toContain(a);
    expect(
      events.some((e) => (e.afterJson ?? '').includes(NAME) || (e.afterJson ?? '').includes(PHONE)),
    ).toBe(false);
  });

  async function commentFromPortalRefused(id: number) {
    const page = `/a/${county.deptA.code}/consultations/${id}`;
    const shown = await app.inject({ url: page });
    expect(shown.body).toContain('征求意见已结束');
    expect(shown.body).not.toContain('name="_csrf"');
    const { cookie, token } = await formOf(`${page}/track`);
    const res = await post(`${page}/comments`, cookie, {
      _csrf: token,
      body: '晚到的意见',
      name: NAME,
      contact: PHONE,
    });
    return res.statusCode;
  }

  it('flags a consultation closed without a published summary after the set period (default 30 days)', async () => {
    const c = await openOne({ endsOn: '2026-12-01' });
    await travel('2026-12-31');
    expect(await overdueSummaries(t.deps, t.deps.db, '2026-12-31')).toEqual([]);
    const closed = await as(app, office).post(`/api/v1/admin/consultations/${c.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    await travel('2027-01-01');
    const flagged = await overdueSummaries(t.deps, t.deps.db, '2027-01-01');
    expect(flagged).toEqual([
      expect.objectContaining({
        consultationId: c.id,
        agencyId: county.deptA.id,
        summaryDueOn: '2026-12-31',
      }),
    ]);
    expect(await overdueSummaries(t.deps, t.deps.db, '2027-01-01', [county.deptB.id])).toEqual([]);
    const api = await as(app, supervisor).get('/api/v1/admin/consultations/overdue-summaries');
    expect(api.json().items.map((i: { consultationId: number }) => i.consultationId)).toEqual([c.id]);
    expect((await as(app, other).get('/api/v1/admin/consultations/overdue-summaries')).json().items).toEqual(
      [],
    );
  });
});
