/**
 * Index-after-load for bulk loads (`gongkai generate`): the secondary, non-unique indexes of the
 * loaded tables are dropped inside the load's transaction and re-created from their own stored
 * definitions at its end — one sort per index instead of a random B-tree / GIN insert per row. Unique
 * indexes and primary keys stay, so every constraint is still checked row by row. Both databases have
 * transactional DDL: a failed load rolls back with its indexes intact.
 */
import { sql } from 'kysely';
import type { DbOrTx } from './create-db.ts';

type Dialect = 'sqlite' | 'postgres';

export interface SuspendedIndexes {
  definitions: string[];
}

export const bulkLoadRepository = {
  async suspendSecondaryIndexes(db: DbOrTx, dialect: Dialect, tables: string[]): Promise<SuspendedIndexes> {
    const rows =
      dialect === 'sqlite'
        ? (
            await sql<{ name: string; def: string }>`SELECT name, sql AS def FROM sqlite_master
              WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(tables)})
                AND upper(sql) NOT LIKE 'CREATE UNIQUE%'`.execute(db)
          ).rows
        : (
            await sql<{
              name: string;
              def: string;
            }>`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
              JOIN pg_index x ON x.indexrelid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
              WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(tables)})
                AND NOT x.indisunique AND NOT x.indisprimary`.execute(db)
          ).rows;
    for (const r of rows) await sql`DROP INDEX ${sql.id(r.name)}`.execute(db);
    return { definitions: rows.map((r) => r.def) };
  },

  async restoreIndexes(db: DbOrTx, dialect: Dialect, s: SuspendedIndexes): Promise<void> {
    // GIN builds over a million documents sort in memory rather than in many temporary files
    if (dialect === 'postgres' && s.definitions.length)
      await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(db);
    for (const def of s.definitions) await sql.raw(def).execute(db);
  },

  /**
   * SQLite: a 256 MB page cache for the load's connection (the default 2 MB would re-read index pages
   * from disk for every row once the tables outgrow it), restored afterwards.
   */
  async withLargeCache<T>(db: DbOrTx, dialect: Dialect, fn: () => Promise<T>): Promise<T> {
    if (dialect !== 'sqlite') return fn();
    const before =
      (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]?.cache_size ?? -2000;
    await sql`PRAGMA cache_size = -262144`.execute(db);
    try {
      return await fn();
    } finally {
      await sql.raw(`PRAGMA cache_size = ${Number(before)}`).execute(db);
    }
  },

  /** rows already in a table: index-after-load pays off only when the load is at least as large */
  async rowCount(db: DbOrTx, table: 'information_items'): Promise<number> {
    const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },
};
