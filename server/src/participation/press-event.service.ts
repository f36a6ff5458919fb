/**
 * Use cases of press conferences and online interviews (新闻发布会 / 在线访谈): plan, announce, hold
 * and cancel an event, take the public's questions beforehand and moderate them, publish the transcript
 * or summary, and count the year's events against the target of the rule profile. The caller opens
 * the transaction; every state change writes its audit event in it.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { PUBLIC_ACTOR, recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError, type FieldProblem, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import {
  acceptsQuestions,
  isHttpUrl,
  isValidTime,
  nextPressStatus,
  type PressEventAction,
  type PressEventKind,
  type PressEventStatus,
  pressEventEditable,
  pressEventPublic,
  type Speaker,
  type YearTarget,
  yearTarget,
} from './press-event.ts';
import { pressEventPolicy } from './press-event.policy.ts';
import { pressEventRepository as repo } from './press-event.repository.ts';
import type { PressEventRow, PressQuestionRow } from './press-event.table.ts';

export interface StaffCtx {
  actor: StaffActor;
  ip?: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  topic: '主题',
  eventDate: '举办日期',
  startTime: '开始时间',
  place: '地点',
  onlineUrl: '在线访谈链接',
  speakers: '发布人',
  summaryText: '实录或摘要',
  reason: '理由',
  body: '问题内容',
  name: '姓名',
  contact: '联系方式',
};

const problem = (field: string, message: string): FieldProblem => ({
  field,
  label: FIELD_LABELS[field] ?? field,
  message,
});

const today = (deps: Deps) => chinaDate(deps.clock.now());

export interface PressEventInput {
  kind: PressEventKind;
  topic: string;
  description?: string | undefined;
  eventDate: string;
  startTime: string;
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
  speakers: Speaker[];
}

function columnsOf(input: PressEventInput) {
  const problems: FieldProblem[] = [];
  if (!input.topic.trim()) problems.push(problem('topic', '不能为空'));
  if (!isValidIsoDate(input.eventDate)) problems.push(problem('eventDate', '不是有效的日期'));
  if (!isValidTime(input.startTime)) problems.push(problem('startTime', '不是有效的时间（时:分）'));
  const place = input.place?.trim() || null;
  const onlineUrl = input.onlineUrl?.trim() || null;
  if (!place && !onlineUrl) problems.push(problem('place', '请填写地点或在线访谈链接'));
  if (onlineUrl && !isHttpUrl(onlineUrl))
    problems.push(problem('onlineUrl', '不是有效的网址（http 或 https）'));
  const speakers = input.speakers
    .map((s) => ({ name: s.name.trim(), title: s.title.trim() }))
    .filter((s) => s.name || s.title);
  if (speakers.length === 0) problems.push(problem('speakers', '至少填写一位发布人'));
  if (speakers.some((s) => !s.name || !s.title))
    problems.push(problem('speakers', '每位发布人须填写姓名和职务'));
  if (problems.length > 0) throw validationError(problems);
  return {
    kind: input.kind,
    topic: input.topic.trim(),
    description: (input.description ?? '').trim(),
    eventDate: input.eventDate,
    startTime: input.startTime,
    place,
    onlineUrl,
    speakersJson: JSON.stringify(speakers),
  };
}

async function manageable(deps: Deps, db: DbOrTx, actor: StaffActor, id: number): Promise<PressEventRow> {
  const e = await repo.byId(db, id);
  const dir = await agencyDirectory(deps, db);
  if (!e || !pressEventPolicy.canRead(actor, dir, e.agencyId)) throw new AppError('PRESS_EVENT_NOT_FOUND');
  if (!pressEventPolicy.canManage(actor, dir, e.agencyId)) throw new AppError('FORBIDDEN');
  return e;
}

async function audit(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  e: { id: number; agencyId: number },
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
) {
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: e.agencyId,
    entityType: 'press_event',
    entityId: e.id,
    action: `press_event.${action}`,
    ...(before ? { before } : {}),
    after,
    ip: ctx.ip ?? null,
  });
}

export async function createPressEvent(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  agencyId: number,
  input: PressEventInput,
): Promise<PressEventRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!dir.get(agencyId)) throw new AppError('AGENCY_NOT_FOUND');
  if (!pressEventPolicy.canManage(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const columns = columnsOf(input);
  const now = deps.clock.now().toISOString();
  const row = await repo.insert(tx, {
    agencyId,
    ...columns,
    status: 'planned',
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await audit(deps, tx, ctx, row, 'created', null, columns);
  return row;
}

export async function updatePressEvent(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  input: PressEventInput,
): Promise<PressEventRow> {
  const e = await manageable(deps, tx, ctx.actor, id);
  if (!pressEventEditable(e.status as PressEventStatus)) throw new AppError('PRESS_EVENT_NOT_EDITABLE');
  const columns = columnsOf(input);
  const row = await repo.update(tx, id, { ...columns, updatedAt: deps.clock.now().toISOString() });
  await audit(
    deps,
    tx,
    ctx,
    e,
    'updated',
    {
      topic: e.topic,
      eventDate: e.eventDate,
      startTime: e.startTime,
      place: e.place,
      onlineUrl: e.onlineUrl,
    },
    columns,
  );
  return row;
}

function transition(e: PressEventRow, action: PressEventAction): PressEventStatus {
  const next = nextPressStatus(e.status as PressEventStatus, action);
  if (!next) throw new AppError('PRESS_EVENT_BAD_TRANSITION');
  return next;
}

/** planned → announced: shown on the portal, questions collected until the day. */
export async function announcePressEvent(deps: Deps, tx: DbOrTx, ctx: StaffCtx, id: number) {
  const e = await manageable(deps, tx, ctx.actor, id);
  const status = transition(e, 'announce');
  if (e.eventDate < today(deps))
    throw validationError([problem('eventDate', '举办日期已过，请先修改日期或直接登记为已举办')]);
  const now = deps.clock.now().toISOString();
  const row = await repo.update(tx, id, { status, announcedAt: now, updatedAt: now });
  await audit(deps, tx, ctx, e, 'announced', { status: e.status }, { status });
  return row;
}

