/** The demo county's 2026 inspection (both databases): published with one accepted, one waiting and one overdue rectification. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { buildApp } from '../http/build-app.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { DEMO_INSPECTION_TITLE } from './oversight.demo.ts';
import { DEMO_ACCOUNTABILITY_TITLE } from './accountability.demo.ts';

describe.each(dialects())('oversight demo (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
    await seedDemo(t.deps);
  }, 300_000);
  afterAll(async () => t?.close());

  it('the 2026 supervision is published; 司法局 accepted, 教育体育局 waiting, 市场监管局 overdue on the supervisor list and the portal', async () => {
    const app = await buildApp(t.deps);
    try {
      const list = await app.inject('/inspections');
      expect(list.body).toContain(DEMO_INSPECTION_TITLE);
      const id = /href="\/inspections\/(\d+)"/.exec(list.body)![1];
      const page = (await app.inject(`/inspections/${id}`)).body;
      for (const s of ['已验收', '整改报告待验收', '逾期未整改', '未发现问题', '云岭县司法局'])
        expect(page).toContain(s);

      const dcs = as(app, await loginAs(app, 'dcs', DEMO_PASSWORD));
      const overdue = (await dcs.get('/api/v1/admin/oversight/rectifications/overdue')).json();
      expect(overdue.total).toBe(1);
      expect(overdue.items[0].rectification.owner.name).toContain('市场监督管理局');
      const todo = (await dcs.get('/api/v1/admin/todo')).json();
      expect(todo.groups.find((g: { key: string }) => g.key === 'rectifications').count).toBe(1);

      const scj = as(app, await loginAs(app, 'scj-gk', DEMO_PASSWORD));
      const mine = (await scj.get('/api/v1/admin/oversight/rectifications')).json();
      expect(mine.items.map((e: { rectification: { overdue: boolean } }) => e.rectification.overdue)).toEqual(
        [true],
      );
      const audit = await t.deps.db
        .selectFrom('auditEvents')
        .select('action')
        .where('action', 'like', 'oversight.%')
        .where('action', '!=', 'oversight.detections_recorded') // the daily detection run, not the inspection
        .where('action', 'not like', 'oversight.accountability%') // the demo accountability case
        .execute();
      expect(audit.length).toBe(9);
    } finally {
      await app.close();
    }
  });

  it('one accountability case is at review: the decision in force, visible to the 督查室 and the persons concerned only', async () => {
    const app = await buildApp(t.deps);
    try {
      const dcs = as(app, await loginAs(app, 'dcs', DEMO_PASSWORD));
      const list = (await dcs.get('/api/v1/admin/oversight/accountability')).json();
      const open = list.items.filter((c: { title: string }) => c.title === DEMO_ACCOUNTABILITY_TITLE);
      expect(open).toHaveLength(1);
      expect(open[0].status).toBe('review_requested');
      const c = (await dcs.get(`/api/v1/admin/oversight/accountability/${open[0].id}`)).json();
      expect(c.inForce).toBe(true);
      expect(c.persons.map((p: { share: string }) => p.share).sort()).toEqual(['main', 'secondary']);
      expect(c.permissions.decideReview).toBe(false); // dcs decided; another officer reviews
      const gkb = as(app, await loginAs(app, 'gkb', DEMO_PASSWORD));
      expect(
        (await gkb.get(`/api/v1/admin/oversight/accountability/${open[0].id}`)).json().permissions
          .decideReview,
      ).toBe(true);
      const fg = as(app, await loginAs(app, 'scj-fg', DEMO_PASSWORD));
      expect((await fg.get(`/api/v1/admin/oversight/accountability/${open[0].id}`)).statusCode).toBe(200);
      const gk = as(app, await loginAs(app, 'scj-gk', DEMO_PASSWORD));
      expect((await gk.get(`/api/v1/admin/oversight/accountability/${open[0].id}`)).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
