/**
 * One truth across several app nodes (docs/deployment.md): every in-process cache (agency
 * directory, rule profiles, calendars, the portal homes' latest items) registers here under a name,
 * and a service that changes what a cache holds calls `cacheChanged(deps, tx, name, key)` inside its
 * transaction. The local caches are dropped at once and again after commit (tx.ts onCommit); on
 * PostgreSQL a `pg_notify` in the same transaction — delivered by PostgreSQL only when it commits,
 * never for a rollback — tells every other node, whose listener (`startCacheListener`) drops its own
 * copies, typically within milliseconds. A node whose listening connection is lost drops all its
 * caches, serves without caching until it is listening again, then drops them once more (changes
 * may have been missed in between). On SQLite there is one process: only the local part runs.
 *
 * A loader that started before an invalidation must not store what it read: `cacheGeneration` is
 * taken before the read and compared before storing.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Db, DbOrTx } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import { onCommit } from '../shared/tx.ts';
import { clusterRepository } from './cluster.repository.ts';
import { primaryOf } from '../db/primary.ts';

export type CacheName = 'agencies' | 'calendar' | 'rules' | 'latest';
const NAMES: readonly CacheName[] = ['agencies', 'calendar', 'rules', 'latest'];

export const CACHE_CHANNEL = 'gongkai_cache';

type Invalidate = (db: Db, key: string | null) => void;
const registry = new Map<CacheName, Invalidate[]>();

/**
 * Registers a cache's invalidate callback for the names whose changes affect it (e.g. a calendar
 * per agency depends on the agency tree too). Called once at module load.
 */
export function registerCache(names: readonly CacheName[], invalidate: Invalidate): void {
  for (const n of names) registry.set(n, [...(registry.get(n) ?? []), invalidate]);
}

interface NodeState {
  id: string;
  generations: Map<CacheName, number>;
  /** a listener was started for this database and is not connected right now */
  deaf: boolean;
}
const nodes = new WeakMap<Db, NodeState>();

function stateOf(replicaOrPrimary: Db): NodeState {
  const db = primaryOf(replicaOrPrimary);
  let s = nodes.get(db);
  if (!s) {
    s = {
      id: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      generations: new Map(),
      deaf: false,
    };
    nodes.set(db, s);
  }
  return s;
}

/** This node's identity for one database handle (lease holder, origin of its notifications). */
export function nodeId(db: Db): string {
  return stateOf(db).id;
}

/** Increases whenever `name` is invalidated on this node; a loader stores only if it is unchanged. */
export function cacheGeneration(db: Db, name: CacheName): number {
  return stateOf(db).generations.get(name) ?? 0;
}

/** May a cache of this node serve what it holds? Not while its listener is disconnected. */
export function cacheUsable(db: Db): boolean {
  return !stateOf(db).deaf;
}

function invalidateLocal(replicaOrPrimary: Db, name: CacheName, key: string | null): void {
  const db = primaryOf(replicaOrPrimary);
  const s = stateOf(db);
  s.generations.set(name, (s.generations.get(name) ?? 0) + 1);
  for (const cb of registry.get(name) ?? []) cb(db, key);
}

/** Drops every cache of this node (listener lost or reconnected). */
export function invalidateAll(db: Db): void {
  for (const n of NAMES) invalidateLocal(db, n, null);
}

const sentIn = new WeakMap<DbOrTx, Set<string>>();

/**
 * `name` (optionally one `key` of it) changes in this transaction. Call it where the change is
 * written, inside the transaction: the notification leaves with the commit.
 */
export async function cacheChanged(
  deps: Pick<Deps, 'db' | 'dialect'>,
  tx: DbOrTx,
  name: CacheName,
  key: string | number | null = null,
): Promise<void> {
  const k = key === null ? null : String(key);
  invalidateLocal(deps.db, name, k);
  onCommit(tx, () => invalidateLocal(deps.db, name, k));
  if (deps.dialect !== 'postgres') return;
  // one notification per (name, key) and transaction: publishing 500 items sends one, not 500
  if (tx.isTransaction) {
    const sent = sentIn.get(tx) ?? new Set<string>();
    sentIn.set(tx, sent);
    if (sent.has(`${name}|${k}`)) return;
    sent.add(`${name}|${k}`);
  }
  await clusterRepository.notify(tx, CACHE_CHANNEL, { n: name, k, o: nodeId(deps.db) });
}

export interface CacheListener {
  /** true while the LISTEN connection is up (always true on SQLite) */
  listening(): boolean;
  /** resolves once the first LISTEN has succeeded (or failed and a retry is scheduled) */
  ready: Promise<void>;
  /** the backend pid of the listening connection (tests terminate it to simulate a lost link) */
  backendPid(): number | null;
  stop(): Promise<void>;
}

/**
 * Listens for other nodes' changes on a dedicated connection. Lost connection (error, end, or a
 * failed heartbeat): caches dropped and bypassed, reconnect after `retryMs`.
 */
export function startCacheListener(
  deps: Pick<Deps, 'db' | 'handle'>,
  opts: { log?: (msg: string) => void; retryMs?: number; heartbeatMs?: number } = {},
): CacheListener {
  const newClient = deps.handle.newClient;
  if (deps.handle.dialect !== 'postgres' || !newClient) {
    return { listening: () => true, ready: Promise.resolve(), backendPid: () => null, stop: async () => {} };
  }
  const db = deps.db;
  const state = stateOf(db);
  const log = opts.log ?? (() => {});
  const retryMs = opts.retryMs ?? 1_000;
  const heartbeatMs = opts.heartbeatMs ?? 10_000;
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let stopped = false;
  let up = false;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  // until the first LISTEN succeeds nothing is known about other nodes' changes
  state.deaf = true;

  const lost = (why: string) => {
    if (stopped || !client) return;
    const c = client;
    client = null;
    pid = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
    if (up) log(`缓存同步连接中断（${why}），已清空本节点缓存，${retryMs} 毫秒后重连`);
    up = false;
    state.deaf = true;
    invalidateAll(db);
    if (!retry) {
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, retryMs);
      retry.unref();
    }
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = newClient();
    client = c;
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('连接已关闭'));
    c.on('notification', (m) => {
      if (m.channel !== CACHE_CHANNEL || !m.payload) return;
      let msg: { s?: string; p?: { n?: string; k?: string | null; o?: string } };
      try {
        msg = JSON.parse(m.payload);
      } catch {
        return;
      }
      if (msg.s !== schema || !msg.p || msg.p.o === state.id) return;
      const name = msg.p.n as CacheName;
      if (NAMES.includes(name)) invalidateLocal(db, name, msg.p.k ?? null);
    });
    let schema: string | undefined;
    try {
      await c.connect();
      const r = await c.query<{ s: string; pid: number }>(
        'SELECT current_schema() AS s, pg_backend_pid() AS pid',
      );
      schema = r.rows[0]?.s;
      pid = r.rows[0]?.pid ?? null;
      await c.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (e) {
      lost(e instanceof Error ? e.message : String(e));
      return;
    }
    if (stopped || client !== c) {
      c.end().catch(() => {});
      return;
    }
    up = true;
    state.deaf = false;
    // whatever changed before this moment may have been missed
    invalidateAll(db);
    heartbeat = setInterval(() => {
      c.query('SELECT 1').catch((e: unknown) => lost(e instanceof Error ? e.message : String(e)));
    }, heartbeatMs);
    heartbeat.unref();
  };

  const ready = connect();
  return {
    listening: () => up,
    ready,
    backendPid: () => pid,
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (heartbeat) clearInterval(heartbeat);
      const c = client;
      client = null;
      up = false;
      state.deaf = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
