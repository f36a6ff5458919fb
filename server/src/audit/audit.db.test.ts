/**
 * The audit log against real databases: events commit and roll back with the state change, the
 * table is append-only, tampering is detected, and concurrent writers cannot fork the hash chain.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyRepository } from '../agencies/agency.repository.ts';
import type { AuditEventRow } from '../db/database.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { GENESIS_HASH } from './audit.ts';
import { type AuditInput, recordAudit, SYSTEM_ACTOR, verifyAuditChain } from './audit.service.ts';

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

  it('starts from a valid chain after prepareDatabase (calendar import is audited)', async () => {
    const events = await allEvents();
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    const r = await verifyAuditChain(t.deps.db);
    expect(r).toEqual({ ok: true, checked: events.length, headHash: events.at(-1)!.hash, problems: [] });
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
    expect(r.headHash).toBe(events.at(-1)!.hash);
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

  it('with the append-only triggers dropped, deleting a middle event is detected as broken_link on the next event', async () => {
    await makeCounty(t.deps);
    await dropAppendOnlyTriggers();
    const events = await allEvents();
    const victim = events[events.length - 4]!;
    const next = events[events.length - 3]!;
    await sql`DELETE FROM audit_events WHERE id = ${victim.id}`.execute(t.deps.db);
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.checked).toBe(events.length - 1);
    expect(r.problems).toEqual([expect.objectContaining({ eventId: next.id, problem: 'broken_link' })]);
  });

  it('concurrent writers do not fork the chain (20 transactions at once)', async () => {
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
