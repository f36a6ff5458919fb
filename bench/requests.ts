/**
 * 依申请公开 benchmarks with 200,000 generated applications (`gongkai generate --applications`),
 * printed as ratios against a baseline measured in the same run (not a timed test).
 * Run: node server/bin/run-ts.mjs bench/requests.ts [count]   (SQLite in memory)
 *
 * 1. staff queue query through the repository (Kysely) vs the same SELECT as a raw prepared statement
 * 2. the overdue queue (join on deadlines) vs the raw prepared statement
 * 3. the "due within 5 working days" queue on each agency's calendar (dueSoonDates + queue) vs the
 *    raw prepared statement with the national date
 * 4. the page's eight queue counts: one grouped query (queueCounts) vs eight COUNT queries (before)
 * 5. the staff queue route (HTTP, auth, scope, presenter) vs the repository calls alone
 * 6. due-date recomputation after a calendar change (recomputeDeadlines: bulk updates, an audit event
 *    per moved deadline appended in bulk) vs recomputing the same deadlines' dates in memory
 */
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { calendarFor, dueSoonDates, setDay } from '../server/src/calendar/calendar.service.ts';
import { testConfig } from '../server/src/config/config.ts';
import { openSqlite } from '../server/src/db/create-db.ts';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { seedDemo } from '../server/src/demo/demo.seed.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { COUNTED_QUEUES, requestRepository } from '../server/src/requests/request.repository.ts';
import { applicationsGenerator } from '../server/src/demo/applications.generate.ts';
import { fixedClock } from '../server/src/shared/clock.ts';
import { makeDeps } from '../server/src/shared/deps.ts';
import { inTransaction } from '../server/src/shared/tx.ts';

const COUNT = Number(process.argv[2] ?? 200_000);

