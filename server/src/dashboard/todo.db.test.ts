/** The staff to-do list (GET /api/v1/admin/todo) on the demo county (both databases). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { buildApp, type App } from '../http/build-app.ts';
import { grantRole } from '../identity/user.service.ts';
import { transitionReport } from '../reporting/reporting.service.ts';
import { actorOf } from '../requests/request.demo.ts';
import { inTransaction } from '../shared/tx.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

interface Todo {
  total: number;
  groups: {
    key: string;
    count: number;
    items: { action: string; title: string; href: string; overdue: boolean; dueOn: string | null }[];
  }[];
}

describe.each(dialects())('to-do list (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  // one demo county for the block (seeding is the slow part); each test pins the clock again
  beforeAll(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
    await seedDemo(t.deps);
    app = await buildApp(t.deps);
  }, 180_000);
  beforeEach(() => t.clock.set('2026-11-21T02:00:00.000Z'));
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const todoOf = async (username: string): Promise<Todo> => {
    const res = await as(app, await loginAs(app, username, DEMO_PASSWORD)).get('/api/v1/admin/todo');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Todo;
  };
  const group = (t: Todo, key: string) => t.groups.find((g) => g.key === key)!;
  const hrefs = (t: Todo, key: string) => group(t, key).items.map((i) => i.href);
  const appsOf = (code: string, status: string) =>
    t.deps.db
      .selectFrom('requestApplications as a')
      .innerJoin('agencies as g', 'g.id', 'a.agencyId')
      .select(['a.id', 'a.agencyId'])
      .where('g.code', '=', code)
      .where('a.status', '=', status)
      .execute();

  it('R.30/R.33: the disclosure office sees its overdue cases (the queue’s 已逾期) and the cases awaiting receipt or assignment; counts match the items', async () => {
    expect((await app.inject('/api/v1/admin/todo')).statusCode).toBe(401);
    const office = await todoOf('sfj-gk');
    const s = await as(app, await loginAs(app, 'sfj-gk', DEMO_PASSWORD)).get(
      '/api/v1/admin/requests?queue=overdue',
    );
    const overdueQueue = (s.json() as { items: { id: number }[] }).items.map((i) => `/requests/${i.id}`);
    expect(overdueQueue.length).toBeGreaterThan(0);
    const overdueCases = hrefs(office, 'overdue').filter((h) => h.startsWith('/requests/'));
    expect(overdueCases.sort()).toEqual(overdueQueue.sort());
    // the demo's unanswered letter (participation/contact.demo.ts) is overdue for the office too
    const contacts = await as(app, await loginAs(app, 'sfj-gk', DEMO_PASSWORD)).get(
      '/api/v1/admin/contacts?overdue=true',
    );
    const overdueContacts = (contacts.json() as { items: { id: number }[] }).items.map(
      (i) => `/participation/contacts/${i.id}`,
    );
    expect(
      hrefs(office, 'overdue')
        .filter((h) => h.startsWith('/participation/'))
        .sort(),
    ).toEqual(overdueContacts.sort());
    expect(group(office, 'overdue').items.every((i) => i.overdue && i.dueOn! < '2026-11-21')).toBe(true);
    const waiting = [...(await appsOf('sfj', 'registered')), ...(await appsOf('sfj', 'unconfirmed'))];
    for (const a of waiting) expect(hrefs(office, 'cases')).toContain(`/requests/${a.id}`);
    for (const g of office.groups) expect(g.count).toBe(g.items.length);
    expect(office.total).toBe(new Set(office.groups.flatMap((g) => g.items.map((i) => i.href))).size);
    // another department's cases never appear
    const scj = await appsOf('scjgj', 'registered');
    expect(hrefs(office, 'cases')).not.toContain(`/requests/${scj[0]!.id}`);
    // the platform administrator handles no cases
    expect((await todoOf('admin')).total).toBe(0);
  });

  it('approval steps: the unit head sees step 1, then the office sees step 2; the one who filled step 1 is not offered step 2', async () => {
    const [pending] = await appsOf('sfj', 'awaiting_approval');
    const href = `/requests/${pending!.id}`;
    expect(hrefs(await todoOf('sfj-kz'), 'approvals')).toContain(href);
    expect(hrefs(await todoOf('sfj-gk'), 'approvals')).not.toContain(href);
    // the unit head also holds the office role in the same agency (granted by the platform)
    const kz = await actorOf(t.deps.db, 'sfj-kz');
    await inTransaction(t.deps, (tx) =>
      grantRole(t.deps, tx, null, kz.userId, { agencyId: pending!.agencyId, role: 'disclosure_office' }),
    );
    const kzs = as(app, await loginAs(app, 'sfj-kz', DEMO_PASSWORD));
    const ok = await kzs.post(`/api/v1/admin/requests/${pending!.id}/approval`, { approve: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(hrefs(await todoOf('sfj-kz'), 'approvals')).not.toContain(href);
    const office = await todoOf('sfj-gk');
    expect(group(office, 'approvals').items.find((i) => i.href === href)?.action).toContain('第 2 步');
  });

  it('docs/product.md §2.3: an item at the confidentiality review office is on the reviewer’s list, not the leader’s', async () => {
    const title = '云岭县2026年“八五”普法终期评估工作方案';
    expect(group(await todoOf('sfj-bm'), 'reviews').items.map((i) => i.title)).toContain(title);
    expect(group(await todoOf('sfj-fg'), 'reviews').items.map((i) => i.title)).not.toContain(title);
  });

  it('R.49: last year’s report — to compile (office), to approve (leader), then overdue after 31 January', async () => {
    t.clock.set('2027-01-05T02:00:00.000Z');
    const title = '云岭县司法局2026年政府信息公开工作年度报告';
    const office = group(await todoOf('sfj-gk'), 'reports');
    expect(office.items.map((i) => i.title)).toEqual([title]);
    expect(office.items[0]!.action).toContain('待编制');
    expect(group(await todoOf('sfj-fg'), 'reports').count).toBe(0);
    const gk = await actorOf(t.deps.db, 'sfj-gk');
    await inTransaction(t.deps, (tx) =>
      transitionReport(t.deps, tx, { actor: gk }, gk.activeAgencyId!, 2026, 'submit'),
    );
    expect(group(await todoOf('sfj-gk'), 'reports').count).toBe(0);
    const leader = group(await todoOf('sfj-fg'), 'reports');
    expect(leader.items.map((i) => i.action)).toEqual(['年度报告待审批']);
    t.clock.set('2027-02-02T02:00:00.000Z');
    expect(group(await todoOf('sfj-fg'), 'overdue').items.map((i) => i.title)).toContain(title);
    // the 2025 report of the demo is published: nothing for the 统计局 that published late
    t.clock.set('2026-11-21T02:00:00.000Z');
    expect(group(await todoOf('tjj-gk'), 'reports').count).toBe(0);
  });
});
