/** The demo county's detections (both databases): a few current findings, the known ones among them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { buildApp } from '../http/build-app.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('detections of the demo county (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
    await seedDemo(t.deps);
  }, 180_000);
  afterAll(async () => t?.close());

  it('《政府信息公开条例》第四十九条 and 第三十三条: the 统计局’s late 2025 report and the 司法局’s overdue case are found', async () => {
    const rows = await t.deps.db
      .selectFrom('oversightDetections as d')
      .innerJoin('agencies as a', 'a.id', 'd.agencyId')
      .select(['d.kind', 'd.title', 'd.resolvedOn', 'a.code', 'a.name'])
      .execute();
    expect(rows.some((r) => r.kind === 'annual_report_late' && r.name.includes('统计局'))).toBe(true);
    expect(rows.some((r) => r.kind === 'request_late' && r.code === 'sfj' && r.resolvedOn === null)).toBe(
      true,
    );
  });

  it('the county 政务公开办 sees the findings of the departments it supervises, counted per agency', async () => {
    const app = await buildApp(t.deps);
    try {
      const r = await as(app, await loginAs(app, 'gkb', DEMO_PASSWORD)).get(
        '/api/v1/admin/oversight/detections',
      );
      expect(r.statusCode).toBe(200);
      const body = r.json() as { total: number; byAgency: { agencyName: string; open: number }[] };
      expect(body.total).toBeGreaterThan(2);
      expect(body.byAgency.map((a) => a.agencyName)).toEqual(
        expect.arrayContaining(['云岭县司法局', '云岭县统计局']),
      );
    } finally {
      await app.close();
    }
  });
});
