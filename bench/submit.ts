/**
 * Public submission throughput (POST /api/v1/applications) on SQLite and PostgreSQL at increasing
 * concurrency, next to the same transaction without the audit write and a raw INSERT of the same
 * rows, measured in the same run (docs/audit.md explains the chain design this measures).
 *
 * Run: node server/bin/run-ts.mjs bench/submit.ts [--seconds 5] [--levels 1,10,50] [--agencies 12]
 *        [--only sqlite|postgres] [--kill]
 * PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test), a private schema that
 * is dropped afterwards. SQLite: a WAL file in a temporary directory (as in production).
 *
 * Rows per level and dialect (accepted/s and p99 latency, closed loop of N clients):
 *   route      the public route through Fastify (inject): validation, intake, audit, commit
 *   service    submitOnline in its transaction (no HTTP)
 *   no audit   the same transaction without the audit write (agency row, sequence, application+items)
 *   raw        the same rows (sequence, application, items, one audit row) as plain driver INSERTs
 * "spread" sends client i to agency i mod A (a burst over many agencies, the usual case); "one
 * agency" sends every client to the same agency (its registration sequence serialises them anyway).
 *
 * --kill: a child process submits a burst and is killed with SIGKILL in the middle; afterwards every
 * acknowledged submission must be stored, and the audit chains must verify.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { verifyAuditChain } from '../server/src/audit/audit.service.ts';
import { prepareDatabase } from '../server/src/bootstrap.ts';
import { testConfig } from '../server/src/config/config.ts';
import { type DbHandle, openPostgres, openSqlite } from '../server/src/db/create-db.ts';
import { buildApp } from '../server/src/http/build-app.ts';
import { formatRegistrationNo } from '../server/src/requests/application.ts';
import { requestRepository as repo } from '../server/src/requests/request.repository.ts';
import { submitOnline } from '../server/src/requests/request.service.ts';
import { agencyRepository } from '../server/src/agencies/agency.repository.ts';
import { systemClock } from '../server/src/shared/clock.ts';
import { type Deps, makeDeps } from '../server/src/shared/deps.ts';
import { inTransaction } from '../server/src/shared/tx.ts';
import { makeAgency } from '../server/src/test-support/factories.ts';

const { values: opt } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    levels: { type: 'string', default: '1,10,50' },
    agencies: { type: 'string', default: '12' },
    only: { type: 'string' },
    kill: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(opt.seconds);
const LEVELS = opt.levels!.split(',').map(Number);
const AGENCIES = Number(opt.agencies);

const body = (code: string, i: number) => ({
  agencyCode: code,
  applicant: {
    kind: 'natural' as const,
    name: '王五',
    idType: 'resident_id' as const,
    idNumber: '11010519491231002X',
    phone: '13900000000',
  },
  items: [{ description: `本机关2024年度政府采购合同目录（${i}）` }, { description: '2024年部门预算' }],
  provisionForm: 'electronic' as const,
  deliveryMethod: 'online' as const,
});

interface Target {
  dialect: 'sqlite' | 'postgres';
  handle: DbHandle;
  deps: Deps;
  /** the same database through a plain driver */
  raw: RawWriter;
  close(): Promise<void>;
}

async function open(dialect: 'sqlite' | 'postgres', ref?: string): Promise<Target & { ref: string }> {
  let handle: DbHandle;
  let ref2 = ref;
  let drop = async () => {};
  if (dialect === 'sqlite') {
    const file = ref ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-')), 'gongkai.sqlite');
    ref2 = file;
    handle = openSqlite(file);
    if (!ref) drop = async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  } else {
    const schema = ref ?? `bench_${randomBytes(5).toString('hex')}`;
    ref2 = schema;
    if (!ref) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
      drop = async () => {
        const d = new pg.Client({ connectionString: PG_URL });
        await d.connect();
        await d.query(`DROP SCHEMA ${schema} CASCADE`);
        await d.end();
      };
    }
    // a production-sized pool (create-db.ts default: 10)
    handle = openPostgres(PG_URL, { schema, max: 10 });
  }
  const deps = makeDeps(handle, testConfig({ publicPostRateLimitPerMinute: 1_000_000 }), systemClock);
  const raw = dialect === 'sqlite' ? sqliteRaw(handle) : pgRaw(ref2!);
  return {
    dialect,
    handle,
    deps,
    raw,
    ref: ref2!,
    close: async () => {
      await raw.close();
      await handle.close();
      await drop();
    },
  };
}

