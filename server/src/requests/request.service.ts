/**
 * Use cases of 依申请公开. Each takes (deps, tx, ctx, input); the route or CLI opens the transaction.
 * Every state change writes an audit event in the same transaction; the reply, correction,
 * consultation and fee deadlines are stored in the generic `deadlines` table so that a calendar
 * change recomputes them (calendar.service.recomputeDeadlines).
 */
import { residentIdCheckChar } from '../shared/resident-id.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { isValidUscc } from '../agencies/agency.ts';
import { agencyRepository } from '../agencies/agency.repository.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import type { Rules } from '../agencies/rule-profile.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarFor, createDeadline } from '../calendar/calendar.service.ts';
import { calendarRepository } from '../calendar/calendar.repository.ts';
import { type SpecialDayKind, WorkingCalendar } from '../calendar/working-days.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { DeadlineRow } from '../db/database.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { isRole, type Role } from '../access/roles.ts';
import { AppError, type FieldProblem, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type Action,
  type ApplicantKind,
  type Channel,
  type DeliveryMethod,
  formatRegistrationNo,
  type IdType,
  maskAddress,
  maskName,
  nextStatus,
  normaliseRegistrationNo,
  normaliseTrackingCode,
  type OrgType,
  type ProvisionForm,
  servedAddress,
  type Status,
  trackingCodeFrom,
} from './application.ts';
import { extensionAllowed, type PauseKind, pausedWorkingDays, receiptDate } from './clock.ts';
import {
  type DispositionCode,
  decisionProblems,
  dispositionDef,
  type ItemDecision,
  reportCategory,
} from './disposition.ts';
import { type FeeMethod, methodConflict, perPieceFee, perVolumeFee } from './fees.ts';
import {
  buildLetter,
  DEFAULT_TEMPLATES,
  type LetterContent,
  type LetterKind,
  type LetterTemplate,
  letterText,
  maskLetter,
} from './letter.ts';
import { parseTemplates } from './letter-template.ts';
import { stepDate } from './paper-steps.ts';
import {
  correctionNoticeAllowed,
  correctionNoticeLate,
  correctionReceiptProblem,
  extensionProblem,
} from './procedure-limits.ts';
import { requestPolicy } from './request.policy.ts';
import { maskFileName } from './request.presenter.ts';
import { requestRepository as repo, SUBJECT } from './request.repository.ts';
import type { ApplicationRow, ItemRow } from './request.table.ts';
import { noticesOwed } from './third-party-notice.ts';

export interface Ctx {
  actor: StaffActor | null;
  ip?: string | null;
}

export interface SubmitInput {
  agencyCode?: string;
  agencyId?: number;
  applicant: {
    kind: ApplicantKind;
    orgType?: OrgType | null;
    name: string;
    idType?: IdType | null;
    idNumber?: string | null;
    creditCode?: string | null;
    legalRepresentative?: string | null;
    contactPerson?: string | null;
    phone: string;
    email?: string | null;
    address?: string | null;
    postalCode?: string | null;
  };
  items: { description: string; title?: string | null; docNo?: string | null }[];
  provisionForm: ProvisionForm;
  deliveryMethod: DeliveryMethod;
  purpose?: string | null;
}

export interface IntakeInput extends SubmitInput {
  channel: Channel;
  submittedOn: string;
  signedForOn?: string | null;
  confirmedOn?: string | null;
}

export const DEFAULT_APPROVAL_CHAIN: Role[] = ['unit_head', 'disclosure_office'];

const today = (deps: Deps) => chinaDate(deps.clock.now());
const nowIso = (deps: Deps) => deps.clock.now().toISOString();
const hashCode = (code: string) => createHash('sha256').update(normaliseTrackingCode(code)).digest('hex');

// ------------------------------------------------------------------ validation (R.29)

/** GB 11643 check digit of an 18-digit resident identity number. */
export function isValidResidentId(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  return residentIdCheckChar(s) === s[17];
}

/** R.29 ¶2: name, identity proof and contact; the cross-field rules a schema cannot express. */
export function applicantProblems(a: SubmitInput['applicant']): FieldProblem[] {
  const out: FieldProblem[] = [];
  const blank = (s: string | null | undefined) => !s?.trim();
  if (a.kind === 'organization') {
    if (!a.orgType)
      out.push({ field: 'applicant.orgType', label: '组织类型', message: '请选择法人或其他组织的类型' });
    if (blank(a.creditCode))
      out.push({ field: 'applicant.creditCode', label: '统一社会信用代码', message: '不能为空' });
    else if (!isValidUscc(a.creditCode!.trim().toUpperCase()))
      out.push({ field: 'applicant.creditCode', label: '统一社会信用代码', message: '校验不通过，请核对' });
  } else {
    if (!a.idType) out.push({ field: 'applicant.idType', label: '证件类型', message: '请选择身份证件类型' });
    if (blank(a.idNumber)) out.push({ field: 'applicant.idNumber', label: '证件号码', message: '不能为空' });
    else if (a.idType === 'resident_id' && !isValidResidentId(a.idNumber!.trim().toUpperCase()))
      out.push({
        field: 'applicant.idNumber',
        label: '证件号码',
        message: '居民身份证号码校验不通过，请核对',
      });
  }
  return out;
}

// ------------------------------------------------------------------ context helpers

interface Loaded {
  app: ApplicationRow;
  agency: AgencyNode;
  rules: Rules;
  cal: WorkingCalendar;
}

async function load(deps: Deps, tx: DbOrTx, id: number): Promise<Loaded> {
  const app = await repo.byId(tx, id);
  if (!app) throw new AppError('REQUEST_NOT_FOUND');
  const dir = await agencyDirectory(deps, tx);
  const agency = dir.get(app.agencyId)!;
  return {
    app,
    agency,
    rules: await rulesForAgency(deps, tx, app.agencyId),
    cal: await calendarIn(deps, tx, app.agencyId),
  };
}

/**
 * The agency's working calendar read through `db` — inside a transaction the cached calendarFor()
 * would query the root handle, which on SQLite waits for this very transaction.
 */
export async function calendarIn(deps: Deps, db: DbOrTx, agencyId: number): Promise<WorkingCalendar> {
  if (!db.isTransaction) return calendarFor(deps, agencyId);
  const years = new Set((await calendarRepository.years(db)).map((y) => Number(y.year)));
  const rows = await calendarRepository.days(db, (await agencyDirectory(deps, db)).ancestry(agencyId));
  const national = rows.filter((r) => r.agencyId === null);
  const local = rows.filter((r) => r.agencyId !== null);
  return new WorkingCalendar(
    years,
    [...national, ...local].map((r) => ({
      date: r.date,
      kind: r.kind as SpecialDayKind,
      name: r.name,
      agencyId: r.agencyId,
    })),
  );
}

