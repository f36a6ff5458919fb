/**
 * Submitting an online application once: a retried request (network failure, a reloaded page, the
 * back button) with the same idempotency key answers with the first registration and tracking code
 * instead of filing a second application — a duplicate would be counted twice in the annual report's
 * Table 三 and answered twice. The same key with different content is refused
 * (REQUEST_IDEMPOTENCY_KEY_REUSED). See submission.ts for how the tracking code is kept.
 */
import type { DbOrTx } from '../db/create-db.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { requestRepository as repo } from './request.repository.ts';
import { type Ctx, type SubmitInput, submitOnline } from './request.service.ts';
import type { ApplicationRow } from './request.table.ts';
import {
  openTrackingCode,
  SUBMISSION_TTL_HOURS,
  type SubmissionScope,
  sealTrackingCode,
  submissionKeyHash,
} from './submission.ts';
import { submissionRepository as subs } from './submission.repository.ts';

export interface SubmittedOnce {
  app: ApplicationRow;
  trackingCode: string;
  /** true when this answers a retry (nothing new was filed) */
  replayed: boolean;
}

const HOUR = 3600 * 1000;

/** The earlier submission under this key, or null; refused when the content differs. */
export async function earlierSubmission(
  deps: Deps,
  scope: SubmissionScope,
  key: string,
  fingerprint: string,
): Promise<SubmittedOnce | null> {
  const row = await subs.byKey(deps.db, submissionKeyHash(scope, key), deps.clock.now().toISOString());
  if (!row) return null;
  if (row.fingerprint !== fingerprint) throw new AppError('REQUEST_IDEMPOTENCY_KEY_REUSED');
  const app = await repo.byId(deps.db, row.applicationId);
  const code = openTrackingCode(scope, key, row.codeEnc);
  if (!app || !code) return null;
  return { app, trackingCode: code, replayed: true };
}

/** A PostgreSQL 23505 or SQLite UNIQUE failure: a parallel retry with the same key won the race. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_UNIQUE'));
}

/**
 * Files the application under `key` (with whatever `alsoInTx` adds, e.g. the portal's attachments),
 * or answers with the earlier one.
 */
export async function submitOnlineOnce(
  deps: Deps,
  ctx: Ctx,
  scope: SubmissionScope,
  key: string,
  fingerprint: string,
  input: SubmitInput,
  alsoInTx?: (tx: DbOrTx, app: ApplicationRow) => Promise<void>,
): Promise<SubmittedOnce> {
  const now = deps.clock.now();
  await subs.purgeExpired(
    deps.db,
    now.toISOString(),
    new Date(now.getTime() - SUBMISSION_TTL_HOURS * HOUR).toISOString(),
  );
  const earlier = await earlierSubmission(deps, scope, key, fingerprint);
  if (earlier) return earlier;
  try {
    return await inTransaction(deps, async (tx) => {
      const s = await submitOnline(deps, tx, ctx, input);
      await alsoInTx?.(tx, s.app);
      await subs.insert(tx, {
        keyHash: submissionKeyHash(scope, key),
        fingerprint,
        applicationId: s.app.id,
        codeEnc: sealTrackingCode(scope, key, s.trackingCode),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SUBMISSION_TTL_HOURS * HOUR).toISOString(),
      });
      return { ...s, replayed: false };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const won = await earlierSubmission(deps, scope, key, fingerprint);
    if (!won) throw e;
    return won;
  }
}
