/**
 * Steps done on paper and recorded afterwards (docs/rules.md §3.3): staff give the real date of the
 * step; it is checked against the previous recorded step and today (procedure-limits.ts), the clock
 * counts from it, and a date before today is audited as back-dated (request.step_backdated).
 */
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { latestStep, PAPER_STEPS, type PaperStep, stepDateProblem } from './procedure-limits.ts';
import { requestRepository as repo, SUBJECT } from './request.repository.ts';
import type { ApplicationRow } from './request.table.ts';

/** The latest date already recorded on the application: receipt, clock start, pauses, consultations, fees, correction notice, reply. */
export async function previousStepOn(tx: DbOrTx, app: ApplicationRow): Promise<string | null> {
  const consultations = await repo.consultations(tx, app.id);
  const fees = await repo.fees(tx, app.id);
  const corrections = (await repo.deadlines(tx, app.id)).filter((d) => d.kind === 'correction');
  return latestStep([
    app.receivedOn,
    app.clockStart,
    app.pausedSince,
    app.repliedOn,
    ...consultations.flatMap((c) => [c.sentOn, c.answeredOn]),
    ...fees.flatMap((f) => [f.noticeOn, f.paidOn]),
    ...corrections.map((d) => d.startDate),
  ]);
}

/**
 * The date a step took effect: `on` when given (validated: a real date, not after today, not before
 * the previous step), else today. Records the back-dating in the audit trail, in the caller's transaction.
 */
export async function stepDate(
  deps: Deps,
  tx: DbOrTx,
  ctx: { actor: StaffActor | null; ip?: string | null },
  app: ApplicationRow,
  step: PaperStep,
  on: string | null | undefined,
  today: string,
): Promise<string> {
  if (!on || on === today) return today;
  if (!isValidIsoDate(on))
    throw validationError([
      { field: 'on', label: `${PAPER_STEPS[step]}实际日期`, message: '日期格式不正确' },
    ]);
  const previous = await previousStepOn(tx, app);
  const problem = stepDateProblem(on, previous, today);
  if (problem === 'in_future')
    throw new AppError('REQUEST_STEP_DATE_IN_FUTURE', {
      message: `${PAPER_STEPS[step]}的实际日期（${on}）不能晚于今天（${today}）`,
      fields: [{ field: 'on', label: `${PAPER_STEPS[step]}实际日期`, message: '不能晚于今天' }],
    });
  if (problem === 'before_previous')
    throw new AppError('REQUEST_STEP_DATE_BEFORE_PREVIOUS', {
      message: `${PAPER_STEPS[step]}的实际日期（${on}）不能早于上一个已登记的办理环节（${previous}）`,
      fields: [{ field: 'on', label: `${PAPER_STEPS[step]}实际日期`, message: `不能早于 ${previous}` }],
      detail: { previousOn: previous },
    });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: app.agencyId,
    entityType: SUBJECT,
    entityId: app.id,
    action: 'request.step_backdated',
    before: null,
    after: { step, stepLabel: PAPER_STEPS[step], actualOn: on, recordedOn: today },
    ip: ctx.ip ?? null,
  });
  return on;
}