type Permission = 'read' | 'manage' | 'handle' | 'approve_extension';

async function authorize(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  need: Permission,
): Promise<StaffActor> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const dir = await agencyDirectory(deps, tx);
  if (!requestPolicy.canRead(actor, dir, app.agencyId)) throw new AppError('REQUEST_NOT_FOUND');
  const ok =
    need === 'read' ||
    (need === 'manage' && requestPolicy.canManage(actor, dir, app)) ||
    (need === 'handle' && requestPolicy.canHandle(actor, dir, app)) ||
    (need === 'approve_extension' && requestPolicy.canApproveExtension(actor, dir, app));
  if (!ok) throw new AppError('FORBIDDEN');
  return actor;
}

async function audit(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  action: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: app.agencyId,
    entityType: SUBJECT,
    entityId: app.id,
    action,
    before,
    after,
    ip: ctx.ip ?? null,
  });
}

/** Applies a transition of the table in application.ts, or refuses it. */
async function transition(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  action: Action,
  set: Partial<ApplicationRow> = {},
  detail: Record<string, unknown> = {},
): Promise<ApplicationRow> {
  const to = nextStatus(app.status as Status, action);
  if (!to) throw new AppError('REQUEST_INVALID_TRANSITION', { detail: { status: app.status, action } });
  const after = await repo.update(tx, app.id, { ...set, status: to, updatedAt: nowIso(deps) });
  await audit(deps, tx, ctx, app, `request.${action}`, { status: app.status }, { status: to, ...detail });
  return after;
}

function assertDate(field: string, label: string, d: string | null | undefined): void {
  if (d && !isValidIsoDate(d)) throw validationError([{ field, label, message: '日期格式不正确' }]);
}

async function replyDeadline(tx: DbOrTx, appId: number): Promise<DeadlineRow | undefined> {
  return repo.liveDeadline(tx, appId, 'reply');
}

async function openReplyDeadline(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  start: string,
  days: number,
) {
  await createDeadline(deps, tx, ctx, {
    agencyId: app.agencyId,
    subjectType: SUBJECT,
    subjectId: app.id,
    kind: 'reply',
    startDate: start,
    workingDays: days,
  });
}

async function openDeadline(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  app: ApplicationRow,
  kind: string,
  start: string,
  days: number,
) {
  return createDeadline(deps, tx, ctx, {
    agencyId: app.agencyId,
    subjectType: SUBJECT,
    subjectId: app.id,
    kind,
    startDate: start,
    workingDays: days,
  });
}

/** Pauses the reply clock (R.33 ¶3 consultation; 109号 fee; suspension). */
async function pauseClock(
  deps: Deps,
  tx: DbOrTx,
  app: ApplicationRow,
  kind: PauseKind,
  since: string = today(deps),
): Promise<Partial<ApplicationRow>> {
  const d = await replyDeadline(tx, app.id);
  if (d) await repo.setDeadline(tx, d.id, { state: 'paused' }, nowIso(deps));
  return { pauseKind: kind, pausedSince: since };
}

/** Ends the pause on `until` (a paper step's real date, else today): the working days spent paused extend the reply deadline. */
async function resumeClock(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  l: Loaded,
  until: string = today(deps),
): Promise<{ set: Partial<ApplicationRow>; days: number; dueOn: string | null }> {
  const { app, cal } = l;
  if (!app.pausedSince) return { set: {}, days: 0, dueOn: null };
  const days = pausedWorkingDays(cal, app.pausedSince, until);
  const d = await replyDeadline(tx, app.id);
  let dueOn: string | null = null;
  if (d) {
    const workingDays = d.workingDays + days;
    dueOn = cal.addWorkingDays(d.startDate, workingDays);
    await repo.setDeadline(tx, d.id, { state: 'open', workingDays, dueDate: dueOn }, nowIso(deps));
    await audit(
      deps,
      tx,
      ctx,
      app,
      'deadline.extended_by_pause',
      { dueDate: d.dueDate },
      {
        dueDate: dueOn,
        pausedWorkingDays: days,
        pauseKind: app.pauseKind,
      },
    );
  }
  return { set: { pauseKind: null, pausedSince: null, pausedDays: app.pausedDays + days }, days, dueOn };
}

// ------------------------------------------------------------------ intake

export interface Submitted {
  app: ApplicationRow;
  trackingCode: string;
}

/**
 * The receiving agency, read as one row inside the transaction: intake needs only this agency, and
 * loading the whole directory (every agency and supervision) per submission was the costliest part
 * of the public submit path.
 */
async function agencyForIntake(_deps: Deps, tx: DbOrTx, input: SubmitInput): Promise<IntakeAgency> {
  const a =
    input.agencyId !== undefined
      ? await agencyRepository.byId(tx, input.agencyId)
      : input.agencyCode
        ? await agencyRepository.byCode(tx, input.agencyCode)
        : undefined;
  if (a?.active !== 1 || a.kind === 'unit' || a.kind === 'region') {
    throw validationError([{ field: 'agencyCode', label: '受理机关', message: '机关不存在' }]);
  }
  if (a.acceptsApplications !== 1) throw new AppError('REQUEST_AGENCY_NOT_ACCEPTING');
  return { id: a.id, code: a.code };
}

type IntakeAgency = Pick<AgencyNode, 'id' | 'code'>;

