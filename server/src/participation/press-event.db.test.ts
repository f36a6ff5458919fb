/**
 * Press conferences and online interviews against both databases: the event's life with its audit
 * trail, the year's count against the rule profile's target and the dashboard warning, access (only
 * the agency's own staff act; a supervising office reads with questioners masked), and bad input as a
 * 400 naming the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs, type Session } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { submitQuestion } from './press-event.service.ts';
import { inTransaction } from '../shared/tx.ts';

/** 10:00 Beijing time on a date. */
const AT = (date: string) => `${date}T02:00:00.000Z`;

describe.each(dialects())('新闻发布会 (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let office: Session;
  let supervisor: Session;
  let other: Session;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2026-07-02') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
      username: 'govOffice',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    await login();
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  async function login() {
    office = await loginAs(app, 'officeA');
    supervisor = await loginAs(app, 'govOffice');
    other = await loginAs(app, 'officeB');
  }
  async function travel(date: string) {
    t.clock.set(AT(date));
    await login();
  }

  const base = (over: Record<string, unknown> = {}) => ({
    agencyId: county.deptA.id,
    kind: 'press_conference',
    topic: '2026年上半年优化营商环境工作情况',
    description: '介绍上半年工作情况并回答记者提问。',
    eventDate: '2026-07-10',
    startTime: '10:00',
    place: '县政府新闻发布厅',
    speakers: [{ name: '李建国', title: '县发展和改革局局长' }],
    ...over,
  });

  it('plans, announces, takes questions, holds and publishes the transcript, every step audited', async () => {
    const c = await as(app, office).post('/api/v1/admin/press-events', base());
    expect(c.statusCode, c.body).toBe(200);
    const id = c.json().id as number;
    expect(c.json()).toMatchObject({ status: 'planned', publicUrl: null, kindLabel: '新闻发布会' });
    expect(c.json().permissions).toMatchObject({ edit: true, announce: true, hold: false, cancel: true });

    const early = await as(app, office).post(`/api/v1/admin/press-events/${id}/hold`);
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].label).toBe('举办日期');

    const a = await as(app, office).post(`/api/v1/admin/press-events/${id}/announce`);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'announced', acceptsQuestions: true });
    expect(a.json().publicUrl).toContain(`/a/${county.deptA.code}/press/${id}`);

    await inTransaction(t.deps, (tx) =>
      submitQuestion(
        t.deps,
        tx,
        id,
        { body: '营商环境投诉渠道有哪些？', name: '王小明', contact: '13900001111' },
        null,
      ),
    );
    const d = await as(app, office).get(`/api/v1/admin/press-events/${id}`);
    const q = d.json().questionList[0];
    expect(q).toMatchObject({ authorName: '王小明', authorContact: '13900001111', moderation: 'pending' });
    // the supervising office reads, masked, and acts on nothing
    const sv = await as(app, supervisor).get(`/api/v1/admin/press-events/${id}`);
    expect(sv.statusCode).toBe(200);
    expect(sv.json().questionList[0].authorName).not.toContain('小明');
    expect(sv.json().questionList[0].authorContact).not.toBe('13900001111');
    expect(sv.json().permissions).toMatchObject({ edit: false, hold: false, moderate: false });
    const svAct = await as(app, supervisor).post(`/api/v1/admin/press-events/${id}/cancel`, {
      reason: '监督',
    });
    expect(svAct.statusCode).toBe(403);
    // another agency's staff do not see it at all
    expect((await as(app, other).get(`/api/v1/admin/press-events/${id}`)).statusCode).toBe(404);
    expect((await as(app, other).get('/api/v1/admin/press-events')).json().total).toBe(0);

    // the to-do list: the question waits for moderation, for the agency's office only
    const todo = JSON.stringify((await as(app, office).get('/api/v1/admin/todo')).json());
    expect(todo).toContain('新闻发布会：1 条网民问题待审核');
    expect(JSON.stringify((await as(app, supervisor).get('/api/v1/admin/todo')).json())).not.toContain(
      '新闻发布会',
    );

    const noReason = await as(app, office).post(
      `/api/v1/admin/press-events/${id}/questions/${q.id}/moderation`,
      {
        outcome: 'rejected',
      },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].label).toBe('理由');
    const mod = await as(app, office).post(`/api/v1/admin/press-events/${id}/questions/${q.id}/moderation`, {
      outcome: 'accepted',
    });
    expect(mod.json().questionList[0].moderation).toBe('accepted');

    await travel('2026-07-10');
    const h = await as(app, office).post(`/api/v1/admin/press-events/${id}/hold`);
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().status).toBe('held');
    const edit = await as(app, office).put(`/api/v1/admin/press-events/${id}`, {
      ...base(),
      agencyId: undefined,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('PRESS_EVENT_NOT_EDITABLE');
    expect(
      (await as(app, office).post(`/api/v1/admin/press-events/${id}/cancel`, { reason: '改期' })).json().code,
    ).toBe('PRESS_EVENT_BAD_TRANSITION');
    expect(JSON.stringify((await as(app, office).get('/api/v1/admin/todo')).json())).toContain(
      '新闻发布会：待发布文字实录',
    );
    const s = await as(app, office).post(`/api/v1/admin/press-events/${id}/summary`, {
      summaryText: '主持人：各位记者朋友，上午好……',
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({
      status: 'summary_published',
      summaryText: '主持人：各位记者朋友，上午好……',
    });

    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'afterJson'])
      .where('entityType', 'in', ['press_event', 'press_event_question'])
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'press_event.announced',
        'press_event.created',
        'press_event.held',
        'press_event.question_moderated',
        'press_event.question_submitted',
        'press_event.summary_published',
      ].sort(),
    );
    expect(JSON.stringify(events)).not.toContain('13900001111');
  });

  it('rejects bad input with a 400 naming the field in Chinese', async () => {
    const noPlace = await as(app, office).post('/api/v1/admin/press-events', base({ place: null }));
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().fields.map((f: { label: string }) => f.label)).toContain('地点');
    const badUrl = await as(app, office).post(
      '/api/v1/admin/press-events',
      base({ onlineUrl: 'javascript:alert(1)' }),
    );
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().fields.map((f: { label: string }) => f.label)).toContain('在线访谈链接');
    const badTime = await as(app, office).post('/api/v1/admin/press-events', base({ startTime: '25:00' }));
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().fields[0].label).toBe('开始时间');
    const badDate = await as(app, office).post(
      '/api/v1/admin/press-events',
      base({ eventDate: '2026-02-30' }),
    );
    expect(badDate.statusCode).toBe(400);
    const blankSpeaker = await as(app, office).post(
      '/api/v1/admin/press-events',
      base({ speakers: [{ name: ' ', title: '局长' }] }),
    );
    expect(blankSpeaker.statusCode).toBe(400);
    const foreign = await as(app, other).post('/api/v1/admin/press-events', base());
    expect(foreign.statusCode).toBe(403);
  });

  it('counts the year against the target (rule profile) and warns on the dashboard when behind pro rata', async () => {
    // one held in the first quarter; on 2 July two quarters are over → 2 of 4 expected
    await travel('2026-03-02');
    const c = await as(app, office).post('/api/v1/admin/press-events', base({ eventDate: '2026-03-02' }));
    const id = c.json().id as number;
    expect((await as(app, office).post(`/api/v1/admin/press-events/${id}/hold`)).statusCode).toBe(200);
    // a cancelled one does not count
    const x = await as(app, office).post('/api/v1/admin/press-events', base({ eventDate: '2026-05-01' }));
    await as(app, office).post(`/api/v1/admin/press-events/${x.json().id}/cancel`, { reason: '改期举办' });
    await travel('2026-07-02');
    const tg = await as(app, office).get(`/api/v1/admin/press-events/target?agencyId=${county.deptA.id}`);
    expect(tg.json()).toMatchObject({
      year: 2026,
      target: 4,
      held: 1,
      elapsedQuarters: 2,
      expectedByNow: 2,
      behind: true,
    });
    const dash = await as(app, office).get('/api/v1/admin/dashboard');
    const w = dash.json().warnings.find((x: { code: string }) => x.code === 'PRESS_EVENTS_BEHIND');
    expect(w?.message).toContain('已举办新闻发布会、在线访谈 1 场');
    // a drafter, who cannot schedule one, is not told
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
    const drafter = await loginAs(app, 'drafterA');
    const dd = await as(app, drafter).get('/api/v1/admin/dashboard');
    expect(dd.statusCode).toBe(200);
    expect(dd.json().warnings.map((x: { code: string }) => x.code)).not.toContain('PRESS_EVENTS_BEHIND');
    // a second one held: on track, no warning
    const c2 = await as(app, office).post('/api/v1/admin/press-events', base({ eventDate: '2026-07-02' }));
    await as(app, office).post(`/api/v1/admin/press-events/${c2.json().id}/hold`);
    const dash2 = await as(app, office).get('/api/v1/admin/dashboard');
    expect(dash2.json().warnings.map((x: { code: string }) => x.code)).not.toContain('PRESS_EVENTS_BEHIND');
    // the self-inspection report's entered figure is prefilled from these records until saved
    const si = await as(app, office).get(`/api/v1/admin/self-inspection/${county.deptA.id}/2026`);
    expect(si.statusCode, si.body).toBe(200);
    expect(si.json().recorded.pressConferences).toBe(2);
    expect(si.json().inputs.pressConferences).toBe(2);
    expect(si.json().narrative.overview).toContain('召开新闻发布会2场');
    // the supervising office reads the target; another agency does not
    expect(
      (await as(app, supervisor).get(`/api/v1/admin/press-events/target?agencyId=${county.deptA.id}`)).json()
        .held,
    ).toBe(2);
    expect(
      (await as(app, other).get(`/api/v1/admin/press-events/target?agencyId=${county.deptA.id}`)).statusCode,
    ).toBe(404);
  });
  const post = (url: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('portal: announced events listed, questions by form (token, Chinese field errors, PRG), transcript after', async () => {
    const planned = await as(app, office).post(
      '/api/v1/admin/press-events',
      base({ topic: '内部筹备中的访谈' }),
    );
    const c = await as(app, office).post('/api/v1/admin/press-events', base());
    const id = c.json().id as number;
    await as(app, office).post(`/api/v1/admin/press-events/${id}/announce`);
    const code = county.deptA.code;

    const list = await app.inject({ url: `/a/${code}/press` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2026年上半年优化营商环境工作情况');
    expect(list.body).not.toContain('内部筹备中的访谈');
    expect((await app.inject({ url: `/a/${code}/press/${planned.json().id}` })).statusCode).toBe(404);
    // another agency's page does not show it
    expect((await app.inject({ url: `/a/${county.deptB.code}/press/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/a/${code}` + '/' })).body).toContain(`/a/${code}/press`);

    const page = await app.inject({ url: `/a/${code}/press/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('县发展和改革局局长 李建国');
    expect(page.body).toContain('<label for="body">');
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const noToken = await post(`/a/${code}/press/${id}/questions`, cookie, {
      body: '问题',
      name: '王',
      contact: '13900001111',
    });
    expect(noToken.statusCode).toBe(403);
    const bad = await post(`/a/${code}/press/${id}/questions`, cookie, {
      _csrf: token,
      body: ' ',
      name: '',
      contact: 'abc',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('问题内容：不能为空');
    expect(bad.body).toContain('姓名：不能为空');
    expect(bad.body).toContain('联系方式：请填写有效的手机号码或电子邮箱');
    const ok = await post(`/a/${code}/press/${id}/questions`, cookie, {
      _csrf: token,
      body: '小微企业的贷款贴息如何申请？',
      name: '王小明',
      contact: '13900001111',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/a/${code}/press/${id}?sent=1`);
    expect((await app.inject({ url: String(ok.headers.location) })).body).toContain('您的问题已提交');

    const d = await as(app, office).get(`/api/v1/admin/press-events/${id}`);
    const q = d.json().questionList[0];
    expect(q).toMatchObject({ body: '小微企业的贷款贴息如何申请？', authorName: '王小明' });
    await as(app, office).post(`/api/v1/admin/press-events/${id}/questions/${q.id}/moderation`, {
      outcome: 'accepted',
    });

    await travel('2026-07-11');
    // the day is over: no more questions
    const late = await app.inject({ url: `/a/${code}/press/${id}` });
    expect(late.body).not.toContain('name="body"');
    expect((await as(app, office).post(`/api/v1/admin/press-events/${id}/hold`)).statusCode).toBe(200);
    await as(app, office).post(`/api/v1/admin/press-events/${id}/summary`, {
      summaryText: '李建国：今年上半年，全县新增市场主体……',
    });
    const after = await app.inject({ url: `/a/${code}/press/${id}` });
    expect(after.body).toContain('文字实录');
    expect(after.body).toContain('今年上半年，全县新增市场主体');
    expect(after.body).toContain('小微企业的贷款贴息如何申请？');
    expect(after.body).not.toContain('王小明');
    expect(after.body).not.toContain('13900001111');
    const held = await app.inject({ url: `/a/${code}/press` });
    expect(held.body).toContain('已发布文字实录');
  });
});
