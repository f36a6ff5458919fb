/** The demo county's published annual reports (both databases): every 年报 column lists 2024 and 2025. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { buildApp } from '../http/build-app.ts';
import { searchItems } from '../search/index.ts';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { reportDueDate } from './annual-report.ts';
import { LATE_DEPARTMENT } from './reporting.demo.ts';

describe.each(dialects())('annual reports of the demo county (%s)', (dialect) => {
  let t: TestDb;
  // one demo county for the block (seeding is the slow part); the tests only read it
  beforeAll(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
    await seedDemo(t.deps);
  }, 180_000);
  afterAll(async () => t?.close());

  it('R.49/R.50: the government and every department published 2024 and 2025 reports computed from the demo records; one department late; the 2025 self-inspection is saved', async () => {
    const db = t.deps.db;
    const agencies = await db
      .selectFrom('agencies')
      .select(['id', 'code', 'kind', 'name'])
      .where('kind', 'in', ['government', 'department'])
      .execute();
    expect(agencies.length).toBe(17);
    const app = await buildApp(t.deps);
    try {
      for (const a of agencies) {
        const page = (await app.inject(`/a/${a.code}/annual-reports`)).body;
        expect(page, a.code).not.toContain('暂无已发布的年度报告');
        expect(page, a.code).toContain(`${a.name}2025年政府信息公开工作年度报告`);
        expect(page, a.code).toContain(`${a.name}2024年政府信息公开工作年度报告`);
      }
      // a report page renders the national tables
      const sfj = await app.inject('/a/sfj/annual-reports/2025');
      expect(sfj.statusCode).toBe(200);
      expect(sfj.body).toContain('收到和处理政府信息公开申请情况');
    } finally {
      await app.close();
    }

    const reports = await db
      .selectFrom('annualReports as r')
      .innerJoin('agencies as g', 'g.id', 'r.agencyId')
      .select(['g.code', 'g.kind', 'r.year', 'r.status', 'r.publishedAt', 'r.figuresJson', 'r.approvedBy'])
      .execute();
    expect(reports).toHaveLength(34);
    for (const r of reports) {
      expect(r.status).toBe('published');
      expect(r.approvedBy).not.toBeNull();
      expect(r.figuresJson).not.toBeNull();
    }
    // frozen figures are the records': the 司法局 received applications in 2024 and 2025
    const sfj2025 = reports.find((r) => r.code === 'sfj' && r.year === 2025)!;
    const received = await db
      .selectFrom('requestApplications as a')
      .innerJoin('agencies as g', 'g.id', 'a.agencyId')
      .select('a.id')
      .where('g.code', '=', 'sfj')
      .where('a.receivedOn', '>=', '2025-01-01')
      .where('a.receivedOn', '<=', '2025-12-31')
      .execute();
    expect(received.length).toBeGreaterThan(0);
    const frozen = JSON.parse(sfj2025.figuresJson!) as { table3: { new: { total: number } } };
    expect(frozen.table3.new.total).toBe(received.length);

    // R.49: departments by 31 January, the government by 31 March — all on time but one department
    const late = reports.filter(
      (r) => r.publishedAt!.slice(0, 10) > reportDueDate(r.year, r.kind === 'government'),
    );
    expect(late.map((r) => `${r.code}:${r.year}`)).toEqual([`${LATE_DEPARTMENT}:2025`]);

    const self = await db
      .selectFrom('selfInspectionReports as s')
      .innerJoin('agencies as g', 'g.id', 's.agencyId')
      .select(['g.code', 's.year', 's.inputsJson'])
      .execute();
    expect(self).toMatchObject([{ code: 'gov', year: 2025 }]);
    expect(JSON.parse(self[0]!.inputsJson)).toMatchObject({ trainings: 4, pressConferences: 6 });
  });

  it('search for common words finds several documents of several departments', async () => {
    for (const q of ['养老', '补贴', '招生', '许可']) {
      const r = await searchItems(t.deps, { q });
      expect(r.total, q).toBeGreaterThanOrEqual(3);
      expect(new Set(r.hits.map((h) => h.agencyId)).size, q).toBeGreaterThanOrEqual(2);
    }
  });

  it('the 司法局 机构职能 gives the address and hours of the agency record (the guide shows the same)', async () => {
    const sfj = await t.deps.db
      .selectFrom('agencies')
      .select(['address', 'officeHours'])
      .where('code', '=', 'sfj')
      .executeTakeFirstOrThrow();
    const hit = (await searchItems(t.deps, { q: '云岭县司法局机构职能' })).hits.find(
      (h) => h.title === '云岭县司法局机构职能',
    )!;
    const app = await buildApp(t.deps);
    try {
      const page = (await app.inject(`/d/${hit.itemId}`)).body;
      expect(page).toContain(`办公地址：${sfj.address}`);
      expect(page).not.toContain('民主街 18 号');
    } finally {
      await app.close();
    }
  });

  it('R.49: the overview keeps a report published after its due date marked late; the audit log reads in words', async () => {
    const app = await buildApp(t.deps);
    try {
      const gkb = as(app, await loginAs(app, 'gkb', DEMO_PASSWORD));
      const res = await gkb.get('/api/v1/admin/reports/overview?year=2025');
      expect(res.statusCode, res.body).toBe(200);
      const items = (
        res.json() as {
          items: {
            agencyName: string;
            status: string;
            overdue: boolean;
            publishedLate: boolean;
            publishedOn: string;
          }[];
        }
      ).items;
      const late = items.filter((i) => i.publishedLate);
      expect(late.map((i) => i.agencyName)).toEqual(['云岭县统计局']);
      expect(late[0]).toMatchObject({ status: 'published', overdue: false, publishedOn: '2026-02-13' });

      const audit = await gkb.get(
        '/api/v1/admin/audit?entityType=annual_report&action=report.published&limit=50',
      );
      expect(audit.statusCode, audit.body).toBe(200);
      const events = (
        audit.json() as { items: { actionLabel: string; entityLabel: string; entityName: string | null }[] }
      ).items;
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.actionLabel).toBe('发布年度报告');
        expect(e.entityLabel).toBe('年度报告');
        expect(e.entityName).toMatch(/^云岭县.+20(24|25)年度报告$/);
      }
      const byName = await gkb.get(`/api/v1/admin/audit?actor=${encodeURIComponent('gkb')}&limit=5`);
      expect(
        (byName.json() as { items: { actorLabel: string }[] }).items.every((e) =>
          e.actorLabel.includes('gkb'),
        ),
      ).toBe(true);
      const meta = (await gkb.get('/api/v1/admin/audit/meta')).json() as {
        actions: { value: string; label: string }[];
      };
      expect(meta.actions.find((a) => a.value === 'request.send_reply')?.label).toBe('发出答复');
    } finally {
      await app.close();
    }
  });
});