/** planned / announced → held, on or after its date. An event held is public from then on. */
export async function holdPressEvent(deps: Deps, tx: DbOrTx, ctx: StaffCtx, id: number) {
  const e = await manageable(deps, tx, ctx.actor, id);
  const status = transition(e, 'hold');
  if (today(deps) < e.eventDate)
    throw validationError([problem('eventDate', '举办日期尚未到来，不能登记为已举办')]);
  const now = deps.clock.now().toISOString();
  const row = await repo.update(tx, id, {
    status,
    heldAt: now,
    announcedAt: e.announcedAt ?? now,
    updatedAt: now,
  });
  await audit(deps, tx, ctx, e, 'held', { status: e.status }, { status, eventDate: e.eventDate });
  return row;
}

export async function publishPressSummary(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  summaryText: string,
) {
  const e = await manageable(deps, tx, ctx.actor, id);
  const status = transition(e, 'publish_summary');
  if (!summaryText.trim()) throw validationError([problem('summaryText', '不能为空')]);
  const now = deps.clock.now().toISOString();
  const row = await repo.update(tx, id, {
    status,
    summaryText: summaryText.trim(),
    summaryPublishedAt: now,
    summaryPublishedBy: ctx.actor.userId,
    updatedAt: now,
  });
  await audit(
    deps,
    tx,
    ctx,
    e,
    'summary_published',
    { status: e.status },
    { status, length: summaryText.length },
  );
  return row;
}

export async function cancelPressEvent(deps: Deps, tx: DbOrTx, ctx: StaffCtx, id: number, reason: string) {
  const e = await manageable(deps, tx, ctx.actor, id);
  const status = transition(e, 'cancel');
  if (!reason.trim()) throw validationError([problem('reason', '请写明取消原因')]);
  const row = await repo.update(tx, id, {
    status,
    cancelReason: reason.trim(),
    updatedAt: deps.clock.now().toISOString(),
  });
  await audit(deps, tx, ctx, e, 'cancelled', { status: e.status }, { status, reason: reason.trim() });
  return row;
}

export async function moderateQuestion(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  questionId: number,
  outcome: 'accepted' | 'rejected',
  reason: string | null | undefined,
): Promise<PressQuestionRow> {
  const e = await manageable(deps, tx, ctx.actor, id);
  const q = (await repo.questions(tx, id)).find((x) => x.id === questionId);
  if (!q) throw new AppError('PRESS_QUESTION_NOT_FOUND');
  const r = reason?.trim() || null;
  if (outcome === 'rejected' && !r) throw validationError([problem('reason', '不予采用须写明理由')]);
  const now = deps.clock.now().toISOString();
  const row = await repo.updateQuestion(tx, questionId, {
    moderation: outcome,
    moderationReason: r,
    moderatedBy: ctx.actor.userId,
    moderatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: e.agencyId,
    entityType: 'press_event_question',
    entityId: questionId,
    action: 'press_event.question_moderated',
    before: { moderation: q.moderation },
    after: { moderation: outcome, reason: r, eventId: id },
    ip: ctx.ip ?? null,
  });
  return row;
}

// ------------------------------------------------------------------ the public's questions

export interface QuestionInput {
  body: string;
  name: string;
  contact: string;
}

export function questionProblems(input: QuestionInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  const body = input.body.trim();
  if (!body) out.push(problem('body', '不能为空'));
  else if ([...body].length > 2000) out.push(problem('body', '不能超过2000字'));
  const name = input.name.trim();
  if (!name) out.push(problem('name', '不能为空'));
  else if ([...name].length > 50) out.push(problem('name', '不能超过50字'));
  const contact = input.contact.trim();
  if (!contact) out.push(problem('contact', '请填写手机号码或电子邮箱'));
  else if (contact.length > 100) out.push(problem('contact', '不能超过100字'));
  else if (!/^1\d{10}$/.test(contact) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact))
    out.push(problem('contact', '请填写有效的手机号码或电子邮箱'));
  return out;
}

