/**
 * Serving the letters on the applicant (送达; service-record.ts): the disclosure office records a
 * collection or a posting and later the date of receipt or the return; the tracking page records the
 * applicant's first download; the outbox records the e-mail's outcome. Every change is audited on the
 * application in the same transaction. The date of service starts the appeal periods shown on the
 * case and used by the appeal records (appeal.service.ts).
 */
import { createHash } from 'node:crypto';
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { maskName } from './application.ts';
import { sniffUpload } from './attachments.ts';
import { requestPolicy } from './request.policy.ts';
import { requestRepository as repo } from './request.repository.ts';
import { auditCase, authorizeCase, type Ctx, loadCase } from './request.service.ts';
import type { ApplicationRow, LetterRow, ServiceRecordRow } from './request.table.ts';
import {
  type AppealPeriods,
  appealPeriods,
  canMoveService,
  type EmailOutcome,
  liveRecord,
  type ServiceState,
  serviceDateProblem,
  serviceDueOn,
  servedOnApplicant,
  servedRecord,
  serviceWatched,
} from './service-record.ts';
import { serviceRecordRepository as srepo } from './service-record.repository.ts';

const today = (deps: Deps) => chinaDate(deps.clock.now());
const nowIso = (deps: Deps) => deps.clock.now().toISOString();

/** What the audit log keeps of a record (the collector's name is personal: masked views drop it). */
function auditShape(r: ServiceRecordRow) {
  return {
    serviceRecordId: r.id,
    letterId: r.letterId,
    method: r.method,
    state: r.state,
    servedOn: r.servedOn,
    dispatchedOn: r.dispatchedOn,
    carrier: r.carrier,
    trackingNo: r.trackingNo,
    collectedBy: r.collectedBy,
    receiptFileId: r.receiptFileId,
    emailOutcome: r.emailOutcome,
    notificationId: r.notificationId,
    failedOn: r.failedOn,
  };
}

async function servableLetter(tx: DbOrTx, app: ApplicationRow, letterId: number): Promise<LetterRow> {
  const letter = await repo.letter(tx, letterId);
  if (!letter || letter.applicationId !== app.id) throw new AppError('REQUEST_LETTER_NOT_FOUND');
  if (!letter.sentAt || !servedOnApplicant(letter.kind))
    throw new AppError('REQUEST_SERVICE_LETTER_NOT_SENT');
  if (liveRecord(await srepo.forLetter(tx, letterId))) throw new AppError('REQUEST_SERVICE_ALREADY_RECORDED');
  return letter;
}

function checkDates(problems: ({ field: string; label: string; message: string } | null)[]): void {
  const found = problems.filter((p) => p !== null);
  if (found.length) throw validationError(found);
}

export interface CollectionInput {
  collectedOn: string;
  collectedBy: string;
  note?: string | null;
}

/** 领取: served on the day the applicant (or an authorised person) collected the letter. */
export async function recordCollection(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  letterId: number,
  input: CollectionInput,
) {
  const l = await loadCase(deps, tx, id);
  const actor = await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const letter = await servableLetter(tx, l.app, letterId);
  const collectedBy = input.collectedBy.trim();
  checkDates([
    serviceDateProblem('collectedOn', '领取日期', input.collectedOn, letter.issuedOn, today(deps)),
    collectedBy ? null : { field: 'collectedBy', label: '领取人', message: '请填写领取人' },
  ]);
  const row = await srepo.insert(tx, {
    applicationId: id,
    letterId,
    method: 'collect',
    state: 'served',
    servedOn: input.collectedOn,
    dispatchedOn: null,
    collectedBy,
    note: input.note?.trim() || null,
    createdBy: actor.userId,
    createdAt: nowIso(deps),
    updatedAt: nowIso(deps),
  });
  await auditCase(deps, tx, ctx, l.app, 'request.service_recorded', null, auditShape(row));
  return row;
}

export interface PostingInput {
  postedOn: string;
  carrier: string;
  trackingNo: string;
  note?: string | null;
}

/** 邮寄: posted with a carrier and a tracking number; served when the receipt date is entered. */
export async function recordPosting(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  letterId: number,
  input: PostingInput,
) {
  const l = await loadCase(deps, tx, id);
  const actor = await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const letter = await servableLetter(tx, l.app, letterId);
  const carrier = input.carrier.trim();
  const trackingNo = input.trackingNo.trim();
  checkDates([
    serviceDateProblem('postedOn', '寄出日期', input.postedOn, letter.issuedOn, today(deps)),
    carrier ? null : { field: 'carrier', label: '寄送单位', message: '请填写寄送单位' },
    trackingNo ? null : { field: 'trackingNo', label: '邮件单号', message: '请填写邮件单号' },
  ]);
  const row = await srepo.insert(tx, {
    applicationId: id,
    letterId,
    method: 'post',
    state: 'dispatched',
    dispatchedOn: input.postedOn,
    carrier,
    trackingNo,
    note: input.note?.trim() || null,
    createdBy: actor.userId,
    createdAt: nowIso(deps),
    updatedAt: nowIso(deps),
  });
  await auditCase(deps, tx, ctx, l.app, 'request.service_recorded', null, auditShape(row));
  return row;
}

