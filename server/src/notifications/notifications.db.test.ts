/**
 * Reminders (issue #3: 5 and 1 working days before the R.33 reply is due, overdue once; issue #5: the
 * R.49 annual report 30 and 7 days before and overdue), the outbox delivery with retries, and the
 * staff API — against both databases, with a fixed clock.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { JOBS } from '../jobs.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { deliverDue } from './notification.service.ts';
import type { Notifier, Notifiers } from './notifier.ts';
import { enqueueDueReminders } from '../reminders/reminder.service.ts';

/** 10:00 Beijing time on a date. */
const AT = (date: string) => `${date}T02:00:00.000Z`;

const applyBody = (agencyCode: string) => ({
  agencyCode,
  applicant: {
    kind: 'natural',
    name: '李四',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13912345678',
  },
  items: [{ description: '2024年本局行政处罚案件统计数据' }],
  provisionForm: 'electronic',
  deliveryMethod: 'online',
});

describe.each(dialects())('notifications and reminders (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let dataDir: string;
  let officeA: number;
  let officeA2: number;
  let drafterA: number;
  let officeB: number;
  let admin: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-notify-'));
    t = await makeTestDb(dialect, { now: AT('2025-09-09'), config: { dataDir } });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    officeA = (
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
        username: 'officeA',
      })
    ).id;
    officeA2 = (
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
        username: 'officeA2',
      })
    ).id;
    drafterA = (
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
        username: 'drafterA',
      })
    ).id;
    officeB = (
      await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
        username: 'officeB',
      })
    ).id;
    admin = (await makeStaff(t.deps, [], { username: 'sysadmin', platformAdmin: true })).id;
    await t.deps.db
      .updateTable('users')
      .set({ email: 'office-a@example.gov.cn' })
      .where('id', '=', officeA)
      .execute();
    await t.deps.db
      .updateTable('users')
      .set({ email: 'drafter-a@example.gov.cn' })
      .where('id', '=', drafterA)
      .execute();
    // these tests count the staff's reminders: department A sends its applicants no progress notices
    // (requests/applicant-notice.ts, tested in requests/service-record.db.test.ts)
    await t.deps.db
      .insertInto('requestNoticeSettings')
      .values({
        agencyId: county.deptA.id,
        disabledJson: JSON.stringify(['registered', 'correction', 'fee_notice', 'extension', 'reply_ready']),
        updatedAt: AT('2025-09-01'),
      })
      .execute();
  });
  afterEach(async () => {
    await app.close();
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const staff = async (u: string) => as(app, await loginAs(app, u));
  const runReminders = () => inTransaction(t.deps, (tx) => enqueueDueReminders(t.deps, tx));
  const at = (date: string) => t.clock.set(AT(date));
  const rows = () => t.deps.db.selectFrom('notifications').selectAll().orderBy('id').execute();
  const keys = async () => (await rows()).map((r) => r.dedupeKey);
  const auditCount = async (action: string) =>
    (await t.deps.db.selectFrom('auditEvents').select('id').where('action', '=', action).execute()).length;

  /** An application to department A received (R.31) on 2025-09-09: R.33's 20 working days end on 2025-10-13. */
  async function application(): Promise<number> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: applyBody(county.deptA.code),
    });
    expect(res.statusCode).toBe(201);
    const { id } = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', res.json().registrationNo)
      .executeTakeFirstOrThrow();
    const office = await staff('officeA');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-09' })).statusCode,
    ).toBe(200);
    expect((await office.get(`/api/v1/admin/requests/${id}`)).json().clock.dueOn).toBe('2025-10-13');
    return id;
  }

  it('R.33 (20 working days, due 2025-10-13 across National Day): one 5-day reminder however often the job runs, nothing on other days, one 1-day reminder, overdue flagged once; no handler → every disclosure-office member, e-mail where there is an address', async () => {
    const id = await application();
    const before = await auditCount('notification.reminders_enqueued');

    at('2025-09-26'); // 7 working days left (09-28 is a working Sunday)
    expect(await runReminders()).toBe(0);
    expect(await rows()).toEqual([]);
    expect(await auditCount('notification.reminders_enqueued')).toBe(before);

    at('2025-09-29'); // 09-30, 10-09, 10-10, 10-11 (working Saturday), 10-13: 5 working days across the holiday
    expect(await runReminders()).toBe(3);
    expect(await runReminders()).toBe(0);
    expect(await keys()).toEqual([
      `req:${id}:2025-10-13:remind5:inapp:${officeA}`,
      `req:${id}:2025-10-13:remind5:email:office-a@example.gov.cn`,
      `req:${id}:2025-10-13:remind5:inapp:${officeA2}`,
    ]);
    const [inapp, email] = await rows();
    expect(inapp).toMatchObject({
      channel: 'inapp',
      state: 'delivered',
      subjectType: 'request_application',
      subjectId: id,
      agencyId: county.deptA.id,
      readAt: null,
    });
    expect(inapp!.title).toContain('剩余 5 个工作日');
    expect(email).toMatchObject({
      channel: 'email',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: AT('2025-09-29'),
    });
    expect(await auditCount('notification.reminders_enqueued')).toBe(before + 1);

    for (const d of ['2025-09-30', '2025-10-01', '2025-10-08', '2025-10-10']) {
      at(d);
      expect(await runReminders(), d).toBe(0);
    }
    at('2025-10-11'); // a working Saturday: 1 working day left
    expect(await runReminders()).toBe(3);
    at('2025-10-13'); // the due day itself: no reminder
    expect(await runReminders()).toBe(0);
    at('2025-10-14');
    expect(await runReminders()).toBe(3);
    at('2025-10-15');
    expect(await runReminders()).toBe(0);
    expect((await keys()).filter((k) => k.includes(':inapp:' + officeA))).toEqual([
      `req:${id}:2025-10-13:remind5:inapp:${officeA}`,
      `req:${id}:2025-10-13:remind1:inapp:${officeA}`,
      `req:${id}:2025-10-13:overdue:inapp:${officeA}`,
    ]);
    expect(await auditCount('notification.reminders_enqueued')).toBe(before + 3);
    // department B's office never hears of department A's case
    expect((await rows()).some((r) => r.recipient === String(officeB))).toBe(false);
  });

  it('the handler alone is reminded once assigned; a paused clock (R.33 ¶3 consultation) gets no reminder', async () => {
    const assigned = await application();
    const paused = await application();
    const office = await staff('officeA');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${assigned}/assign`, {
          unitId: county.unitA.id,
          handlerUserId: drafterA,
        })
      ).statusCode,
    ).toBe(200);
    at('2025-09-26');
    const office2 = await staff('officeA');
    expect(
      (
        await office2.post(`/api/v1/admin/requests/${paused}/consultation`, {
          kind: 'third_party',
          party: '某科技有限公司',
        })
      ).statusCode,
    ).toBe(200);
    at('2025-09-29');
    expect(await runReminders()).toBe(2);
    expect(await keys()).toEqual([
      `req:${assigned}:2025-10-13:remind5:inapp:${drafterA}`,
      `req:${assigned}:2025-10-13:remind5:email:drafter-a@example.gov.cn`,
    ]);
  });

  it('R.49: last year’s report — departments 30 and 7 days before 31 January and overdue once; governments before 31 March; a published report gets none', async () => {
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
      username: 'officeGov',
    });
    await t.deps.db
      .insertInto('annualReports')
      .values({
        agencyId: county.deptB.id,
        year: 2025,
        format: '2021',
        source: 'computed',
        status: 'published',
        inputsJson: '{}',
        narrativeJson: '{}',
        figuresJson: null,
        submittedBy: null,
        approvedBy: null,
        approvedAt: null,
        publishedAt: AT('2025-12-31'),
        createdAt: AT('2025-12-31'),
        updatedAt: AT('2025-12-31'),
      })
      .execute();
    const reportKeys = async () => (await keys()).filter((k) => k.startsWith('report:'));

    at('2026-01-01');
    expect(await runReminders()).toBe(3); // department A's two office members, one with e-mail
    expect(await reportKeys()).toEqual([
      `report:${county.deptA.id}:2025:2026-01-31:remind30:inapp:${officeA}`,
      `report:${county.deptA.id}:2025:2026-01-31:remind30:email:office-a@example.gov.cn`,
      `report:${county.deptA.id}:2025:2026-01-31:remind30:inapp:${officeA2}`,
    ]);
    const first = (await rows())[0]!;
    expect(first).toMatchObject({ subjectType: 'annual_report', subjectId: 2025, agencyId: county.deptA.id });
    expect(first.body).toContain('条例第四十九条');
    expect(await runReminders()).toBe(0);
    at('2026-01-02');
    expect(await runReminders()).toBe(0);
    at('2026-01-24');
    expect(await runReminders()).toBe(3);
    at('2026-02-01');
    expect(await runReminders()).toBe(3);
    at('2026-02-02');
    expect(await runReminders()).toBe(0);
    at('2026-03-01'); // the government's report: 30 days before 31 March
    expect(await runReminders()).toBe(1);
    expect((await reportKeys()).filter((k) => k.startsWith(`report:${county.gov.id}:`))).toHaveLength(1);
    expect((await reportKeys()).some((k) => k.startsWith(`report:${county.deptB.id}:`))).toBe(false);
  });

  it('the sending job writes an .eml into DATA_DIR/outbox/email and marks the row sent; in-app rows are never sent', async () => {
    await application();
    at('2025-09-29');
    await runReminders();
    const send = JOBS.find((j) => j.name === '发送通知')!;
    expect(await send.run(t.deps)).toBe(1);
    expect(await send.run(t.deps)).toBe(0);
    const files = await readdir(path.join(dataDir, 'outbox', 'email'));
    expect(files).toHaveLength(1);
    const eml = await readFile(path.join(dataDir, 'outbox', 'email', files[0]!), 'utf8');
    expect(eml).toContain('To: office-a@example.gov.cn\r\n');
    expect(eml).toContain('Subject: =?UTF-8?B?');
    const email = (await rows()).find((r) => r.channel === 'email')!;
    expect(email).toMatchObject({
      state: 'sent',
      attempts: 1,
      sentAt: AT('2025-09-29'),
      nextAttemptAt: null,
    });
    expect((await rows()).filter((r) => r.channel === 'inapp').every((r) => r.state === 'delivered')).toBe(
      true,
    );
    expect(await auditCount('notification.delivery_run')).toBe(1);
  });

  it('a failing transport retries with backoff (2, then 6 minutes) and gives up after the last attempt; the system administrator re-queues it', async () => {
    await application();
    at('2025-09-29');
    await runReminders();
    const failing: Notifier = {
      channel: 'email',
      send: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.1:465');
      },
    };
    const notifiers: Notifiers = { email: failing, sms: failing };
    const email = async () => (await rows()).find((r) => r.channel === 'email')!;

    expect(await deliverDue(t.deps, notifiers, 3)).toBe(1);
    expect(await email()).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'connect ECONNREFUSED 10.0.0.1:465',
      nextAttemptAt: '2025-09-29T02:02:00.000Z',
    });
    t.clock.advance(60_000);
    expect(await deliverDue(t.deps, notifiers, 3)).toBe(0); // not yet due
    t.clock.advance(60_000);
    expect(await deliverDue(t.deps, notifiers, 3)).toBe(1);
    expect(await email()).toMatchObject({
      state: 'pending',
      attempts: 2,
      nextAttemptAt: '2025-09-29T02:08:00.000Z',
    });
    t.clock.advance(6 * 60_000);
    expect(await deliverDue(t.deps, notifiers, 3)).toBe(1);
    expect(await email()).toMatchObject({ state: 'failed', attempts: 3, nextAttemptAt: null });
    t.clock.advance(24 * 3_600_000);
    expect(await deliverDue(t.deps, notifiers, 3)).toBe(0);

    const id = (await email()).id;
    const office = await staff('officeA');
    expect((await office.get('/api/v1/admin/notifications/outbox')).statusCode).toBe(403);
    expect((await office.post(`/api/v1/admin/notifications/outbox/${id}/retry`)).statusCode).toBe(403);
    const sys = await staff('sysadmin');
    const list = (await sys.get('/api/v1/admin/notifications/outbox?state=failed')).json();
    expect(list).toMatchObject({ total: 1, counts: { failed: 1, pending: 0, sent: 0 } });
    expect(list.items[0]).toMatchObject({
      id,
      stateLabel: '发送失败',
      attempts: 3,
      recipient: 'office-a@example.gov.cn',
    });
    expect(list.transports.email).toContain(path.join(dataDir, 'outbox', 'email'));
    const retried = await sys.post(`/api/v1/admin/notifications/outbox/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await sys.post(`/api/v1/admin/notifications/outbox/${id}/retry`)).json().code).toBe(
      'NOTIFICATION_NOT_RETRYABLE',
    );
    expect(await auditCount('notification.retried')).toBe(1);
    expect(
      await deliverDue(t.deps, { email: { channel: 'email', send: async () => {} }, sms: failing }),
    ).toBe(1);
    expect(await email()).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('staff API: each user sees, counts and marks only their own in-app notifications; nobody reads or marks another’s', async () => {
    await application();
    at('2025-09-29');
    await runReminders();
    const mine = (
      await t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where('channel', '=', 'inapp')
        .where('recipient', '=', String(officeA))
        .executeTakeFirstOrThrow()
    ).id;
    const theirs = (
      await t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where('channel', '=', 'inapp')
        .where('recipient', '=', String(officeA2))
        .executeTakeFirstOrThrow()
    ).id;
    const emailRow = (await rows()).find((r) => r.channel === 'email')!.id;

    const a = await staff('officeA');
    const list = (await a.get('/api/v1/admin/notifications')).json();
    expect(list).toMatchObject({ total: 1, unread: 1 });
    expect(list.items[0]).toMatchObject({
      id: mine,
      readAt: null,
      link: expect.stringMatching(/^\/admin\/requests\/\d+$/),
    });

    const b = await staff('officeB');
    expect((await b.get('/api/v1/admin/notifications')).json()).toMatchObject({
      total: 0,
      unread: 0,
      items: [],
    });
    const stranger = await b.post(`/api/v1/admin/notifications/${mine}/read`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await b.post(`/api/v1/admin/notifications/${emailRow}/read`)).statusCode).toBe(404);
    expect((await b.post('/api/v1/admin/notifications/read-all')).json()).toEqual({ updated: 0, unread: 0 });
    // even the platform administrator sees only their own inbox
    expect((await (await staff('sysadmin')).get('/api/v1/admin/notifications')).json().total).toBe(0);

    expect((await a.post(`/api/v1/admin/notifications/${mine}/read`)).json()).toEqual({ unread: 0 });
    expect((await a.get('/api/v1/admin/notifications?unreadOnly=true')).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
    expect((await a.get('/api/v1/admin/notifications')).json().items[0].readAt).toBe(AT('2025-09-29'));

    const a2 = await staff('officeA2');
    expect((await a2.get('/api/v1/admin/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await a2.post('/api/v1/admin/notifications/read-all')).json()).toEqual({ updated: 1, unread: 0 });
    expect(
      (
        await t.deps.db
          .selectFrom('notifications')
          .select('readAt')
          .where('id', '=', theirs)
          .executeTakeFirstOrThrow()
      ).readAt,
    ).toBe(AT('2025-09-29'));
    expect((await a.get('/api/v1/admin/notifications?limit=0')).statusCode).toBe(400);
    expect(admin).toBeGreaterThan(0);
  });

  it('the reminder job does its work at most once an hour', async () => {
    await application();
    at('2025-09-29');
    const job = JOBS.find((j) => j.name === '期限提醒')!;
    expect(await job.run(t.deps)).toBe(3);
    await t.deps.db.deleteFrom('notifications').execute();
    expect(await job.run(t.deps)).toBe(0); // same hour: skipped
    t.clock.advance(3_600_000);
    expect(await job.run(t.deps)).toBe(3); // next hour: enqueued again (the rows were deleted)
  });
});
