/**
 * Use cases of contacts: register (portal or staff), assign to a unit, transfer (转办), draft the
 * reply, approve it (the disclosure office, never its drafter), return it, close; the sender's
 * tracking, rating and one request for a re-answer. Every state change writes its audit event in the
 * caller's transaction (the route opens it).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { type Actor, PUBLIC_ACTOR, recordAudit } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { readableScope, scopeList } from '../access/access.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type ContactAction,
  type ContactChannel,
  type ContactKind,
  type ContactStatus,
  contactDueOn,
  contactReceiptDate,
  type EvaluationOutcome,
  mayAskReanswer,
  nextStatus,
  normaliseTrackingNo,
  type Satisfaction,
  trackingNoOf,
} from './contact.ts';
import { type ContactStaffAction, contactPolicy, type ContactRef } from './contact.policy.ts';
import { contactRepository as repo } from './contact.repository.ts';
import type { ContactRow, ContactTransferRow } from './contact.table.ts';

export interface StaffCtx {
  actor: StaffActor;
  ip: string | null;
}

const ENTITY = 'participation_contact';

export function today(deps: Deps): string {
  return chinaDate(deps.clock.now());
}

export function refOf(row: ContactRow): ContactRef {
  return {
    agencyId: row.agencyId,
    unitId: row.unitId,
    status: row.status as ContactStatus,
    replyDraftedBy: row.replyDraftedBy,
  };
}

function auditView(row: ContactRow) {
  // the audit log keeps the state, not the sender's personal data
  return {
    status: row.status,
    agencyId: row.agencyId,
    unitId: row.unitId,
    dueOn: row.dueOn,
    receivedOn: row.receivedOn,
    replyOutcome: row.replyOutcome,
    satisfaction: row.satisfaction,
  };
}

async function audit(
  deps: Deps,
  tx: DbOrTx,
  actor: Actor,
  ip: string | null,
  action: string,
  before: ContactRow | null,
  after: ContactRow,
  extra?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, deps, {
    actor,
    agencyId: after.agencyId,
    entityType: ENTITY,
    entityId: after.id,
    action: `contact.${action}`,
    before: before ? auditView(before) : undefined,
    after: { ...auditView(after), ...extra },
    ip,
  });
}

function publicAgency(dir: AgencyDirectory, agencyId: number) {
  const a = dir.get(agencyId);
  return a?.active && (a.kind === 'government' || a.kind === 'department') ? a : null;
}

export function hashTrackingCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newTrackingCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

// ------------------------------------------------------------------ registration

export interface ContactInput {
  agencyId: number;
  kind: ContactKind;
  channel: ContactChannel;
  subject: string;
  body: string;
  senderName: string | null;
  senderContact: string | null;
  publishConsent: boolean;
  scores?: { content?: number | null; form?: number | null; system?: number | null; effect?: number | null };
  submittedOn: string;
  signedForOn?: string | null;
  confirmedOn?: string | null;
  unitId?: number | null;
}

async function insertContact(
  deps: Deps,
  tx: DbOrTx,
  input: ContactInput,
  createdBy: number | null,
  withCode: boolean,
): Promise<{ row: ContactRow; trackingCode: string | null }> {
  const dir = await agencyDirectory(deps, tx);
  if (!publicAgency(dir, input.agencyId)) throw new AppError('CONTACT_AGENCY_NOT_PUBLIC');
  if (input.unitId != null) assertUnit(dir, input.agencyId, input.unitId);
  const t = today(deps);
  const receipt = contactReceiptDate(input.channel, input, t);
  if (!receipt.ok) throw new AppError('CONTACT_RECEIPT_DATE_INVALID', { detail: { reason: receipt.reason } });
  const cal = await calendarFor(deps, input.agencyId, tx);
  const rules = await rulesForAgency(deps, tx, input.agencyId);
  const dueOn = contactDueOn(cal, receipt.receivedOn, input.kind, rules);
  const code = withCode ? newTrackingCode() : null;
  const now = deps.clock.now().toISOString();
  const s = input.scores ?? {};
  const inserted = await repo.insert(tx, {
    agencyId: input.agencyId,
    unitId: input.unitId ?? null,
    trackingNo: null,
    trackingHash: code ? hashTrackingCode(code) : null,
    kind: input.kind,
    channel: input.channel,
    status: input.unitId != null ? 'assigned' : 'registered',
    subject: input.subject.trim(),
    body: input.body.trim(),
    senderName: input.senderName?.trim() || null,
    senderContact: input.senderContact?.trim() || null,
    publishConsent: input.publishConsent ? 1 : 0,
    scoreContent: input.kind === 'evaluation' ? (s.content ?? null) : null,
    scoreForm: input.kind === 'evaluation' ? (s.form ?? null) : null,
    scoreSystem: input.kind === 'evaluation' ? (s.system ?? null) : null,
    scoreEffect: input.kind === 'evaluation' ? (s.effect ?? null) : null,
    submittedOn: input.submittedOn,
    receivedOn: receipt.receivedOn,
    firstReceivedOn: receipt.receivedOn,
    dueOn,
    reanswerCount: 0,
    createdBy,
    createdAt: now,
    updatedAt: now,
  });
  const row = await repo.update(tx, inserted.id, {
    trackingNo: trackingNoOf(input.kind, Number(receipt.receivedOn.slice(0, 4)), inserted.id),
  });
  return { row, trackingCode: code };
}

/** A message left on the portal form: received on the day it is filed; the sender gets a tracking code. */
export async function submitFromPortal(
  deps: Deps,
  tx: DbOrTx,
  ip: string | null,
  input: Omit<ContactInput, 'submittedOn' | 'signedForOn' | 'confirmedOn' | 'unitId'>,
): Promise<{ row: ContactRow; trackingCode: string }> {
  const { row, trackingCode } = await insertContact(
    deps,
    tx,
    { ...input, submittedOn: today(deps) },
    null,
    true,
  );
  await audit(deps, tx, PUBLIC_ACTOR, ip, 'submitted', null, row, { channel: row.channel, kind: row.kind });
  return { row, trackingCode: trackingCode! };
}

