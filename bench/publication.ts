/**
 * 主动公开 benchmarks with generated documents (`gongkai generate --documents`), printed as ratios
 * against baselines measured in the same run (not a timed test).
 * Run: node server/bin/run-ts.mjs bench/publication.ts [count]   (default 1,000,000; SQLite file in a temp dir)
 *
 * 1. document page /d/:id (public query, attachments, interpretations, layout) vs a bare Fastify route
 *    returning the same bytes
 * 2. search latency p50/p95: searchItems (bigram FTS5 phrase + exact check + ranking + count + snippets)
 *    vs the raw FTS5 MATCH on the index alone
 * 3. import throughput: the generator (items + 索引号 + search index) vs raw prepared INSERTs of the
 *    same item rows without the index
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
import { documentsGenerator } from '../server/src/publication/publication.generate.ts';
import { fts5Match, planQuery } from '../server/src/search/bigram.ts';
import { searchItems } from '../server/src/search/index.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';
import { inTransaction } from '../server/src/shared/tx.ts';

const COUNT = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-pub-'));
const handle = openSqlite(path.join(dir, 'bench.db'));
const deps = makeDeps(handle, testConfig(), fixedClock('2026-11-21T02:00:00.000Z'));
await prepareDatabase(deps);
await seedDemo(deps);

// ---- 3. import throughput (generator) and the raw-insert baseline
let genMs = 0;
{
  const t0 = performance.now();
  let last = 0;
  const CH = 50_000;
  for (let done = 0; done < COUNT; done += CH) {
    const n = Math.min(CH, COUNT - done);
    await inTransaction(deps, (tx) => documentsGenerator.run(deps, tx, n, 11 + done, () => {}));
    if (performance.now() - last > 10_000) {
      last = performance.now();
      console.error(`  … ${done + n} / ${COUNT} generated`);
    }
  }
  genMs = performance.now() - t0;
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
const raw = sqlite.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20');
const ourTimes: number[] = [];
const rawTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    let s = performance.now();
    await searchItems(deps, { q });
    ourTimes.push(performance.now() - s);
    const m = fts5Match(planQuery(q));
    s = performance.now();
    raw.all(m);
    rawTimes.push(performance.now() - s);
  }
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
for (const [name, q] of [
  ['p50', 0.5],
  ['p95', 0.95],
] as const) {
  const o = pct(ourTimes, q);
  const r = pct(rawTimes, q);
  console.log(
    `search latency ${name} (filters, ranking, count, snippets) vs raw FTS5 MATCH   ours ${o.toFixed(2).padStart(8)} ms   baseline ${r.toFixed(3).padStart(8)} ms   ratio ${(o / r).toFixed(1)}×`,
  );
}
for (const q of ['援助', '县', '行政处罚决定']) {
  const r = await searchItems(deps, { q });
  console.log(`  “${q}”: ${r.total} hits`);
}
const genRate = (COUNT / genMs) * 1000;
const rawRate = (RAW_N / rawMs) * 1000;
console.log(
  `import: generator (items + 索引号 + bigram index) vs raw prepared INSERT of the rows   ours ${genRate.toFixed(0).padStart(7)} items/s   baseline ${rawRate.toFixed(0).padStart(7)} items/s   ratio ${(rawRate / genRate).toFixed(1)}× slower`,
);

await app.close();
await bare.close();
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
