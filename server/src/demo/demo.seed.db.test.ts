/** `npm start` on a December day before next year's holidays are announced still loads the demo. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { DEMO_LATEST_SEED_DAY, seedDemo } from './demo.seed.ts';

describe.each(dialects())(
  'the demo county loaded on 2026-12-04, without 2027 calendar data (%s)',
  (dialect) => {
    let t: TestDb;
    beforeEach(async () => {
      t = await makeTestDb(dialect, { now: '2026-12-04T02:00:00.000Z' });
    });
    afterEach(async () => t.close());

    it('loads, its records dated as of the latest day whose deadlines stay in 2026', async () => {
      const progress: string[] = [];
      const r = await seedDemo(t.deps, { onProgress: (m) => progress.push(m) });
      expect(r.agencies).toBeGreaterThan(10);
      expect(progress[0]).toContain(`2026-${DEMO_LATEST_SEED_DAY}`);
      expect(progress[0]).toContain('2027 年的法定节假日安排尚未录入');
      const drafts = await t.deps.db
        .selectFrom('informationItems')
        .select('generatedOn')
        .where('title', '=', '云岭县2026年“八五”普法终期评估工作方案')
        .execute();
      expect(drafts.map((d) => d.generatedOn)).toEqual([`2026-${DEMO_LATEST_SEED_DAY}`]);
    });
  },
);
