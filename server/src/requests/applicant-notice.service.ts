/**
 * Notices to applicants (applicant-notice.ts) through the outbox: one e-mail or SMS when a letter
 * marking a step is sent (request.service.ts issueLetter) — registered, correction, fee notice,
 * extension, reply — unless the agency turned that kind off; and the agency's switches.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { enqueue } from '../notifications/index.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import {
  DEFAULT_NOTICE_TEMPLATES,
  NOTICE_KINDS,
  NOTICE_LABELS,
  NOTICE_OF_LETTER,
  type NoticeKind,
  noticeChannel,
  parseDisabled,
  renderNotice,
} from './applicant-notice.ts';
import { applicantNoticeRepository as noticeRepo } from './applicant-notice.repository.ts';
import type { LetterKind } from './letter.ts';
import { requestPolicy } from './request.policy.ts';
import { SUBJECT } from './request.repository.ts';
import type { ApplicationRow, LetterRow } from './request.table.ts';

async function disabledKinds(db: DbOrTx, agencyId: number): Promise<NoticeKind[]> {
  return parseDisabled(await noticeRepo.disabledJson(db, agencyId));
}

/** Enqueues the notice a sent letter earns, if any and if the agency has it on. Audited. */
export async function noticeApplicant(
  deps: Deps,
  tx: DbOrTx,
  app: ApplicationRow,
  letter: Pick<LetterRow, 'id' | 'kind'>,
): Promise<void> {
  const kind = NOTICE_OF_LETTER[letter.kind as LetterKind];
  if (!kind) return;
  const to = noticeChannel({ email: app.email, phone: app.phone });
  if (!to) return;
  if ((await disabledKinds(tx, app.agencyId)).includes(kind)) return;
  const agency = (await agencyDirectory(deps, tx)).get(app.agencyId);
  const body = renderNotice(DEFAULT_NOTICE_TEMPLATES[kind], {
    agency: agency?.name ?? '',
    registrationNo: app.registrationNo,
    trackUrl: new URL('/track', deps.config.publicBaseUrl).toString(),
  });
  const fresh = await enqueue(deps, tx, [
    {
      agencyId: app.agencyId,
      subjectType: SUBJECT,
      subjectId: app.id,
      event: `req:${app.id}:notice:${kind}:${letter.id}`,
      channel: to.channel,
      recipient: to.recipient,
      title: `政府信息公开申请办理进度（登记号 ${app.registrationNo}）`,
      body,
    },
  ]);
  if (fresh.length === 0) return;
  await recordAudit(tx, deps, {
    actor: { userId: null, label: '系统' },
    agencyId: app.agencyId,
    entityType: SUBJECT,
    entityId: app.id,
    // the channel only: the recipient is the applicant's contact (personal data)
    action: 'request.applicant_noticed',
    after: { kind, channel: to.channel, letterId: letter.id },
  });
}

async function agencyFor(deps: Deps, db: DbOrTx, actor: StaffActor, agencyId: number, edit: boolean) {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (
    !agency ||
    agency.kind === 'unit' ||
    agency.kind === 'region' ||
    !requestPolicy.canRead(actor, dir, agencyId)
  )
    throw new AppError('AGENCY_NOT_FOUND');
  const canEdit = requestPolicy.canEditSettings(actor, dir, agencyId);
  if (edit && !canEdit) throw new AppError('FORBIDDEN');
  return { canEdit };
}

export async function noticeSettings(deps: Deps, db: DbOrTx, actor: StaffActor, agencyId: number) {
  const { canEdit } = await agencyFor(deps, db, actor, agencyId, false);
  const disabled = await disabledKinds(db, agencyId);
  return {
    agencyId,
    canEdit,
    kinds: NOTICE_KINDS.map((k) => ({
      kind: k,
      label: NOTICE_LABELS[k],
      enabled: !disabled.includes(k),
      template: DEFAULT_NOTICE_TEMPLATES[k],
    })),
  };
}

/** The agency turns kinds of notices on or off; audited. */
export async function setNoticeKinds(
  deps: Deps,
  tx: DbOrTx,
  ctx: { actor: StaffActor; ip?: string | null },
  agencyId: number,
  enabled: Partial<Record<NoticeKind, boolean>>,
) {
  await agencyFor(deps, tx, ctx.actor, agencyId, true);
  const before = await disabledKinds(tx, agencyId);
  const after = NOTICE_KINDS.filter((k) => (enabled[k] === undefined ? before.includes(k) : !enabled[k]));
  const now = deps.clock.now().toISOString();
  await noticeRepo.saveDisabled(tx, agencyId, JSON.stringify(after), now);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'request_settings',
    entityId: agencyId,
    action: 'request_settings.notices_changed',
    before: { disabled: before },
    after: { disabled: after },
    ip: ctx.ip ?? null,
  });
  return noticeSettings(deps, tx, ctx.actor, agencyId);
}
