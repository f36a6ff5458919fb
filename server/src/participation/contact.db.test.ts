/**
 * Contacts (留言、来信、投诉举报、评议) through the staff API on both databases, with a fixed clock:
 * the clock by channel and kind, assignment to a unit, the reply approved by the disclosure office
 * and never by its drafter, supervising offices reading masked, transfer to another agency with its
 * own clock, the three-month inspection flag, and 4xx answers naming the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { JOBS, runJob } from '../jobs.ts';

/** 10:00 Beijing time on a date. */
const AT = (date: string) => `${date}T02:00:00.000Z`;

describe.each(dialects())('contacts (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-09') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    const a = county.deptA.id;
    await makeStaff(t.deps, [{ agencyId: a, role: 'disclosure_office' }], { username: 'officeA' });
    await makeStaff(t.deps, [{ agencyId: a, role: 'disclosure_office' }], { username: 'officeA2' });
    await makeStaff(t.deps, [{ agencyId: a, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
      username: 'govOffice',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'principal' }], { username: 'countyHead' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const staff = async (u: string) => as(app, await loginAs(app, u));
  const auditActions = async (id: number) =>
    (
      await t.deps.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'participation_contact')
        .where('entityId', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((r) => r.action);

  const letter = (over: Record<string, unknown> = {}) => ({
    agencyId: county.deptA.id,
    kind: 'complaint',
    channel: 'letter',
    subject: '投诉：政府信息公开申请逾期未答复',
    body: '本人于八月提出的申请至今未获答复。',
    senderName: '张三',
    senderContact: '13912345678',
    publishConsent: true,
    submittedOn: '2025-09-05',
    signedForOn: '2025-09-09',
    ...over,
  });

  it('a letter complaint: received the day it is signed for (参照条例第三十一条第（二）项), answered within 15 working days across the National Day 调休 (Sunday 28 September works) → due 2025-09-29; assigned, drafted by the unit, approved by another office member', async () => {
    const office = await staff('officeA');
    const res = await office.post('/api/v1/admin/contacts', letter());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: 'registered',
      receivedOn: '2025-09-09',
      dueOn: '2025-09-29',
      senderName: '张三',
      overdue: false,
    });
    expect(c.trackingNo).toMatch(/^TS2025-\d{6}$/);
    expect(c.actions).toEqual(expect.arrayContaining(['assign', 'transfer', 'draft_reply']));
    expect(c.actions).not.toContain('approve');

    // a unit of another agency is not a unit of A
    expect(
      (await office.post(`/api/v1/admin/contacts/${c.id}/assign`, { unitId: county.unitB.id })).json().code,
    ).toBe('CONTACT_UNIT_INVALID');
    const assigned = await office.post(`/api/v1/admin/contacts/${c.id}/assign`, { unitId: county.unitA.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', unitName: '办公室' });

    const drafter = await staff('drafterA');
    const seen = (await drafter.get(`/api/v1/admin/contacts/${c.id}`)).json();
    expect(seen.permissions.personalData).toBe(true);
    expect(seen.actions).toEqual(['draft_reply']);
    const drafted = await drafter.post(`/api/v1/admin/contacts/${c.id}/reply`, {
      text: '经核查，您的申请已于9月12日答复，答复书已邮寄。',
    });
    expect(drafted.statusCode).toBe(200);
    expect(drafted.json().status).toBe('reviewing');
    expect((await drafter.post(`/api/v1/admin/contacts/${c.id}/approve`)).statusCode).toBe(403);

    // an office member who drafted a reply never approves it
    expect(
      (await office.post(`/api/v1/admin/contacts/${c.id}/return`, { reason: '请写明答复文号' })).json()
        .status,
    ).toBe('assigned');
    await office.post(`/api/v1/admin/contacts/${c.id}/reply`, {
      text: '经核查，已于9月12日答复（县司法局〔2025〕3号）。',
    });
    const self = await office.post(`/api/v1/admin/contacts/${c.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SEPARATION_OF_DUTIES');

    // the to-do list: the other office member has the approval waiting, the drafter does not
    const todo = async (u: string) =>
      (
        (await (await staff(u)).get('/api/v1/admin/todo')).json().groups as {
          key: string;
          items: { href: string }[];
        }[]
      )
        .filter((g) => g.items.some((i) => i.href === `/participation/contacts/${c.id}`))
        .map((g) => g.key);
    expect(await todo('officeA2')).toEqual(['approvals']);
    expect(await todo('officeA')).toEqual([]);

    t.clock.set(AT('2025-09-15'));
    const approved = await (await staff('officeA2')).post(`/api/v1/admin/contacts/${c.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'answered',
      answeredOn: '2025-09-15',
      answeredByUnit: '测试县司法局办公室',
    });
    expect(await auditActions(c.id)).toEqual([
      'contact.registered',
      'contact.assigned',
      'contact.reply_drafted',
      'contact.reply_returned',
      'contact.reply_drafted',
      'contact.reply_approved',
    ]);
  });

  it('clock per kind and channel: a hotline consultation the day of the call, 10 working days; an evaluation 15 working days (rule profile evaluationFeedbackDays, 《县局政务公开制度汇编》二 评议) with its outcome required; an e-mail needs the confirmation date', async () => {
    const office = await staff('officeA');
    const call = await office.post(
      '/api/v1/admin/contacts',
      letter({ kind: 'consultation', channel: 'hotline', submittedOn: '2025-09-09', signedForOn: null }),
    );
    expect(call.json()).toMatchObject({ receivedOn: '2025-09-09', dueOn: '2025-09-23', kindLabel: '咨询' });

    const evaluation = await office.post(
      '/api/v1/admin/contacts',
      letter({
        kind: 'evaluation',
        channel: 'visit',
        submittedOn: '2025-09-09',
        scoreContent: 2,
        scoreEffect: 4,
      }),
    );
    const e = evaluation.json();
    expect(e.dueOn).toBe('2025-09-29');
    expect(e.scores.find((s: { aspect: string }) => s.aspect === 'content').score).toBe(2);
    const noOutcome = await office.post(`/api/v1/admin/contacts/${e.id}/reply`, { text: '已补充公开指南。' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().code).toBe('CONTACT_OUTCOME_REQUIRED');
    const withOutcome = await office.post(`/api/v1/admin/contacts/${e.id}/reply`, {
      text: '已补充公开指南。',
      outcome: 'rectified',
    });
    expect(withOutcome.json()).toMatchObject({ status: 'reviewing', replyOutcomeLabel: '已整改' });

    const mail = await office.post(
      '/api/v1/admin/contacts',
      letter({ channel: 'email', signedForOn: null, submittedOn: '2025-09-08' }),
    );
    expect(mail.statusCode).toBe(400);
    expect(mail.json().code).toBe('CONTACT_RECEIPT_DATE_INVALID');
    const future = await office.post('/api/v1/admin/contacts', letter({ signedForOn: '2025-09-10' }));
    expect(future.json().code).toBe('CONTACT_RECEIPT_DATE_INVALID');
  });

  it('reminders (留言期限提醒): the office is told in-app one working day before the due date and once when overdue, however often the job runs', async () => {
    const c = (await (await staff('officeA')).post('/api/v1/admin/contacts', letter())).json();
    expect(c.dueOn).toBe('2025-09-29');
    const job = JOBS.find((j) => j.name === '留言期限提醒')!;
    const inbox = () =>
      t.deps.db
        .selectFrom('notifications')
        .select(['dedupeKey', 'title', 'recipient'])
        .where('subjectType', '=', 'participation_contact')
        .orderBy('id')
        .execute();
    expect(await runJob(t.deps, job)).toBe(0);
    // Friday 26 September: Sunday 28 September works, so 29 September is two working days away
    t.clock.set(AT('2025-09-26'));
    expect(await runJob(t.deps, job)).toBe(0);
    t.clock.set(AT('2025-09-28'));
    expect(await runJob(t.deps, job)).toBe(2);
    expect(await runJob(t.deps, job)).toBe(0);
    t.clock.set(AT('2025-09-30'));
    expect(await runJob(t.deps, job)).toBe(2);
    t.clock.set(AT('2025-10-01'));
    expect(await runJob(t.deps, job)).toBe(0);
    const rows = await inbox();
    expect(rows.map((r) => r.title)).toEqual([
      expect.stringContaining('明天到期'),
      expect.stringContaining('明天到期'),
      expect.stringContaining('已超过答复期限'),
      expect.stringContaining('已超过答复期限'),
    ]);
    const officeIds = (
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('username', 'in', ['officeA', 'officeA2'])
        .execute()
    ).map((u) => String(u.id));
    expect(new Set(rows.map((r) => r.recipient))).toEqual(new Set(officeIds));
  });

  it('bad input is a 4xx naming the field in Chinese, never a 5xx', async () => {
    const office = await staff('officeA');
    const bad = await office.post(
      '/api/v1/admin/contacts',
      letter({ subject: '', kind: 'praise', submittedOn: '9月5日' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const labels = (bad.json().fields as { label: string }[]).map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['标题', '类别', '来信来访日期']));
    expect((await office.post('/api/v1/admin/contacts', letter({ agencyId: 999999 }))).statusCode).toBe(400);
    expect(
      (await office.post('/api/v1/admin/contacts', letter({ agencyId: county.unitA.id }))).json().code,
    ).toBe('CONTACT_AGENCY_NOT_PUBLIC');
    expect((await office.get('/api/v1/admin/contacts/999999')).statusCode).toBe(404);
    expect((await office.post('/api/v1/admin/contacts/1/transfer', { toAgencyId: 1 })).statusCode).toBe(400);
    expect((await office.get('/api/v1/admin/contacts?status=nope')).statusCode).toBe(400);
  });

  it('access: the supervising office reads masked and cannot act; the county head (parent only) and another department see nothing; another agency cannot register', async () => {
    const c = (await (await staff('officeA')).post('/api/v1/admin/contacts', letter())).json();
    const sup = await staff('govOffice');
    const list = (await sup.get('/api/v1/admin/contacts')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(c.id);
    expect(list.items.find((i: { id: number }) => i.id === c.id).senderName).toBe('张*');
    const d = (await sup.get(`/api/v1/admin/contacts/${c.id}`)).json();
    expect(d).toMatchObject({ senderName: '张*', senderContact: '139****5678', actions: [] });
    expect(d.permissions.personalData).toBe(false);
    expect(
      (await sup.post(`/api/v1/admin/contacts/${c.id}/assign`, { unitId: county.unitA.id })).statusCode,
    ).toBe(403);
    expect((await sup.post('/api/v1/admin/contacts', letter())).statusCode).toBe(403);

    const head = await staff('countyHead');
    expect((await head.get(`/api/v1/admin/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await head.get('/api/v1/admin/contacts')).json().total).toBe(0);
    const other = await staff('officeB');
    expect((await other.get(`/api/v1/admin/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/admin/contacts/${c.id}/close`)).statusCode).toBe(404);
    expect((await other.post('/api/v1/admin/contacts', letter())).statusCode).toBe(403);
  });

  it('transfer (转办) to department B with its reason: B’s clock starts on the day it receives it, on its own calendar; A keeps no access; the three-month inspection flag counts from the first receipt', async () => {
    let officeA = await staff('officeA');
    const c = (await officeA.post('/api/v1/admin/contacts', letter({ kind: 'mailbox' }))).json();
    expect(c.dueOn).toBe('2025-09-29');
    expect(
      (
        await officeA.post(`/api/v1/admin/contacts/${c.id}/transfer`, {
          toAgencyId: county.deptA.id,
          reason: '不属于本机关职责',
        })
      ).json().code,
    ).toBe('CONTACT_TRANSFER_TARGET_INVALID');
    t.clock.set(AT('2025-09-12'));
    officeA = await staff('officeA');
    const moved = await officeA.post(`/api/v1/admin/contacts/${c.id}/transfer`, {
      toAgencyId: county.deptB.id,
      reason: '属于市场监管职责',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'transferred', agencyId: county.deptB.id, actions: [] });
    expect((await officeA.get(`/api/v1/admin/contacts/${c.id}`)).statusCode).toBe(404);

    let officeB = await staff('officeB');
    const atB = (await officeB.get(`/api/v1/admin/contacts/${c.id}`)).json();
    // 15 working days from Friday 12 September: Sunday 28 September works, 1–8 October are holidays
    expect(atB).toMatchObject({
      receivedOn: '2025-09-12',
      firstReceivedOn: '2025-09-09',
      dueOn: '2025-10-10',
    });
    expect(atB.transfers).toEqual([
      {
        fromAgencyName: '测试县司法局',
        toAgencyName: '测试县市场监督管理局',
        reason: '属于市场监管职责',
        transferredOn: '2025-09-12',
      },
    ]);
    expect(atB.clockNote).toContain('转办');
    expect(atB.actions).toEqual(expect.arrayContaining(['assign', 'draft_reply']));
    const transfers = await t.deps.db.selectFrom('participationContactTransfers').selectAll().execute();
    expect(transfers).toHaveLength(1);
    const chains = await t.deps.db
      .selectFrom('auditEvents')
      .select(['agencyId', 'action'])
      .where('action', 'in', ['contact.transferred', 'contact.transferred_out'])
      .execute();
    expect(chains).toEqual(
      expect.arrayContaining([
        { agencyId: county.deptB.id, action: 'contact.transferred' },
        { agencyId: county.deptA.id, action: 'contact.transferred_out' },
      ]),
    );

    t.clock.set(AT('2025-10-13'));
    officeB = await staff('officeB');
    const overdue = (await officeB.get('/api/v1/admin/contacts?overdue=true')).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, inspectionFailure: false });
    t.clock.set(AT('2025-12-10'));
    officeB = await staff('officeB');
    const late = (await officeB.get(`/api/v1/admin/contacts/${c.id}`)).json();
    expect(late.inspectionFailure).toBe(true);
  });
});