function clean(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

async function insertApplication(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agency: IntakeAgency,
  input: SubmitInput,
  facts: {
    channel: Channel;
    submittedOn: string;
    signedForOn: string | null;
    status: Status;
    receivedOn: string | null;
  },
): Promise<Submitted> {
  const problems = applicantProblems(input.applicant);
  if (problems.length) throw validationError(problems);
  const year = Number(facts.submittedOn.slice(0, 4));
  const seq = await repo.nextSequence(tx, agency.id, year);
  const trackingCode = trackingCodeFrom(randomBytes(16));
  const a = input.applicant;
  const now = nowIso(deps);
  const app = await repo.insertApplicationWithItems(
    tx,
    deps.dialect,
    {
      agencyId: agency.id,
      registrationNo: formatRegistrationNo(agency.code, year, seq),
      trackingHash: hashCode(trackingCode),
      channel: facts.channel,
      status: facts.status,
      applicantKind: a.kind,
      orgType: a.kind === 'organization' ? (a.orgType ?? 'other') : null,
      applicantName: a.name.trim(),
      idType: a.kind === 'natural' ? (a.idType ?? null) : null,
      idNumber: clean(a.idNumber)?.toUpperCase() ?? null,
      creditCode: clean(a.creditCode)?.toUpperCase() ?? null,
      legalRepresentative: clean(a.legalRepresentative),
      contactPerson: clean(a.contactPerson),
      phone: a.phone.trim(),
      email: clean(a.email),
      address: clean(a.address),
      postalCode: clean(a.postalCode),
      provisionForm: input.provisionForm,
      deliveryMethod: input.deliveryMethod,
      purpose: clean(input.purpose),
      submittedOn: facts.submittedOn,
      submittedAt: now,
      signedForOn: facts.signedForOn,
      receivedOn: facts.receivedOn,
      clockStart: facts.receivedOn,
      extensionRequestedDays: null,
      extensionReason: null,
      pauseKind: null,
      pausedSince: null,
      delayedDueOn: null,
      unitId: null,
      handlerUserId: null,
      reportCategory: null,
      feeMethod: null,
      repliedOn: null,
      closedOn: null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    },
    input.items.map((i, n) => ({
      seq: n + 1,
      description: i.description.trim(),
      title: clean(i.title),
      docNo: clean(i.docNo),
    })),
  );
  await audit(deps, tx, ctx, app, 'request.submitted', null, {
    registrationNo: app.registrationNo,
    channel: app.channel,
    status: app.status,
    receivedOn: app.receivedOn,
    items: input.items.length,
  });
  return { app, trackingCode };
}

/** Online application (R.29; R.31(三): the clock starts when the office confirms receipt). */
export async function submitOnline(deps: Deps, tx: DbOrTx, ctx: Ctx, input: SubmitInput): Promise<Submitted> {
  const agency = await agencyForIntake(deps, tx, input);
  return insertApplication(deps, tx, { ...ctx, actor: null }, agency, input, {
    channel: 'online',
    submittedOn: today(deps),
    signedForOn: null,
    status: 'unconfirmed',
    receivedOn: null,
  });
}

/** Staff intake of an offline application; the date of receipt follows R.31 per channel. */
export async function registerOffline(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  input: IntakeInput,
): Promise<Submitted> {
  const agency = await agencyForIntake(deps, tx, input);
  if (!ctx.actor || !requestPolicy.canRegister(ctx.actor, await agencyDirectory(deps, tx), agency.id))
    throw new AppError('FORBIDDEN');
  assertDate('submittedOn', '申请提交日期', input.submittedOn);
  assertDate('signedForOn', '签收日期', input.signedForOn);
  assertDate('confirmedOn', '确认日期', input.confirmedOn);
  const t = today(deps);
  if (input.submittedOn > t) throw new AppError('REQUEST_RECEIPT_DATE_INVALID');
  const r = receiptDate(input.channel, input, t);
  if (!r.ok && (r.reason === 'in_future' || r.reason === 'before_submission'))
    throw new AppError('REQUEST_RECEIPT_DATE_INVALID');
  if (!r.ok && r.reason === 'needs_signed_for_date') throw new AppError('REQUEST_RECEIPT_DATE_REQUIRED');
  const receivedOn = r.ok ? r.receivedOn : null;
  const s = await insertApplication(deps, tx, ctx, agency, input, {
    channel: input.channel,
    submittedOn: input.submittedOn,
    signedForOn: input.signedForOn ?? null,
    status: receivedOn ? 'registered' : 'unconfirmed',
    receivedOn,
  });
  if (receivedOn) {
    const rules = await rulesForAgency(deps, tx, agency.id);
    await openReplyDeadline(deps, tx, ctx, s.app, receivedOn, rules.replyDays);
    await issueLetter(deps, tx, ctx, s.app.id, 'receipt', {}, true);
  }
  return s;
}

/** R.31(二)(三): the office confirms receipt; that day is the date of receipt. */
export async function confirmReceipt(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { confirmedOn: string },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  assertDate('confirmedOn', '确认收到日期', input.confirmedOn);
  const r = receiptDate(
    l.app.channel as Channel,
    { submittedOn: l.app.submittedOn, confirmedOn: input.confirmedOn, signedForOn: input.confirmedOn },
    today(deps),
  );
  if (!r.ok) throw new AppError('REQUEST_RECEIPT_DATE_INVALID');
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    'confirm_receipt',
    { receivedOn: r.receivedOn, clockStart: r.receivedOn },
    { receivedOn: r.receivedOn },
  );
  await openReplyDeadline(deps, tx, ctx, app, r.receivedOn, l.rules.replyDays);
  await issueLetter(deps, tx, ctx, id, 'receipt', {}, true);
  return app;
}

export async function acceptAndAssign(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { unitId?: number | null; handlerUserId?: number | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  const dir = await agencyDirectory(deps, tx);
  if (input.unitId != null) {
    const u = dir.get(input.unitId);
    if (u?.kind !== 'unit' || !dir.subtree(l.app.agencyId).includes(u.id))
      throw validationError([{ field: 'unitId', label: '承办科室', message: '不是本机关的内设机构' }]);
  }
  const set = {
    unitId: input.unitId === undefined ? l.app.unitId : input.unitId,
    handlerUserId: input.handlerUserId === undefined ? l.app.handlerUserId : input.handlerUserId,
  };
  if (l.app.status === 'registered') return transition(deps, tx, ctx, l.app, 'accept', set, set);
  if (['closed', 'withdrawn', 'lapsed', 'unconfirmed'].includes(l.app.status))
    throw new AppError('REQUEST_INVALID_TRANSITION');
  const after = await repo.update(tx, id, { ...set, updatedAt: nowIso(deps) });
  await audit(
    deps,
    tx,
    ctx,
    l.app,
    'request.assigned',
    { unitId: l.app.unitId, handlerUserId: l.app.handlerUserId },
    set,
  );
  return after;
}

// ------------------------------------------------------------------ the clock

/**
 * R.30: correction notice, once (一次性告知), with a reasonable deadline; the reply period restarts on
 * correction. A notice later than correctionNoticeDays after receipt is sent but flagged as late
 * (counted in the statistics; docs/rules.md §3.1).
 */
export async function requestCorrection(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { note: string; correctionDays: number; on?: string | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'handle');
  nextStatusOrThrow(l.app, 'request_correction');
  const earlier = (await repo.deadlines(tx, id)).filter((x) => x.kind === 'correction').length;
  if (!correctionNoticeAllowed(earlier)) throw new AppError('REQUEST_CORRECTION_ALREADY_NOTIFIED');
  const t = await stepDate(deps, tx, ctx, l.app, 'correction_notice', input.on, today(deps));
  const late = l.app.receivedOn ? correctionNoticeLate(l.cal, l.rules, l.app.receivedOn, t) : false;
  const d = await replyDeadline(tx, id);
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    'request_correction',
    {},
    { note: input.note, noticeOn: t, lateNotice: late },
  );
  if (d) await repo.setDeadline(tx, d.id, { state: 'superseded' }, nowIso(deps));
  const cd = await openDeadline(deps, tx, ctx, app, 'correction', t, input.correctionDays);
  await issueLetter(
    deps,
    tx,
    ctx,
    id,
    'correction',
    { note: input.note, correctionDueOn: cd.dueDate },
    true,
    t,
  );
  return app;
}

