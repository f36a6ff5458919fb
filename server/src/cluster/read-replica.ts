/**
 * The read replica (DATABASE_READ_URL, docs/deployment.md). Public reads — portal pages, search,
 * feeds, sitemaps and the public API's GET routes — are served from a streaming replica while it
 * keeps up; everything else stays on the primary: staff routes (so a staff member always reads
 * their own writes), public POSTs, every transaction (shared/tx.ts) and every cache (cache-bus.ts:
 * loaded from the primary, so a notification is never answered with a replica's older copy).
 *
 * A monitor asks both servers every `intervalMs` for their WAL positions: the replica is used only
 * while it has replayed everything the primary had written one interval earlier (lag below one
 * interval) and answers at all; otherwise public reads fall back to the primary until it catches up.
 */
import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import { registerReplica } from '../db/primary.ts';

interface ReplicaState {
  replica: Db;
  healthy: boolean;
}
const states = new WeakMap<Db, ReplicaState>();

/** Deps for the public read routes: `db` is the replica while it is healthy, else the primary. */
export function publicReadDeps(deps: Deps): Deps {
  const replica = deps.handle.replica?.db;
  if (!replica) return deps;
  registerReplica(replica, deps.db);
  const primary = deps.db;
  let state = states.get(primary);
  if (state?.replica !== replica) {
    state = { replica, healthy: false };
    states.set(primary, state);
  }
  const out = { ...deps };
  Object.defineProperty(out, 'db', {
    enumerable: true,
    get: () => (state.healthy ? state.replica : primary),
  });
  return Object.freeze(out);
}

/** Is the replica serving public reads right now? (false when none is configured) */
export function replicaInUse(deps: Pick<Deps, 'db'>): boolean {
  return states.get(deps.db)?.healthy ?? false;
}

/** A WAL position 'X/Y' as a number of bytes. */
function lsnBytes(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

async function walPosition(db: Db): Promise<bigint> {
  // on a standby the replayed position, on a primary (or a replica URL that points at one) the written one
  const r = await sql<{ lsn: string }>`
    SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS lsn`.execute(
    db,
  );
  const lsn = r.rows[0]?.lsn;
  if (!lsn) throw new Error('no WAL position');
  return lsnBytes(lsn);
}

export interface ReplicaMonitor {
  /** resolves after the first check */
  ready: Promise<void>;
  stop(): void;
}

export function startReplicaMonitor(
  deps: Deps,
  opts: { intervalMs?: number; log?: (msg: string) => void } = {},
): ReplicaMonitor {
  const replica = deps.handle.replica?.db;
  if (!replica) return { ready: Promise.resolve(), stop: () => {} };
  publicReadDeps(deps); // registers the state
  const state = states.get(deps.db)!;
  const log = opts.log ?? (() => {});
  const intervalMs = opts.intervalMs ?? 1_000;
  let primaryBefore: bigint | null = null;
  let stopped = false;
  const check = async () => {
    let ok = false;
    let why = '';
    try {
      // the primary first: a replica that is caught up has replayed at least that much a moment later
      const p = await walPosition(deps.db);
      const r = await walPosition(replica);
      // caught up with what the primary had one interval ago (the first check: with now)
      ok = r >= (primaryBefore ?? p);
      if (!ok) why = `落后主库 ${(primaryBefore ?? p) - r} 字节`;
      primaryBefore = p;
    } catch (e) {
      why = e instanceof Error ? e.message : String(e);
    }
    if (stopped) return;
    if (ok !== state.healthy)
      log(ok ? '只读副本已恢复，公开页面改由副本读取' : `只读副本不可用（${why}），公开页面改由主库读取`);
    state.healthy = ok;
  };
  const ready = check();
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    ready,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      state.healthy = false;
    },
  };
}
