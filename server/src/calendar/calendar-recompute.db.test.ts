import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction } from '../shared/tx.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { calendarFor, createDeadline, setDay } from './calendar.service.ts';

describe.each(dialects())('calendar corrections near a year without data (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('a correction is accepted even when a deadline would move into a year without data; that deadline keeps its date', async () => {
    const { deptA } = await makeCounty(t.deps);
    const ctx = { actor: null };
    // 2026-12-03 + 20 working days ends on 2026-12-31: one more holiday would push it into 2027, which has no data.
    const near = await inTransaction(t.deps, (tx) =>
      createDeadline(t.deps, tx, ctx, {
        agencyId: deptA.id,
        subjectType: 't',
        subjectId: 1,
        kind: 'reply',
        startDate: '2026-12-03',
        workingDays: 20,
      }),
    );
    const inside = await inTransaction(t.deps, (tx) =>
      createDeadline(t.deps, tx, ctx, {
        agencyId: deptA.id,
        subjectType: 't',
        subjectId: 2,
        kind: 'reply',
        startDate: '2026-12-01',
        workingDays: 5,
      }),
    );
    expect(near.dueDate).toBe('2026-12-31');
    const r = await inTransaction(t.deps, (tx) =>
      setDay(t.deps, tx, ctx, { date: '2026-12-07', kind: 'holiday', name: '测试更正', agencyId: null }),
    );
    expect(r.recomputed).toBe(1);
    const rows = await t.deps.db.selectFrom('deadlines').select(['id', 'dueDate']).orderBy('id').execute();
    expect(rows.find((x) => x.id === near.id)?.dueDate).toBe('2026-12-31');
    expect(inside.dueDate).toBe('2026-12-08');
    expect(rows.find((x) => x.id === inside.id)?.dueDate).toBe('2026-12-09');
  });

  it('calendarFor inside a transaction reads through the transaction (no deadlock on SQLite)', async () => {
    const due = await inTransaction(t.deps, async (tx) =>
      (await calendarFor(t.deps, null, tx)).addWorkingDays('2025-09-26', 5),
    );
    expect(due).toBe('2025-10-10');
  });

  it('a correction moving many deadlines on different calendars: each one recomputed on its own agency calendar, bulk-updated, and each move its own audit event (old → new); the chain verifies', async () => {
    const { deptA, deptB, unitA } = await makeCounty(t.deps);
    const ctx = { actor: null };
    // department A (and so its unit) has a local holiday on 2026-03-20
    await inTransaction(t.deps, (tx) =>
      setDay(t.deps, tx, ctx, { date: '2026-03-20', kind: 'holiday', name: '地方节日', agencyId: deptA.id }),
    );
    const made = [];
    for (const agency of [deptA, unitA, deptB])
      for (let i = 0; i < 12; i++)
        made.push(
          await inTransaction(t.deps, (tx) =>
            createDeadline(t.deps, tx, ctx, {
              agencyId: agency.id,
              subjectType: 'request_application',
              subjectId: agency.id * 100 + i,
              kind: i % 3 === 0 ? 'correction' : 'reply',
              startDate: `2026-03-${String(2 + i).padStart(2, '0')}`,
              workingDays: i % 3 === 0 ? 7 : 20,
            }),
          ),
        );
    const before = new Map(made.map((d) => [d.id, d.dueDate]));
    const eventsBefore = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const r = await inTransaction(t.deps, (tx) =>
      setDay(t.deps, tx, ctx, { date: '2026-03-25', kind: 'holiday', name: '测试更正', agencyId: null }),
    );
    const rows = await t.deps.db.selectFrom('deadlines').selectAll().orderBy('id').execute();
    let moved = 0;
    for (const d of rows) {
      const expected = (await calendarFor(t.deps, d.agencyId)).addWorkingDays(d.startDate, d.workingDays);
      expect({ id: d.id, due: d.dueDate }).toEqual({ id: d.id, due: expected });
      if (expected !== before.get(d.id)) moved++;
    }
    expect(moved).toBeGreaterThan(20);
    expect(r.recomputed).toBe(moved);
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('id', '>', eventsBefore.id)
      .where('action', '=', 'deadline.recomputed')
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(moved);
    for (const e of events) {
      const b = JSON.parse(e.beforeJson!);
      const a = JSON.parse(e.afterJson!);
      const d = rows.find((x) => x.id === b.deadlineId)!;
      expect(e.entityType).toBe('request_application');
      expect(e.entityId).toBe(String(d.subjectId));
      expect(e.agencyId).toBe(d.agencyId);
      expect(b.dueDate).toBe(before.get(d.id));
      expect(a).toMatchObject({ deadlineId: d.id, dueDate: d.dueDate, cause: '工作日历变更：2026-03-25' });
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