/** A question from the portal (name and contact private), waiting for moderation. */
export async function submitQuestion(
  deps: Deps,
  tx: DbOrTx,
  eventId: number,
  input: QuestionInput,
  ip: string | null,
): Promise<PressQuestionRow> {
  const e = await repo.byId(tx, eventId);
  if (!e || !pressEventPublic(e.status as PressEventStatus, e.announcedAt))
    throw new AppError('PRESS_EVENT_NOT_FOUND');
  if (!acceptsQuestions(e.status as PressEventStatus, e.eventDate, today(deps)))
    throw new AppError('PRESS_EVENT_NOT_ACCEPTING');
  const problems = questionProblems(input);
  if (problems.length > 0) throw validationError(problems);
  const row = await repo.insertQuestion(tx, {
    eventId,
    agencyId: e.agencyId,
    body: input.body.trim(),
    authorName: input.name.trim(),
    authorContact: input.contact.trim(),
    receivedOn: today(deps),
    moderation: 'pending',
    createdAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: PUBLIC_ACTOR,
    agencyId: e.agencyId,
    entityType: 'press_event_question',
    entityId: row.id,
    action: 'press_event.question_submitted',
    after: { eventId, length: row.body.length },
    ip,
  });
  return row;
}

// ------------------------------------------------------------------ reads

export async function listPressEventsForStaff(
  deps: Deps,
  actor: StaffActor,
  f: {
    agencyId?: number | undefined;
    status?: string | undefined;
    year?: number | undefined;
    limit: number;
    offset: number;
  },
) {
  const dir = await agencyDirectory(deps);
  const scope = pressEventPolicy.readScope(actor, dir);
  let ids: number[] | 'all' = scope === 'all' ? 'all' : [...scope];
  if (f.agencyId !== undefined) ids = ids === 'all' || ids.includes(f.agencyId) ? [f.agencyId] : [];
  const r = await repo.list(deps.db, {
    agencyIds: ids,
    status: f.status,
    year: f.year,
    limit: f.limit,
    offset: f.offset,
  });
  const counts = await repo.questionCounts(
    deps.db,
    r.rows.map((e) => e.id),
  );
  return { ...r, counts, dir };
}

export interface PressStaffDetail {
  event: PressEventRow;
  questions: PressQuestionRow[];
  dir: AgencyDirectory;
  agencyCode: string;
  agencyName: string;
  permissions: { edit: boolean; moderate: boolean; seesPersonalData: boolean };
}

export async function pressDetailForStaff(
  deps: Deps,
  actor: StaffActor,
  id: number,
): Promise<PressStaffDetail> {
  const e = await repo.byId(deps.db, id);
  const dir = await agencyDirectory(deps);
  if (!e || !pressEventPolicy.canRead(actor, dir, e.agencyId)) throw new AppError('PRESS_EVENT_NOT_FOUND');
  const a = dir.get(e.agencyId);
  return {
    event: e,
    questions: await repo.questions(deps.db, id),
    dir,
    agencyCode: a?.code ?? '',
    agencyName: a?.name ?? '',
    permissions: pressEventPolicy.permissions(actor, dir, e.agencyId),
  };
}

/** The year's count against the rule profile's `pressEventsPerYear`. */
export async function pressTargetFor(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  year: number,
  on: string,
): Promise<YearTarget> {
  const rules = await rulesForAgency(deps, db, agencyId);
  const held = await repo.heldCount(db, agencyId, year);
  return yearTarget(rules.pressEventsPerYear, held, year, on);
}

/** Dashboard warning when the agency is behind the target's pro-rata share for the date. */
export async function pressTargetWarnings(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agency: { id: number; name: string },
  on: string,
): Promise<{ level: 'warning'; code: string; message: string }[]> {
  // only those who can schedule an event are told (as for the other dashboard warnings)
  if (!pressEventPolicy.canManage(actor, await agencyDirectory(deps, db), agency.id)) return [];
  const t = await pressTargetFor(deps, db, agency.id, Number(on.slice(0, 4)), on);
  if (!t.behind) return [];
  return [
    {
      level: 'warning',
      code: 'PRESS_EVENTS_BEHIND',
      message: `${agency.name}${t.year}年已举办新闻发布会、在线访谈 ${t.held} 场，年度目标 ${t.target} 场，按已过 ${t.elapsedQuarters} 个季度应至少举办 ${t.expectedByNow} 场，请在“公众参与 → 新闻发布会”中安排。`,
    },
  ];
}

/** Press conferences and online interviews held in a year (the self-inspection report's figure). */
export async function pressEventsHeld(db: DbOrTx, agencyId: number, year: number): Promise<number> {
  return repo.heldCount(db, agencyId, year);
}
