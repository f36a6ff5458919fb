/**
 * The audit log against real databases: events commit and roll back with the state change, the
 * table is append-only (UPDATE, DELETE and on PostgreSQL TRUNCATE refused), tampering — an edited,
 * deleted or inserted event, a cut tail — is detected, concurrent writers (also two processes' pools
 * on one PostgreSQL schema) cannot fork a chain, and the chain from before per-agency chains (0014)
 * stays verifiable.
 */
import { type Kysely, Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyRepository } from '../agencies/agency.repository.ts';
import { openPostgres } from '../db/create-db.ts';
import type { AuditEventRow, Database } from '../db/database.ts';
import { MIGRATIONS, migrateToLatest } from '../db/migrate.ts';
import { makeDeps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, PG_URL, type TestDb } from '../test-support/test-db.ts';
import { type AuditPayload, GENESIS_HASH, hashChainedEvent, hashEvent, headsDigest } from './audit.ts';
import {
  type AuditInput,
  publishedHeads,
  recordAudit,
  recordAuditMany,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from './audit.service.ts';

function event(i: number, extra: Partial<AuditInput> = {}): AuditInput {
  return {
    actor: SYSTEM_ACTOR,
    agencyId: null,
    entityType: 'test',
    entityId: i,
    action: 'test.event',
    after: { i },
    ...extra,
  };
}

describe.each(dialects())('audit log (%s)', (dialect) => {
  let t: TestDb;

  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  async function allEvents(): Promise<AuditEventRow[]> {
    return t.deps.db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
  }

  async function count(): Promise<number> {
    return (await allEvents()).length;
  }

  async function dropAppendOnlyTriggers(): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_events_no_update`.execute(t.deps.db);
      await sql`DROP TRIGGER audit_events_no_delete`.execute(t.deps.db);
    } else {
      // one trigger guards both UPDATE and DELETE on PostgreSQL
      await sql`DROP TRIGGER audit_events_no_update ON audit_events`.execute(t.deps.db);
    }
  }

  async function dropChainGuards(): Promise<void> {
    if (dialect === 'sqlite') await sql`DROP TRIGGER audit_chains_no_rewind`.execute(t.deps.db);
    else await sql`DROP TRIGGER audit_chains_no_rewind ON audit_chains`.execute(t.deps.db);
  }

  /** Events of one chain (agency id, or null for the platform chain) in order. */
  function chainOf(events: AuditEventRow[], agencyId: number | null): AuditEventRow[] {
    return events.filter((e) => e.agencyId === agencyId && e.chainSeq !== null);
  }

  it('starts from a valid chain after prepareDatabase (calendar import is audited, platform chain)', async () => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events.map((e) => e.chainSeq)).toEqual(events.map((_, i) => i + 1));
    const r = await verifyAuditChain(t.deps.db);
    const heads = [
      { chain: -1, seq: 0, hash: GENESIS_HASH },
      { chain: 0, seq: events.length, hash: events.at(-1)!.hash },
    ];
    expect(r).toEqual({
      ok: true,
      checked: events.length,
      headHash: headsDigest(heads),
      heads,
      problems: [],
    });
    expect(await publishedHeads(t.deps.db)).toEqual(heads);
  });

  it('recordAudit refuses to run outside a transaction and writes nothing', async () => {
    const before = await count();
    await expect(recordAudit(t.deps.db, t.deps, event(1))).rejects.toThrow(
      /inside the state change transaction/,
    );
    expect(await count()).toBe(before);
  });

  it('recordAudit inside a transaction links the new event to the previous head', async () => {
    const head = (await allEvents()).at(-1)!;
    const id = await inTransaction(t.deps, (tx) =>
      recordAudit(tx, t.deps, event(1, { before: { password: 'x1' }, after: { ok: true }, ip: '192.0.2.1' })),
    );
    const row = (await allEvents()).at(-1)!;
    expect(row.id).toBe(id);
    expect(row.prevHash).toBe(head.hash);
    expect(row).toMatchObject({
      occurredAt: '2026-11-21T02:00:00.000Z',
      actorUserId: null,
      actorLabel: '系统',
      entityType: 'test',
      entityId: '1',
      action: 'test.event',
      beforeJson: '{"password":"[已隐藏]"}',
      afterJson: '{"ok":true}',
      ip: '192.0.2.1',
    });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('an event written in a transaction that rolls back is gone together with the state change', async () => {
    const before = await allEvents();
    const now = t.deps.clock.now().toISOString();
    await expect(
      inTransaction(t.deps, async (tx) => {
        const row = await agencyRepository.insert(tx, {
          kind: 'region',
          name: '回滚测试区',
          code: 'rollback-test',
          parentId: null,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(
          tx,
          t.deps,
          event(row.id, { entityType: 'agency', action: 'agency.created', after: row }),
        );
        // both are visible inside the transaction …
        expect(await agencyRepository.byCode(tx, 'rollback-test')).toBeDefined();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // … and both are gone after the rollback
    expect(await agencyRepository.byCode(t.deps.db, 'rollback-test')).toBeUndefined();
    expect(await allEvents()).toEqual(before);
    // the next event links to the last committed one, so the chain stays intact
    await inTransaction(t.deps, (tx) => recordAudit(tx, t.deps, event(2)));
    const after = await allEvents();
    expect(after.at(-1)!.prevHash).toBe(before.at(-1)!.hash);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('verifyAuditChain passes on the chain produced by real service calls (makeCounty)', async () => {
    const before = await count();
    const county = await makeCounty(t.deps);
    const events = await allEvents();
    const created = events.filter((e) => e.action === 'agency.created').map((e) => Number(e.entityId));
    expect(created.sort((a, b) => a - b)).toEqual(
      [county.region, county.gov, county.deptA, county.deptB, county.unitA, county.unitB]
        .map((a) => a.id)
        .sort((a, b) => a - b),
    );
    expect(events.filter((e) => e.action === 'agency.supervision_added')).toHaveLength(2);
    expect(events.length).toBe(before + 8);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(events.length);
    // one chain per agency that has events, each head = its last event
    expect(r.heads).toEqual(await publishedHeads(t.deps.db));
    const govChain = chainOf(events, county.gov.id);
    expect(r.heads.find((h) => h.chain === county.gov.id)).toEqual({
      chain: county.gov.id,
      seq: govChain.length,
      hash: govChain.at(-1)!.hash,
    });
    // walking in small batches gives the same answer
    const progress: number[] = [];
    const small = await verifyAuditChain(t.deps.db, { batchSize: 3, onProgress: (n) => progress.push(n) });
    expect(small).toEqual(r);
    expect(progress.at(-1)).toBe(events.length);
  });

  it('the table is append-only: UPDATE and DELETE through Kysely throw and change nothing', async () => {
    await makeCounty(t.deps);
    const before = await allEvents();
    const target = before[before.length - 3]!;
    await expect(
      t.deps.db
        .updateTable('auditEvents')
        .set({ afterJson: '{"tampered":true}' })
        .where('id', '=', target.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.deps.db.deleteFrom('auditEvents').where('id', '=', target.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`UPDATE audit_events SET action = 'x'`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    // also inside a transaction
    await expect(
      inTransaction(t.deps, (tx) => tx.deleteFrom('auditEvents').where('id', '=', target.id).execute()),
    ).rejects.toThrow(/append-only/);
    expect(await allEvents()).toEqual(before);
  });

  it('with the append-only triggers dropped, editing one event after_json is detected as hash_mismatch on that event', async () => {
    await makeCounty(t.deps);
    await dropAppendOnlyTriggers();
    const events = await allEvents();
    const target = events[events.length - 4]!;
    await sql`UPDATE audit_events SET after_json = ${'{"name":"篡改"}'} WHERE id = ${target.id}`.execute(
      t.deps.db,
    );
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.checked).toBe(events.length);
    expect(r.problems).toEqual([expect.objectContaining({ eventId: target.id, problem: 'hash_mismatch' })]);
  });

  it('with the append-only triggers dropped, deleting a middle event is detected as broken_link on the next event of its chain', async () => {
    await makeCounty(t.deps);
    await dropAppendOnlyTriggers();
    const platform = chainOf(await allEvents(), null);
    const victim = platform[platform.length - 3]!;
    const next = platform[platform.length - 2]!;
    await sql`DELETE FROM audit_events WHERE id = ${victim.id}`.execute(t.deps.db);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ eventId: next.id, problem: 'broken_link' })]);
  });

  it("deleting the only event of an agency chain is caught by that chain's recorded head", async () => {
    const county = await makeCounty(t.deps);
    await dropAppendOnlyTriggers();
    const only = chainOf(await allEvents(), county.unitA.id);
    expect(only).toHaveLength(1);
    await sql`DELETE FROM audit_events WHERE id = ${only[0]!.id}`.execute(t.deps.db);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([expect.objectContaining({ problem: 'truncated' })]);
    expect(r.problems[0]!.message).toContain(`机关 ${county.unitA.id} 的链应有 1 条事件`);
  });

  it('a cut tail is found against the recorded head, and against a published head when the recorded head was rewound too', async () => {
    await inTransaction(t.deps, (tx) =>
      recordAuditMany(
        tx,
        t.deps,
        [1, 2, 3].map((i) => event(i, { agencyId: 77 })),
      ),
    );
    const published = (await verifyAuditChain(t.deps.db)).heads;
    await inTransaction(t.deps, (tx) => recordAudit(tx, t.deps, event(4, { agencyId: 77 })));
    await dropAppendOnlyTriggers();
    const chain = chainOf(await allEvents(), 77);
    expect(chain.map((e) => e.chainSeq)).toEqual([1, 2, 3, 4]);
    await sql`DELETE FROM audit_events WHERE agency_id = 77 AND chain_seq >= 3`.execute(t.deps.db);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([expect.objectContaining({ eventId: chain[1]!.id, problem: 'truncated' })]);
    expect(r.problems[0]!.message).toContain('应有 4 条事件，现只有 2 条');

    // the attacker also rewinds audit_chains to the cut chain: only the published head shows it
    await dropChainGuards();
    await sql`UPDATE audit_chains SET head_seq = 2, head_hash = ${chain[1]!.hash} WHERE chain_key = 77`.execute(
      t.deps.db,
    );
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const again = await verifyAuditChain(t.deps.db, { expectHeads: published });
    expect(again.ok).toBe(false);
    expect(again.problems).toEqual([expect.objectContaining({ problem: 'truncated' })]);
    expect(again.problems[0]!.message).toContain('应至少有 3 条事件（已公布的链头），现只有 2 条');
  });

  it('an event inserted with a correct hash at the end of a chain (head not moved) is detected', async () => {
    await inTransaction(t.deps, (tx) => recordAudit(tx, t.deps, event(1, { agencyId: 55 })));
    const [head] = chainOf(await allEvents(), 55);
    const p: AuditPayload = {
      occurredAt: head!.occurredAt,
      actorUserId: null,
      actorLabel: '系统',
      agencyId: 55,
      entityType: 'test',
      entityId: 'forged',
      action: 'test.event',
      beforeJson: null,
      afterJson: null,
      ip: null,
    };
    await t.deps.db
      .insertInto('auditEvents')
      .values({ ...p, prevHash: head!.hash, chainSeq: 2, hash: hashChainedEvent(head!.hash, 2, p) })
      .execute();
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([expect.objectContaining({ problem: 'broken_link' })]);
    expect(r.problems[0]!.message).toContain('与数据库记录的链头（第 1 条）不符');
  });

  it('a second event at the same position of a chain (a fork) cannot be stored', async () => {
    await inTransaction(t.deps, (tx) => recordAudit(tx, t.deps, event(1, { agencyId: 56 })));
    const [e] = chainOf(await allEvents(), 56);
    const { id: _id, ...copy } = e!;
    await expect(
      t.deps.db
        .insertInto('auditEvents')
        .values({ ...copy, entityId: 'fork' })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
    const platform = chainOf(await allEvents(), null).at(-1)!;
    const { id: _pid, ...pcopy } = platform;
    await expect(t.deps.db.insertInto('auditEvents').values(pcopy).execute()).rejects.toThrow(
      /unique|UNIQUE/,
    );
  });

  it('chain heads only move forward: DELETE and a rewind of audit_chains are refused', async () => {
    await expect(sql`DELETE FROM audit_chains`.execute(t.deps.db)).rejects.toThrow(/only move forward/);
    await expect(
      sql`UPDATE audit_chains SET head_seq = head_seq - 1 WHERE chain_key = 0`.execute(t.deps.db),
    ).rejects.toThrow(/only move forward/);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('TRUNCATE is refused on audit_events and audit_chains (PostgreSQL; SQLite has only DELETE without WHERE)', async () => {
    const before = await allEvents();
    // SQLite has no TRUNCATE: its "truncate optimisation" of a bare DELETE is off while a delete trigger exists
    const wipe = (table: string) =>
      sql.raw(dialect === 'postgres' ? `TRUNCATE ${table}` : `DELETE FROM ${table}`);
    await expect(wipe('audit_events').execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(wipe('audit_chains').execute(t.deps.db)).rejects.toThrow(/only move forward/);
    if (dialect === 'postgres')
      await expect(sql`TRUNCATE audit_events, audit_chains CASCADE`.execute(t.deps.db)).rejects.toThrow(
        /append-only|only move forward/,
      );
    expect(await allEvents()).toEqual(before);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('concurrent writers of several agencies do not fork any chain (30 transactions at once)', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        inTransaction(t.deps, async (tx) => {
          await recordAudit(tx, t.deps, event(i, { agencyId: 100 + (i % 3) }));
          await recordAudit(tx, t.deps, event(i, { agencyId: 100 + (i % 3), action: 'test.second' }));
        }),
      ),
    );
    const events = await allEvents();
    expect(events.length).toBe(before + 60);
    for (const a of [100, 101, 102]) {
      const c = chainOf(events, a);
      expect(c.map((e) => e.chainSeq)).toEqual(c.map((_, i) => i + 1));
      // the two events of one transaction stay adjacent in their chain
      for (let i = 0; i < c.length; i += 2) expect(c[i + 1]!.action).toBe('test.second');
    }
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(before + 60);
  });

  it('concurrent writers of the platform chain do not fork it (20 transactions at once)', async () => {
    const before = await count();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(t.deps, async (tx) => {
          const id = await recordAudit(tx, t.deps, event(i));
          // a second event in the same transaction must stay adjacent to the first
          await recordAudit(tx, t.deps, event(i, { action: 'test.second' }));
          return id;
        }),
      ),
    );
    expect(new Set(ids).size).toBe(20);
    const events = await allEvents();
    expect(events.length).toBe(before + 40);
    // no two events share a predecessor: a fork would show up as a repeated prev_hash
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(events.length);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(before + 40);
  });
});

describe.each(dialects())('audit chains from before 0014 (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { prepare: false });
  });
  afterEach(async () => {
    await t.close();
  });

  /** Migrates to just before 0014 and writes `n` events as the old code did (one chain, no seq). */
  async function legacyDatabase(db: Kysely<Database>, n: number): Promise<AuditEventRow[]> {
    const schema =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s
        : undefined;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'schema_migrations',
      migrationLockTableName: 'schema_migrations_lock',
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const r = await migrator.migrateTo('0010_search_perf');
    if (r.error) throw r.error;
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const p: AuditPayload = {
        occurredAt: `2026-01-0${i}T00:00:00.000Z`,
        actorUserId: null,
        actorLabel: '系统',
        agencyId: i % 2 ? 9 : null,
        entityType: 'test',
        entityId: String(i),
        action: 'test.legacy',
        beforeJson: null,
        afterJson: `{"i":${i}}`,
        ip: null,
      };
      const hash = hashEvent(prev, p);
      await sql`INSERT INTO audit_events (occurred_at, actor_user_id, actor_label, agency_id, entity_type, entity_id, action, before_json, after_json, ip, prev_hash, hash)
        VALUES (${p.occurredAt}, NULL, ${p.actorLabel}, ${p.agencyId}, ${p.entityType}, ${p.entityId}, ${p.action}, NULL, ${p.afterJson}, NULL, ${prev}, ${hash})`.execute(
        db,
      );
      prev = hash;
    }
    await migrateToLatest(db);
    return db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
  }

  it('the old chain stays as the legacy chain; new per-agency chains start from its head', async () => {
    const legacy = await legacyDatabase(t.deps.db, 4);
    expect(legacy.map((e) => e.chainSeq)).toEqual([null, null, null, null]);
    await inTransaction(t.deps, async (tx) => {
      await recordAudit(tx, t.deps, event(1, { agencyId: 9 }));
      await recordAudit(tx, t.deps, event(2, { agencyId: null }));
    });
    const all = await t.deps.db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
    const fresh = all.slice(4);
    expect(fresh.map((e) => [e.agencyId, e.chainSeq, e.prevHash])).toEqual([
      [9, 1, legacy[3]!.hash],
      [null, 1, legacy[3]!.hash],
    ]);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.problems).toEqual([]);
    expect(r.heads.map((h) => [h.chain, h.seq])).toEqual([
      [-1, 4],
      [0, 1],
      [9, 1],
    ]);
    expect(r.heads[0]!.hash).toBe(legacy[3]!.hash);
  });

  it('cutting the tail of the legacy chain breaks the start of every new chain', async () => {
    await legacyDatabase(t.deps.db, 3);
    await inTransaction(t.deps, (tx) => recordAudit(tx, t.deps, event(1, { agencyId: 9 })));
    if (dialect === 'sqlite') await sql`DROP TRIGGER audit_events_no_delete`.execute(t.deps.db);
    else await sql`DROP TRIGGER audit_events_no_update ON audit_events`.execute(t.deps.db);
    await sql`DELETE FROM audit_events WHERE id = 3`.execute(t.deps.db);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message).join('\n')).toContain('起点与旧版总链的链头不符');
    expect(r.problems.map((p) => p.problem)).toContain('truncated');
  });
});

describe.runIf(PG_URL)('two nodes on one PostgreSQL schema', () => {
  it('two pools writing at once for the same and different agencies produce one verifiable history', async () => {
    const t = await makeTestDb('postgres');
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(t.deps.db)).rows[0]!.s;
    const other = openPostgres(PG_URL!, { schema, max: 4 });
    const node2 = makeDeps(other, t.deps.config, t.clock);
    try {
      const before = (await verifyAuditChain(t.deps.db)).checked;
      const write = (deps: typeof t.deps, node: number, i: number) =>
        inTransaction(deps, (tx) =>
          recordAudit(
            tx,
            deps,
            event(i, { agencyId: i % 4 === 0 ? null : 200 + (i % 3), after: { node, i } }),
          ),
        );
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => [write(t.deps, 1, i), write(node2, 2, i)]).flat(),
      );
      const r = await verifyAuditChain(node2.db);
      expect(r.problems).toEqual([]);
      expect(r.checked).toBe(before + 80);
      const events = await t.deps.db.selectFrom('auditEvents').selectAll().orderBy('id').execute();
      const nodes = new Set(
        events.filter((e) => e.agencyId === 201).map((e) => JSON.parse(e.afterJson!).node),
      );
      expect(nodes).toEqual(new Set([1, 2]));
    } finally {
      await other.close();
      await t.close();
    }
  });
});
