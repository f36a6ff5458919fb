import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from './deps.ts';

/** The edge owns the transaction (house style rule 3): a route or CLI command opens it here. */
export function inTransaction<T>(deps: Deps, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return deps.db.transaction().execute((tx) => fn(tx));
}
