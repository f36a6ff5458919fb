/**
 * Previewing a pasted State Council notice (holiday-notice.ts) over HTTP on both databases: the
 * platform administrator gets the days to save, nothing is stored, and other staff are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const TEXT =
  '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至8日（周一）放假调休，共3天。2月20日（周六）上班。';

describe.each(dialects())('calendar notice preview (%s)', (dialect) => {
  let t: TestDb;
  let app: App;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-10T02:00:00.000Z' });
    app = await buildApp(t.deps);
    const county = await makeCounty(t.deps);
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'agency_admin' }], { username: 'deptAdmin' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('returns the days of the notice without storing them', async () => {
    const s = as(app, await loginAs(app, 'root'));
    const res = await s.post('/api/v1/admin/calendar/notice-preview', { text: TEXT });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2027, problems: [], notes: [] });
    expect(body.days.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`)).toEqual([
      '2027-01-01 holiday',
      '2027-01-02 holiday',
      '2027-01-03 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-20 workday',
    ]);
    const stored = await t.deps.db
      .selectFrom('calendarDays')
      .select('id')
      .where('date', '>=', '2027-01-01')
      .execute();
    expect(stored).toEqual([]);
  });

  it('answers unreadable text with problems in Chinese, a missing text with 400, other staff with 403', async () => {
    const s = as(app, await loginAs(app, 'root'));
    const bad = await s.post('/api/v1/admin/calendar/notice-preview', { text: '无关文字', year: 2027 });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().problems[0]).toMatch(/未识别到节假日安排/);
    const empty = await s.post('/api/v1/admin/calendar/notice-preview', { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('通知原文');
    const other = as(app, await loginAs(app, 'deptAdmin'));
    expect((await other.post('/api/v1/admin/calendar/notice-preview', { text: TEXT })).statusCode).toBe(403);
  });
});