export async function receiveCorrection(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { receivedOn: string },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'handle');
  assertDate('receivedOn', '收到补正日期', input.receivedOn);
  const notice = await repo.liveDeadline(tx, id, 'correction');
  const problem = correctionReceiptProblem(notice?.startDate ?? null, input.receivedOn, today(deps));
  if (problem === 'in_future') throw new AppError('REQUEST_RECEIPT_DATE_INVALID');
  // R.30: the corrected application answers the notice; it cannot have been received before it
  if (problem === 'before_notice')
    throw new AppError('REQUEST_CORRECTION_BEFORE_NOTICE', {
      message: `收到补正日期（${input.receivedOn}）不能早于补正告知日期（${notice!.startDate}）（条例第三十条）`,
      fields: [{ field: 'receivedOn', label: '收到补正日期', message: `不能早于 ${notice!.startDate}` }],
    });
  await repo.closeLiveDeadlines(tx, id, 'met', nowIso(deps), ['correction']);
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    'receive_correction',
    { clockStart: input.receivedOn, pausedDays: 0, extensionDays: 0, delayedDueOn: null },
    { clockStart: input.receivedOn },
  );
  await openReplyDeadline(deps, tx, ctx, app, input.receivedOn, l.rules.replyDays);
  return app;
}

async function lapse(deps: Deps, tx: DbOrTx, ctx: Ctx, l: Loaded, action: 'lapse_correction' | 'lapse_fee') {
  const kind = action === 'lapse_correction' ? 'correction' : 'fee';
  const d = await repo.liveDeadline(tx, l.app.id, kind);
  if (!d || today(deps) <= d.dueDate)
    throw new AppError('REQUEST_INVALID_TRANSITION', { message: '期限尚未届满，不能按逾期处理' });
  const code: DispositionCode = action === 'lapse_correction' ? 'other_no_correction' : 'other_fee_unpaid';
  for (const i of await repo.items(tx, l.app.id))
    await repo.updateItem(tx, i.id, {
      disposition: code,
      legalBasis: dispositionDef(code).basis,
      decidedAt: nowIso(deps),
      decidedBy: ctx.actor?.userId ?? null,
    });
  await repo.closeLiveDeadlines(tx, l.app.id, 'lapsed', nowIso(deps));
  return transition(
    deps,
    tx,
    ctx,
    l.app,
    action,
    { reportCategory: code, closedOn: today(deps), pauseKind: null, pausedSince: null },
    { reportCategory: code },
  );
}

/** R.30: no correction by its deadline → deemed abandoned (Table 三 （六）1). */
export async function lapseCorrection(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const l = await load(deps, tx, id);
  if (ctx.actor) await authorize(deps, tx, ctx, l.app, 'manage');
  return lapse(deps, tx, ctx, l, 'lapse_correction');
}

/** 109号: unpaid within feePaymentDays → not processed further (Table 三 （六）2). */
export async function lapseFee(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const l = await load(deps, tx, id);
  if (ctx.actor) await authorize(deps, tx, ctx, l.app, 'manage');
  return lapse(deps, tx, ctx, l, 'lapse_fee');
}

/** R.33 ¶2: the handler asks; the head of the disclosure office approves (approveExtension). */
export async function requestExtension(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { days: number; reason: string },
) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'handle');
  if (!['registered', 'in_progress', 'awaiting_approval'].includes(l.app.status))
    throw new AppError('REQUEST_INVALID_TRANSITION');
  assertExtensionWhileRunning(await replyDeadline(tx, id), today(deps));
  if (!extensionAllowed(l.rules, { ...emptyClock(l.app) }, input.days))
    throw new AppError('REQUEST_EXTENSION_TOO_LONG');
  const app = await repo.update(tx, id, {
    extensionRequestedDays: input.days,
    extensionReason: input.reason,
    updatedAt: nowIso(deps),
  });
  await repo.insertApproval(tx, {
    applicationId: id,
    subject: 'extension',
    step: 0,
    role: 'requester',
    decision: 'requested',
    comment: input.reason,
    userId: actor.userId,
    createdAt: nowIso(deps),
  });
  await audit(deps, tx, ctx, l.app, 'request.extension_requested', null, {
    days: input.days,
    reason: input.reason,
  });
  return app;
}

/** R.33 ¶2: an extension only while the reply period runs and before it expires (docs/rules.md §3.2). */
function assertExtensionWhileRunning(d: DeadlineRow | undefined, on: string): void {
  const problem = extensionProblem(d, on);
  if (problem === 'not_running') throw new AppError('REQUEST_EXTENSION_NOT_RUNNING');
  if (problem === 'expired')
    throw new AppError('REQUEST_EXTENSION_AFTER_EXPIRY', {
      message: `答复期限已于 ${d!.dueDate} 届满，${on} 不能再延长：延长答复期限须在答复期限内决定并告知申请人（条例第三十三条第二款）`,
    });
}

/** Refuses an action the transition table does not allow, before any other check runs. */
function nextStatusOrThrow(app: ApplicationRow, action: Action): void {
  if (!nextStatus(app.status as Status, action))
    throw new AppError('REQUEST_INVALID_TRANSITION', { detail: { status: app.status, action } });
}

function emptyClock(app: ApplicationRow) {
  return {
    clockStart: app.clockStart,
    extensionDays: app.extensionDays,
    pausedDays: app.pausedDays,
    pause: null,
    delayedDueOn: app.delayedDueOn,
  };
}

export async function decideExtension(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { approve: boolean; comment?: string | null; on?: string | null },
) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'approve_extension');
  const days = l.app.extensionRequestedDays;
  if (!days) throw new AppError('REQUEST_EXTENSION_NOT_REQUESTED');
  const decidedOn = input.approve
    ? await stepDate(deps, tx, ctx, l.app, 'extension_decision', input.on, today(deps))
    : today(deps);
  const requests = (await repo.approvals(tx, id)).filter(
    (a) => a.subject === 'extension' && a.decision === 'requested',
  );
  if (requests.at(-1)?.userId === actor.userId)
    throw new AppError('FORBIDDEN', {
      message: '延期须由政府信息公开工作机构负责人审批，申请人不能自行批准',
    });
  await repo.insertApproval(tx, {
    applicationId: id,
    subject: 'extension',
    step: 1,
    role: 'disclosure_office',
    decision: input.approve ? 'approved' : 'rejected',
    comment: input.comment ?? null,
    userId: actor.userId,
    createdAt: nowIso(deps),
  });
  if (!input.approve) {
    const app = await repo.update(tx, id, { extensionRequestedDays: null, updatedAt: nowIso(deps) });
    await audit(
      deps,
      tx,
      ctx,
      l.app,
      'request.extension_rejected',
      { days },
      { comment: input.comment ?? null },
    );
    return app;
  }
  if (!extensionAllowed(l.rules, emptyClock(l.app), days)) throw new AppError('REQUEST_EXTENSION_TOO_LONG');
  const d = await replyDeadline(tx, id);
  // R.33 ¶2: an expired period is not revived by moving its due date (which would also clear the overdue flag)
  assertExtensionWhileRunning(d, decidedOn);
  let dueOn: string | null = null;
  if (d) {
    dueOn = l.cal.addWorkingDays(d.startDate, d.workingDays + days);
    await repo.setDeadline(tx, d.id, { workingDays: d.workingDays + days, dueDate: dueOn }, nowIso(deps));
  }
  const app = await repo.update(tx, id, {
    extensionDays: l.app.extensionDays + days,
    extensionRequestedDays: null,
    updatedAt: nowIso(deps),
  });
  await audit(
    deps,
    tx,
    ctx,
    l.app,
    'request.extended',
    { dueDate: d?.dueDate ?? null },
    { days, dueDate: dueOn, approvedBy: actor.userId, decidedOn },
  );
  // R.33 ¶2: the applicant is told, with the new date
  await issueLetter(
    deps,
    tx,
    ctx,
    id,
    'extension',
    { reason: l.app.extensionReason, extensionDays: days, dueOn },
    true,
    decidedOn,
  );
  return app;
}