async function pair(
  ours: () => unknown,
  base: () => unknown,
  rounds = 5,
  roundMs = 300,
): Promise<[number, number]> {
  for (let i = 0; i < 5; i++) {
    await ours();
    await base();
  }
  const once = async (fn: () => unknown) => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < roundMs) {
      await fn();
      n++;
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

function row(name: string, ours: number, base: number) {
  console.log(
    `${name.padEnd(62)} ours ${ours.toFixed(2).padStart(9)} ms   baseline ${base.toFixed(2).padStart(9)} ms   ratio ${(ours / base).toFixed(2)}×`,
  );
}

const handle = openSqlite(':memory:');
const clock = fixedClock('2026-10-15T02:00:00.000Z');
const deps = makeDeps(handle, testConfig({ publicPostRateLimitPerMinute: 1_000_000 }), clock);
await prepareDatabase(deps);
await seedDemo(deps);

const t0 = performance.now();
await inTransaction(deps, (tx) => applicationsGenerator.run(deps, tx, COUNT, 1, () => {}));
const genMs = performance.now() - t0;
const apps = Number(
  (
    await deps.db
      .selectFrom('requestApplications')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const deadlines = Number(
  (
    await deps.db
      .selectFrom('deadlines')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
console.log(`Gongkai 依申请公开 benchmarks — Node ${process.version}, SQLite in memory`);
console.log(
  `generated ${apps} applications (${deadlines} stored deadlines) in ${(genMs / 1000).toFixed(1)} s = ${((apps / genMs) * 1000).toFixed(0)} applications/s`,
);
console.log('ratio = time per operation, ours ÷ baseline, medians of 5 alternating rounds\n');

const sfj = (
  await deps.db.selectFrom('agencies').select('id').where('code', '=', 'sfj').executeTakeFirstOrThrow()
).id;
const today = '2026-10-15';
const soon = (await calendarFor(deps, sfj)).addWorkingDays(today, 5);
const filter = (queue: 'open' | 'overdue' | 'due_soon') => ({
  agencyIds: [sfj],
  queue,
  today,
  soonDate: soon,
  limit: 20,
  offset: 0,
});

const sqlite = handle.sqlite!;
const OPEN = `('registered','awaiting_correction','in_progress','consulting_third_party','consulting_agency','awaiting_fee','suspended','awaiting_approval')`;
const rawOpen = sqlite.prepare(
  `SELECT a.id, a.agency_id, a.registration_no, a.status, a.channel, a.applicant_name, a.applicant_kind, a.received_on, a.submitted_on,
          a.unit_id, a.handler_user_id, a.pause_kind, d.due_date,
          (SELECT count(*) FROM request_items i WHERE i.application_id = a.id) AS item_count,
          (SELECT i.description FROM request_items i WHERE i.application_id = a.id AND i.seq = 1) AS first_item
     FROM request_applications a
     LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused')
    WHERE a.agency_id IN (?) AND a.status IN ${OPEN}
    ORDER BY a.id LIMIT 20`,
);
const rawOpenCount = sqlite.prepare(
  `SELECT count(*) AS n FROM request_applications a LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused') WHERE a.agency_id IN (?) AND a.status IN ${OPEN}`,
);
const rawOverdue = sqlite.prepare(
  `SELECT a.id, a.registration_no, a.status, d.due_date FROM request_applications a
     LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused')
    WHERE a.agency_id IN (?) AND a.status IN ('registered','in_progress','awaiting_approval') AND d.state = 'open' AND d.due_date < ?
    ORDER BY d.due_date, a.id LIMIT 20`,
);
const rawOverdueCount = sqlite.prepare(
  `SELECT count(*) AS n FROM request_applications a LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused')
    WHERE a.agency_id IN (?) AND a.status IN ('registered','in_progress','awaiting_approval') AND d.state = 'open' AND d.due_date < ?`,
);

row(
  'open queue of one department: repository (Kysely) vs raw SQL',
  ...(await pair(
    () => requestRepository.queue(deps.db, filter('open')),
    () => {
      rawOpenCount.get(sfj);
      return rawOpen.all(sfj);
    },
  )),
);
row(
  'overdue queue (join on deadlines): repository vs raw SQL',
  ...(await pair(
    () => requestRepository.queue(deps.db, filter('overdue')),
    () => {
      rawOverdueCount.get(sfj, today);
      return rawOverdue.all(sfj, today);
    },
  )),
);

const rawDueSoon = sqlite.prepare(
  `SELECT a.id, a.registration_no, a.status, d.due_date FROM request_applications a
     LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused')
    WHERE a.agency_id IN (?) AND a.status IN ('registered','in_progress','awaiting_approval') AND d.state = 'open' AND d.due_date >= ? AND d.due_date <= ?
    ORDER BY d.due_date, a.id LIMIT 20`,
);
const rawDueSoonCount = sqlite.prepare(
  `SELECT count(*) AS n FROM request_applications a LEFT JOIN deadlines d ON d.subject_id = a.id AND d.subject_type = 'request_application' AND d.kind = 'reply' AND d.state IN ('open','paused')
    WHERE a.agency_id IN (?) AND a.status IN ('registered','in_progress','awaiting_approval') AND d.state = 'open' AND d.due_date >= ? AND d.due_date <= ?`,
);
row(
  'due within 5 working days (agency calendars) vs raw SQL',
  ...(await pair(
    async () => {
      const s = await dueSoonDates(deps, [sfj], today, 5);
      return requestRepository.queue(deps.db, {
        ...filter('due_soon'),
        soonDate: s.soonDate,
        soonExceptions: s.exceptions,
      });
    },
    () => {
      rawDueSoonCount.get(sfj, today, soon);
      return rawDueSoon.all(sfj, today, soon);
    },
  )),
);
row(
  'the 8 queue counts: one grouped query vs 8 COUNT queries',
  ...(await pair(
    () => requestRepository.queueCounts(deps.db, filter('open')),
    async () => {
      for (const queue of COUNTED_QUEUES)
        await requestRepository.queue(deps.db, { ...filter('open'), queue, limit: 0 });
    },
    3,
  )),
);

const app = await buildApp(deps);
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'sfj-gk', password: DEMO_PASSWORD },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
row(
  'staff queue route GET /api/v1/admin/requests (with counts) vs repository',
  ...(await pair(
    () => app.inject({ method: 'GET', url: '/api/v1/admin/requests?queue=open', headers: { cookie } }),
    async () => {
      await requestRepository.queue(deps.db, filter('open'));
      await requestRepository.queueCounts(deps.db, filter('open'));
    },
    3,
  )),
);

// due-date recomputation after a calendar change: a national holiday inserted on 2026-10-27
const affected = await deps.db
  .selectFrom('deadlines')
  .select(['id', 'agencyId', 'startDate', 'workingDays'])
  .where('state', '=', 'open')
  .where('startDate', '<', '2026-10-27')
  .where('dueDate', '>=', '2026-10-27')
  .execute();
const cal = await calendarFor(deps, null);
const tBase = performance.now();
for (const d of affected) cal.addWorkingDays(d.startDate, d.workingDays);
const baseMs = performance.now() - tBase;
const tOurs = performance.now();
const { recomputed } = await inTransaction(deps, (tx) =>
  setDay(
    deps,
    tx,
    { actor: null },
    { date: '2026-10-27', kind: 'holiday', name: '基准测试假日', agencyId: null },
  ),
);
const oursMs = performance.now() - tOurs;
console.log(
  `${`recompute after a calendar change (${affected.length} open deadlines, ${recomputed} moved)`.padEnd(62)} ours ${oursMs.toFixed(1).padStart(9)} ms   baseline ${baseMs.toFixed(1).padStart(9)} ms   ratio ${(oursMs / Math.max(baseMs, 0.001)).toFixed(1)}×  (${((oursMs / Math.max(1, recomputed)) * 1000).toFixed(0)} µs per moved deadline incl. its audit event)`,
);
await app.close();
await handle.close();