async function seed(t: Target): Promise<{ id: number; code: string }[]> {
  await prepareDatabase(t.deps);
  const out: { id: number; code: string }[] = [];
  const region = await makeAgency(t.deps, { kind: 'region', name: '基准县' });
  const gov = await makeAgency(t.deps, {
    kind: 'government',
    parentId: region.id,
    name: '基准县人民政府',
    acceptsApplications: true,
  });
  out.push({ id: gov.id, code: gov.code });
  for (let i = 1; i < AGENCIES; i++) {
    const a = await makeAgency(t.deps, {
      kind: 'department',
      parentId: gov.id,
      name: `基准县第${i}局`,
      acceptsApplications: true,
    });
    out.push({ id: a.id, code: a.code });
  }
  return out;
}

// ------------------------------------------------------------------ raw driver writers

interface RawWriter {
  submit(agencyId: number, code: string, i: number): Promise<void>;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();
const YEAR = new Date().getUTCFullYear();

function appValues(agencyId: number, code: string, seq: number) {
  const t = now();
  return [
    agencyId,
    formatRegistrationNo(code, YEAR, seq),
    randomBytes(32).toString('hex'),
    'online',
    'unconfirmed',
    'natural',
    '王五',
    'resident_id',
    '11010519491231002X',
    '13900000000',
    'electronic',
    'online',
    t.slice(0, 10),
    t,
    t,
    t,
  ];
}
const APP_COLS =
  'agency_id, registration_no, tracking_hash, channel, status, applicant_kind, applicant_name, id_type, id_number, phone, provision_form, delivery_method, submitted_on, submitted_at, created_at, updated_at';
const AUDIT_COLS =
  'occurred_at, actor_label, agency_id, entity_type, entity_id, action, after_json, prev_hash, hash, chain_seq';

function pgRaw(schema: string): RawWriter {
  const pool = new pg.Pool({ connectionString: PG_URL, max: 10, options: `-c search_path=${schema}` });
  return {
    async submit(agencyId, code, i) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const s = await c.query(
          `INSERT INTO request_sequences (agency_id, year, last_seq) VALUES ($1, $2, 1)
           ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = request_sequences.last_seq + 1 RETURNING last_seq`,
          [agencyId, YEAR],
        );
        const a = await c.query(
          `INSERT INTO request_applications (${APP_COLS}) VALUES (${APP_COLS.split(',')
            .map((_, n) => `$${n + 1}`)
            .join(',')}) RETURNING id`,
          appValues(agencyId, code, Number(s.rows[0].last_seq)),
        );
        const id = a.rows[0].id;
        await c.query(
          'INSERT INTO request_items (application_id, seq, description) VALUES ($1, 1, $2), ($1, 2, $3)',
          [id, `本机关2024年度政府采购合同目录（${i}）`, '2024年部门预算'],
        );
        // the audit row without chain: no lock, a random "hash", seq NULL (a legacy-shaped row)
        await c.query(
          `INSERT INTO audit_events (${AUDIT_COLS}) VALUES ($1, '公众', $2, 'request', $3, 'request.submitted', '{}', $4, $5, NULL)`,
          [now(), agencyId, String(id), '0'.repeat(64), randomBytes(32).toString('hex')],
        );
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

function sqliteRaw(handle: DbHandle): RawWriter {
  // statements are prepared on first use: the tables exist only after prepareDatabase
  let run: ((agencyId: number, code: string, i: number) => void) | undefined;
  const prepare = () => {
    const db = handle.sqlite!;
    const seq = db.prepare(
      `INSERT INTO request_sequences (agency_id, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = request_sequences.last_seq + 1 RETURNING last_seq`,
    );
    const app = db.prepare(
      `INSERT INTO request_applications (${APP_COLS}) VALUES (${APP_COLS.split(',')
        .map(() => '?')
        .join(',')}) RETURNING id`,
    );
    const items = db.prepare(
      'INSERT INTO request_items (application_id, seq, description) VALUES (?, 1, ?), (?, 2, ?)',
    );
    const audit = db.prepare(
      `INSERT INTO audit_events (${AUDIT_COLS}) VALUES (?, '公众', ?, 'request', ?, 'request.submitted', '{}', ?, ?, NULL)`,
    );
    const tx = db.transaction((agencyId: number, code: string, i: number) => {
      const s = seq.get(agencyId, YEAR) as { last_seq: number };
      const a = app.get(...appValues(agencyId, code, s.last_seq)) as { id: number };
      items.run(a.id, `本机关2024年度政府采购合同目录（${i}）`, a.id, '2024年部门预算');
      audit.run(now(), agencyId, String(a.id), '0'.repeat(64), randomBytes(32).toString('hex'));
    });
    return (agencyId: number, code: string, i: number) => tx.immediate(agencyId, code, i);
  };
  return {
    async submit(agencyId, code, i) {
      run ??= prepare();
      run(agencyId, code, i);
    },
    close: async () => {},
  };
}

// ------------------------------------------------------------------ the same transaction, no audit

async function submitWithoutAudit(deps: Deps, code: string, i: number): Promise<void> {
  const input = body(code, i);
  await inTransaction(deps, async (tx) => {
    const a = await agencyRepository.byCode(tx, code);
    if (!a) throw new Error('agency');
    const seq = await repo.nextSequence(tx, a.id, YEAR);
    const t = now();
    const row = {
      agencyId: a.id,
      registrationNo: formatRegistrationNo(a.code, YEAR, seq),
      trackingHash: randomBytes(32).toString('hex'),
      channel: 'online',
      status: 'unconfirmed',
      applicantKind: 'natural',
      orgType: null,
      applicantName: input.applicant.name,
      idType: input.applicant.idType,
      idNumber: input.applicant.idNumber,
      creditCode: null,
      legalRepresentative: null,
      contactPerson: null,
      phone: input.applicant.phone,
      email: null,
      address: null,
      postalCode: null,
      provisionForm: input.provisionForm,
      deliveryMethod: input.deliveryMethod,
      purpose: null,
      submittedOn: t.slice(0, 10),
      submittedAt: t,
      signedForOn: null,
      receivedOn: null,
      clockStart: null,
      extensionRequestedDays: null,
      extensionReason: null,
      pauseKind: null,
      pausedSince: null,
      delayedDueOn: null,
      unitId: null,
      handlerUserId: null,
      reportCategory: null,
      feeMethod: null,
      repliedOn: null,
      closedOn: null,
      createdBy: null,
      createdAt: t,
      updatedAt: t,
    };
    const items = input.items.map((it, n) => ({
      seq: n + 1,
      description: it.description,
      title: null,
      docNo: null,
    }));
    await repo.insertApplicationWithItems(tx, deps.dialect, row, items);
  });
}

// ------------------------------------------------------------------ driver

interface Result {
  accepted: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** A closed loop of `clients` workers for SECONDS; client c calls op(c, i). */
async function load(clients: number, op: (client: number, i: number) => Promise<boolean>): Promise<Result> {
  const lat: number[] = [];
  let failed = 0;
  let i = 0;
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await op(c, i++).catch((e) => {
          if (failed === 0) console.error(`    first failure: ${(e as Error).message}`);
          return false;
        });
        if (ok) lat.push(performance.now() - t0);
        else failed++;
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0;
  return { accepted: lat.length, failed, perSecond: lat.length / secs, p50: q(0.5), p99: q(0.99) };
}

function line(label: string, r: Result, base?: Result) {
  const ratio = base
    ? `  ${((r.perSecond / base.perSecond) * 100).toFixed(0).padStart(4)} % of no-audit`
    : '';
  console.log(
    `  ${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} accepted/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms${r.failed ? `   ${r.failed} failed` : ''}${ratio}`,
  );
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const t = await open(dialect);
  try {
    const agencies = await seed(t);
    const app = await buildApp(t.deps);
    await app.ready();
    const route = async (code: string, i: number) => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/applications', payload: body(code, i) });
      if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body.slice(0, 200)}`);
      return true;
    };
    const service = async (code: string, i: number) => {
      await inTransaction(t.deps, (tx) =>
        submitOnline(t.deps, tx, { actor: null, ip: '192.0.2.1' }, body(code, i)),
      );
      return true;
    };
    const pick = (c: number, spread: boolean) => agencies[spread ? c % agencies.length : 0]!;
    // warm-up: JIT, prepared plans, pool connections
    for (let i = 0; i < 50; i++) await route(agencies[i % agencies.length]!.code, i);
    const cells: { n: number; spread: boolean }[] = [
      ...LEVELS.map((n) => ({ n, spread: true })),
      { n: Math.max(...LEVELS), spread: false },
    ];
    const results: Result[][] = [];
    for (const { n, spread } of cells) {
      const none = await load(n, (c, i) =>
        submitWithoutAudit(t.deps, pick(c, spread).code, i).then(() => true),
      );
      const svc = await load(n, (c, i) => service(pick(c, spread).code, i));
      const http = await load(n, (c, i) => route(pick(c, spread).code, i));
      results.push([http, svc, none]);
    }
    await app.close();
    const v = await verifyAuditChain(t.deps.db);
    // the raw rows carry no chain position (they are not part of any chain), so they run last
    for (const [k, { n, spread }] of cells.entries())
      results[k]!.push(
        await load(n, (c, i) => {
          const a = pick(c, spread);
          return t.raw.submit(a.id, a.code, i).then(() => true);
        }),
      );
    console.log(
      `\n${dialect === 'sqlite' ? 'SQLite (WAL file, synchronous=NORMAL)' : `PostgreSQL (${PG_URL.replace(/\/\/.*@/, '//')}, pool 10)`}`,
    );
    for (const [k, { n, spread }] of cells.entries()) {
      const [http, svc, none, raw] = results[k]!;
      console.log(
        ` ${n} clients, ${spread ? `spread over ${agencies.length} agencies` : 'all to one agency'}`,
      );
      line('route POST /api/v1/applications', http!, none);
      line('service submitOnline (with audit)', svc!, none);
      line('same transaction without audit', none!);
      line('raw driver INSERTs, same rows', raw!);
    }
    console.log(
      `  audit chains after the run (before the raw rows): ${v.heads.length} chains, ${v.checked} events, ${v.ok ? 'all verify' : `BROKEN: ${v.problems[0]?.message}`}`,
    );
  } finally {
    await t.close();
  }
}

// ------------------------------------------------------------------ kill -9 in the middle of a burst

async function child(dialect: 'sqlite' | 'postgres', ref: string) {
  const t = await open(dialect, ref);
  const codes = (
    await t.deps.db.selectFrom('agencies').select('code').where('acceptsApplications', '=', 1).execute()
  ).map((r) => r.code);
  const app = await buildApp(t.deps);
  await app.ready();
  let i = 0;
  await Promise.all(
    Array.from({ length: 50 }, async (_, c) => {
      for (;;) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          payload: body(codes[c % codes.length]!, i++),
        });
        // acknowledged = the client saw 201 (the transaction has committed)
        if (r.statusCode === 201) process.stdout.write(`${JSON.parse(r.body).registrationNo}\n`);
      }
    }),
  );
}

async function killTest(dialect: 'sqlite' | 'postgres') {
  const t = await open(dialect);
  try {
    await seed(t);
    await t.handle.close();
    const proc = spawn(
      process.execPath,
      [path.resolve('server/bin/run-ts.mjs'), 'bench/submit.ts', '--child', `${dialect}:${t.ref}`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acked: string[] = [];
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      acked.push(...lines);
      if (acked.length >= 300 && !proc.killed) proc.kill('SIGKILL');
    });
    await new Promise((r) => proc.on('exit', r));
    const again = await open(dialect, t.ref);
    const stored = new Set(
      (await again.deps.db.selectFrom('requestApplications').select('registrationNo').execute()).map(
        (r) => r.registrationNo,
      ),
    );
    const lost = acked.filter((no) => !stored.has(no));
    const v = await verifyAuditChain(again.deps.db);
    const events = Number(
      (
        await again.deps.db
          .selectFrom('auditEvents')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('action', '=', 'request.submitted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    console.log(
      `\nkill -9 (${dialect}): ${acked.length} acknowledged before SIGKILL, ${stored.size} stored, ${lost.length} acknowledged but lost; ${events} request.submitted events (= stored: ${events === stored.size}); chains ${
        v.ok
          ? 'verify'
          : `BROKEN: ${v.problems
              .slice(0, 3)
              .map((p) => p.message)
              .join('; ')}`
      }`,
    );
    await again.raw.close();
    await again.handle.close();
    if (lost.length || !v.ok || events !== stored.size) process.exitCode = 1;
  } finally {
    await t.close().catch(() => {});
  }
}

// ------------------------------------------------------------------ main

if (opt.child) {
  const [d, ref] = opt.child.split(/:(.*)/s) as ['sqlite' | 'postgres', string];
  await child(d, ref);
} else {
  const dialects = (opt.only ? [opt.only] : ['sqlite', 'postgres']) as ('sqlite' | 'postgres')[];
  console.log(
    `Public submission benchmark — Node ${process.version}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at start, ${SECONDS} s per cell, closed loop`,
  );
  for (const d of dialects) {
    if (opt.kill) await killTest(d);
    else await benchDialect(d);
  }
  console.log(
    `\nload average at end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}
