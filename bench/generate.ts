/**
 * `gongkai generate --documents M` throughput on SQLite and (with BENCH_PG_URL) PostgreSQL in one run,
 * printed against a baseline measured in the same run on the same database (never pass/fail timings).
 * Run: node server/bin/run-ts.mjs bench/generate.ts [items] [agencies]   (default 100,000 items, 200 agencies)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test   adds PostgreSQL (a private schema, dropped after)
 *
 * ours:     generateSynthetic as the CLI runs it — item rows, 索引号 from the counters, search documents
 *           (bigrams computed in JS), the full-text index (FTS5 / GIN) and the summary audit event
 * baseline: the same item rows and search-document rows, read back from the database, inserted as raw
 *           multi-row INSERTs into copies of the two tables without indexes, in one transaction
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { verifyAuditChain } from '../server/src/audit/audit.service.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { testConfig } from '../server/src/config/config.ts';
import { type DbHandle, openPostgres, openSqlite } from '../server/src/db/create-db.ts';
import { generateSynthetic } from '../server/src/demo/generate.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const AGENCIES = Number(process.argv[3] ?? 200);
const PG_URL = process.env.BENCH_PG_URL;

async function open(
  dialect: 'sqlite' | 'postgres',
): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-gen-'));
    return {
      handle: openSqlite(path.join(dir, 'bench.db')),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    handle: openPostgres(PG_URL!, { schema }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** SQLite: raw multi-row INSERTs of `rows` into an index-free copy of `table`, as many rows per statement as the parameter limit allows. */
async function rawInsert(handle: DbHandle, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const cols = Object.keys(rows[0]!);
  const per = Math.floor(30_000 / cols.length);
  const copy = `raw_${table}`;
  {
    const db = handle.sqlite!;
    db.exec(`CREATE TEMP TABLE ${copy} AS SELECT * FROM ${table} WHERE 0`);
    const stmt = (n: number) =>
      db.prepare(
        `INSERT INTO ${copy} (${cols.join(',')}) VALUES ${Array.from({ length: n }, () => `(${cols.map(() => '?').join(',')})`).join(',')}`,
      );
    const full = stmt(per);
    db.transaction(() => {
      for (let off = 0; off < rows.length; off += per) {
        const chunk = rows.slice(off, off + per);
        const args = chunk.flatMap((r) => cols.map((c) => r[c] as never));
        (chunk.length === per ? full : stmt(chunk.length)).run(...args);
      }
    })();
  }
}

async function benchOne(dialect: 'sqlite' | 'postgres') {
  const { handle, drop } = await open(dialect);
  try {
    const deps = makeDeps(handle, testConfig(), fixedClock('2026-11-21T02:00:00.000Z'));
    await prepareDatabase(deps);
    await generateSynthetic(deps, { agencies: AGENCIES, documents: 0, applications: 0, seed: 1 });
    const t0 = performance.now();
    const r = await generateSynthetic(deps, { agencies: 0, documents: COUNT, applications: 0, seed: 1 });
    const genMs = performance.now() - t0;
    if (!r.ok) throw new Error(r.summary.join('; '));
    const audit = await verifyAuditChain(deps.db);
    const items = (
      await sql<Record<string, unknown>>`SELECT * FROM information_items ORDER BY id`.execute(
        handle.db.withoutPlugins(),
      )
    ).rows.map(({ id: _id, ...row }) => row);
    const docs = (
      await sql<Record<string, unknown>>`SELECT * FROM search_documents ORDER BY item_id`.execute(
        handle.db.withoutPlugins(),
      )
    ).rows;
    const t1 = performance.now();
    await rawInsertAll(handle, items, docs);
    const rawMs = performance.now() - t1;
    const ours = (COUNT / genMs) * 1000;
    const base = (COUNT / rawMs) * 1000;
    console.log(
      `${dialect.padEnd(8)} generate ${COUNT} items (${AGENCIES} agencies) in ${(genMs / 1000).toFixed(1)} s   ours ${ours.toFixed(0).padStart(7)} items/s   raw INSERT of the same rows ${base.toFixed(0).padStart(7)} items/s   ratio ${(base / ours).toFixed(1)}× slower   1,000,000 ≈ ${(1_000_000 / ours).toFixed(0)} s   audit chain ${audit.ok ? 'verifies' : 'BROKEN'}`,
    );
  } finally {
    await handle.close();
    await drop();
  }
}

async function rawInsertAll(
  handle: DbHandle,
  items: Record<string, unknown>[],
  docs: Record<string, unknown>[],
) {
  if (handle.dialect === 'sqlite') {
    await rawInsert(handle, 'information_items', items);
    await rawInsert(handle, 'search_documents', docs);
    return;
  }
  // PostgreSQL: one pg client, one transaction, parameterised multi-row INSERTs
  const c = handle.newClient!();
  await c.connect();
  const schema = (
    await handle.db
      .withoutPlugins()
      .selectNoFrom(sql<string>`current_schema()`.as('s'))
      .executeTakeFirstOrThrow()
  ).s;
  await c.query(`SET search_path TO ${schema}`);
  await c.query('BEGIN');
  for (const [table, rows] of [
    ['information_items', items],
    ['search_documents', docs],
  ] as const) {
    const cols = Object.keys(rows[0]!);
    const per = Math.floor(30_000 / cols.length);
    await c.query(`CREATE TEMP TABLE raw_${table} AS SELECT * FROM ${table} WHERE false`);
    for (let off = 0; off < rows.length; off += per) {
      const chunk = rows.slice(off, off + per);
      let p = 0;
      const values = chunk.map(() => `(${cols.map(() => `$${++p}`).join(',')})`).join(',');
      await c.query(
        `INSERT INTO raw_${table} (${cols.join(',')}) VALUES ${values}`,
        chunk.flatMap((r) => cols.map((k) => r[k])),
      );
    }
  }
  await c.query('COMMIT');
  await c.end();
}

console.log(
  `Gongkai generation benchmark — Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
);
await benchOne('sqlite');
if (PG_URL) await benchOne('postgres');
else console.log('(PostgreSQL row: set BENCH_PG_URL)');