/** R.32 / R.34 consultation: the reply clock stops (R.33 ¶3); the party has 15 working days. */
export async function startConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { kind: 'third_party' | 'inter_agency'; party: string; note?: string | null; on?: string | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'handle');
  nextStatusOrThrow(l.app, input.kind === 'third_party' ? 'consult_third_party' : 'consult_agency');
  const t = await stepDate(deps, tx, ctx, l.app, 'consultation_start', input.on, today(deps));
  const pause = await pauseClock(deps, tx, l.app, input.kind, t);
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    input.kind === 'third_party' ? 'consult_third_party' : 'consult_agency',
    pause,
    { party: input.party },
  );
  await repo.insertConsultation(tx, {
    applicationId: id,
    kind: input.kind,
    party: input.party,
    sentOn: t,
    note: input.note ?? null,
    createdAt: nowIso(deps),
  });
  const d = await openDeadline(
    deps,
    tx,
    ctx,
    app,
    input.kind,
    t,
    input.kind === 'third_party' ? l.rules.thirdPartyDays : l.rules.interAgencyDays,
  );
  if (input.kind === 'third_party')
    await issueLetter(
      deps,
      tx,
      ctx,
      id,
      'third_party_consultation',
      { party: input.party, consultationDueOn: d.dueDate },
      false,
      t,
    );
  return app;
}

export async function endConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { opinion: 'agree' | 'object' | 'none'; note?: string | null; on?: string | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'handle');
  nextStatusOrThrow(l.app, 'end_consultation');
  const t = await stepDate(deps, tx, ctx, l.app, 'consultation_end', input.on, today(deps));
  const c = await repo.openConsultation(tx, id);
  if (c) await repo.answerConsultation(tx, c.id, t, input.opinion, input.note ?? null);
  await repo.closeLiveDeadlines(tx, id, 'met', nowIso(deps), ['third_party', 'inter_agency']);
  const r = await resumeClock(deps, tx, ctx, l, t);
  return transition(deps, tx, ctx, l.app, 'end_consultation', r.set, {
    opinion: input.opinion,
    pausedWorkingDays: r.days,
    dueOn: r.dueOn,
  });
}

/** 109号: fee notice; payment within feePaymentDays; the period does not count when the rules say so. */
export async function noticeFee(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { method: FeeMethod; units: number; on?: string | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  if (methodConflict(l.app.feeMethod as FeeMethod | null, input.method))
    throw new AppError('REQUEST_FEE_METHOD_CONFLICT');
  nextStatusOrThrow(l.app, 'notice_fee');
  const t = await stepDate(deps, tx, ctx, l.app, 'fee_notice', input.on, today(deps));
  const prior =
    input.method === 'per_piece'
      ? await repo.piecesThisMonth(tx, l.app.agencyId, l.app.applicantName, t.slice(0, 7), id)
      : 0;
  const a =
    input.method === 'per_piece'
      ? perPieceFee(l.rules, prior, input.units)
      : perVolumeFee(l.rules, input.units);
  await repo.insertFee(tx, {
    applicationId: id,
    method: input.method,
    units: input.units,
    priorUnits: prior,
    amount: a.amount,
    linesJson: JSON.stringify(a.lines),
    noticeOn: t,
    createdAt: nowIso(deps),
  });
  const pause = l.rules.feePaymentPausesClock ? await pauseClock(deps, tx, l.app, 'fee', t) : {};
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    'notice_fee',
    { ...pause, feeMethod: input.method },
    { method: input.method, units: input.units, amount: a.amount },
  );
  const d = await openDeadline(deps, tx, ctx, app, 'fee', t, l.rules.feePaymentDays);
  const { describeLines, FEE_METHOD_LABELS } = await import('./fees.ts');
  await issueLetter(
    deps,
    tx,
    ctx,
    id,
    'fee_notice',
    {
      feeMethod: FEE_METHOD_LABELS[input.method],
      feeLines: describeLines(a).join('；'),
      feeAmount: a.amount,
      feeDueOn: d.dueDate,
    },
    true,
    t,
  );
  return app;
}

export async function settleFee(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { paidOn?: string | null; receiptNo?: string | null; waiverReason?: string | null },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  const fee = (await repo.fees(tx, id)).at(-1);
  if (!fee) throw new AppError('REQUEST_INVALID_TRANSITION');
  const waived = !!input.waiverReason?.trim();
  if (!waived && !input.paidOn)
    throw validationError([
      { field: 'paidOn', label: '缴费日期', message: '请填写缴费日期，或填写减免理由' },
    ]);
  assertDate('paidOn', '缴费日期', input.paidOn);
  await repo.settleFee(
    tx,
    fee.id,
    waived
      ? { waived: 1, waiverReason: input.waiverReason!.trim() }
      : { paidOn: input.paidOn!, receiptNo: input.receiptNo ?? null },
  );
  await repo.closeLiveDeadlines(tx, id, 'met', nowIso(deps), ['fee']);
  const r = await resumeClock(deps, tx, ctx, l);
  return transition(deps, tx, ctx, l.app, 'settle_fee', r.set, { waived, pausedWorkingDays: r.days });
}

/** Suspension for force majeure or another legal cause (《县局政务公开制度汇编》 art.10); the applicant is told. */
export async function suspend(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: { reason: string }) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  const pause = await pauseClock(deps, tx, l.app, 'suspension');
  return transition(deps, tx, ctx, l.app, 'suspend', pause, { reason: input.reason });
}

export async function resume(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  const r = await resumeClock(deps, tx, ctx, l);
  return transition(deps, tx, ctx, l.app, 'resume', r.set, { pausedWorkingDays: r.days, dueOn: r.dueOn });
}

