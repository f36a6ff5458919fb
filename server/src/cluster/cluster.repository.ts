/** All SQL of the cluster coordination: job leases, shared rate-limit counters, cache notifications. */
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';

export const clusterRepository = {
  /**
   * Claims `name` for `holder` until `leaseUntil` — when nobody holds it, the previous lease has
   * ended, or `holder` already holds it (renewal). With `unlessKey`, a lease whose last completed
   * period is that key is not claimed (the work of that period is done). One statement, so of two
   * nodes asking at once exactly one gets it, on SQLite and PostgreSQL alike.
   */
  async claimLease(
    db: DbOrTx,
    input: { name: string; holder: string; nowIso: string; leaseUntil: string; unlessKey?: string },
  ): Promise<boolean> {
    const done = input.unlessKey ?? null;
    const r = await sql<{ name: string }>`
      INSERT INTO job_leases (name, holder, lease_until, last_key)
      VALUES (${input.name}, ${input.holder}, ${input.leaseUntil}, NULL)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
      WHERE (job_leases.lease_until <= ${input.nowIso} OR job_leases.holder = excluded.holder)
        AND (CAST(${done} AS TEXT) IS NULL OR job_leases.last_key IS NULL OR job_leases.last_key <> CAST(${done} AS TEXT))
      RETURNING name`.execute(db);
    return r.rows.length === 1;
  },

  /** Ends `holder`'s lease now, recording the completed period when given. */
  async releaseLease(
    db: DbOrTx,
    input: { name: string; holder: string; nowIso: string; completedKey?: string },
  ): Promise<void> {
    await db
      .updateTable('jobLeases')
      .set({
        leaseUntil: input.nowIso,
        ...(input.completedKey !== undefined ? { lastKey: input.completedKey } : {}),
      })
      .where('name', '=', input.name)
      .where('holder', '=', input.holder)
      .execute();
  },

  async lease(db: DbOrTx, name: string) {
    return db.selectFrom('jobLeases').selectAll().where('name', '=', name).executeTakeFirst();
  },

  /** Counts one hit in the fixed window and returns the window's total so far (atomic upsert). */
  async hit(db: DbOrTx, input: { key: string; windowStart: string; windowEnd: string }): Promise<number> {
    const r = await sql<{ hits: number }>`
      INSERT INTO rate_limit_hits (key, window_start, window_end, hits)
      VALUES (${input.key}, ${input.windowStart}, ${input.windowEnd}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
      RETURNING hits`.execute(db);
    return Number(r.rows[0]?.hits ?? 1);
  },

  async hitsOf(db: DbOrTx, key: string, windowStart: string): Promise<number> {
    const r = await db
      .selectFrom('rateLimitHits')
      .select('hits')
      .where('key', '=', key)
      .where('windowStart', '=', windowStart)
      .executeTakeFirst();
    return r?.hits ?? 0;
  },

  /** Drops windows that ended before `beforeIso`; returns how many. */
  async pruneHits(db: DbOrTx, beforeIso: string): Promise<number> {
    const r = await db.deleteFrom('rateLimitHits').where('windowEnd', '<', beforeIso).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /**
   * PostgreSQL: a notification on `channel` carrying the current schema (several installations or
   * test runs may share one database), delivered to every listener when the transaction commits.
   */
  async notify(db: DbOrTx, channel: string, payload: Record<string, unknown>): Promise<void> {
    await sql`SELECT pg_notify(${channel}, json_build_object('s', current_schema(), 'p', ${JSON.stringify(payload)}::json)::text)`.execute(
      db,
    );
  },
};