/** Staff register a letter, call, visit or e-mail (the disclosure office of the agency). */
export async function registerContact(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  input: ContactInput,
): Promise<ContactRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!publicAgency(dir, input.agencyId)) throw new AppError('CONTACT_AGENCY_NOT_PUBLIC');
  if (!contactPolicy.canRegister(ctx.actor, dir, input.agencyId)) throw new AppError('FORBIDDEN');
  const { row } = await insertContact(deps, tx, input, ctx.actor.userId, false);
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'registered', null, row, {
    channel: row.channel,
    kind: row.kind,
  });
  return row;
}

function assertUnit(dir: AgencyDirectory, agencyId: number, unitId: number): void {
  const u = dir.get(unitId);
  if (u?.kind !== 'unit' || !u.active || !dir.ownUnits(agencyId).includes(unitId))
    throw new AppError('CONTACT_UNIT_INVALID');
}

// ------------------------------------------------------------------ staff steps

async function loadForStep(
  deps: Deps,
  tx: DbOrTx,
  actor: StaffActor,
  id: number,
  action: ContactStaffAction,
): Promise<{ row: ContactRow; dir: AgencyDirectory; to: ContactStatus }> {
  const row = await repo.byIdForUpdate(tx, id, deps.dialect === 'postgres');
  const dir = await agencyDirectory(deps, tx);
  if (!row || !contactPolicy.canRead(actor, dir, row.agencyId)) throw new AppError('CONTACT_NOT_FOUND');
  const to = nextStatus(row.status as ContactStatus, action);
  if (!to) throw new AppError('CONTACT_TRANSITION_INVALID');
  if (!contactPolicy.may(actor, dir, refOf(row), action)) {
    if (action === 'approve' && row.replyDraftedBy === actor.userId)
      throw new AppError('SEPARATION_OF_DUTIES');
    throw new AppError('FORBIDDEN');
  }
  return { row, dir, to };
}

export async function assignContact(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  unitId: number,
): Promise<ContactRow> {
  const { row, dir, to } = await loadForStep(deps, tx, ctx.actor, id, 'assign');
  assertUnit(dir, row.agencyId, unitId);
  const after = await repo.update(tx, id, { unitId, status: to, updatedAt: deps.clock.now().toISOString() });
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'assigned', row, after);
  return after;
}

/**
 * 转办: the contact goes to the agency responsible. The receiving agency's clock starts on the day it
 * receives the transfer (its date of receipt, as 《政府信息公开条例》第三十一条 counts from receipt by the
 * agency that must answer), with the full period for the kind on its own calendar; the three-month
 * inspection rule keeps counting from the sender's first receipt (contact.ts failsWebsiteInspection).
 */