/** R.35: a reasonable later date for an excessive request, told to the applicant. */
export async function delayExcessive(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { dueOn: string; reason: string },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  assertDate('dueOn', '延后答复日期', input.dueOn);
  const d = await replyDeadline(tx, id);
  if (d?.state !== 'open' || input.dueOn <= d.dueDate)
    throw validationError([{ field: 'dueOn', label: '延后答复日期', message: '须晚于当前的答复期限' }]);
  await repo.setDeadline(tx, d.id, { state: 'superseded' }, nowIso(deps));
  const app = await repo.update(tx, id, { delayedDueOn: input.dueOn, updatedAt: nowIso(deps) });
  await openReplyDeadline(deps, tx, ctx, app, input.dueOn, 0);
  await audit(
    deps,
    tx,
    ctx,
    l.app,
    'request.delayed_r35',
    { dueDate: d.dueDate },
    { dueDate: input.dueOn, reason: input.reason },
  );
  return app;
}

export async function withdraw(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: { reason: string }) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  await repo.closeLiveDeadlines(tx, id, 'cancelled', nowIso(deps));
  return transition(
    deps,
    tx,
    ctx,
    l.app,
    'withdraw',
    { closedOn: today(deps), pauseKind: null, pausedSince: null },
    { reason: input.reason },
  );
}

// ------------------------------------------------------------------ dispositions and approval

export async function decideItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  itemId: number,
  input: ItemDecision,
) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'handle');
  if (!['registered', 'in_progress'].includes(l.app.status)) throw new AppError('REQUEST_INVALID_TRANSITION');
  const item = (await repo.items(tx, id)).find((i) => i.id === itemId);
  if (!item) throw new AppError('REQUEST_NOT_FOUND');
  const problems = decisionProblems(input);
  if (problems.length)
    throw validationError(
      problems.map((p) => ({ field: p.field, label: DECISION_LABELS[p.field], message: p.message })),
    );
  const after = await repo.updateItem(tx, itemId, {
    disposition: input.code,
    legalBasis: clean(input.legalBasis) ?? dispositionDef(input.code).basis,
    reasons: clean(input.reasons),
    withheld: clean(input.withheld),
    holdingAgency: clean(input.holdingAgency),
    holdingContact: clean(input.holdingContact),
    howToObtain: clean(input.howToObtain),
    decidedAt: nowIso(deps),
    decidedBy: actor.userId,
  });
  await audit(
    deps,
    tx,
    ctx,
    l.app,
    'request.item_decided',
    { itemId, disposition: item.disposition },
    { itemId, disposition: input.code },
  );
  return after;
}

export const DECISION_LABELS: Record<keyof ItemDecision, string> = {
  code: '处理结果',
  legalBasis: '法律依据',
  reasons: '理由',
  withheld: '不予公开的内容',
  holdingAgency: '掌握信息的机关',
  holdingContact: '联系方式',
  howToObtain: '获取方式、途径和时间',
};

export async function approvalChain(_deps: Deps, tx: DbOrTx, app: ApplicationRow): Promise<Role[]> {
  const s = await repo.settings(tx, app.agencyId);
  let chain: Role[] = DEFAULT_APPROVAL_CHAIN;
  if (s) {
    try {
      const parsed = JSON.parse(s.approvalChainJson) as unknown;
      if (Array.isArray(parsed) && parsed.every((r) => typeof r === 'string' && isRole(r)))
        chain = parsed as Role[];
    } catch {
      /* keep the default */
    }
  }
  // no unit assigned → no unit head to approve
  return chain.filter((r) => r !== 'unit_head' || app.unitId !== null);
}

/** Approvals of the current round: the rows after the last submission. */
async function currentRound(tx: DbOrTx, id: number) {
  const rows = (await repo.approvals(tx, id)).filter((a) => a.subject === 'reply');
  const last = rows.map((r) => r.decision).lastIndexOf('submitted');
  return rows.slice(last + 1).filter((r) => r.decision === 'approved');
}

/** Who submitted the current round (the reply's drafter) and who approved its steps so far. */
export async function roundParticipants(tx: DbOrTx, id: number) {
  const rows = (await repo.approvals(tx, id)).filter((a) => a.subject === 'reply');
  const last = rows.map((r) => r.decision).lastIndexOf('submitted');
  return {
    submittedBy: last >= 0 ? rows[last]!.userId : null,
    approvedBy: rows
      .slice(last + 1)
      .filter((r) => r.decision === 'approved')
      .map((r) => r.userId),
  };
}

export async function submitForApproval(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'handle');
  const items = await repo.items(tx, id);
  if (items.some((i) => !i.disposition)) throw new AppError('REQUEST_ITEMS_UNDECIDED');
  await repo.insertApproval(tx, {
    applicationId: id,
    subject: 'reply',
    step: 0,
    role: 'handler',
    decision: 'submitted',
    comment: null,
    userId: actor.userId,
    createdAt: nowIso(deps),
  });
  return transition(deps, tx, ctx, l.app, 'submit_for_approval', {}, {});
}

export async function approve(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { approve: boolean; comment?: string | null },
) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'read');
  if (l.app.status !== 'awaiting_approval') throw new AppError('REQUEST_INVALID_TRANSITION');
  const chain = await approvalChain(deps, tx, l.app);
  const done = await currentRound(tx, id);
  const step = done.length;
  const role = chain[step];
  if (!role) throw new AppError('REQUEST_INVALID_TRANSITION', { message: '审批已全部完成，可以发出答复' });
  if (!requestPolicy.canApproveStep(actor, await agencyDirectory(deps, tx), l.app, role))
    throw new AppError('REQUEST_APPROVAL_NOT_YOUR_STEP');
  if (!requestPolicy.canFillApprovalStep(actor.userId, await roundParticipants(tx, id)))
    throw new AppError('SEPARATION_OF_DUTIES');
  await repo.insertApproval(tx, {
    applicationId: id,
    subject: 'reply',
    step: step + 1,
    role,
    decision: input.approve ? 'approved' : 'rejected',
    comment: input.comment ?? null,
    userId: actor.userId,
    createdAt: nowIso(deps),
  });
  if (!input.approve)
    return transition(
      deps,
      tx,
      ctx,
      l.app,
      'reject_approval',
      {},
      { step: step + 1, role, comment: input.comment ?? null },
    );
  await audit(deps, tx, ctx, l.app, 'request.approved', null, {
    step: step + 1,
    role,
    comment: input.comment ?? null,
  });
  return l.app;
}

/**
 * Sends the reply letter once every approval step is done; the reply period is met. The reply is the
 * act that decides the application (R.33): its date (today, or the real date a paper reply was served)
 * puts the application in that year's annual report (docs/rules.md §1).
 */
