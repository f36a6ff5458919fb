/**
 * Staff queues of 依申请公开 on both databases: "due within 5 working days" is counted on each
 * agency's own calendar (local holidays of an agency subtree, R.33 with Civil Code art. 201), and the
 * queue counts of the page come from one grouped query that agrees with every single queue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDay } from '../calendar/calendar.service.ts';
import { type App, buildApp } from '../http/build-app.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { COUNTED_QUEUES } from './request.repository.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;
/** A resident identity number with a valid GB 11643 check digit. */
const ID = '11010519491231002X';

describe.each(dialects())('依申请公开 queues (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-26') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'supervisor' }], { username: 'supervisor' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const staff = async (u: string) => as(app, await loginAs(app, u));

  /** Applies online to an agency and confirms receipt (R.31) on the clock's date. */
  async function received(agencyCode: string, office: string, on: string): Promise<number> {
    t.clock.set(AT(on));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode,
        applicant: {
          kind: 'natural',
          name: '王五',
          idType: 'resident_id',
          idNumber: ID,
          phone: '13900000000',
        },
        items: [{ description: '本机关2024年度政府采购合同目录' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode).toBe(201);
    const { id } = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', res.json().registrationNo)
      .executeTakeFirstOrThrow();
    const s = await staff(office);
    expect((await s.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: on })).statusCode).toBe(200);
    return id;
  }

  it('R.33 + local calendar: "due within 5 working days" uses each agency\'s own calendar, not the national one', async () => {
    // received on Friday 2025-09-26 → due 2025-10-30 (National Day week not counted)
    const a1 = await received(county.deptA.code, 'officeA', '2025-09-26');
    const b1 = await received(county.deptB.code, 'officeB', '2025-09-26');
    // received on the make-up working day Sunday 2025-09-28 → due 2025-10-31
    const a2 = await received(county.deptA.code, 'officeA', '2025-09-28');
    // a local holiday of department B on Monday 2025-10-27: B's deadline moves to 10-31
    await inTransaction(t.deps, (tx) =>
      setDay(
        t.deps,
        tx,
        { actor: null },
        { date: '2025-10-27', kind: 'holiday', name: '地方民族节日', agencyId: county.deptB.id },
      ),
    );
    t.clock.set(AT('2025-10-23'));
    const sup = await staff('supervisor');
    const dueOf = async (id: number) => (await sup.get(`/api/v1/admin/requests/${id}`)).json().clock.dueOn;
    expect([await dueOf(a1), await dueOf(b1), await dueOf(a2)]).toEqual([
      '2025-10-30',
      '2025-10-31',
      '2025-10-31',
    ]);

    // On Thursday 10-23 the fifth working day is 10-30 nationally, but 10-31 for department B.
    const q = (await sup.get('/api/v1/admin/requests?queue=due_soon')).json();
    const ids = q.items.map((i: { id: number }) => i.id).sort((x: number, y: number) => x - y);
    expect(ids).toEqual([a1, b1].sort((x, y) => x - y));
    expect(q.items.find((i: { id: number }) => i.id === b1)).toMatchObject({
      dueOn: '2025-10-31',
      workingDaysLeft: 5,
    });
    expect(q.total).toBe(2);
    expect(q.counts.due_soon).toBe(2);
    // department B's own office sees its case; department A's office sees only a1 (a2 is 6 days away)
    const qa = (await (await staff('officeA')).get('/api/v1/admin/requests?queue=due_soon')).json();
    expect(qa.items.map((i: { id: number }) => i.id)).toEqual([a1]);
    expect(qa.counts.due_soon).toBe(1);
    const qb = (await (await staff('officeB')).get('/api/v1/admin/requests?queue=due_soon')).json();
    expect(qb.items.map((i: { id: number }) => i.id)).toEqual([b1]);

    // a local make-up working day for department A on Saturday 10-25 moves a1 to 10-29 and a2 to
    // 10-30 — and A's fifth working day to 10-29: a2 is still 6 working days away (nationally it
    // would count as due within 5)
    await inTransaction(t.deps, (tx) =>
      setDay(
        t.deps,
        tx,
        { actor: null },
        { date: '2025-10-25', kind: 'workday', name: '地方调休上班', agencyId: county.deptA.id },
      ),
    );
    expect([await dueOf(a1), await dueOf(a2)]).toEqual(['2025-10-29', '2025-10-30']);
    const after = (await (await staff('supervisor')).get('/api/v1/admin/requests?queue=due_soon')).json();
    expect(after.items.map((i: { id: number }) => i.id).sort((x: number, y: number) => x - y)).toEqual(
      [a1, b1].sort((x, y) => x - y),
    );
    expect(after.counts.due_soon).toBe(2);
  });

  it('the queue counts (one grouped query) equal the totals of the single queues, within the scope only', async () => {
    const a1 = await received(county.deptA.code, 'officeA', '2025-09-26');
    await received(county.deptA.code, 'officeA', '2025-09-26');
    await received(county.deptB.code, 'officeB', '2025-09-26');
    // one more, unconfirmed, in department A
    await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: '赵六',
          idType: 'resident_id',
          idNumber: ID,
          phone: '13900000001',
        },
        items: [{ description: '2025年度部门预算' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    const officeA = await staff('officeA');
    expect(
      (await officeA.post(`/api/v1/admin/requests/${a1}/assign`, { unitId: county.unitA.id })).statusCode,
    ).toBe(200);
    for (const [day, user] of [
      ['2025-10-24', 'officeA'],
      ['2025-10-31', 'officeA'],
      ['2025-10-31', 'supervisor'],
      ['2025-10-31', 'officeB'],
    ] as const) {
      t.clock.set(AT(day));
      const s = await staff(user);
      const page = (await s.get('/api/v1/admin/requests')).json();
      for (const queue of COUNTED_QUEUES) {
        const single = (await s.get(`/api/v1/admin/requests?queue=${queue}`)).json();
        expect({ day, user, queue, n: page.counts[queue] }).toEqual({ day, user, queue, n: single.total });
      }
    }
    t.clock.set(AT('2025-10-31'));
    const counts = (await (await staff('officeA')).get('/api/v1/admin/requests')).json().counts;
    expect(counts).toMatchObject({ unconfirmed: 1, new: 1, overdue: 2, due_soon: 0 });
  });
});
