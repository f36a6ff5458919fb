/**
 * 主动公开 benchmarks with generated documents (`gongkai generate --documents`), printed as ratios
 * against baselines measured in the same run (not a timed test).
 * Run: node server/bin/run-ts.mjs bench/publication.ts [count]   (default 1,000,000; SQLite file in a temp dir)
 *   BENCH_DB=/path/file.db      keep the database (a second run reuses it and skips the import)
 *   BENCH_BUDGET_S=1500         stop generating after this many seconds (whole 100,000-item chunks)
 *
 * 1. document page /d/:id (one hot read with prepared statements, layout) vs a bare Fastify route
 *    returning the same bytes
 * 2. search latency p50/p95, region-wide and within one agency, as the portal searches (online
 *    retention, filters, capped count, relevance pool, snippets) vs the raw FTS5 page query (newest 20
 *    matches of the same MATCH, no row read)
 * 3. import throughput: the generator (items + 索引号 + search documents, FTS5 built after each
 *    100,000-item transaction, bulk-load PRAGMAs) vs raw prepared INSERTs of the same item rows
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { testConfig } from '../server/src/config/config.ts';
import { openSqlite } from '../server/src/db/create-db.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { documentsGenerator } from '../server/src/demo/documents.generate.ts';
import { fts5Match, planQuery } from '../server/src/search/bigram.ts';
import { retentionFilter } from '../server/src/publication/retention.service.ts';
import { searchItems } from '../server/src/search/index.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';
import { inTransaction } from '../server/src/shared/tx.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
// BENCH_DB=/path/file.db keeps the generated database (and reuses it when it already holds items)
const keep = process.env.BENCH_DB;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-pub-'));
const reuse = !!keep && fs.existsSync(keep);
const handle = openSqlite(keep ?? path.join(dir, 'bench.db'));
const deps = makeDeps(handle, testConfig(), fixedClock('2026-11-21T02:00:00.000Z'));
await prepareDatabase(deps);
if (!reuse) await seedDemo(deps);

// ---- 3. import throughput (generator, one transaction, FTS5 built after the rows) and the raw-insert baseline
let genMs = Number.NaN;
let generated = 0;
const BUDGET_S = Number(process.env.BENCH_BUDGET_S ?? 25 * 60);
if (!reuse) {
  const db = handle.sqlite!;
  // bulk-load settings: no journal, no fsync, a large page cache; restored afterwards
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  const t0 = performance.now();
  let last = t0;
  // chunks of 100,000 items, each one transaction (rows, then its FTS5 index in one statement), so a
  // run stopped by the time budget (BENCH_BUDGET_S, default 25 minutes) keeps what it built
  const CHUNK = 100_000;
  for (let done = 0; done < COUNT; done += CHUNK) {
    if (performance.now() - t0 > BUDGET_S * 1000) {
      console.error(`  time budget of ${BUDGET_S} s reached: stopping at ${done} items`);
      generated = done;
      break;
    }
    const n = Math.min(CHUNK, COUNT - done);
    await inTransaction(deps, (tx) =>
      documentsGenerator.run(deps, tx, n, 11 + done, (k) => {
        if (performance.now() - last > 15_000) {
          last = performance.now();
          console.error(
            `  … ${done + k} / ${COUNT} generated in ${((last - t0) / 1000).toFixed(0)} s (${(((done + k) / (last - t0)) * 1000).toFixed(0)} items/s)`,
          );
        }
      }),
    );
    generated = done + n;
  }
  genMs = performance.now() - t0;
  console.error(`  generated ${generated} items in ${(genMs / 1000).toFixed(0)} s`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('ANALYZE');
}
const sqlite = handle.sqlite!;
const sample = sqlite.prepare('SELECT * FROM information_items ORDER BY id DESC LIMIT 1').get() as Record<
  string,
  unknown
>;
const RAW_N = Math.min(COUNT, 100_000);
const rawMs = (() => {
  sqlite.exec('CREATE TEMP TABLE raw_items AS SELECT * FROM information_items WHERE 0');
  const cols = Object.keys(sample).filter((c) => c !== 'id');
  const ins = sqlite.prepare(
    `INSERT INTO raw_items (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
  );
  const t0 = performance.now();
  const tx = sqlite.transaction(() => {
    for (let i = 0; i < RAW_N; i++)
      ins.run(...cols.map((c) => (c === 'index_no' ? `raw-${i}` : sample[c]) as never));
  });
  tx();
  return performance.now() - t0;
})();

const app = await buildApp(deps);
await app.ready();
const ids = (
  sqlite
    .prepare('SELECT id FROM information_items WHERE status = ? ORDER BY id LIMIT 2000')
    .all('published') as { id: number }[]
).map((r) => r.id);
const docId = ids[Math.floor(ids.length / 2)]!;
const pageBytes = (await app.inject(`/d/${docId}`)).body;
const bare = Fastify();
bare.get('/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send(pageBytes));
await bare.ready();

async function pair(
  ours: () => unknown,
  base: () => unknown,
  rounds = 5,
  roundMs = 400,
): Promise<[number, number]> {
  for (let i = 0; i < 50; i++) {
    await ours();
    await base();
  }
  const once = async (fn: () => unknown) => {
    let n = 0;
    const s = performance.now();
    while (performance.now() - s < roundMs) {
      await fn();
      n++;
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

const total = (sqlite.prepare('SELECT count(*) AS n FROM search_documents').get() as { n: number }).n;
console.log(
  `Gongkai publication benchmarks — Node ${process.version}, SQLite file, ${total} published items in the index`,
);
console.log('ratio = time per operation, ours ÷ baseline (page: medians of 5 alternating rounds)\n');

const [p, pb] = await pair(
  () => app.inject(`/d/${docId}`),
  () => bare.inject('/page'),
);
console.log(
  `document page /d/:id vs bare route, same bytes            ours ${(1000 / p).toFixed(0).padStart(6)} req/s   baseline ${(1000 / pb).toFixed(0).padStart(6)} req/s   ratio ${(p / pb).toFixed(2)}×`,
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
// the raw index query: the newest 20 matches straight from FTS5 (no row, no filter, no count, no ranking)
const raw = sqlite.prepare(
  'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 20',
);
// as the portal searches: the online-retention filter of 《省司法厅政务公开意见》 applies (publication/retention.service.ts)
const retention = await retentionFilter(deps, null);
const someAgency = (
  sqlite
    .prepare('SELECT agency_id AS a FROM search_documents GROUP BY agency_id ORDER BY count(*) LIMIT 1')
    .get() as {
    a: number;
  }
).a;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
for (const scope of ['region', 'agency'] as const) {
  const ourTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      let s = performance.now();
      await searchItems(deps, {
        q,
        retention,
        ...(scope === 'agency' ? { agencyIds: [someAgency] } : {}),
      });
      ourTimes.push(performance.now() - s);
      const m = fts5Match(planQuery(q)) + (scope === 'agency' ? ` AND tags:ag${someAgency}` : '');
      s = performance.now();
      raw.all(m);
      rawTimes.push(performance.now() - s);
    }
  }
  for (const [name, q] of [
    ['p50', 0.5],
    ['p95', 0.95],
  ] as const) {
    const o = pct(ourTimes, q);
    const r = pct(rawTimes, q);
    console.log(
      `search ${scope.padEnd(6)} ${name} (filters, retention, ranking, capped count, snippets) vs raw FTS5 page   ours ${o.toFixed(2).padStart(8)} ms   baseline ${r.toFixed(3).padStart(8)} ms   ratio ${(o / r).toFixed(1)}×`,
    );
  }
}
for (const q of ['援助', '县', '行政处罚决定', '法律援助 工作方案']) {
  const r = await searchItems(deps, { q, retention });
  const all = (
    sqlite
      .prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?')
      .get(fts5Match(planQuery(q))) as { n: number }
  ).n;
  console.log(`  “${q}”: ${r.capped ? `${r.total}+ (capped)` : r.total} hits online, ${all} in the index`);
}
if (reuse) console.log('import: skipped (BENCH_DB reused)');
else {
  const genRate = (generated / genMs) * 1000;
  const rawRate = (RAW_N / rawMs) * 1000;
  console.log(
    `import: generator, ${generated}${generated < COUNT ? ` of ${COUNT} requested (time budget)` : ''} items in ${(genMs / 1000).toFixed(0)} s (items + 索引号 + bigram index) vs raw prepared INSERT of the rows   ours ${genRate.toFixed(0).padStart(7)} items/s   baseline ${rawRate.toFixed(0).padStart(7)} items/s   ratio ${(rawRate / genRate).toFixed(1)}× slower`,
  );
}

// ---- 4. sheet import from an old site (item-import.service.ts): XLSX rows → parse, validate, sensitive
// scan, dedupe, batched insert with 索引号 and search documents, progress per batch — vs the raw bulk
// loader (insertPublishedBatch) inserting the same items in one call, in this run
{
  const N = Number(process.env.BENCH_IMPORT_ROWS ?? 2000);
  const ExcelJS = (await import('exceljs')).default;
  const { createImport, runImport } = await import('../server/src/publication/item-import.service.ts');
  const { insertPublishedBatch } = await import('../server/src/publication/publication.bulk.ts');
  const { resolveActorForTest } = await import('../server/src/publication/publication.test-support.ts');
  const { catalogOptions } = await import('../server/src/publication/item-import.ts');
  const { publicationRepository } = await import('../server/src/publication/publication.repository.ts');
  const user = sqlite
    .prepare(
      "SELECT u.id, r.agency_id AS agencyId FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE u.username = 'gkb' AND r.role = 'disclosure_office'",
    )
    .get() as { id: number; agencyId: number };
  const actor = await resolveActorForTest(deps, { id: user.id });
  const entry = catalogOptions(await publicationRepository.catalog(deps.db, user.agencyId)).find(
    (c) => c.code === 'gzdt',
  )!;
  const stamp = Date.now().toString(36);
  const rowOf = (i: number) => ({
    title: `导入基准第${i}号 ${stamp} 关于开展法律援助便民服务月活动的通知`,
    body: `各司法所：为进一步做好法律援助便民服务工作，现就第${i}期活动安排通知如下。一、活动时间。二、活动内容。三、工作要求。`,
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信息');
  ws.addRow([
    '来源编号',
    '标题',
    '文号',
    '成文日期',
    '发布日期',
    '主题分类',
    '目录分类',
    '有效性',
    '公开属性',
    '正文',
  ]);
  for (let i = 0; i < N; i++) {
    const r = rowOf(i);
    ws.addRow([
      `bench-${stamp}-${i}`,
      r.title,
      '',
      '2026-01-05',
      '2026-01-06',
      '02.01',
      entry.path,
      '有效',
      '主动公开',
      r.body,
    ]);
  }
  const sheet = Buffer.from(await wb.xlsx.writeBuffer());
  const t0 = performance.now();
  const imp = await inTransaction(deps, (tx) =>
    createImport(
      deps,
      tx,
      { actor },
      { agencyId: user.agencyId, sheet: { name: 'bench.xlsx', bytes: sheet }, files: [] },
    ),
  );
  const done = await runImport(deps, imp.id);
  const importMs = performance.now() - t0;
  if (done.accepted !== N)
    console.error(`  import accepted ${done.accepted} of ${N} rows (rejected ${done.rejected})`);
  const t1 = performance.now();
  await inTransaction(deps, (tx) =>
    insertPublishedBatch(
      deps,
      tx,
      Array.from({ length: N }, (_, i) => {
        const r = rowOf(i);
        return {
          agencyId: user.agencyId,
          catalogEntryId: entry.id,
          title: `${r.title}（直接）`,
          subjectCode: '02.01',
          publisher: 'bench',
          generatedOn: '2026-01-05',
          publishedOn: '2026-01-06',
          docNo: null,
          bodyHtml: `<p>${r.body}</p>`,
        };
      }),
    ),
  );
  const bulkMs = performance.now() - t1;
  const importRate = (N / importMs) * 1000;
  const bulkRate = (N / bulkMs) * 1000;
  console.log(
    `import: sheet of ${N} rows (read XLSX, validate, scan, dedupe, batches of 25 with progress) vs the bulk loader on the same items   ours ${importRate.toFixed(0).padStart(7)} rows/s   baseline ${bulkRate.toFixed(0).padStart(7)} rows/s   ratio ${(bulkRate / importRate).toFixed(1)}× slower`,
  );
}

await app.close();
await bare.close();
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
if (keep) console.error(`  database kept in ${keep}`);
