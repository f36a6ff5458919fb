import { AppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { auditRepository } from './audit.repository.ts';
import {
  type ChainProblem,
  type ChainState,
  GENESIS_HASH,
  hashEvent,
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
 * Appends one event. Must be called inside the transaction that makes the state change, so the
 * change and its event commit (or roll back) together.
 */
export async function recordAudit(tx: DbOrTx, deps: AuditDeps, e: AuditInput): Promise<number> {
  if (!tx.isTransaction) throw new Error('recordAudit must run inside the state change transaction');
  await auditRepository.lockChain(tx, deps.dialect);
  const prevHash = await auditRepository.lastHash(tx);
  const payload = payloadOf(e, deps.clock.now().toISOString());
  return auditRepository.insert(tx, { ...payload, prevHash, hash: hashEvent(prevHash, payload) });
}

/**
 * Appends several events, in order, as one stretch of the chain (one lock, one read of the head,
 * bulk inserts): for changes that touch many records at once, such as the deadlines moved by a
 * calendar correction. Each event is a full event of its own entity, exactly as `recordAudit` writes.
 */
export async function recordAuditMany(tx: DbOrTx, deps: AuditDeps, events: AuditInput[]): Promise<void> {
  if (!tx.isTransaction) throw new Error('recordAuditMany must run inside the state change transaction');
  if (events.length === 0) return;
  await auditRepository.lockChain(tx, deps.dialect);
  let prevHash = await auditRepository.lastHash(tx);
  const occurredAt = deps.clock.now().toISOString();
  const rows = events.map((e) => {
    const payload = payloadOf(e, occurredAt);
    const hash = hashEvent(prevHash, payload);
    const row = { ...payload, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await auditRepository.insertMany(tx, rows);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headHash: string;
  problems: ChainProblem[];
}

/** Walks the whole chain in batches (constant memory). */
export async function verifyAuditChain(
  db: DbOrTx,
  opts: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  let state: ChainState = { lastHash: GENESIS_HASH, lastId: null, checked: 0 };
  const size = opts.batchSize ?? 5000;
  for (;;) {
    const batch = await auditRepository.batchAfter(db, state.lastId ?? 0, size);
    if (batch.length === 0) break;
    state = verifyBatch(batch, state, problems);
    opts.onProgress?.(state.checked);
    if (batch.length < size) break;
  }
  return { ok: problems.length === 0, checked: state.checked, headHash: state.lastHash, problems };
}

export function assertChainOk(r: VerifyResult): void {
  if (!r.ok) throw new AppError('AUDIT_CHAIN_BROKEN', { detail: { problems: r.problems.slice(0, 20) } });
}
