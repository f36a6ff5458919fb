/**
 * Hot public pages near the limit, on SQLite and (with BENCH_PG_URL) PostgreSQL in ONE run, printed as
 * ratios against baselines measured in the same run on the same database (never pass/fail timings).
 * Run: node server/bin/run-ts.mjs bench/hot-pages.ts [items]   (default 20,000 generated items)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test   adds the PostgreSQL rows (a private schema, dropped after)
 *
 * 1. document page /d/:id, agency home /a/:code/ and catalog page /a/:code/catalog vs a bare Fastify
 *    route sending the same bytes (goals: ≥ 50 %, ≥ 33 %, ≥ 33 % of the bare route's throughput)
 * 2. the same document page answered 304 to a conditional GET (what a CDN / nginx cache revalidates)
 * 3. region search p50/p95 as the portal searches vs the raw index query (the newest 20 matches of the
 *    same terms straight from FTS5 / the GIN index; goal p95 ≤ 3× and ≤ 50 ms)
 * 4. RSS of the process after the load
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { testConfig } from '../server/src/config/config.ts';
import { type DbHandle, openPostgres, openSqlite } from '../server/src/db/create-db.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { documentsGenerator } from '../server/src/demo/documents.generate.ts';
import { retentionFilter } from '../server/src/publication/retention.service.ts';
import { fts5Match, planQuery } from '../server/src/search/bigram.ts';
import { searchItems } from '../server/src/search/index.ts';
import { searchRepository } from '../server/src/search/search.repository.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';
import { inTransaction } from '../server/src/shared/tx.ts';

const COUNT = Number(process.argv[2] ?? 20_000);
const PG_URL = process.env.BENCH_PG_URL;

async function pair(
  ours: () => unknown,
  base: () => unknown,
  rounds = 5,
  roundMs = 300,
): Promise<[number, number]> {
  for (let i = 0; i < 100; i++) {
    await ours();
    await base();
  }
  const once = async (fn: () => unknown) => {
    let n = 0;
    const s = performance.now();
    while (performance.now() - s < roundMs) {
      for (let i = 0; i < 10; i++) await fn();
      n += 10;
    }
    return (performance.now() - s) / n;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await once(ours));
    b.push(await once(base));
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [med(a), med(b)];
}

const lines: string[] = [];
function out(s: string) {
  lines.push(s);
  console.log(s);
}
function row(name: string, ours: number, base: number, goal: string) {
  out(
    `${name.padEnd(52)} ours ${(1000 / ours).toFixed(0).padStart(6)} req/s   bare ${(1000 / base).toFixed(0).padStart(6)} req/s   ${((base / ours) * 100).toFixed(0).padStart(3)} % of bare   (goal ${goal})`,
  );
}

async function open(
  dialect: 'sqlite' | 'postgres',
): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    // a database file as in production (an in-memory one would count the whole database in RSS)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-hot-'));
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

async function benchOne(dialect: 'sqlite' | 'postgres') {
  const { handle, drop } = await open(dialect);
  const deps = makeDeps(handle, testConfig(), fixedClock('2026-11-21T02:00:00.000Z'));
  await prepareDatabase(deps);
  await seedDemo(deps);
  const t0 = performance.now();
  await inTransaction(deps, (tx) => documentsGenerator.run(deps, tx, COUNT, 11, () => {}));
  const genS = (performance.now() - t0) / 1000;
  if (dialect === 'postgres') await sql`ANALYZE`.execute(deps.db);
  else handle.sqlite!.exec('ANALYZE');

  const app = await buildApp(deps);
  await app.ready();
  const { id: docId } = await deps.db
    .selectFrom('informationItems')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id', 'desc')
    .offset(1000)
    .limit(1)
    .executeTakeFirstOrThrow();
  const urls = { doc: `/d/${docId}`, home: '/a/sfj/', catalog: '/a/sfj/catalog' };
  const bare = Fastify();
  for (const [k, u] of Object.entries(urls)) {
    const bytes = (await app.inject(u)).body;
    bare.get(`/${k}`, async (_req, reply) => reply.type('text/html; charset=utf-8').send(bytes));
  }
  await bare.ready();
  const total = (
    await deps.db
      .selectFrom('searchDocuments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  out(
    `\n— ${dialect === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL (local, pool of 10)'}: demo county + ${COUNT} generated items (${Number(total)} in the search index), generated in ${genS.toFixed(1)} s`,
  );

  row(
    'document page /d/:id vs bare route, same bytes',
    ...(await pair(
      () => app.inject(urls.doc),
      () => bare.inject('/doc'),
    )),
    '≥ 50 %',
  );
  const etag = (await app.inject(urls.doc)).headers.etag as string | undefined;
  if (etag)
    row(
      'document page, conditional GET → 304 vs bare route',
      ...(await pair(
        () => app.inject({ url: urls.doc, headers: { 'if-none-match': etag } }),
        () => bare.inject('/doc'),
      )),
      'info',
    );
  row(
    'agency home /a/sfj/ vs bare route, same bytes',
    ...(await pair(
      () => app.inject(urls.home),
      () => bare.inject('/home'),
    )),
    '≥ 33 %',
  );
  row(
    'catalog page /a/sfj/catalog vs bare route, same bytes',
    ...(await pair(
      () => app.inject(urls.catalog),
      () => bare.inject('/catalog'),
    )),
    '≥ 33 %',
  );

  const QUERIES = [
    '援助',
    '调解',
    '安全生产',
    '食品安全',
    '预算',
    '乡村振兴',
    '行政处罚决定',
    '县',
    '法律援助 工作方案',
    '不存在的词语',
  ];
  const rawQuery = async (q: string) => {
    const plan = planQuery(q);
    if (dialect === 'sqlite')
      return handle
        .sqlite!.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 20')
        .all(fts5Match(plan));
    // the same terms straight from the GIN index, newest 20, no filters, no ranking
    return (
      await sql`SELECT d.item_id FROM search_documents d WHERE ${searchRepository.ginCondition(plan)} ORDER BY d.sort_key DESC LIMIT 20`.execute(
        deps.db,
      )
    ).rows;
  };
  const retention = await retentionFilter(deps, null);
  const ours: number[] = [];
  const base: number[] = [];
  for (const q of QUERIES) {
    await searchItems(deps, { q, retention });
    await rawQuery(q);
  }
  for (let round = 0; round < 5; round++)
    for (const q of QUERIES) {
      let s = performance.now();
      await searchItems(deps, { q, retention: await retentionFilter(deps, null) });
      ours.push(performance.now() - s);
      s = performance.now();
      await rawQuery(q);
      base.push(performance.now() - s);
    }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  for (const [name, p] of [
    ['p50', 0.5],
    ['p95', 0.95],
  ] as const) {
    const o = pct(ours, p);
    const r = pct(base, p);
    out(
      `search region ${name} (filters, retention, ranking, count, snippets) vs raw index page   ours ${o.toFixed(2).padStart(7)} ms   raw ${r.toFixed(2).padStart(7)} ms   ratio ${(o / r).toFixed(1)}×${name === 'p95' ? '   (goal ≤ 3×, ≤ 50 ms)' : ''}`,
    );
  }
  const mem = process.memoryUsage();
  out(
    `RSS after the load: ${(mem.rss / 1024 / 1024).toFixed(0)} MB, JS heap ${(mem.heapUsed / 1024 / 1024).toFixed(0)} MB (goal ≤ 300 MB; the same process also generated the items)`,
  );
  await app.close();
  await bare.close();
  await handle.close();
  await drop();
}

console.log(
  `Gongkai hot public pages — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; pages: medians of 5 alternating 300 ms rounds`,
);
await benchOne('sqlite');
if (PG_URL) await benchOne('postgres');
else console.log('\n(PostgreSQL rows: set BENCH_PG_URL)');
