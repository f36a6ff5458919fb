/**
 * Read replica handle → its primary (cluster/read-replica.ts). Caches, transactions and a node's
 * identity always live on the primary, whichever handle a route was given. No imports: shared/tx.ts
 * depends on it.
 */
import type { Db } from './create-db.ts';

const primaries = new WeakMap<Db, Db>();

export function registerReplica(replica: Db, primary: Db): void {
  primaries.set(replica, primary);
}

/** The primary behind `db` (itself when it is not a read replica). */
export function primaryOf(db: Db): Db {
  return primaries.get(db) ?? db;
}