export async function transferContact(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  toAgencyId: number,
  reason: string,
): Promise<ContactRow> {
  const { row, dir, to } = await loadForStep(deps, tx, ctx.actor, id, 'transfer');
  if (toAgencyId === row.agencyId || !publicAgency(dir, toAgencyId))
    throw new AppError('CONTACT_TRANSFER_TARGET_INVALID');
  const t = today(deps);
  const cal = await calendarFor(deps, toAgencyId, tx);
  const rules = await rulesForAgency(deps, tx, toAgencyId);
  const dueOn = contactDueOn(cal, t, row.kind as ContactKind, rules);
  const now = deps.clock.now().toISOString();
  await repo.insertTransfer(tx, {
    contactId: id,
    fromAgencyId: row.agencyId,
    toAgencyId,
    reason: reason.trim(),
    transferredBy: ctx.actor.userId,
    transferredOn: t,
    createdAt: now,
  });
  const after = await repo.update(tx, id, {
    agencyId: toAgencyId,
    unitId: null,
    status: to,
    receivedOn: t,
    dueOn,
    replyText: null,
    replyOutcome: null,
    replyDraftedBy: null,
    replyDraftedAt: null,
    updatedAt: now,
  });
  const fields = { fromAgencyId: row.agencyId, toAgencyId, reason: reason.trim() };
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'transferred', row, after, fields);
  // the receiving agency's chain records the arrival too
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: row.agencyId,
    entityType: ENTITY,
    entityId: id,
    action: 'contact.transferred_out',
    after: fields,
    ip: ctx.ip,
  });
  return after;
}

export async function draftReply(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  input: { text: string; outcome?: EvaluationOutcome | null },
): Promise<ContactRow> {
  const { row, to } = await loadForStep(deps, tx, ctx.actor, id, 'draft_reply');
  if (row.kind === 'evaluation' && !input.outcome) throw new AppError('CONTACT_OUTCOME_REQUIRED');
  const now = deps.clock.now().toISOString();
  const after = await repo.update(tx, id, {
    status: to,
    replyText: input.text.trim(),
    replyOutcome: row.kind === 'evaluation' ? (input.outcome ?? null) : null,
    replyDraftedBy: ctx.actor.userId,
    replyDraftedAt: now,
    updatedAt: now,
  });
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'reply_drafted', row, after);
  return after;
}

export async function approveReply(deps: Deps, tx: DbOrTx, ctx: StaffCtx, id: number): Promise<ContactRow> {
  const { row, dir, to } = await loadForStep(deps, tx, ctx.actor, id, 'approve');
  const now = deps.clock.now().toISOString();
  const unit = row.unitId ? dir.get(row.unitId) : undefined;
  const agency = dir.get(row.agencyId);
  const after = await repo.update(tx, id, {
    status: to,
    replyApprovedBy: ctx.actor.userId,
    replyApprovedAt: now,
    answeredOn: today(deps),
    answeredByUnit: unit ? `${agency?.name ?? ''}${unit.name}` : (agency?.name ?? null),
    updatedAt: now,
  });
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'reply_approved', row, after);
  return after;
}

export async function returnReply(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  reason: string,
): Promise<ContactRow> {
  const { row, to } = await loadForStep(deps, tx, ctx.actor, id, 'return');
  const after = await repo.update(tx, id, {
    status: to,
    replyDraftedBy: null,
    replyDraftedAt: null,
    updatedAt: deps.clock.now().toISOString(),
  });
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'reply_returned', row, after, { reason: reason.trim() });
  return after;
}

export async function closeContact(deps: Deps, tx: DbOrTx, ctx: StaffCtx, id: number): Promise<ContactRow> {
  const { row, to } = await loadForStep(deps, tx, ctx.actor, id, 'close');
  const after = await repo.update(tx, id, {
    status: to,
    closedOn: today(deps),
    updatedAt: deps.clock.now().toISOString(),
  });
  await audit(deps, tx, actorRef(ctx.actor), ctx.ip, 'closed', row, after);
  return after;
}

// ------------------------------------------------------------------ reading (staff)

export interface ContactDetail {
  row: ContactRow;
  transfers: ContactTransferRow[];
  personalData: boolean;
  actions: ContactStaffAction[];
}

export async function contactForStaff(deps: Deps, actor: StaffActor, id: number): Promise<ContactDetail> {
  const row = await repo.byId(deps.db, id);
  const dir = await agencyDirectory(deps);
  if (!row || !contactPolicy.canRead(actor, dir, row.agencyId)) throw new AppError('CONTACT_NOT_FOUND');
  return {
    row,
    transfers: await repo.transfers(deps.db, id),
    personalData: contactPolicy.canSeePersonalData(actor, dir, refOf(row)),
    actions: contactPolicy.actions(actor, dir, refOf(row)),
  };
}

/** After a transfer: the receiving agency's view if the actor may read it, else the record masked. */
export async function contactAsHandedOver(deps: Deps, actor: StaffActor, id: number): Promise<ContactDetail> {
  const row = await repo.byId(deps.db, id);
  if (!row) throw new AppError('CONTACT_NOT_FOUND');
  const dir = await agencyDirectory(deps);
  if (contactPolicy.canRead(actor, dir, row.agencyId)) return contactForStaff(deps, actor, id);
  return { row, transfers: await repo.transfers(deps.db, id), personalData: false, actions: [] };
}

