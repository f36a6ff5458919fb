/** Demo press conferences (both databases): three held in 2026 with transcripts, one announced; on track for the target. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { pressTargetFor } from './press-event.service.ts';

describe.each(dialects())('press events demo (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
  });
  afterEach(async () => t.close());

  it('the demo county government held three in 2026 with transcripts and announced one', async () => {
    await seedDemo(t.deps);
    const rows = await t.deps.db.selectFrom('pressEvents').selectAll().execute();
    expect(rows.filter((r) => r.status === 'summary_published' && r.summaryText)).toHaveLength(3);
    const announced = rows.filter((r) => r.status === 'announced');
    expect(announced).toHaveLength(1);
    expect(announced[0]!.eventDate > '2026-11-21').toBe(true);
    const gov = await t.deps.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'gov')
      .executeTakeFirstOrThrow();
    const target = await pressTargetFor(t.deps, t.deps.db, gov.id, 2026, '2026-11-21');
    expect(target).toMatchObject({ target: 4, held: 3, expectedByNow: 3, behind: false });
  });
});
