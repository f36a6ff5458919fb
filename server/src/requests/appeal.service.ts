/**
 * Reconsideration and litigation after the reply (R.51; annual-report Table 四). They are registered
 * with recordAppeal (request.service.ts), often while still pending; the outcome — 维持, 纠正 or 其他结果
 * — is registered here once the decision or judgment arrives. A 纠正 outcome reopens the application,
 * as at registration. Table 四 is computed from request_appeals, so the update shows in the report.
 */
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef } from '../access/actor.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { requestRepository as repo, SUBJECT } from './request.repository.ts';
import { authorizeCase, type Ctx, loadCase, transitionCase } from './request.service.ts';
import type { ApplicationRow } from './request.table.ts';
import { appealFiledInTime } from './service-record.ts';
import { casePeriods } from './service-record.service.ts';

export const APPEAL_KIND_LABELS = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
} as const;
export const APPEAL_OUTCOME_LABELS = {
  pending: '尚未审结',
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
} as const;

export type DecidedOutcome = 'upheld' | 'corrected' | 'other';

export async function decideAppeal(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  appealId: number,
  input: { outcome: DecidedOutcome; decidedOn: string; note?: string | null },
) {
  const l = await loadCase(deps, tx, id);
  await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const appeal = await repo.appeal(tx, appealId);
  if (!appeal || appeal.applicationId !== id) throw new AppError('REQUEST_APPEAL_NOT_FOUND');
  if (appeal.outcome !== 'pending') throw new AppError('REQUEST_APPEAL_ALREADY_DECIDED');
  if (!isValidIsoDate(input.decidedOn))
    throw validationError([{ field: 'decidedOn', label: '决定或判决日期', message: '日期格式不正确' }]);
  if (input.decidedOn > chinaDate(deps.clock.now())) throw new AppError('REQUEST_APPEAL_DATE_IN_FUTURE');
  if (input.decidedOn < appeal.filedOn)
    throw validationError([
      {
        field: 'decidedOn',
        label: '决定或判决日期',
        message: `不能早于申请复议或起诉日期（${appeal.filedOn}）`,
      },
    ]);
  const note = input.note?.trim() || appeal.note;
  const row = await repo.updateAppeal(tx, appealId, {
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    note: note ?? null,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: l.app.agencyId,
    entityType: SUBJECT,
    entityId: id,
    action: 'request.appeal_decided',
    before: { appealId, outcome: appeal.outcome, decidedOn: appeal.decidedOn },
    after: { appealId, outcome: row.outcome, decidedOn: row.decidedOn, note: row.note },
    ip: ctx.ip ?? null,
  });
  // R.51 / Table 四 纠正: the reply was set aside or ordered redone — handle the application again
  if (input.outcome === 'corrected' && (l.app.status === 'replied' || l.app.status === 'closed'))
    await transitionCase(deps, tx, ctx, l.app, 'reopen', {}, { appealId });
  return row;
}

/**
 * The case's appeals with the period each had to be filed in: 行政复议 and direct 行政诉讼 run from
 * the date the reply was served (service-record.ts, 《行政复议法》第二十条, 《行政诉讼法》第四十六条);
 * `filedInTime` is null while the reply has no date of service, or for a suit after reconsideration.
 */
export async function appealsWithPeriods(deps: Deps, db: DbOrTx, app: ApplicationRow) {
  const { periods } = await casePeriods(deps, db, app);
  return (await repo.appeals(db, app.id)).map((a) => ({
    id: a.id,
    kind: a.kind,
    kindLabel: APPEAL_KIND_LABELS[a.kind as keyof typeof APPEAL_KIND_LABELS] ?? a.kind,
    filedOn: a.filedOn,
    outcome: a.outcome,
    periodUntil:
      a.kind === 'reconsideration'
        ? (periods?.reconsideration.until ?? null)
        : a.kind === 'litigation_direct'
          ? (periods?.litigation.until ?? null)
          : null,
    filedInTime: appealFiledInTime(a.kind, a.filedOn, periods),
  }));
}
