/**
 * R.26: the item's stored publication due date (publish_due_on) follows calendar corrections like the
 * deadline it copies — moved in the same transaction and audited on the item.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDay, setDay } from '../calendar/calendar.service.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { publicationRepository } from './publication.repository.ts';
import { createItem } from './publication.service.ts';
import { resolveActorForTest } from './publication.test-support.ts';

describe.each(dialects())('R.26 publication due date after a calendar change (%s)', (dialect) => {
  let t: TestDb;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    county = await makeCounty(t.deps);
  });
  afterEach(async () => t.close());

  async function draft(agencyId: number) {
    const drafter = await resolveActorForTest(
      t.deps,
      await makeStaff(t.deps, [{ agencyId, role: 'drafter' }]),
    );
    return inTransaction(t.deps, (x) =>
      createItem(
        t.deps,
        x,
        { actor: drafter },
        {
          agencyId,
          title: '关于开展普法宣传月活动的通知',
          generatedOn: '2026-02-27',
          scope: 'public',
          attribute: 'proactive',
          bodyHtml: '<p>现将有关事项通知如下。</p>',
        },
      ),
    );
  }
  const dueOf = async (id: number) => (await publicationRepository.itemById(t.deps.db, id))!.publishDueOn;
  const audits = (id: number) =>
    t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'information_item')
      .where('entityId', '=', String(id))
      .where('action', '=', 'item.publish_due_recomputed')
      .execute();

  it('a national holiday inside the window moves publishDueOn one working day later, audited; removing it moves it back', async () => {
    const item = await draft(county.deptA.id);
    expect(item.publishDueOn).toBe('2026-03-26');
    const day = await inTransaction(t.deps, (x) =>
      setDay(
        t.deps,
        x,
        { actor: null },
        { date: '2026-03-10', kind: 'holiday', name: '测试假日', agencyId: null },
      ),
    );
    expect(await dueOf(item.id)).toBe('2026-03-27');
    const events = await audits(item.id);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.beforeJson ?? '{}')).toEqual({ publishDueOn: '2026-03-26' });
    expect(JSON.parse(events[0]!.afterJson ?? '{}')).toMatchObject({ publishDueOn: '2026-03-27' });

    await inTransaction(t.deps, (x) => removeDay(t.deps, x, { actor: null }, day.day.id, () => true));
    expect(await dueOf(item.id)).toBe('2026-03-26');
    expect(await audits(item.id)).toHaveLength(2);
  });

  it("a local holiday moves only the items of that agency's subtree", async () => {
    const a = await draft(county.deptA.id);
    const b = await draft(county.deptB.id);
    await inTransaction(t.deps, (x) =>
      setDay(
        t.deps,
        x,
        { actor: null },
        {
          date: '2026-03-10',
          kind: 'holiday',
          name: '本地假日',
          agencyId: county.deptA.id,
        },
      ),
    );
    expect(await dueOf(a.id)).toBe('2026-03-27');
    expect(await dueOf(b.id)).toBe('2026-03-26');
    expect(await audits(b.id)).toHaveLength(0);
  });
});
