/**
 * The outbox (发件箱) and the in-app inbox: enqueue (idempotent through dedupe_key), deliver due
 * e-mail/SMS with retries and backoff, read and mark read, and the system administrator's retry.
 */
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  afterAttempt,
  type AttemptOutcome,
  type Channel,
  DEFAULT_MAX_ATTEMPTS,
  dedupeKey,
  initialState,
} from './notification.ts';
import { notificationRepository as repo } from './notification.repository.ts';
import type { NotificationRow } from './notification.table.ts';
import { isPermanentFailure, type Notifiers } from './notifier.ts';
import { type AttachmentRef, deliveryHook, parseAttachmentRefs } from './delivery-hooks.ts';
import { notificationPolicy } from './notification.policy.ts';

export interface EnqueueInput {
  agencyId: number | null;
  subjectType: string;
  subjectId: number;
  /** what happened, e.g. req:12:2026-05-08:remind5; the dedupe key adds channel and recipient */
  event: string;
  channel: Channel;
  recipient: string;
  title: string;
  body: string;
  /** e-mail attachments by reference (delivery-hooks.ts), resolved when the message is sent */
  attachments?: AttachmentRef[];
}

/**
 * Inserts the notifications not enqueued before (same event, channel and recipient) and returns how
 * many were new. Writes nothing when every key exists. The caller records the audit event.
 */
export async function enqueue(deps: Deps, tx: DbOrTx, items: EnqueueInput[]): Promise<EnqueueInput[]> {
  if (items.length === 0) return [];
  const keyed = new Map<string, EnqueueInput>();
  for (const i of items) keyed.set(dedupeKey(i.event, i.channel, i.recipient), i);
  const existing = await repo.existingKeys(tx, [...keyed.keys()]);
  const fresh = [...keyed].filter(([k]) => !existing.has(k));
  if (fresh.length === 0) return [];
  const now = deps.clock.now().toISOString();
  await repo.insertNew(
    tx,
    fresh.map(([key, i]) => ({
      agencyId: i.agencyId,
      subjectType: i.subjectType,
      subjectId: i.subjectId,
      channel: i.channel,
      recipient: i.recipient,
      title: i.title,
      body: i.body,
      attachmentsJson: i.attachments?.length ? JSON.stringify(i.attachments) : null,
      dedupeKey: key,
      state: initialState(i.channel),
      createdAt: now,
      sentAt: i.channel === 'inapp' ? now : null,
      nextAttemptAt: i.channel === 'inapp' ? null : now,
    })),
  );
  return fresh.map(([, i]) => i);
}

/** Enqueues one message and returns its outbox row (the existing one when enqueued before). */
export async function enqueueOne(deps: Deps, tx: DbOrTx, item: EnqueueInput): Promise<NotificationRow> {
  await enqueue(deps, tx, [item]);
  const row = await repo.byDedupeKey(tx, dedupeKey(item.event, item.channel, item.recipient));
  if (!row) throw new Error('enqueued notification not found');
  return row;
}

// ---------------------------------------------------------------- delivery

const BATCH = 50;
const LEASE_MS = 10 * 60_000;

/**
 * The sending job: claims due e-mail/SMS rows, sends each through its notifier outside any
 * transaction (a slow mail server must not hold the database), then records every outcome and one
 * audit event in one transaction. Delivery is at least once: a crash after sending and before
 * recording leaves the row to be sent again when its lease ends.
 */
