/**
 * Notifications (issue #3, #5): the outbox of 0002 gains what delivery needs — attempts, the last
 * error and the next attempt time for e-mail/SMS retries with backoff, and read_at for in-app
 * notifications. ALTER TABLE … ADD COLUMN behaves the same on SQLite and PostgreSQL. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notifications').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('read_at', 'text').execute();
  // the sending job: pending e-mail/SMS whose next attempt is due
  await db.schema
    .createIndex('notifications_pending_idx')
    .on('notifications')
    .columns(['state', 'next_attempt_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
