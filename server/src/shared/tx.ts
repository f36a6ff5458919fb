import { primaryOf } from '../db/primary.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from './deps.ts';

const afterCommit = new WeakMap<object, (() => void)[]>();

/**
 * PostgreSQL SQLSTATEs after which the whole transaction may simply be run again: 40P01 (deadlock
 * detected — two transactions that lock two agencies' audit chains in opposite order, docs/audit.md)
 * and 40001 (serialization failure). PostgreSQL rolled the transaction back; nothing of it is stored.
 */
export const RETRYABLE_SQLSTATES: readonly string[] = ['40P01', '40001'];

/** How often a transaction is tried before the conflict is reported (`DATABASE_BUSY`, 503). */
export const TX_ATTEMPTS = 4;

export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return (
    typeof e?.code === 'string' &&
    RETRYABLE_SQLSTATES.includes(e.code) &&
    (error as object).constructor?.name === 'DatabaseError'
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The edge owns the transaction (house style rule 3): a route or CLI command opens it here.
 * Callbacks registered with `onCommit` run once the transaction has committed (cache invalidation
 * must not happen earlier, or a concurrent reader could re-cache the old state until the TTL ends).
 *
 * A transaction that PostgreSQL aborted as a deadlock victim or serialization failure is run again
 * (up to `TX_ATTEMPTS` times, with a short jittered pause), so the caller sees the outcome of one
 * clean run: `fn` must therefore do nothing outside the transaction that cannot be repeated. The
 * attempt number (1-based) is passed to `fn` for logging. After the last attempt the conflict is
 * thrown as is; the error handler answers `DATABASE_BUSY` with `Retry-After`.
 */
export async function inTransaction<T>(
  deps: Deps,
  fn: (tx: DbOrTx, attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let callbacks: (() => void)[] = [];
    try {
      // always on the primary, also for a route served from the read replica (cluster/read-replica.ts)
      const result = await primaryOf(deps.db)
        .transaction()
        .execute(async (tx) => {
          callbacks = [];
          afterCommit.set(tx, callbacks);
          return fn(tx, attempt);
        });
      for (const cb of callbacks) cb();
      return result;
    } catch (error) {
      if (attempt >= TX_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await pause(5 * 2 ** attempt + Math.random() * 20);
    }
  }
}

/** Runs `cb` after the surrounding transaction commits; immediately when `db` is not a transaction. */
export function onCommit(db: DbOrTx, cb: () => void): void {
  const list = db.isTransaction ? afterCommit.get(db) : undefined;
  if (list) list.push(cb);
  else cb();
}
