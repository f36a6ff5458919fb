/**
 * Benchmarks print ratios against a baseline measured in the same run, never absolute pass/fail
 * timings. Run: npm run bench  (SQLite in memory; set BENCH_PG_URL to add PostgreSQL rows).
 *
 * 1. portal agency home vs a bare Fastify route returning the same bytes (cost of our page stack)
 * 2. GET /api/v1/calendar/due vs a bare route returning the same JSON
 * 3. WorkingCalendar.addWorkingDays(…, 20) vs a plain weekday-only loop (cost of the holiday lookup)
 * 4. agency list through Kysely vs the same SELECT as a raw prepared better-sqlite3 statement
 */
import Fastify from 'fastify';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { calendarFor } from '../server/src/calendar/calendar.service.ts';
import { testConfig } from '../server/src/config/config.ts';
import { openSqlite } from '../server/src/db/create-db.ts';
import { agencyRepository } from '../server/src/agencies/agency.repository.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { addDays, weekday } from '../server/src/shared/dates.ts';
import { systemClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';

/** ms per op of `ours` and `base`, measured in alternating rounds so warm-up and GC hit both alike; medians. */
async function pair(
  ours: () => unknown,
  base: () => unknown,
  rounds = 7,
  roundMs = 250,
): Promise<[number, number]> {
  for (let i = 0; i < 300; i++) {
    await ours();
    await base();
  }
  const once = async (fn: () => unknown) => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < roundMs) {
      for (let i = 0; i < 20; i++) await fn();
      n += 20;
    }
    return (performance.now() - start) / n;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await once(ours));
    b.push(await once(base));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [median(a), median(b)];
}

function row(name: string, ours: number, base: number, unit = 'req') {
  console.log(
    `${name.padEnd(58)} ours ${(1000 / ours).toFixed(0).padStart(8)} ${unit}/s   baseline ${(1000 / base).toFixed(0).padStart(8)} ${unit}/s   ratio ${(ours / base).toFixed(2)}×`,
  );
}

const handle = openSqlite(':memory:');
const deps = makeDeps(handle, testConfig(), systemClock);
await prepareDatabase(deps);
await seedDemo(deps);
const app = await buildApp(deps);
await app.ready();

const bare = Fastify();
const pageBytes = (await app.inject('/a/sfj/')).body;
const dueBody = (await app.inject('/api/v1/calendar/due?from=2025-09-26&days=20')).body;
bare.get('/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send(pageBytes));
bare.get('/due', async (_req, reply) => reply.type('application/json').send(dueBody));
await bare.ready();

console.log(
  `Gongkai benchmarks — Node ${process.version}, SQLite in memory, demo county (${(await agencyRepository.all(deps.db)).length} agencies)`,
);
console.log('ratio = time per operation, ours ÷ baseline, medians of 7 alternating rounds\n');

row(
  'portal agency home /a/sfj/ vs bare route, same bytes',
  ...(await pair(
    () => app.inject('/a/sfj/'),
    () => bare.inject('/page'),
  )),
);
row(
  'GET /api/v1/calendar/due vs bare route, same JSON',
  ...(await pair(
    () => app.inject('/api/v1/calendar/due?from=2025-09-26&days=20'),
    () => bare.inject('/due'),
  )),
);

const cal = await calendarFor(deps, null);
const starts = Array.from({ length: 300 }, (_, i) => addDays('2025-01-01', i));
let k = 0;
const plain = (start: string, n: number) => {
  let d = start;
  while (n > 0) {
    d = addDays(d, 1);
    const w = weekday(d);
    if (w !== 0 && w !== 6) n--;
  }
  return d;
};
row(
  'addWorkingDays(start, 20) vs weekday-only loop',
  ...(await pair(
    () => cal.addWorkingDays(starts[k++ % 300]!, 20),
    () => plain(starts[k++ % 300]!, 20),
  )),
  'op',
);

const stmt = handle.sqlite!.prepare('SELECT * FROM agencies ORDER BY sort_order, id');
row(
  'agency list via Kysely vs raw prepared statement',
  ...(await pair(
    () => agencyRepository.all(deps.db),
    () => stmt.all(),
  )),
  'query',
);

await app.close();
await bare.close();
await handle.close();
