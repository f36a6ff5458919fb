/**
 * The annual report and the statistics count an application in the year of its reply or other
 * terminating act, never of its archiving (R.33; docs/rules.md §1), through the real staff flow on both
 * databases; the prefilled narrative states only facts from the records (late replies, fees paid);
 * Table 四 keeps an appeal in the year it was filed (docs/rules.md §2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;

describe.each(dialects())('report year attribution (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, {
      now: AT('2025-01-06'),
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

  // one login per user per 20 days of fake time (sessions last 30 days here): logins are slow and rate-limited
  const sessions = new Map<string, { since: number; s: Awaited<ReturnType<typeof loginAs>> }>();
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
  /** An online application confirmed as received on `date` (R.31(三)); returns its id. */
  async function received(date: string): Promise<number> {
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
    const { registrationNo } = res.json() as { registrationNo: string };
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    const office = await at(date);
    expect(
      (await office.post(`/api/v1/admin/requests/${row.id}/confirm`, { confirmedOn: date })).statusCode,
    ).toBe(200);
    return row.id;
  }
  /** Decides every item as disclosed, has it approved and sends the reply on `date`. */
  async function reply(id: number, date: string): Promise<void> {
    const office = await at(date);
    const c = (await office.get(`/api/v1/admin/requests/${id}`)).json() as { items: { id: number }[] };
    for (const i of c.items)
      expect(
        (
          await office.put(`/api/v1/admin/requests/${id}/items/${i.id}/decision`, {
            code: 'disclosed',
            howToObtain: '见附件',
          })
        ).statusCode,
      ).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    const head = await at(date, 'headA');
    expect((await head.post(`/api/v1/admin/requests/${id}/approval`, { approve: true })).statusCode).toBe(
      200,
    );
    const sent = await office.post(`/api/v1/admin/requests/${id}/reply`);
    expect(sent.statusCode, sent.body).toBe(200);
  }
  const report = async (year: number) => {
    const office = await at('2026-01-20');
    const r = await office.get(`/api/v1/admin/reports/${county.deptA.id}/${year}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      figures: { table3: Record<string, { total: number }>; table4: Record<string, Record<string, number>> };
      problems: unknown[];
      narrative: { overview: string; other: string };
    };
  };
  const rowIds = async (year: number, row: string) => {
    const office = await at('2026-01-20');
    const r = await office.get(`/api/v1/admin/reports/${county.deptA.id}/${year}/rows/${row}`);
    expect(r.statusCode, r.body).toBe(200);
    return ((r.json() as { items: { id: number }[] }).items ?? []).map((x) => x.id).sort();
  };

  it('R.33: replied 19 December 2025 and archived January 2026 counts as handled in 2025, not carried over; replied but never archived counts too; carried in and out; withdrawal and lapse of correction are terminating acts', async () => {
    // carried in from 2024, replied in 2025
    const carriedIn = await received('2024-12-23');
    // replied 2025-10-28 and never archived
    const notArchived = await received('2025-09-26');
    // replied 2025-12-19, archived 2026-01-08
    const archivedNextYear = await received('2025-11-24');
    // received 2025-12-29, nothing by 31 December → carried out, and carried into 2026
    const open = await received('2025-12-29');
    // withdrawn in 2025 (R.33: a terminating act other than the reply) → （六）3 其他
    const withdrawn = await received('2025-03-03');
    // correction notice, no correction by its deadline: lapsed in 2025 (R.30) → （六）1
    const lapsed = await received('2025-04-01');

    await reply(carriedIn, '2025-01-10');
    await reply(notArchived, '2025-10-28');
    await reply(archivedNextYear, '2025-12-19');
    let office = await at('2025-03-05');
    expect(
      (await office.post(`/api/v1/admin/requests/${withdrawn}/withdraw`, { reason: '申请人书面撤回' }))
        .statusCode,
    ).toBe(200);
    office = await at('2025-04-02');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${lapsed}/correction`, {
          note: '请明确所需信息的文号',
          correctionDays: 10,
        })
      ).statusCode,
    ).toBe(200);
    office = await at('2025-04-30');
    expect((await office.post(`/api/v1/admin/requests/${lapsed}/correction-lapse`)).statusCode).toBe(200);
    office = await at('2026-01-08');
    expect((await office.post(`/api/v1/admin/requests/${archivedNextYear}/close`)).statusCode).toBe(200);

    const y2025 = await report(2025);
    const t3 = y2025.figures.table3;
    expect(t3.new!.total).toBe(5);
    expect(t3.carried_in!.total).toBe(1);
    expect(t3.disclosed!.total).toBe(3); // carriedIn, notArchived, archivedNextYear
    expect(t3['other.1']!.total).toBe(1);
    expect(t3['other.3']!.total).toBe(1);
    expect(t3.total!.total).toBe(5);
    expect(t3.carried_out!.total).toBe(1);
    expect(y2025.problems).toEqual([]);
    expect(await rowIds(2025, 'carried_out')).toEqual([open]);
    expect(await rowIds(2025, 'disclosed')).toEqual([carriedIn, notArchived, archivedNextYear].sort());

    // 2026: archiving in January moves nothing; only the open one is carried in (and still open → carried out)
    const y2026 = await report(2026);
    expect(y2026.figures.table3.carried_in!.total).toBe(1);
    expect(y2026.figures.table3.total!.total).toBe(0);
    expect(y2026.figures.table3.carried_out!.total).toBe(1);
    expect(await rowIds(2026, 'carried_in')).toEqual([open]);

    // statistics: 办结 follows the same rule (decided in 2025, whatever the archive date)
    office = await at('2026-01-20');
    const s = (await office.get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2025`)).json() as {
      timeliness: { closed: number };
      applicationsByMonth: { month: string; closed: number }[];
      byOutcome: { key: string; count: number }[];
    };
    expect(s.timeliness.closed).toBe(5);
    expect(s.applicationsByMonth.find((m) => m.month === '2025-12')!.closed).toBe(1);
    expect(s.byOutcome.find((o) => o.key === 'disclosed')!.count).toBe(3);
    const s26 = (
      await office.get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2026`)
    ).json() as {
      timeliness: { closed: number };
    };
    expect(s26.timeliness.closed).toBe(0);
  });

  it('R.33 narrative: late replies are counted, never "均在法定期限内答复"; 109号: a fee paid is stated with its amount', async () => {
    const onTime = await received('2025-09-26'); // due 2025-10-30 (National Day not counted)
    const late = await received('2025-09-26');
    await reply(onTime, '2025-10-28');
    let office = await at('2025-10-10');
    expect(
      (await office.post(`/api/v1/admin/requests/${late}/fee`, { method: 'per_volume', units: 40 }))
        .statusCode,
    ).toBe(200);
    office = await at('2025-10-15');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${late}/fee/settle`, {
          paidOn: '2025-10-15',
          receiptNo: 'P-1',
        })
      ).statusCode,
    ).toBe(200);
    await reply(late, '2025-12-01');
    const r = await report(2025);
    expect(r.narrative.overview).toContain('全年答复2件，其中1件在法定期限内答复，1件超过法定期限答复。');
    expect(r.narrative.overview).not.toContain('均在法定期限内答复');
    // 31–40 pages at 10 元 (109号 per-volume tiers of the default rule profile)
    expect(r.narrative.other).toContain('本年度实际收取信息处理费100元（1笔）');
    expect(r.narrative.other).not.toContain('未收取信息处理费');
  });

  it('narrative with every reply on time and no fee says so — from the records', async () => {
    const a = await received('2025-09-26');
    await reply(a, '2025-10-20');
    const r = await report(2025);
    expect(r.narrative.overview).toContain('全年答复1件，均在法定期限内答复。');
    expect(r.narrative.other).toContain('本年度未收取信息处理费');
  });

  it('Table 四: an appeal filed in 2025 and decided in 2026 is 尚未审结 in 2025 and not counted again in 2026', async () => {
    const a = await received('2025-09-26');
    await reply(a, '2025-10-20');
    let office = await at('2025-11-10');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${a}/appeal`, {
          kind: 'reconsideration',
          filedOn: '2025-11-10',
          outcome: 'pending',
        })
      ).statusCode,
    ).toBe(200);
    office = await at('2026-01-15');
    const c = (await office.get(`/api/v1/admin/requests/${a}`)).json() as { appeals: { id: number }[] };
    expect(
      (
        await office.post(`/api/v1/admin/requests/${a}/appeal/outcome`, {
          appealId: c.appeals[0]!.id,
          outcome: 'upheld',
          decidedOn: '2026-01-15',
        })
      ).statusCode,
    ).toBe(200);
    const y2025 = await report(2025);
    expect(y2025.figures.table4.reconsideration).toMatchObject({ pending: 1, upheld: 0, total: 1 });
    const y2026 = await report(2026);
    expect(y2026.figures.table4.reconsideration).toMatchObject({ pending: 0, upheld: 0, total: 0 });
  });
});