export async function sendReply(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { on?: string | null } = {},
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  if (l.app.status !== 'awaiting_approval') throw new AppError('REQUEST_INVALID_TRANSITION');
  const chain = await approvalChain(deps, tx, l.app);
  if ((await currentRound(tx, id)).length < chain.length) throw new AppError('REQUEST_APPROVAL_INCOMPLETE');
  const items = await repo.items(tx, id);
  // R.32: disclosing over a third party's objection needs the written notice to it first
  const owed = noticesOwed(
    await repo.consultations(tx, id),
    items.map((i) => i.disposition),
    (await repo.letters(tx, id)).map((r) => ({
      kind: r.kind,
      addressee: letterContent(r.contentJson).addressee ?? null,
    })),
  );
  if (owed.length)
    throw new AppError('REQUEST_THIRD_PARTY_NOTICE_MISSING', {
      detail: { parties: owed.map((c) => c.party) },
    });
  const category = reportCategory(items.map((i) => ({ code: i.disposition as DispositionCode })));
  const servedOn = await stepDate(deps, tx, ctx, l.app, 'reply_served', input.on, today(deps));
  const letter = await issueLetter(deps, tx, ctx, id, 'reply', {}, true, servedOn);
  await repo.closeLiveDeadlines(tx, id, 'met', nowIso(deps));
  const app = await transition(
    deps,
    tx,
    ctx,
    l.app,
    'send_reply',
    { repliedOn: servedOn, reportCategory: category },
    { reportCategory: category, letterId: letter.id, repliedOn: servedOn },
  );
  await (await import('./service-email.ts')).serveReplyByEmail(deps, tx, ctx, app);
  return app;
}

// ------------------------------------------------------------------ reconsideration and litigation (Table 四)

export const APPEAL_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export const APPEAL_OUTCOMES = ['pending', 'upheld', 'corrected', 'other'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/**
 * Records a 行政复议 or 行政诉讼 against the reply (R.51); they feed annual-report Table 四. A 纠正
 * (corrected) outcome reopens the application so it is handled again.
 */
export async function recordAppeal(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: {
    kind: AppealKind;
    filedOn: string;
    outcome: AppealOutcome;
    decidedOn?: string | null;
    note?: string | null;
  },
) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  if (!['replied', 'closed', 'in_progress'].includes(l.app.status) || !l.app.repliedOn)
    throw new AppError('REQUEST_INVALID_TRANSITION');
  const todayStr = today(deps);
  if (input.filedOn > todayStr || (input.decidedOn && input.decidedOn > todayStr))
    throw new AppError('REQUEST_APPEAL_DATE_IN_FUTURE');
  if (input.outcome !== 'pending' && !input.decidedOn) {
    throw new AppError('VALIDATION_FAILED', {
      message: '请填写决定或判决日期',
      fields: [{ field: 'decidedOn', label: '决定或判决日期', message: '已有结果时必须填写' }],
    });
  }
  const now = nowIso(deps);
  const row = await repo.insertAppeal(tx, {
    applicationId: id,
    kind: input.kind,
    filedOn: input.filedOn,
    outcome: input.outcome,
    decidedOn: input.outcome === 'pending' ? null : (input.decidedOn ?? null),
    note: input.note ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: l.app.agencyId,
    entityType: SUBJECT,
    entityId: id,
    action: 'request.appeal_recorded',
    after: row,
    ip: ctx.ip ?? null,
  });
  if (input.outcome === 'corrected' && (l.app.status === 'replied' || l.app.status === 'closed')) {
    await transition(deps, tx, ctx, l.app, 'reopen', {}, { appealId: row.id });
  }
  return row;
}

export async function closeCase(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const l = await load(deps, tx, id);
  await authorize(deps, tx, ctx, l.app, 'manage');
  return transition(deps, tx, ctx, l.app, 'close', { closedOn: today(deps) });
}

// ------------------------------------------------------------------ letters

/** The agency's edited template of a kind (request_settings.templates_json), else the default. */
export async function templateFor(tx: DbOrTx, agencyId: number, kind: LetterKind): Promise<LetterTemplate> {
  const s = await repo.settings(tx, agencyId);
  return parseTemplates(s?.templatesJson)[kind] ?? DEFAULT_TEMPLATES[kind];
}

async function letterFacts(
  deps: Deps,
  tx: DbOrTx,
  l: Pick<Loaded, 'app' | 'agency' | 'rules'>,
  vars: Record<string, string | number | null | undefined>,
  issuedOn: string = today(deps),
) {
  const dir = await agencyDirectory(deps, tx);
  const parent = l.agency.parentId ? dir.get(l.agency.parentId) : undefined;
  const d = await replyDeadline(tx, l.app.id);
  const items = await repo.items(tx, l.app.id);
  return {
    agencyName: l.agency.name,
    reconsiderationBody: l.agency.kind === 'department' && parent?.kind === 'government' ? parent.name : null,
    registrationNo: l.app.registrationNo,
    applicant: l.app.applicantName,
    applicantAddress: servedAddress(l.app),
    requested: items.map((i) => ({ seq: i.seq, description: i.description, title: i.title, docNo: i.docNo })),
    issuedOn,
    reconsiderationDays: l.rules.reconsiderationDays,
    litigationMonths: l.rules.litigationMonths,
    vars: { receivedOn: l.app.receivedOn, dueOn: d?.dueDate ?? null, ...vars },
    items: items
      .filter((i) => i.disposition)
      .map((i: ItemRow) => ({
        seq: i.seq,
        description: i.description,
        title: i.title,
        docNo: i.docNo,
        disposition: i.disposition as DispositionCode,
        legalBasis: i.legalBasis,
        reasons: i.reasons,
        withheld: i.withheld,
        holdingAgency: i.holdingAgency,
        holdingContact: i.holdingContact,
        howToObtain: i.howToObtain,
      })),
  };
}

/** Builds a letter from the agency's template and stores it; `sent` marks it as delivered to the applicant. */
/**
 * The reply letter as it would be sent now, from the current decisions — for the handler and the
 * approvers to read before it leaves (nothing is stored; sending issues the real one).
 */
export async function draftReply(deps: Deps, db: DbOrTx, l: Loaded) {
  const items = await repo.items(db, l.app.id);
  if (items.length === 0 || items.some((i) => !i.disposition)) throw new AppError('REQUEST_ITEMS_UNDECIDED');
  return buildLetter(
    'reply',
    await templateFor(db, l.app.agencyId, 'reply'),
    await letterFacts(deps, db, l, {}),
  );
}

