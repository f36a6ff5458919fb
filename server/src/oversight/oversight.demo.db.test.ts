/** The demo county's 2026 inspection (both databases): published with one accepted, one waiting and one overdue rectification. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { buildApp } from '../http/build-app.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { DEMO_INSPECTION_TITLE } from './oversight.demo.ts';

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
        .execute();
      expect(audit.length).toBe(9);
    } finally {
      await app.close();
    }
  });
});
