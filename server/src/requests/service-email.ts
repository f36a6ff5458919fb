/**
 * 电子邮件送达: when the reply is sent to an applicant who chose e-mail (《政府信息公开条例》第二十九条
 * 第二款第三项), the reply letter, the provided files and the case's other letters to the applicant
 * go out as one e-mail through the outbox (notifications/, with its retries), attached by reference
 * (letters rendered as DOCX at sending time, files read from the case). Each letter gets a service
 * record under way; the outbox's outcome — accepted by the mail server, bounced, failed — serves or
 * fails them (service-record.service.ts recordEmailOutcome), audited on the application.
 */
import { type AttachmentRef, enqueueOne, type MailAttachment, onDelivery } from '../notifications/index.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import { letterDocx } from './letter.docx.ts';
import { requestRepository as repo, SUBJECT } from './request.repository.ts';
import { type Ctx, letterContent, loadCase } from './request.service.ts';
import type { ApplicationRow } from './request.table.ts';
import { liveRecord, servedOnApplicant } from './service-record.ts';
import { serviceRecordRepository as srepo } from './service-record.repository.ts';
import { recordEmailOutcome, recordEmailQueued } from './service-record.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The e-mail's text: the registration number, what is attached, where to track, the remedies. */
export function serviceMailText(f: {
  agencyName: string;
  registrationNo: string;
  letterTitles: string[];
  fileCount: number;
  trackUrl: string;
  reconsiderationDays: number;
  litigationMonths: number;
}): { subject: string; body: string } {
  return {
    subject: `${f.agencyName}政府信息公开申请答复（登记号 ${f.registrationNo}）`,
    body: [
      '您好：',
      `您向${f.agencyName}提出的政府信息公开申请（登记号 ${f.registrationNo}）已作出答复。按您选择的获取方式，本邮件附上：`,
      ...f.letterTitles.map((t) => `- 《${t}》（Word 文档）`),
      ...(f.fileCount > 0 ? [`- 提供的政府信息 ${f.fileCount} 份`] : []),
      `您也可以凭登记号和查询码在 ${f.trackUrl} 查询办理进度、下载文书。`,
      `如对答复不服，可以自收到答复之日起${f.reconsiderationDays}日内申请行政复议，或者自收到答复之日起${f.litigationMonths}个月内依法提起行政诉讼（详见答复书）。`,
      '本邮件由系统自动发出，请勿直接回复。',
    ].join('\n'),
  };
}

/**
 * Called when the reply is sent (request.service.ts sendReply): an applicant who chose e-mail is
 * served by e-mail. Nothing happens for the other ways of delivery.
 */
export async function serveReplyByEmail(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
): Promise<void> {
  if (app.deliveryMethod !== 'email' || !app.email) return;
  const l = await loadCase(deps, tx, app.id);
  const letters = (await repo.letters(tx, app.id)).filter((r) => r.sentAt && servedOnApplicant(r.kind));
  const reply = letters.filter((r) => r.kind === 'reply').at(-1);
  if (!reply) return;
  // the reply first, then the other letters in the order they were issued
  const attached = [reply, ...letters.filter((r) => r.id !== reply.id)];
  const files = (await repo.files(tx, app.id)).filter((f) => f.kind === 'provided');
  const refs: AttachmentRef[] = [
    ...attached.map((r) => ({ kind: 'letter', id: r.id })),
    ...files.map((f) => ({ kind: 'file', id: f.id })),
  ];
  const text = serviceMailText({
    agencyName: l.agency.name,
    registrationNo: app.registrationNo,
    letterTitles: attached.map((r) => r.title),
    fileCount: files.length,
    trackUrl: new URL('/track', deps.config.publicBaseUrl).toString(),
    reconsiderationDays: l.rules.reconsiderationDays,
    litigationMonths: l.rules.litigationMonths,
  });
  const row = await enqueueOne(deps, tx, {
    agencyId: app.agencyId,
    subjectType: SUBJECT,
    subjectId: app.id,
    event: `req:${app.id}:serve:${reply.id}`,
    channel: 'email',
    recipient: app.email,
    title: text.subject,
    body: text.body,
    attachments: refs,
  });
  for (const letter of attached)
    if (!liveRecord(await srepo.forLetter(tx, letter.id)))
      await recordEmailQueued(deps, tx, ctx, app, letter.id, row.id);
}

/** The bytes behind an application e-mail's references: letters as served (DOCX), provided files. */
async function attachmentsOf(
  _deps: Deps,
  db: DbOrTx,
  applicationId: number,
  refs: AttachmentRef[],
): Promise<MailAttachment[]> {
  const app = await repo.byId(db, applicationId);
  if (!app) throw new Error(`application ${applicationId} not found`);
  const out: MailAttachment[] = [];
  for (const ref of refs) {
    if (ref.kind === 'letter') {
      const letter = await repo.letter(db, ref.id);
      if (!letter || letter.applicationId !== applicationId) throw new Error(`letter ${ref.id} not found`);
      out.push({
        filename: `${letter.title}-${app.registrationNo}.docx`,
        contentType: DOCX,
        content: await letterDocx(letterContent(letter.contentJson)),
      });
    } else if (ref.kind === 'file') {
      const f = await repo.file(db, ref.id);
      if (!f || f.applicationId !== applicationId) throw new Error(`file ${ref.id} not found`);
      out.push({ filename: f.filename, contentType: f.mime, content: Buffer.from(f.contentB64, 'base64') });
    }
  }
  return out;
}

onDelivery(SUBJECT, {
  attachments: (deps, db, row, refs) => attachmentsOf(deps, db, row.subjectId, refs),
  outcome: (deps, tx, row, outcome, error) => recordEmailOutcome(deps, tx, row.id, outcome, error),
});