export async function issueLetter(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  kind: LetterKind,
  vars: Record<string, string | number | null | undefined>,
  sent: boolean,
  /** the letter's date: a paper step recorded afterwards keeps its real date (paper-steps.ts) */
  issuedOn?: string,
) {
  const l = await load(deps, tx, id);
  const content = buildLetter(
    kind,
    await templateFor(tx, l.app.agencyId, kind),
    await letterFacts(deps, tx, l, vars, issuedOn ?? today(deps)),
  );
  const row = await repo.insertLetter(tx, {
    applicationId: id,
    kind,
    title: content.title,
    contentJson: JSON.stringify(content),
    issuedOn: content.issuedOn,
    sentAt: sent ? nowIso(deps) : null,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: nowIso(deps),
  });
  await audit(deps, tx, ctx, l.app, 'request.letter_issued', null, { letterId: row.id, kind, sent });
  if (sent) await (await import('./applicant-notice.service.ts')).noticeApplicant(deps, tx, l.app, row);
  return row;
}

/** Scans of offline applications, identity proofs, and the information provided to the applicant. */
export async function attachFile(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { kind: 'provided' | 'scan' | 'identity_proof'; filename: string; data: Buffer },
) {
  const l = await load(deps, tx, id);
  const actor = await authorize(deps, tx, ctx, l.app, 'handle');
  const { sniffUpload } = await import('./attachments.ts');
  const mime = sniffUpload(input.data);
  if (!mime || input.data.length === 0 || input.data.length > 20 * 1024 * 1024)
    throw new AppError('REQUEST_FILE_REJECTED');
  const row = await repo.insertFile(tx, {
    applicationId: id,
    kind: input.kind,
    filename: safeFilename(input.filename),
    mime,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    contentB64: input.data.toString('base64'),
    createdBy: actor.userId,
    createdAt: nowIso(deps),
  });
  await audit(deps, tx, ctx, l.app, 'request.file_attached', null, {
    fileId: row.id,
    kind: input.kind,
    // the audit log is browsed by supervisors too (audit.policy.ts): the name as the masked view shows it
    filename: maskFileName(row.filename, l.app),
    size: row.size,
  });
  return row;
}

/** Path separators and control characters never reach a stored file name. */
function safeFilename(name: string): string {
  return [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('')
    .slice(0, 200);
}

export function letterContent(contentJson: string): LetterContent {
  return JSON.parse(contentJson) as LetterContent;
}

// ------------------------------------------------------------------ public tracking

export interface Tracked {
  app: ApplicationRow;
  agency: AgencyNode;
  dueOn: string | null;
  /** why no due date can be given (docs/rules.md §3.4), e.g. next year's holidays not yet published */
  dueNote: string | null;
}

/** Shown instead of a due date that falls in a year without calendar data (never a 4xx/5xx to the applicant). */
export const DUE_PENDING_CALENDAR = '答复期限待定：下一年度节假日安排尚未公布';

/**
 * Finds an application by registration number and tracking code. A wrong code and an unknown number
 * give the same answer (null) and take the same path (a hash comparison is always made).
 */
export async function findTracked(
  deps: Deps,
  registrationNo: string,
  trackingCode: string,
): Promise<Tracked | null> {
  const app = await repo.byRegistrationNo(deps.db, normaliseRegistrationNo(registrationNo));
  const expected = app?.trackingHash ?? 'x'.repeat(64);
  const given = hashCode(trackingCode);
  const { timingSafeEqual } = await import('node:crypto');
  const match = timingSafeEqual(Buffer.from(expected.padEnd(64, 'x')), Buffer.from(given.padEnd(64, 'x')));
  if (!app || !match) return null;
  const agency = (await agencyDirectory(deps)).get(app.agencyId)!;
  const d = await replyDeadline(deps.db, app.id);
  let dueOn = d?.dueDate ?? null;
  let dueNote: string | null = null;
  if (d && d.state === 'paused' && app.pausedSince) {
    // the projected date of a paused clock can fall in a year whose holidays are not yet published
    // (near year end): the page degrades to a note instead of failing with CALENDAR_YEAR_MISSING
    try {
      const cal = await calendarFor(deps, app.agencyId);
      dueOn = cal.addWorkingDays(d.dueDate, pausedWorkingDays(cal, app.pausedSince, today(deps)));
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
      dueOn = null;
      dueNote = DUE_PENDING_CALENDAR;
    }
  }
  return { app, agency, dueOn, dueNote };
}

/**
 * Letters sent to the applicant. `content` is the letter as served (full name and address, what the
 * applicant downloads); `text` is masked, because the tracking page is reachable without login.
 */
export async function sentLettersForPublic(deps: Deps, app: ApplicationRow) {
  const rows = await repo.letters(deps.db, app.id);
  return rows
    .filter((r) => r.sentAt && r.kind !== 'third_party_consultation' && r.kind !== 'third_party_disclosure')
    .map((r) => {
      const served = letterContent(r.contentJson);
      const masked = maskLetter(
        served,
        maskName(app.applicantName),
        maskAddress(served.applicantAddress ?? null),
      );
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        issuedOn: r.issuedOn,
        content: served,
        text: letterText(masked),
      };
    });
}

/**
 * The information provided to the applicant, once the reply that provides it has been sent (R.36:
 * the reply is the decision; before it is approved and sent nothing leaves). A file counts when it
 * was uploaded no later than a sent reply letter, so after a reopened case (appeal 纠正) the files of
 * the new reply wait for that reply.
 */
export async function providedFilesForPublic(deps: Deps, app: ApplicationRow) {
  const replies = (await repo.letters(deps.db, app.id)).filter((r) => r.kind === 'reply' && r.sentAt);
  const lastSent = replies
    .map((r) => r.sentAt!)
    .sort()
    .at(-1);
  if (!lastSent) return [];
  return (await repo.files(deps.db, app.id)).filter((f) => f.kind === 'provided' && f.createdAt <= lastSent);
}

/**
 * The 登记回执 as the applicant downloads it: who asked, what was asked, the agency and the tracking
 * code the applicant just gave (never stored in clear). The receipt sent on confirmation when it has
 * the applicant's address (letters stored before that carry only the name), else built now.
 */
export async function receiptForApplicant(
  deps: Deps,
  t: Tracked,
  trackingCode: string,
): Promise<LetterContent> {
  const sent = (await sentLettersForPublic(deps, t.app)).find((l) => l.kind === 'receipt');
  const content =
    sent && sent.content.applicantAddress !== undefined
      ? sent.content
      : buildLetter(
          'receipt',
          await templateFor(deps.db, t.app.agencyId, 'receipt'),
          await letterFacts(
            deps,
            deps.db,
            { app: t.app, agency: t.agency, rules: await rulesForAgency(deps, deps.db, t.app.agencyId) },
            { receivedOn: t.app.receivedOn ?? '待工作机构确认', dueOn: t.dueOn },
          ),
        );
  return {
    ...content,
    paragraphs: [...content.paragraphs, `查询码：${normaliseTrackingCode(trackingCode)}`],
  };
}

export { audit as auditCase, authorize as authorizeCase, load as loadCase, transition as transitionCase };
