/**
 * The procedure limits the clock enforces (docs/rules.md §3), through the staff API on both
 * databases: R.30 one correction notice, a late notice flagged and counted, no correction received
 * before the notice; R.33 ¶2 no extension after expiry; paper steps recorded afterwards with their
 * real date (bounded, audited as back-dated, counted by the clock); the tracking page and the
 * dashboards near year end when next year's calendar is missing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;

describe.each(dialects())('procedure limits (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  const sessions = new Map<string, { since: number; s: Awaited<ReturnType<typeof loginAs>> }>();

  beforeEach(async () => {
    t = await makeTestDb(dialect, {
      now: AT('2025-09-26'),
      config: { sessionTtlHours: 24 * 30, publicPostRateLimitPerMinute: 1000 },
    });
    sessions.clear();
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'headA',
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  /** Moves the fake clock; one login per user per 20 days (logins are slow and rate-limited). */
  const at = async (date: string, u = 'officeA') => {
    t.clock.set(AT(date));
    const now = Date.parse(AT(date));
    let c = sessions.get(u);
    if (!c || now < c.since || now - c.since > 20 * 86_400_000) {
      c = { since: now, s: await loginAs(app, u) };
      sessions.set(u, c);
    }
    return as(app, c.s);
  };
  let person = 0;
  async function received(
    date: string,
  ): Promise<{ id: number; registrationNo: string; trackingCode: string }> {
    t.clock.set(AT(date));
    person++;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: `申请人${person}`,
          idType: 'resident_id',
          idNumber: residentId(`53010219850612${String(100 + person)}`.slice(0, 17)),
          phone: '13912345678',
        },
        items: [{ description: `本局${person}号文件` }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as { registrationNo: string; trackingCode: string };
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', out.registrationNo)
      .executeTakeFirstOrThrow();
    const office = await at(date);
    expect(
      (await office.post(`/api/v1/admin/requests/${row.id}/confirm`, { confirmedOn: date })).statusCode,
    ).toBe(200);
    return { id: row.id, ...out };
  }
  const caseOf = async (id: number) =>
    (await (await at(chinaToday())).get(`/api/v1/admin/requests/${id}`)).json() as {
      status: string;
      clock: { dueOn: string | null; overdue: boolean; pausedSince: string | null; pausedDays: number };
      deadlines: { kind: string; startDate: string; workingDays: number; dueDate: string; state: string }[];
      letters: { kind: string; issuedOn: string }[];
      consultations: { sentOn: string; answeredOn: string | null }[];
      fees: { noticeOn: string }[];
      timeline: { action: string; detail: Record<string, unknown> | null }[];
    };
  const chinaToday = () => t.clock.now().toISOString().slice(0, 10);
  const replyDeadline = (c: Awaited<ReturnType<typeof caseOf>>) =>
    c.deadlines.filter((d) => d.kind === 'reply' && d.state !== 'superseded').at(-1)!;

  it('R.30: one correction notice per application; a notice after 7 working days is sent, flagged late and counted; a correction received before the notice is refused', async () => {
    const { id } = await received('2025-09-26');
    // 2025-10-14 is the 8th working day after receipt (National Day not counted)
    let office = await at('2025-10-14');
    const notice = await office.post(`/api/v1/admin/requests/${id}/correction`, {
      note: '请写明所需信息的文号或名称',
      correctionDays: 10,
    });
    expect(notice.statusCode, notice.body).toBe(200);
    let c = await caseOf(id);
    expect(c.status).toBe('awaiting_correction');
    expect(c.timeline.find((e) => e.action === 'request.request_correction')!.detail).toMatchObject({
      lateNotice: true,
      noticeOn: '2025-10-14',
    });
    office = await at('2025-10-20');
    const early = await office.post(`/api/v1/admin/requests/${id}/correction-received`, {
      receivedOn: '2025-10-13',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'REQUEST_CORRECTION_BEFORE_NOTICE' });
    expect(early.json().message).toContain('条例第三十条');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/correction-received`, { receivedOn: '2025-10-16' }))
        .statusCode,
    ).toBe(200);
    c = await caseOf(id);
    expect(c.status).toBe('in_progress');
    expect(replyDeadline(c)).toMatchObject({ startDate: '2025-10-16', workingDays: 20 });
    const again = await office.post(`/api/v1/admin/requests/${id}/correction`, {
      note: '请再补充申请用途',
      correctionDays: 10,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'REQUEST_CORRECTION_ALREADY_NOTIFIED' });
    expect((await caseOf(id)).status).toBe('in_progress');

    const s = (await office.get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2025`)).json() as {
      correctionNotices: { total: number; late: number };
    };
    expect(s.correctionNotices).toEqual({ total: 1, late: 1 });
  });

  it('R.33 ¶2: an extension after the reply period expired is refused and leaves the due date and the overdue flag alone; a paper approval on the last day is recorded with its date', async () => {
    const a = await received('2025-09-26'); // due 2025-10-30
    const b = await received('2025-09-26');
    let office = await at('2025-10-29');
    expect(
      (await office.post(`/api/v1/admin/requests/${a.id}/extension`, { days: 10, reason: '需调取档案' }))
        .statusCode,
    ).toBe(200);
    // 2025-11-03: the period ended on 10-30
    office = await at('2025-11-03');
    const lateAsk = await office.post(`/api/v1/admin/requests/${b.id}/extension`, {
      days: 10,
      reason: '需调取档案',
    });
    expect(lateAsk.statusCode).toBe(409);
    expect(lateAsk.json()).toMatchObject({ code: 'REQUEST_EXTENSION_AFTER_EXPIRY' });
    const head = await at('2025-11-03', 'headA');
    const late = await head.post(`/api/v1/admin/requests/${a.id}/extension/decision`, { approve: true });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'REQUEST_EXTENSION_AFTER_EXPIRY' });
    expect(late.json().message).toContain('条例第三十三条第二款');
    let c = await caseOf(a.id);
    expect(c.clock).toMatchObject({ dueOn: '2025-10-30', overdue: true });
    // the head signed the paper approval on 10-30, the last day of the period: recorded afterwards
    const paper = await head.post(`/api/v1/admin/requests/${a.id}/extension/decision`, {
      approve: true,
      on: '2025-10-30',
    });
    expect(paper.statusCode, paper.body).toBe(200);
    c = await caseOf(a.id);
    expect(replyDeadline(c).workingDays).toBe(30);
    expect(c.clock.overdue).toBe(false);
    expect(c.letters.find((l) => l.kind === 'extension')!.issuedOn).toBe('2025-10-30');
    expect(c.timeline.find((e) => e.action === 'request.step_backdated')!.detail).toMatchObject({
      step: 'extension_decision',
      actualOn: '2025-10-30',
      recordedOn: '2025-11-03',
    });
  });

  it('paper steps: consultation start and end, fee notice and reply served are recorded with their real date, bounded by the previous step and today, audited as back-dated; the clock counts from those dates (R.33 ¶3)', async () => {
    const { id } = await received('2025-09-26'); // due 2025-10-30
    let office = await at('2025-10-15');
    const before = await office.post(`/api/v1/admin/requests/${id}/consultation`, {
      kind: 'inter_agency',
      party: '县财政局',
      on: '2025-09-25',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({ code: 'REQUEST_STEP_DATE_BEFORE_PREVIOUS' });
    expect(before.json().message).toContain('2025-09-26');
    const future = await office.post(`/api/v1/admin/requests/${id}/consultation`, {
      kind: 'inter_agency',
      party: '县财政局',
      on: '2025-10-16',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'REQUEST_STEP_DATE_IN_FUTURE' });
    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/consultation`, {
          kind: 'inter_agency',
          party: '县财政局',
          on: '2025-10-10',
        })
      ).statusCode,
    ).toBe(200);
    let c = await caseOf(id);
    expect(c.clock.pausedSince).toBe('2025-10-10');
    expect(c.consultations[0]!.sentOn).toBe('2025-10-10');
    expect(c.deadlines.find((d) => d.kind === 'inter_agency')!.startDate).toBe('2025-10-10');

    office = await at('2025-10-24');
    const endBefore = await office.post(`/api/v1/admin/requests/${id}/consultation/end`, {
      opinion: 'agree',
      on: '2025-10-09',
    });
    expect(endBefore.json()).toMatchObject({ code: 'REQUEST_STEP_DATE_BEFORE_PREVIOUS' });
    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/consultation/end`, {
          opinion: 'agree',
          on: '2025-10-17',
        })
      ).statusCode,
    ).toBe(200);
    c = await caseOf(id);
    // paused (10-10, 10-17]: 10-11 (make-up Saturday), 10-13 … 10-17 = 6 working days
    expect(c.clock.pausedDays).toBe(6);
    expect(replyDeadline(c).workingDays).toBe(26);
    expect(c.consultations[0]!.answeredOn).toBe('2025-10-17');

    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/fee`, {
          method: 'per_volume',
          units: 40,
          on: '2025-10-20',
        })
      ).statusCode,
    ).toBe(200);
    c = await caseOf(id);
    expect(c.fees[0]!.noticeOn).toBe('2025-10-20');
    expect(c.clock.pausedSince).toBe('2025-10-20');
    expect(c.letters.find((l) => l.kind === 'fee_notice')!.issuedOn).toBe('2025-10-20');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/fee/settle`, { paidOn: '2025-10-24' })).statusCode,
    ).toBe(200);

    const full = (await office.get(`/api/v1/admin/requests/${id}`)).json() as { items: { id: number }[] };
    for (const i of full.items)
      expect(
        (
          await office.put(`/api/v1/admin/requests/${id}/items/${i.id}/decision`, {
            code: 'disclosed',
            howToObtain: '见附件',
          })
        ).statusCode,
      ).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    const head = await at('2025-10-24', 'headA');
    expect((await head.post(`/api/v1/admin/requests/${id}/approval`, { approve: true })).statusCode).toBe(
      200,
    );
    // the reply was handed over on paper on 10-24 and is recorded on 10-27
    office = await at('2025-10-27');
    const served = await office.post(`/api/v1/admin/requests/${id}/reply`, { on: '2025-10-24' });
    expect(served.statusCode, served.body).toBe(200);
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select(['repliedOn', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ repliedOn: '2025-10-24', status: 'replied' });
    c = await caseOf(id);
    expect(c.letters.find((l) => l.kind === 'reply')!.issuedOn).toBe('2025-10-24');
    expect(
      c.timeline
        .filter((e) => e.action === 'request.step_backdated')
        .map((e) => e.detail!.step)
        .sort(),
    ).toEqual(['consultation_end', 'consultation_start', 'fee_notice', 'reply_served']);
  });

  it('near year end: the tracking page of a paused application whose due date falls in a year without calendar data says 答复期限待定 instead of failing; every disclosure office is warned from 1 November', async () => {
    // 2027 has no calendar data (the package covers 2024–2026)
    let office = await at('2026-10-31');
    const codes = async () =>
      (
        (await office.get('/api/v1/admin/dashboard')).json().warnings as { code: string; message: string }[]
      ).map((w) => w.code);
    expect(await codes()).not.toContain('CALENDAR_NEXT_YEAR_MISSING');
    office = await at('2026-11-02');
    const warnings = (await office.get('/api/v1/admin/dashboard')).json().warnings as {
      code: string;
      message: string;
    }[];
    const w = warnings.find((x) => x.code === 'CALENDAR_NEXT_YEAR_MISSING');
    expect(w?.message).toContain('答复期限待定');

    const r = await received('2026-12-01');
    office = await at('2026-12-02');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${r.id}/consultation`, {
          kind: 'inter_agency',
          party: '县财政局',
        })
      ).statusCode,
    ).toBe(200);
    t.clock.set(AT('2026-12-31'));
    const track = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/track?registrationNo=${encodeURIComponent(r.registrationNo)}&trackingCode=${r.trackingCode}`,
    });
    expect(track.statusCode, track.body).toBe(200);
    expect(track.json()).toMatchObject({ dueOn: null, dueNote: '答复期限待定：下一年度节假日安排尚未公布' });

    const form = await app.inject({ method: 'GET', url: '/track' });
    expect(form.statusCode).toBe(200);
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const page = await app.inject({
      method: 'POST',
      url: '/track',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        registrationNo: r.registrationNo,
        trackingCode: r.trackingCode,
      }).toString(),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('答复期限待定：下一年度节假日安排尚未公布');
  });
});
