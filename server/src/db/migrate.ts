import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from './create-db.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_requests.ts';
import * as m0003 from './migrations/0003_publication.ts';
import * as m0004 from './migrations/0004_reporting.ts';
import * as m0005 from './migrations/0005_notifications.ts';
import * as m0006 from './migrations/0006_publication_archive.ts';
import * as m0007 from './migrations/0007_request_due_soon.ts';
import * as m0009 from './migrations/0009_publication_import.ts';
import * as m0010 from './migrations/0010_search_perf.ts';
import * as m0011 from './migrations/0011_trust_access.ts';
import * as m0013 from './migrations/0013_login_failures.ts';
import * as m0014 from './migrations/0014_audit_chains.ts';
import * as m0015 from './migrations/0015_cluster.ts';
import * as m0016 from './migrations/0016_request_submissions.ts';
import * as m0019 from './migrations/0019_oversight_detections.ts';
import * as m0020 from './migrations/0020_participation_contacts.ts';
import * as m0017 from './migrations/0017_oversight.ts';
import * as m0018 from './migrations/0018_participation_consultations.ts';
import * as m0021 from './migrations/0021_service_records.ts';
import * as m0022 from './migrations/0022_oversight_accountability.ts';
import * as m0023 from './migrations/0023_participation_press_events.ts';

/** Migrations are listed explicitly (no directory scanning) so bundling and tsx behave the same. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_requests': m0002,
  '0003_publication': m0003,
  '0004_reporting': m0004,
  '0005_notifications': m0005,
  '0006_publication_archive': m0006,
  '0007_request_due_soon': m0007,
  '0009_publication_import': m0009,
  '0010_search_perf': m0010,
  '0011_trust_access': m0011,
  '0013_login_failures': m0013,
  '0014_audit_chains': m0014,
  '0015_cluster': m0015,
  '0016_request_submissions': m0016,
  '0017_oversight': m0017,
  '0018_participation_consultations': m0018,
  '0019_oversight_detections': m0019,
  '0020_participation_contacts': m0020,
  '0021_service_records': m0021,
  '0022_oversight_accountability': m0022,
  '0023_participation_press_events': m0023,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one: with several
  // schemas in one PostgreSQL database (parallel test runs) it could find another schema's lock
  // table, skip creating its own and fail with 'relation "schema_migrations_lock" does not exist'.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await whileOtherSchemasSettle(schema, () => migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Kysely's introspector (used by the migrator to find its own tables) lists the tables of every
 * schema in the database; when another schema is dropped at that moment (parallel test runs, or
 * several tenants in one PostgreSQL database) PostgreSQL answers 3F000 "schema … does not exist"
 * for a schema that is not ours. Nothing has been changed at that point, so asking again is safe.
 */
export async function whileOtherSchemasSettle<T>(
  ownSchema: string | undefined,
  fn: () => Promise<T & { error?: unknown }>,
): Promise<T & { error?: unknown }> {
  for (let attempt = 1; ; attempt++) {
    let outcome: T & { error?: unknown };
    try {
      outcome = await fn();
    } catch (e) {
      if (attempt < 5 && isOtherSchemaGone(e, ownSchema)) continue;
      throw e;
    }
    if (attempt < 5 && outcome.error !== undefined && isOtherSchemaGone(outcome.error, ownSchema)) continue;
    return outcome;
  }
}

function isOtherSchemaGone(e: unknown, ownSchema: string | undefined): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return (
    err?.code === '3F000' &&
    ownSchema !== undefined &&
    typeof err.message === 'string' &&
    !err.message.includes(`"${ownSchema}"`)
  );
}
