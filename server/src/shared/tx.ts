import { primaryOf } from '../db/primary.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from './deps.ts';

const afterCommit = new WeakMap<object, (() => void)[]>();

/**
 * The edge owns the transaction (house style rule 3): a route or CLI command opens it here.
 * Callbacks registered with `onCommit` run once the transaction has committed (cache invalidation
 * must not happen earlier, or a concurrent reader could re-cache the old state until the TTL ends).
 */
export async function inTransaction<T>(deps: Deps, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  let callbacks: (() => void)[] = [];
  // always on the primary, also for a route served from the read replica (cluster/read-replica.ts)
  const result = await primaryOf(deps.db)
    .transaction()
    .execute(async (tx) => {
      callbacks = [];
      afterCommit.set(tx, callbacks);
      return fn(tx);
    });
  for (const cb of callbacks) cb();
  return result;
}

/** Runs `cb` after the surrounding transaction commits; immediately when `db` is not a transaction. */
export function onCommit(db: DbOrTx, cb: () => void): void {
  const list = db.isTransaction ? afterCommit.get(db) : undefined;
  if (list) list.push(cb);
  else cb();
}
