/**
 * One audit hash chain per agency instead of one for the whole platform (docs/audit.md):
 * - `audit_events.chain_seq`: the event's position in its chain. The chain is the agency's
 *   (`agency_id`), or the platform chain 0 for events without an agency. Events written before this
 *   migration keep `chain_seq` NULL and stay verifiable as the legacy chain -1 (one chain in id order,
 *   hashed as before); nothing in them is rewritten.
 * - `audit_chains`: each chain's head (seq and hash of its last event), locked row by row by writers
 *   of that chain only, so writes for different agencies no longer queue behind one lock. Row -1
 *   holds the legacy head: every new chain starts from it, so cutting the legacy tail breaks them.
 * - unique (agency_id, chain_seq) and (chain_seq) for the platform chain: a fork cannot be stored.
 * - PostgreSQL also refuses TRUNCATE of audit_events (a statement-level trigger; row triggers do not
 *   fire on TRUNCATE). audit_chains refuses DELETE, TRUNCATE and a head moving backwards.
 * Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf, notNull } from './dialect.ts';

const GENESIS = '0'.repeat(64);

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema.alterTable('audit_events').addColumn('chain_seq', 'integer').execute();
  await db.schema
    .createIndex('audit_events_chain_uq')
    .on('audit_events')
    .columns(['agency_id', 'chain_seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('audit_events_platform_chain_uq')
    .on('audit_events')
    .column('chain_seq')
    .unique()
    .where(sql.ref('agency_id'), 'is', null)
    .execute();

  await db.schema
    .createTable('audit_chains')
    .addColumn('chain_key', 'integer', (c) => c.primaryKey())
    .addColumn('head_seq', 'integer', notNull)
    .addColumn('head_hash', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  // the legacy chain: every event so far, in id order
  const legacy = await sql<{ n: number | string; hash: string | null; at: string | null }>`
    SELECT (SELECT count(*) FROM audit_events) AS n,
           (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS hash,
           (SELECT occurred_at FROM audit_events ORDER BY id DESC LIMIT 1) AS at`.execute(db);
  const l = legacy.rows[0]!;
  await db
    .insertInto('audit_chains')
    .values({
      chain_key: -1,
      head_seq: Number(l.n),
      head_hash: l.hash ?? GENESIS,
      updated_at: l.at ?? '1970-01-01T00:00:00.000Z',
    })
    .execute();

  if (pg) {
    await sql
      .raw(
        `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
         FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
         CREATE OR REPLACE FUNCTION audit_chains_guard() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'audit_chains heads only move forward'; END $$;
         CREATE TRIGGER audit_chains_no_delete BEFORE DELETE ON audit_chains
         FOR EACH ROW EXECUTE FUNCTION audit_chains_guard();
         CREATE TRIGGER audit_chains_no_truncate BEFORE TRUNCATE ON audit_chains
         FOR EACH STATEMENT EXECUTE FUNCTION audit_chains_guard();
         CREATE TRIGGER audit_chains_no_rewind BEFORE UPDATE ON audit_chains
         FOR EACH ROW WHEN (NEW.head_seq < OLD.head_seq OR NEW.chain_key <> OLD.chain_key)
         EXECUTE FUNCTION audit_chains_guard();`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER audit_chains_no_delete BEFORE DELETE ON audit_chains
         BEGIN SELECT RAISE(ABORT, 'audit_chains heads only move forward'); END;`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER audit_chains_no_rewind BEFORE UPDATE ON audit_chains
         WHEN NEW.head_seq < OLD.head_seq OR NEW.chain_key <> OLD.chain_key
         BEGIN SELECT RAISE(ABORT, 'audit_chains heads only move forward'); END;`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
