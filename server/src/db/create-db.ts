/**
 * Dialect choice: SQLite (better-sqlite3, WAL) under DATA_DIR when DATABASE_URL is unset,
 * PostgreSQL (pg) when it is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the root handle or a transaction: repositories accept both. */
export type DbOrTx = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** the raw better-sqlite3 handle, for hot read paths using prepared statements */
  sqlite?: SQLite.Database;
  /**
   * PostgreSQL only: a new dedicated connection (same server, same schema) outside the pool, for
   * LISTEN (cluster/cache-bus.ts) — a pooled connection would be handed to other queries.
   */
  newClient?: () => pg.Client;
  /** PostgreSQL with DATABASE_READ_URL: the streaming replica for public reads (cluster/read-replica.ts) */
  replica?: DbHandle;
  close(): Promise<void>;
}

// Keep DATE / NUMERIC as strings and BIGINT (count(*)) as numbers when small, as on SQLite.
pg.types.setTypeParser(20, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * The better-sqlite3 handle as Kysely's SqliteDialect sees it, with prepared statements reused by
 * their compiled SQL: Kysely prepares every query anew (several times the cost of running a small
 * one — bench/run.ts, "agency list via Kysely vs raw prepared statement"). SQL still comes from the
 * repositories; this only skips re-parsing text seen before. Bounded LRU: queries with variable IN
 * lists make many distinct texts. SQLite re-prepares a cached statement itself after a schema change.
 * Safe to share because a connection runs one query at a time (Kysely's mutex) and nothing streams.
 */
export function statementCachingDatabase(sqlite: SQLite.Database, max = 256) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const hit = cache.get(text);
      if (hit) {
        // most recently used last
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const st = sqlite.prepare(text);
      cache.set(text, st);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return st;
    },
  };
}

export function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: statementCachingDatabase(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export function openPostgres(
  connectionString: string,
  opts: { max?: number; schema?: string } = {},
): DbHandle {
  const connection = {
    connectionString,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: opts.max ?? 10 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'postgres',
    newClient: () => new pg.Client({ ...connection, keepAlive: true }),
    close: () => db.destroy(),
  };
}

export function openDatabase(opts: {
  databaseUrl: string | undefined;
  databaseReadUrl?: string | undefined;
  dataDir: string;
}): DbHandle {
  if (!opts.databaseUrl) return openSqlite(path.join(opts.dataDir, 'gongkai.sqlite'));
  const primary = openPostgres(opts.databaseUrl);
  if (!opts.databaseReadUrl) return primary;
  const replica = openPostgres(opts.databaseReadUrl);
  return {
    ...primary,
    replica,
    close: async () => {
      await replica.close();
      await primary.close();
    },
  };
}