export async function deliverDue(
  deps: Deps,
  notifiers: Notifiers,
  maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const due = await repo.due(deps.db, nowIso, BATCH);
  const results: { row: NotificationRow; outcome: AttemptOutcome; permanent: boolean }[] = [];
  for (const row of due) {
    if (!(await repo.claim(deps.db, row.id, nowIso, new Date(now.getTime() + LEASE_MS).toISOString())))
      continue;
    const notifier = row.channel === 'sms' ? notifiers.sms : notifiers.email;
    let result: { ok: true } | { ok: false; error: string; permanent: boolean };
    try {
      const refs = parseAttachmentRefs(row.attachmentsJson);
      const resolve = deliveryHook(row.subjectType)?.attachments;
      const attachments = refs.length && resolve ? await resolve(deps, deps.db, row, refs) : [];
      await notifier.send({ to: row.recipient, subject: row.title, body: row.body, attachments });
      result = { ok: true };
    } catch (e) {
      result = {
        ok: false,
        error: e instanceof Error ? e.message : String(e),
        permanent: isPermanentFailure(e),
      };
    }
    results.push({
      row,
      outcome: afterAttempt(row.attempts, deps.clock.now(), result, maxAttempts),
      permanent: !result.ok && result.permanent,
    });
  }
  if (results.length === 0) return 0;
  await inTransaction(deps, async (tx) => {
    for (const { row, outcome, permanent } of results) {
      await repo.recordAttempt(tx, row.id, outcome);
      const hook = deliveryHook(row.subjectType)?.outcome;
      if (hook && outcome.state !== 'pending')
        await hook(
          deps,
          tx,
          row,
          outcome.state === 'sent' ? 'accepted' : permanent ? 'bounced' : 'failed',
          outcome.lastError,
        );
    }
    const count = (s: string) => results.filter((r) => r.outcome.state === s).length;
    await recordAudit(tx, deps, {
      actor: SYSTEM_ACTOR,
      agencyId: null,
      entityType: 'notification',
      entityId: 'outbox',
      action: 'notification.delivery_run',
      after: {
        sent: count('sent'),
        retrying: count('pending'),
        failed: count('failed'),
        ids: results.map((r) => r.row.id),
      },
    });
  });
  return results.length;
}

// ---------------------------------------------------------------- in-app inbox

export async function inbox(
  deps: Deps,
  actor: StaffActor,
  opts: { unreadOnly: boolean; limit: number; offset: number },
) {
  return repo.inbox(deps.db, actor.userId, opts);
}

/** A user marks their own notification read (not audited: personal reading state, not a record). */
export async function markRead(deps: Deps, tx: DbOrTx, actor: StaffActor, id: number): Promise<void> {
  if (!(await repo.markRead(tx, actor.userId, id, deps.clock.now().toISOString())))
    throw new AppError('NOTIFICATION_NOT_FOUND');
}

export async function markAllRead(deps: Deps, tx: DbOrTx, actor: StaffActor): Promise<number> {
  return repo.markAllRead(tx, actor.userId, deps.clock.now().toISOString());
}

// ---------------------------------------------------------------- the outbox for system administrators

export async function outbox(
  deps: Deps,
  actor: StaffActor,
  f: { state?: string; channel?: string; limit: number; offset: number },
) {
  if (!notificationPolicy.canManageOutbox(actor)) throw new AppError('FORBIDDEN');
  const [page, counts] = await Promise.all([repo.outbox(deps.db, f), repo.stateCounts(deps.db)]);
  return { ...page, counts };
}

/** A failed e-mail/SMS goes back to the queue with a fresh set of attempts. */
export async function retry(
  deps: Deps,
  tx: DbOrTx,
  ctx: { actor: StaffActor; ip?: string | null },
  id: number,
): Promise<NotificationRow> {
  if (!notificationPolicy.canManageOutbox(ctx.actor)) throw new AppError('FORBIDDEN');
  const row = await repo.byId(tx, id);
  if (!row || row.channel === 'inapp') throw new AppError('NOTIFICATION_NOT_FOUND');
  if (row.state !== 'failed') throw new AppError('NOTIFICATION_NOT_RETRYABLE');
  const now = deps.clock.now().toISOString();
  await repo.recordAttempt(tx, id, {
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: row.lastError,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: row.agencyId,
    entityType: 'notification',
    entityId: id,
    action: 'notification.retried',
    before: { state: row.state, attempts: row.attempts, lastError: row.lastError },
    after: { state: 'pending', attempts: 0 },
    ip: ctx.ip ?? null,
  });
  return (await repo.byId(tx, id))!;
}
