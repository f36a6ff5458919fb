import { PostgresAdapter } from 'kysely';
import { AppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { auditRepository } from './audit.repository.ts';
import {
  type ChainHead,
  type ChainProblem,
  type ChainState,
  chainKeyOf,
  finishChains,
  hashChainedEvent,
  headsDigest,
  initialState,
  snapshot,
  verifyBatch,
} from './audit.ts';

/** Who did something: a staff user, or the system / the public with a label. */
export interface Actor {
  userId: number | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: '系统' };
export const PUBLIC_ACTOR: Actor = { userId: null, label: '公众' };

export interface AuditInput {
  actor: Actor;
  agencyId: number | null;
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export interface AuditDeps {
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
}

/** The stored (and hashed) fields of one event. */
function payloadOf(e: AuditInput, occurredAt: string) {
  return {
    occurredAt,
    actorUserId: e.actor.userId,
    actorLabel: e.actor.label,
    agencyId: e.agencyId,
    entityType: e.entityType,
    entityId: String(e.entityId),
    action: e.action,
    beforeJson: snapshot(e.before),
    afterJson: snapshot(e.after),
    ip: e.ip ?? null,
  };
}

/**
 * Appends one event to its agency's chain (the platform chain when it has no agency). Must be called
 * inside the transaction that makes the state change, so the change and its event commit (or roll
 * back) together. Only writers of the same chain wait for each other (docs/audit.md).
 */
export async function recordAudit(tx: DbOrTx, deps: AuditDeps, e: AuditInput): Promise<number> {
  if (!tx.isTransaction) throw new Error('recordAudit must run inside the state change transaction');
  const occurredAt = deps.clock.now().toISOString();
  const chainKey = chainKeyOf(e.agencyId);
  const head = await auditRepository.lockHead(tx, deps.dialect, chainKey, occurredAt);
  const payload = payloadOf(e, occurredAt);
  const seq = head.seq + 1;
  const hash = hashChainedEvent(head.hash, seq, payload);
  return auditRepository.append(
    tx,
    deps.dialect,
    [{ ...payload, prevHash: head.hash, hash, chainSeq: seq }],
    [{ chainKey, seq, hash }],
    occurredAt,
  );
}

/**
 * Appends several events, in order, each to its agency's chain (one lock and one head read per
 * chain, bulk inserts): for changes that touch many records at once, such as the deadlines moved by
 * a calendar correction. Each event is a full event of its own entity, exactly as `recordAudit`
 * writes. Chains are locked in ascending key order, so two such batches cannot deadlock each other.
 */
export async function recordAuditMany(tx: DbOrTx, deps: AuditDeps, events: AuditInput[]): Promise<void> {
  if (!tx.isTransaction) throw new Error('recordAuditMany must run inside the state change transaction');
  if (events.length === 0) return;
  const occurredAt = deps.clock.now().toISOString();
  const keys = [...new Set(events.map((e) => chainKeyOf(e.agencyId)))].sort((a, b) => a - b);
  const heads = new Map<number, { seq: number; hash: string }>();
  for (const k of keys) heads.set(k, await auditRepository.lockHead(tx, deps.dialect, k, occurredAt));
  const rows = events.map((e) => {
    const payload = payloadOf(e, occurredAt);
    const h = heads.get(chainKeyOf(e.agencyId))!;
    const seq = h.seq + 1;
    const hash = hashChainedEvent(h.hash, seq, payload);
    const row = { ...payload, prevHash: h.hash, hash, chainSeq: seq };
    h.seq = seq;
    h.hash = hash;
    return row;
  });
  await auditRepository.append(
    tx,
    deps.dialect,
    rows,
    keys.map((k) => ({ chainKey: k, ...heads.get(k)! })),
    occurredAt,
  );
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** one digest over all chain heads (headsDigest), to compare at a glance */
  headHash: string;
  /** each chain's head: what an operator records to detect a cut tail later */
  heads: ChainHead[];
  problems: ChainProblem[];
}

/**
 * Walks all chains in one pass in id order, in batches (memory: one cursor per chain), then checks
 * each chain against its head in audit_chains and against heads published earlier (`expectHeads`).
 */
export async function verifyAuditChain(
  db: DbOrTx,
  opts: { batchSize?: number; onProgress?: (checked: number) => void; expectHeads?: ChainHead[] } = {},
): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  const published = opts.expectHeads ?? [];
  const size = opts.batchSize ?? 5000;
  const { recorded, state } = await readConsistently(db, async (snap, uptoId) => {
    const { heads: recorded, maxId } = await auditRepository.headsAndMaxId(snap);
    let state: ChainState = initialState(published);
    for (;;) {
      const batch = await auditRepository.batchAfter(snap, state.lastId ?? 0, size, uptoId ? maxId : null);
      if (batch.length === 0) break;
      state = verifyBatch(batch, state, problems);
      opts.onProgress?.(state.checked);
      if (batch.length < size) break;
    }
    return { recorded, state };
  });
  const heads = finishChains(state, recorded, published, problems);
  return { ok: problems.length === 0, checked: state.checked, headHash: headsDigest(heads), heads, problems };
}

/**
 * The heads and the walked events must describe the same moment while other writers go on.
 * PostgreSQL: one REPEATABLE READ snapshot (ids are drawn before commit, so an id bound alone would
 * not do). SQLite: commits are serial and ids follow commit order, so the heads and the highest id
 * read in one statement, and a walk that stops at that id, agree — without holding the process's only
 * connection for the whole walk.
 */
async function readConsistently<T>(
  db: DbOrTx,
  fn: (snap: DbOrTx, boundById: boolean) => Promise<T>,
): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return fn(db, true);
  if (db.isTransaction) return fn(db, false);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) => fn(tx, false));
}

export async function publishedHeads(db: DbOrTx): Promise<ChainHead[]> {
  return auditRepository.heads(db);
}
export function assertChainOk(r: VerifyResult): void {
  if (!r.ok) throw new AppError('AUDIT_CHAIN_BROKEN', { detail: { problems: r.problems.slice(0, 20) } });
}
