/**
 * Several app nodes, one truth (docs/deployment.md): two app instances — each with its own pool,
 * cache listener and Fastify app — on one PostgreSQL schema must agree after a change on either;
 * background work is done once whichever node ticks; rate limits and the login lockout count
 * requests to both. On SQLite (one process) the same calls invalidate locally and the counters and
 * leases live in the one database.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesForAgency } from '../agencies/agency.service.ts';
import { openPostgres } from '../db/create-db.ts';
import { type App, buildApp } from '../http/build-app.ts';
import type { StaffActor } from '../access/actor.ts';
import { JOBS, JOB_LEASE_MS, runJob } from '../jobs.ts';
import { reminderJob } from '../reminders/index.ts';
import {
  approveItem,
  createItem,
  leaderReview,
  officeReview,
  submitItem,
} from '../publication/publication.service.ts';
import { makePipelineActors } from '../publication/publication.test-support.ts';
import { type Deps, makeDeps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff, TEST_PASSWORD } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, PG_URL, type TestDb } from '../test-support/test-db.ts';
import { type CacheListener, cacheChanged, cacheGeneration, startCacheListener } from './cache-bus.ts';
import { clusterRepository } from './cluster.repository.ts';
import { claimLease } from './lease.ts';
import { replicaInUse, startReplicaMonitor } from './read-replica.ts';

const NOW = '2026-11-21T02:00:00.000Z';
const RATE_LIMIT = 3;

/** Polls `read` until `done` holds or ~2 s pass; returns the last value read (the assertion is the caller's). */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 2_000): Promise<T> {
  const until = Date.now() + ms;
  let v = await read();
  while (!done(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    v = await read();
  }
  return v;
}

const due = async (app: App, from: string, days: number, agency?: string) =>
  (
    await app.inject(`/api/v1/calendar/due?from=${from}&days=${days}${agency ? `&agency=${agency}` : ''}`)
  ).json().due as string;

const login = (app: App, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

/** A scheduled item of the county's department A, approved and due at `scheduledAt`. */
async function scheduledItem(deps: Deps, agencyId: number, scheduledAt: string, title: string) {
  const { drafter, leader, reviewer } = await makePipelineActors(deps, agencyId);
  const tx = <T>(fn: (x: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>) =>
    inTransaction(deps, fn);
  const item = await tx((x) =>
    createItem(
      deps,
      x,
      { actor: drafter },
      {
        agencyId,
        title,
        docNo: null,
        generatedOn: '2026-11-20',
        scope: 'public',
        attribute: 'proactive',
        bodyHtml: '<p>第一条 为规范本县公共服务事项，制定本办法。</p>',
        scheduledAt,
      },
    ),
  );
  await tx((x) =>
    submitItem(deps, x, { actor: drafter as StaffActor }, item.id, { opinion: '建议主动公开' }),
  );
  await tx((x) => leaderReview(deps, x, { actor: leader }, item.id, { decision: 'approve', comment: null }));
  await tx((x) =>
    officeReview(deps, x, { actor: reviewer }, item.id, {
      conclusion: 'public',
      basis: '保密法',
      reason: '不涉密',
    }),
  );
  const after = await tx((x) =>
    approveItem(deps, x, { actor: leader }, item.id, { decision: 'approve', comment: '同意' }),
  );
  expect(after.status).toBe('scheduled');
  return after;
}

const RELEASE = JOBS.find((j) => j.name === '定时发布')!;

describe.each(dialects())('one node: caches, leases and counters in the database (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: NOW, config: { publicPostRateLimitPerMinute: RATE_LIMIT } });
    app = await buildApp(t.deps);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('a calendar change invalidates this node at once (no listener needed); the listener is a no-op on SQLite', async () => {
    await makeStaff(t.deps, [], { username: 'admin', platformAdmin: true });
    const admin = as(app, await loginAs(app, 'admin'));
    expect(await due(app, '2026-12-01', 1)).toBe('2026-12-02');
    const gen = cacheGeneration(t.deps.db, 'calendar');
    const res = await admin.put('/api/v1/admin/calendar/days', {
      date: '2026-12-02',
      kind: 'holiday',
      name: '测试假日',
    });
    expect(res.statusCode).toBe(200);
    expect(cacheGeneration(t.deps.db, 'calendar')).toBeGreaterThan(gen);
    // the very next read, no waiting: 2 Dec is a holiday now (Civil Code art. 201: the next working day)
    expect(await due(app, '2026-12-01', 1)).toBe('2026-12-03');
    if (dialect === 'sqlite') {
      const l = startCacheListener(t.deps);
      await l.ready;
      expect(l.listening()).toBe(true);
      expect(l.backendPid()).toBeNull();
      await l.stop();
    }
  });

  it('a change in a rolled-back transaction drops the local cache but changes nothing', async () => {
    expect(await due(app, '2026-12-01', 1)).toBe('2026-12-02');
    const gen = cacheGeneration(t.deps.db, 'calendar');
    await expect(
      inTransaction(t.deps, async (tx) => {
        await cacheChanged(t.deps, tx, 'calendar');
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    expect(cacheGeneration(t.deps.db, 'calendar')).toBe(gen + 1);
    expect(await due(app, '2026-12-01', 1)).toBe('2026-12-02');
  });

  it('a lease: one holder at a time, free again when released or expired, a completed period is not claimed again', async () => {
    const db = t.deps.db;
    const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
    const claim = (holder: string, nowIso: string, unlessKey?: string) =>
      clusterRepository.claimLease(db, {
        name: 'job:测试',
        holder,
        nowIso,
        leaseUntil: at(nowIso, 60_000),
        ...(unlessKey ? { unlessKey } : {}),
      });
    expect(await claim('a', NOW)).toBe(true);
    expect(await claim('b', NOW)).toBe(false);
    expect(await claim('a', NOW)).toBe(true); // its holder renews
    expect(await claim('b', at(NOW, 59_000))).toBe(false);
    expect(await claim('b', at(NOW, 60_000))).toBe(true); // a's lease ended: b takes over
    await clusterRepository.releaseLease(db, {
      name: 'job:测试',
      holder: 'b',
      nowIso: at(NOW, 61_000),
      completedKey: '2026-11-21T10',
    });
    expect(await claim('a', at(NOW, 62_000), '2026-11-21T10')).toBe(false);
    expect(await claim('a', at(NOW, 62_000), '2026-11-21T11')).toBe(true);
  });

  it('public POSTs are counted in the database: the limit is answered 429 RATE_LIMITED, the address stored only as a digest', async () => {
    const codes: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 1; i++)
      codes.push((await app.inject({ method: 'POST', url: '/api/v1/applications', payload: {} })).statusCode);
    expect(codes.slice(0, RATE_LIMIT).every((c) => c !== 429)).toBe(true);
    expect(codes[RATE_LIMIT]).toBe(429);
    const rows = await t.deps.db.selectFrom('rateLimitHits').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hits).toBe(RATE_LIMIT + 1);
    expect(rows[0]!.key).toMatch(/^[0-9a-f]{64}$/);
    // the pruning job drops the window once it ended more than a minute ago
    t.clock.advance(3 * 60_000);
    expect(await runJob(t.deps, JOBS.find((j) => j.name === '限流计数清理')!)).toBe(1);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/applications', payload: {} })).statusCode,
    ).not.toBe(429);
  });
});

// Two nodes need a shared database server: PostgreSQL (SQLite is one process — covered above).
describe.each(PG_URL ? (['postgres'] as const) : [])('two nodes on one PostgreSQL schema', () => {
  let t: TestDb;
  let a: Deps;
  let b: Deps;
  let appA: App;
  let appB: App;
  let listenA: CacheListener;
  let listenB: CacheListener;
  let closeB: () => Promise<void>;

  beforeEach(async () => {
    t = await makeTestDb('postgres', { now: NOW, config: { publicPostRateLimitPerMinute: RATE_LIMIT } });
    a = t.deps;
    const handleB = openPostgres(PG_URL!, { schema: t.schema!, max: 4 });
    b = makeDeps(handleB, a.config, a.clock);
    closeB = () => handleB.close();
    listenA = startCacheListener(a, { retryMs: 50 });
    listenB = startCacheListener(b, { retryMs: 50 });
    await Promise.all([listenA.ready, listenB.ready]);
    appA = await buildApp(a);
    appB = await buildApp(b);
  });
  afterEach(async () => {
    await appA.close();
    await appB.close();
    await listenA.stop();
    await listenB.stop();
    await closeB();
    await t.close();
  });

  it('a holiday marked on node A changes the due dates node B answers and computes within a second or two', async () => {
    await makeStaff(a, [], { username: 'admin', platformAdmin: true });
    const admin = as(appA, await loginAs(appA, 'admin'));
    expect(await due(appB, '2026-12-01', 1)).toBe('2026-12-02'); // B's calendar is cached now
    expect(await due(appA, '2026-12-01', 1)).toBe('2026-12-02');
    const res = await admin.put('/api/v1/admin/calendar/days', {
      date: '2026-12-02',
      kind: 'holiday',
      name: '测试假日',
    });
    expect(res.statusCode).toBe(200);
    expect(
      await eventually(
        () => due(appB, '2026-12-01', 1),
        (d) => d === '2026-12-03',
      ),
    ).toBe('2026-12-03');
  });

  it('an agency renamed on A is renamed on B; a rule profile edited on A gives B the new numbers', async () => {
    const county = await makeCounty(a);
    await makeStaff(a, [], { username: 'admin', platformAdmin: true });
    const admin = as(appA, await loginAs(appA, 'admin'));
    const publicNames = async (app: App) =>
      ((await app.inject('/api/v1/agencies')).json().items as { name: string }[]).map((i) => i.name);
    // B's directory warmed, then the rename on A (the public view reads names through the directory)
    expect((await appB.inject(`/a/${county.deptA.code}/`)).body).toContain('测试县司法局');
    const renamed = await admin.patch(`/api/v1/admin/agencies/${county.deptA.id}`, {
      name: '测试县司法行政局',
    });
    expect(renamed.statusCode).toBe(200);
    const page = await eventually(
      async () => (await appB.inject(`/a/${county.deptA.code}/`)).body,
      (body) => body.includes('测试县司法行政局'),
    );
    expect(page).toContain('测试县司法行政局');
    expect(await publicNames(appB)).toContain('测试县司法行政局');

    // rule profile: B reads (and caches) the default profile's reply period, A edits it (R.33 ¶2 as data)
    const profile = await a.db
      .selectFrom('ruleProfiles')
      .selectAll()
      .where('isDefault', '=', 1)
      .executeTakeFirstOrThrow();
    expect((await rulesForAgency(b, b.db, county.deptA.id)).replyDays).toBe(20);
    const edited = await admin.patch(`/api/v1/admin/rule-profiles/${profile.id}`, {
      rules: { replyDays: 15 },
    });
    expect(edited.statusCode).toBe(200);
    const rules = await eventually(
      () => rulesForAgency(b, b.db, county.deptA.id),
      (r) => r.replyDays === 15,
    );
    expect(rules.replyDays).toBe(15);
  });

  it('two nodes tick at the same moment: the scheduled item is published once, with one audit event; B shows it on its home', async () => {
    const county = await makeCounty(a);
    const item = await scheduledItem(
      a,
      county.deptA.id,
      '2026-11-21T03:00:00.000Z',
      '测试县公共服务事项办理办法',
    );
    const home = () => appB.inject(`/a/${county.deptA.code}/`).then((r) => r.body);
    expect(await home()).not.toContain('测试县公共服务事项办理办法'); // B's latest list cached without it
    t.clock.set('2026-11-21T03:01:00.000Z');
    const counts = await Promise.all([runJob(a, RELEASE), runJob(b, RELEASE)]);
    expect(counts.sort()).toEqual([0, 1]);
    const published = await a.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'item.published')
      .where('entityId', '=', String(item.id))
      .execute();
    expect(published).toHaveLength(1);
    const row = await a.db
      .selectFrom('informationItems')
      .selectAll()
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect(await eventually(home, (body) => body.includes('测试县公共服务事项办理办法'))).toContain(
      '测试县公共服务事项办理办法',
    );
  });

  it('a node killed holding the release lease leaves the work to the other once the lease ends', async () => {
    const county = await makeCounty(a);
    const item = await scheduledItem(a, county.deptA.id, '2026-11-21T03:00:00.000Z', '测试县便民服务指南');
    t.clock.set('2026-11-21T03:01:00.000Z');
    // node A claims the job and dies before doing it (never releases)
    expect(await claimLease(a, `job:${RELEASE.name}`, { ttlMs: JOB_LEASE_MS })).toBe(true);
    expect(await runJob(b, RELEASE)).toBe(0);
    expect(
      (
        await b.db
          .selectFrom('informationItems')
          .select('status')
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('scheduled');
    t.clock.advance(JOB_LEASE_MS);
    expect(await runJob(b, RELEASE)).toBe(1);
    expect(
      (
        await b.db
          .selectFrom('informationItems')
          .select('status')
          .where('id', '=', item.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('published');
  });

  it('the hourly reminder run happens once per hour across both nodes', async () => {
    let runs = 0;
    const run = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return 1;
    };
    await Promise.all([reminderJob(a, run), reminderJob(b, run)]);
    await Promise.all([reminderJob(a, run), reminderJob(b, run)]); // same hour: done already
    expect(runs).toBe(1);
    t.clock.advance(3_600_000);
    await Promise.all([reminderJob(b, run), reminderJob(a, run)]);
    expect(runs).toBe(2);
  });

  it('the login lockout counts failures on both nodes, also when they arrive at once', async () => {
    await makeStaff(a, [], { username: 'zhao' });
    const tries = [appA, appB, appA, appB, appA].map((app) => login(app, 'zhao', 'bad-password-x1'));
    const codes = (await Promise.all(tries)).map((r) => r.json().code as string);
    expect(codes.filter((c) => c === 'AUTH_ACCOUNT_LOCKED')).toHaveLength(1);
    // locked on both nodes, even with the right password
    expect((await login(appA, 'zhao', TEST_PASSWORD)).statusCode).toBe(423);
    expect((await login(appB, 'zhao', TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('the public POST limit is one allowance across both nodes', async () => {
    const post = (app: App) => app.inject({ method: 'POST', url: '/api/v1/applications', payload: {} });
    const codes: number[] = [];
    for (const app of [appA, appB, appA, appB]) codes.push((await post(app)).statusCode);
    expect(codes.slice(0, RATE_LIMIT).every((c) => c !== 429)).toBe(true);
    expect(codes[RATE_LIMIT]).toBe(429);
    expect((await post(appA)).json().code).toBe('RATE_LIMITED');
  });

  it('a node that loses its listening connection drops its caches, reconnects and hears changes again', async () => {
    await makeStaff(a, [], { username: 'admin', platformAdmin: true });
    const admin = as(appA, await loginAs(appA, 'admin'));
    expect(await due(appB, '2026-12-01', 1)).toBe('2026-12-02');
    const gen = cacheGeneration(b.db, 'calendar');
    const pid = listenB.backendPid();
    expect(pid).not.toBeNull();
    await a.db.selectNoFrom((eb) => eb.fn<boolean>('pg_terminate_backend', [eb.val(pid)]).as('t')).execute();
    expect(
      await eventually(
        async () => cacheGeneration(b.db, 'calendar'),
        (g) => g > gen,
      ),
    ).toBeGreaterThan(gen);
    expect(
      await eventually(
        async () => listenB.listening() && listenB.backendPid() !== pid,
        (ok) => ok,
      ),
    ).toBe(true);
    expect(await due(appB, '2026-12-01', 1)).toBe('2026-12-02'); // cached again
    await admin.put('/api/v1/admin/calendar/days', { date: '2026-12-02', kind: 'holiday', name: '测试假日' });
    expect(
      await eventually(
        () => due(appB, '2026-12-01', 1),
        (d) => d === '2026-12-03',
      ),
    ).toBe('2026-12-03');
  });

  it('with a read replica: public GETs read from it, staff reads and writes stay on the primary; a failing replica falls back', async () => {
    const county = await makeCounty(a);
    await makeStaff(a, [], { username: 'admin', platformAdmin: true });
    // the "replica" is a second pool on the same schema (the monitor sees a server not in recovery)
    const replica = openPostgres(PG_URL!, { schema: t.schema!, max: 2 });
    const c = makeDeps({ ...a.handle, replica }, a.config, a.clock);
    const monitor = startReplicaMonitor(c, { intervalMs: 50 });
    await monitor.ready;
    const appC = await buildApp(c);
    try {
      expect(replicaInUse(c)).toBe(true);
      const onReplica = vi.spyOn(replica.db, 'selectFrom');
      const pub = await appC.inject('/api/v1/agencies?all=true');
      expect(pub.statusCode).toBe(200);
      expect(onReplica).toHaveBeenCalled();
      onReplica.mockClear();
      const admin = as(appC, await loginAs(appC, 'admin'));
      const renamed = await admin.patch(`/api/v1/admin/agencies/${county.deptB.id}`, {
        name: '测试县市场监管局',
      });
      expect(renamed.statusCode).toBe(200);
      // read-your-writes: the staff list, read right after the write, is the primary's
      const list = await admin.get('/api/v1/admin/agencies');
      expect(list.body).toContain('测试县市场监管局');
      expect(onReplica).not.toHaveBeenCalled();
    } finally {
      monitor.stop();
      await appC.close();
      await replica.close();
    }

    // a replica that does not answer is left out: public reads go to the primary
    const dead = openPostgres('postgres://postgres@127.0.0.1:1/test', { max: 1 });
    const d = makeDeps({ ...a.handle, replica: dead }, a.config, a.clock);
    const monitorD = startReplicaMonitor(d, { intervalMs: 50 });
    await monitorD.ready;
    const appD = await buildApp(d);
    try {
      expect(replicaInUse(d)).toBe(false);
      const res = await appD.inject('/api/v1/agencies?all=true');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('测试县市场监管局');
    } finally {
      monitorD.stop();
      await appD.close();
      await dead.close();
    }
  });
});
