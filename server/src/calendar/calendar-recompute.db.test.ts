import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction } from '../shared/tx.ts';
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
});