async function loadRecord(tx: DbOrTx, id: number, recordId: number): Promise<ServiceRecordRow> {
  const r = await srepo.byId(tx, recordId);
  if (!r || r.applicationId !== id) throw new AppError('REQUEST_SERVICE_RECORD_NOT_FOUND');
  return r;
}

function moveTo(r: ServiceRecordRow, to: ServiceState): void {
  if (!canMoveService(r.state as ServiceState, to)) throw new AppError('REQUEST_SERVICE_INVALID_TRANSITION');
}

/** 邮寄 → 已送达: the date on the receipt (签收日期) is the date of service. */
export async function recordPostReceipt(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  recordId: number,
  input: { receivedOn: string },
) {
  const l = await loadCase(deps, tx, id);
  await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const r = await loadRecord(tx, id, recordId);
  if (r.method !== 'post') throw new AppError('REQUEST_SERVICE_METHOD_MISMATCH');
  moveTo(r, 'served');
  checkDates([
    serviceDateProblem(
      'receivedOn',
      '签收日期',
      input.receivedOn,
      r.dispatchedOn ?? '0000-00-00',
      today(deps),
    ),
  ]);
  const row = await srepo.update(tx, recordId, {
    state: 'served',
    servedOn: input.receivedOn,
    updatedAt: nowIso(deps),
  });
  await auditCase(deps, tx, ctx, l.app, 'request.service_served', auditShape(r), auditShape(row));
  return row;
}

/** 邮寄 → 未能送达 (退回): the letter may then be served again, by any method. */
export async function recordPostReturned(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  recordId: number,
  input: { returnedOn: string; note?: string | null },
) {
  const l = await loadCase(deps, tx, id);
  await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const r = await loadRecord(tx, id, recordId);
  if (r.method !== 'post') throw new AppError('REQUEST_SERVICE_METHOD_MISMATCH');
  moveTo(r, 'failed');
  checkDates([
    serviceDateProblem(
      'returnedOn',
      '退回日期',
      input.returnedOn,
      r.dispatchedOn ?? '0000-00-00',
      today(deps),
    ),
  ]);
  const row = await srepo.update(tx, recordId, {
    state: 'failed',
    failedOn: input.returnedOn,
    note: input.note?.trim() || r.note,
    updatedAt: nowIso(deps),
  });
  await auditCase(deps, tx, ctx, l.app, 'request.service_failed', auditShape(r), auditShape(row));
  return row;
}

/**
 * The signed receipt (送达回证) of a collection or a posting, with the upload checks of every case file
 * (attachments.ts: the type from the magic bytes; at most 5 MB at the route).
 */
export async function attachServiceReceipt(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  recordId: number,
  input: { filename: string; data: Buffer },
) {
  const l = await loadCase(deps, tx, id);
  const actor = await authorizeCase(deps, tx, ctx, l.app, 'manage');
  const r = await loadRecord(tx, id, recordId);
  if (r.method !== 'collect' && r.method !== 'post') throw new AppError('REQUEST_SERVICE_METHOD_MISMATCH');
  const mime = sniffUpload(input.data);
  if (!mime || input.data.length === 0) throw new AppError('REQUEST_FILE_REJECTED');
  const file = await srepo.insertReceiptFile(tx, {
    applicationId: id,
    filename:
      [...input.filename]
        .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch))
        .join('')
        .slice(0, 200) || '送达回证',
    mime,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    contentB64: input.data.toString('base64'),
    createdBy: actor.userId,
    createdAt: nowIso(deps),
  });
  const row = await srepo.update(tx, recordId, { receiptFileId: file.id, updatedAt: nowIso(deps) });
  await auditCase(deps, tx, ctx, l.app, 'request.service_receipt_attached', auditShape(r), {
    ...auditShape(row),
    fileId: file.id,
    size: file.size,
  });
  return row;
}

/**
 * 在线: the tracking page served the letter (the applicant's first download). The first download
 * of a letter without a live record serves it on that day; a letter already being served another
 * way keeps its record and only notes the download. Called by the public tracking page.
 */
