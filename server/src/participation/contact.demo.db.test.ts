/** Demo contacts (both databases): every kind, a transfer, the public ledger, one overdue past three months. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { failsWebsiteInspection, isOverdue, type ContactStatus } from './contact.ts';

describe.each(dialects())('contacts demo (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
  });
  afterEach(async () => t.close());

  it('the demo county has contacts of each kind, answered, rated, transferred and one overdue letter past three months', async () => {
    await seedDemo(t.deps);
    const rows = await t.deps.db.selectFrom('participationContacts').selectAll().execute();
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['consultation', 'suggestion', 'complaint', 'mailbox', 'evaluation']),
    );
    const today = '2026-11-21';
    const overdue = rows.filter((r) =>
      isOverdue({ status: r.status as ContactStatus, dueOn: r.dueOn }, today),
    );
    expect(overdue).toHaveLength(1);
    expect(
      failsWebsiteInspection(
        {
          status: overdue[0]!.status as ContactStatus,
          firstReceivedOn: overdue[0]!.firstReceivedOn,
          answeredOn: null,
        },
        today,
      ),
    ).toBe(true);
    expect(rows.filter((r) => r.status === 'closed' && r.satisfaction === 'satisfied')).toHaveLength(1);
    expect(
      rows.some((r) => r.kind === 'evaluation' && r.replyOutcome === 'rectified' && r.status === 'answered'),
    ).toBe(true);
    expect(rows.some((r) => r.status === 'reviewing')).toBe(true);
    expect(await t.deps.db.selectFrom('participationContactTransfers').selectAll().execute()).toHaveLength(1);
    const ledger = await t.deps.db
      .selectFrom('participationContacts')
      .select('id')
      .where('publishConsent', '=', 1)
      .where('replyApprovedAt', 'is not', null)
      .execute();
    expect(ledger.length).toBeGreaterThanOrEqual(2);
  });
});
