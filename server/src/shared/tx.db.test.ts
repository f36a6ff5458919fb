import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../audit/audit.service.ts';
import { toAppError } from '../http/error-handler.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction, isRetryableConflict, onCommit, TX_ATTEMPTS } from './tx.ts';

/** Shaped like pg's error for a deadlock victim (SQLSTATE 40P01): the class name is what the checks look at. */
class DatabaseError extends Error {
  constructor(readonly code: string) {
    super(`simulated ${code}`);
  }
}

describe.each(dialects())('inTransaction retries conflicts PostgreSQL aborted (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => t.close());

  const countEvents = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entityType', '=', 'tx-test')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('runs the transaction again after a deadlock; the aborted attempt leaves nothing behind', async () => {
    const committed: number[] = [];
    const attempts = await inTransaction(t.deps, async (tx, attempt) => {
      await recordAudit(tx, t.deps, {
        actor: SYSTEM_ACTOR,
        agencyId: null,
        entityType: 'tx-test',
        entityId: attempt,
        action: 'try',
      });
      onCommit(tx, () => committed.push(attempt));
      if (attempt < 3) throw new DatabaseError(attempt === 1 ? '40P01' : '40001');
      return attempt;
    });
    expect(attempts).toBe(3);
    expect(await countEvents()).toBe(1);
    expect(committed).toEqual([3]);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('gives up after TX_ATTEMPTS and the error handler answers DATABASE_BUSY (503), nothing stored', async () => {
    let tries = 0;
    const failure = await inTransaction(t.deps, async (tx) => {
      tries++;
      await recordAudit(tx, t.deps, {
        actor: SYSTEM_ACTOR,
        agencyId: null,
        entityType: 'tx-test',
        entityId: 1,
        action: 'x',
      });
      throw new DatabaseError('40P01');
    }).catch((e: unknown) => e);
    expect(tries).toBe(TX_ATTEMPTS);
    expect(isRetryableConflict(failure)).toBe(true);
    const app = toAppError(failure);
    expect([app.code, app.status]).toEqual(['DATABASE_BUSY', 503]);
    expect(await countEvents()).toBe(0);
  });

  it('never repeats a transaction for any other error (a constraint, an application error)', async () => {
    let tries = 0;
    await expect(
      inTransaction(t.deps, async () => {
        tries++;
        throw new DatabaseError('23505');
      }),
    ).rejects.toThrow('23505');
    await expect(
      inTransaction(t.deps, async () => {
        tries++;
        throw Object.assign(new Error('not pg'), { code: '40P01' });
      }),
    ).rejects.toThrow('not pg');
    expect(tries).toBe(2);
  });

  it.runIf(dialect === 'postgres')(
    'two transactions locking two agencies’ audit chains in opposite order both commit, one chain history (docs/audit.md)',
    async () => {
      const { deptA, deptB } = await makeCounty(t.deps);
      await sql`SET deadlock_timeout = '100ms'`.execute(t.deps.db).catch(() => {});
      // a barrier so each transaction holds its first chain before asking for the other's
      let arrived = 0;
      let release!: () => void;
      const bothHoldFirst = new Promise<void>((r) => {
        release = r;
      });
      const seen: number[] = [];
      const writer = (first: number, second: number) =>
        inTransaction(t.deps, async (tx, attempt) => {
          seen.push(attempt);
          const ev = (agencyId: number) =>
            recordAudit(tx, t.deps, {
              actor: SYSTEM_ACTOR,
              agencyId,
              entityType: 'tx-test',
              entityId: first,
              action: 'cross',
            });
          await ev(first);
          if (attempt === 1) {
            arrived++;
            if (arrived === 2) release();
            await bothHoldFirst;
          }
          await ev(second);
        });
      await Promise.all([writer(deptA.id, deptB.id), writer(deptB.id, deptA.id)]);
      expect(await countEvents()).toBe(4);
      expect(Math.max(...seen)).toBeGreaterThan(1); // one of them was the deadlock victim and ran again
      const r = await verifyAuditChain(t.deps.db);
      expect(r.ok, JSON.stringify(r.problems ?? r)).toBe(true);
    },
  );
});