export async function recordOnlineDownload(deps: Deps, tx: DbOrTx, app: ApplicationRow, letterId: number) {
  const letter = await repo.letter(tx, letterId);
  if (!letter || letter.applicationId !== app.id || !letter.sentAt || !servedOnApplicant(letter.kind)) return;
  const records = await srepo.forLetter(tx, letterId);
  if (records.some((r) => r.downloadedAt !== null)) return;
  const live = liveRecord(records);
  const now = nowIso(deps);
  const ctx: Ctx = { actor: null };
  if (live) {
    const row = await srepo.update(tx, live.id, { downloadedAt: now, updatedAt: now });
    await auditCase(deps, tx, ctx, app, 'request.service_downloaded', auditShape(live), {
      ...auditShape(row),
      downloadedAt: now,
    });
    return;
  }
  const row = await srepo.insert(tx, {
    applicationId: app.id,
    letterId,
    method: 'online',
    state: 'served',
    servedOn: today(deps),
    downloadedAt: now,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  await auditCase(deps, tx, ctx, app, 'request.service_recorded', null, {
    ...auditShape(row),
    downloadedAt: now,
  });
}

/**
 * 电子邮件: a record under way for a letter sent through the outbox (its notification row).
 * Used when the reply is sent to an applicant who chose e-mail.
 */
export async function recordEmailQueued(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  letterId: number,
  notificationId: number,
) {
  const now = nowIso(deps);
  const row = await srepo.insert(tx, {
    applicationId: app.id,
    letterId,
    method: 'email',
    state: 'dispatched',
    dispatchedOn: today(deps),
    emailOutcome: 'pending',
    notificationId,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await auditCase(deps, tx, ctx, app, 'request.service_recorded', null, auditShape(row));
  return row;
}

/**
 * The outbox's outcome of an e-mail that serves letters: accepted by the mail server serves every
 * letter it carried on that day (the day it reaches the applicant's system); bounced or failed fails
 * them (they may be served again). An e-mail the platform administrator re-sent after it failed
 * serves its letters anew when nothing else serves them by then.
 */
export async function recordEmailOutcome(
  deps: Deps,
  tx: DbOrTx,
  notificationId: number,
  outcome: Exclude<EmailOutcome, 'pending'>,
  detail: string | null,
) {
  const rows = await srepo.forNotification(tx, notificationId);
  const now = nowIso(deps);
  const served = outcome === 'accepted';
  const ctx: Ctx = { actor: null };
  const latest = new Map<number, ServiceRecordRow>();
  for (const r of rows) latest.set(r.letterId, r);
  for (const r of latest.values()) {
    const app = await repo.byId(tx, r.applicationId);
    if (!app) continue;
    if (r.state === 'dispatched') {
      const row = await srepo.update(tx, r.id, {
        state: served ? 'served' : 'failed',
        emailOutcome: outcome,
        servedOn: served ? today(deps) : null,
        failedOn: served ? null : today(deps),
        note: detail ? detail.slice(0, 500) : r.note,
        updatedAt: now,
      });
      await auditCase(
        deps,
        tx,
        ctx,
        app,
        served ? 'request.service_served' : 'request.service_failed',
        auditShape(r),
        auditShape(row),
      );
    } else if (r.state === 'failed' && served && !liveRecord(await srepo.forLetter(tx, r.letterId))) {
      const row = await srepo.insert(tx, {
        applicationId: r.applicationId,
        letterId: r.letterId,
        method: 'email',
        state: 'served',
        servedOn: today(deps),
        dispatchedOn: today(deps),
        emailOutcome: 'accepted',
        notificationId,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      });
      await auditCase(deps, tx, ctx, app, 'request.service_served', null, auditShape(row));
    }
  }
}

// ------------------------------------------------------------------ reading

/** The appeal periods of the case: from the date of service of its latest sent reply letter. */
export async function casePeriods(
  deps: Deps,
  db: DbOrTx,
  app: ApplicationRow,
): Promise<{ letterId: number | null; periods: AppealPeriods | null }> {
  const { rules, cal } = await loadCase(deps, db, app.id);
  const reply = (await repo.letters(db, app.id)).filter((r) => r.kind === 'reply' && r.sentAt).at(-1);
  if (!reply) return { letterId: null, periods: null };
  const served = servedRecord(await srepo.forLetter(db, reply.id));
  return {
    letterId: reply.id,
    periods: served?.servedOn ? appealPeriods(served.servedOn, rules, cal) : null,
  };
}

/** The staff view of the case's service: each letter to the applicant, its records, due date and state. */
export async function serviceView(deps: Deps, db: DbOrTx, actor: StaffActor, id: number) {
  const l = await loadCase(deps, db, id);
  await authorizeCase(deps, db, { actor }, l.app, 'read');
  const dir = await agencyDirectory(deps, db);
  const personal = requestPolicy.canSeePersonalData(actor, dir, l.app);
  const canRecord = requestPolicy.canManage(actor, dir, l.app);
  const records = await srepo.forApplication(db, id);
  const day = today(deps);
  const letters = (await repo.letters(db, id))
    .filter((r) => r.sentAt && servedOnApplicant(r.kind))
    .map((letter) => {
      const own = records.filter((r) => r.letterId === letter.id);
      const served = servedRecord(own);
      const dueOn = serviceDueOn(letter.issuedOn, l.rules.serviceDays, l.cal);
      return {
        letter,
        records: own.map((r) => ({
          ...r,
          collectedBy: r.collectedBy && !personal ? maskName(r.collectedBy) : r.collectedBy,
        })),
        servedOn: served?.servedOn ?? null,
        dueOn,
        overdue: !served && serviceWatched(letter.kind) && dueOn !== null && dueOn < day,
        canStart: canRecord && !liveRecord(own),
      };
    });
  return { app: l.app, rules: l.rules, letters, canRecord, ...(await casePeriods(deps, db, l.app)) };
}
