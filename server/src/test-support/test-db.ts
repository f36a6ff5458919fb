/**
 * Real databases for *.db.test.ts: an in-memory SQLite database, and a private schema in the test
 * PostgreSQL database (GONGKAI_TEST_PG_URL) that is dropped afterwards. `dialects()` lists the
 * dialects that run; scripts/test.mjs fails loudly when PostgreSQL is required but unavailable.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareDatabase } from '../bootstrap.ts';
import '../http/error-registry.ts';
import { type Config, testConfig } from '../config/config.ts';
import { type DbHandle, openPostgres, openSqlite } from '../db/create-db.ts';
import { type Clock, fixedClock } from '../shared/clock.ts';
import { type Deps, makeDeps } from '../shared/deps.ts';

export type Dialect = 'sqlite' | 'postgres';

export const PG_URL = process.env.GONGKAI_TEST_PG_URL;

export function dialects(): Dialect[] {
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb {
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  /** PostgreSQL: the private schema (a second node opens its own pool on it) */
  schema?: string;
  close(): Promise<void>;
}

export async function openTestHandle(
  dialect: Dialect,
): Promise<{ handle: DbHandle; schema?: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const handle = openSqlite(':memory:');
    return { handle, drop: async () => {} };
  }
  if (!PG_URL) throw new Error('GONGKAI_TEST_PG_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = openPostgres(PG_URL, { schema, max: 4 });
  return {
    handle,
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function makeTestDb(
  dialect: Dialect,
  opts: { now?: string; config?: Partial<Config>; prepare?: boolean } = {},
): Promise<TestDb> {
  const { handle, schema, drop } = await openTestHandle(dialect);
  const clock = fixedClock(opts.now ?? '2026-11-21T02:00:00.000Z');
  const deps = makeDeps(handle, testConfig(opts.config), clock as Clock);
  if (opts.prepare !== false) await prepareDatabase(deps);
  return {
    deps,
    clock,
    ...(schema ? { schema } : {}),
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