export async function listContacts(
  deps: Deps,
  actor: StaffActor,
  f: {
    agencyId?: number;
    status?: string;
    kind?: string;
    channel?: string;
    overdue?: boolean;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const dir = await agencyDirectory(deps);
  const scope = scopeList(readableScope(actor, dir));
  let agencyIds: number[] | 'all' = scope;
  if (f.agencyId !== undefined) agencyIds = scope === 'all' || scope.includes(f.agencyId) ? [f.agencyId] : [];
  const r = await repo.list(deps.db, {
    agencyIds,
    status: f.status,
    kind: f.kind,
    channel: f.channel,
    overdueBefore: f.overdue ? today(deps) : undefined,
    q: f.q?.trim() || undefined,
    limit: f.limit,
    offset: f.offset,
  });
  return {
    total: r.total,
    rows: r.rows.map((row) => ({
      row,
      personalData: contactPolicy.canSeePersonalData(actor, dir, refOf(row)),
    })),
  };
}

// ------------------------------------------------------------------ the sender

/** The contact of a tracking number and code; a wrong code and an unknown number answer the same. */
export async function findTrackedContact(
  db: DbOrTx,
  trackingNo: string,
  code: string,
): Promise<ContactRow | null> {
  const row = await repo.byTrackingNo(db, normaliseTrackingNo(trackingNo).slice(0, 40));
  const expected = Buffer.from(row?.trackingHash ?? 'x'.repeat(64));
  const given = Buffer.from(hashTrackingCode(code.slice(0, 40)));
  const match = expected.length === given.length && timingSafeEqual(expected, given);
  return row && match ? row : null;
}

/**
 * The sender rates the approved answer (满意度); a dissatisfied sender may instead ask once for a
 * re-answer, which sends the contact back to its unit with a new clock from today.
 */
export async function rateContact(
  deps: Deps,
  tx: DbOrTx,
  ip: string | null,
  trackingNo: string,
  code: string,
  input: { satisfaction: Satisfaction; comment: string | null; askReanswer: boolean },
): Promise<ContactRow> {
  const found = await findTrackedContact(tx, trackingNo, code);
  if (!found) throw new AppError('CONTACT_NOT_FOUND');
  return rateAsSender(deps, tx, found, input, ip);
}

export async function contactRow(db: DbOrTx, id: number): Promise<ContactRow | undefined> {
  return repo.byId(db, id);
}

/** The sender's rating of a contact already identified (by its tracking code, or in the demo data). */
export async function rateAsSender(
  deps: Deps,
  tx: DbOrTx,
  found: ContactRow,
  input: { satisfaction: Satisfaction; comment: string | null; askReanswer: boolean },
  ip: string | null = null,
): Promise<ContactRow> {
  const row = (await repo.byIdForUpdate(tx, found.id, deps.dialect === 'postgres'))!;
  const status = row.status as ContactStatus;
  if (status !== 'answered' || row.satisfaction !== null) throw new AppError('CONTACT_ALREADY_RATED');
  const now = deps.clock.now().toISOString();
  const t = today(deps);
  const action: ContactAction =
    input.askReanswer && input.satisfaction === 'dissatisfied' ? 'reanswer' : 'rate';
  if (action === 'reanswer' && !mayAskReanswer({ status, reanswerCount: row.reanswerCount }))
    throw new AppError('CONTACT_ALREADY_RATED');
  const to = nextStatus(status, action)!;
  let after: ContactRow;
  if (action === 'reanswer') {
    const cal = await calendarFor(deps, row.agencyId, tx);
    const rules = await rulesForAgency(deps, tx, row.agencyId);
    after = await repo.update(tx, row.id, {
      status: to,
      reanswerCount: row.reanswerCount + 1,
      ratingComment: input.comment?.trim() || null,
      receivedOn: t,
      dueOn: contactDueOn(cal, t, row.kind as ContactKind, rules),
      replyDraftedBy: null,
      replyDraftedAt: null,
      replyApprovedBy: null,
      replyApprovedAt: null,
      answeredOn: null,
      updatedAt: now,
    });
  } else {
    after = await repo.update(tx, row.id, {
      status: to,
      satisfaction: input.satisfaction,
      ratingComment: input.comment?.trim() || null,
      ratedAt: now,
      closedOn: t,
      updatedAt: now,
    });
  }
  await audit(deps, tx, PUBLIC_ACTOR, ip, action === 'reanswer' ? 'reanswer_requested' : 'rated', row, after);
  return after;
}

export async function publicLedger(deps: Deps, agencyId: number, limit: number, offset: number) {
  return repo.publicLedger(deps.db, agencyId, limit, offset);
}

/** Response statistics per answering unit (every answered contact; figures only, nothing personal). */
export async function answerStats(deps: Deps, agencyId: number) {
  return repo.answerStats(deps.db, agencyId);
}
