/**
 * Several app nodes on one PostgreSQL database (docs/deployment.md):
 * - `job_leases`: a background job's claim on a piece of work (a periodic job, one import), held by
 *   one node until `lease_until`; a node that dies leaves the work to whoever claims after expiry.
 *   `last_key` records the period last completed (e.g. the Beijing hour of the reminder run).
 * - `rate_limit_hits`: public POST requests counted per (route + client address, fixed window), so
 *   the limit holds whichever node a request reaches.
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_key', 'text')
    .execute();
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_hits_end').on('rate_limit_hits').column('window_end').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_hits').execute();
  await db.schema.dropTable('job_leases').execute();
}
