/**
 * Use cases of public comment on drafts (意见征集): prepare and open a consultation, take comments
 * from the portal and from letters and meetings, moderate them, keep the adoption ledger and publish
 * its summary; the overdue-summary flag for the oversight module. The caller opens the transaction;
 * every state change writes its audit event in it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { PUBLIC_ACTOR, recordAudit } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { publicationRepository } from '../publication/index.ts';
import { AppError, type FieldProblem, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type Adoption,
  acceptsComments,
  type Channel,
  type ConsultationKind,
  type ConsultationStatus,
  checkPeriod,
  isChannel,
  type LedgerCounts,
  ledgerCounts,
  type Moderation,
  moderationNeedsReason,
  nextStatus,
  type PeriodCheck,
  type PeriodRules,
  periodProblems,
  splitArticles,
  summaryDueOn,
  summaryOverdue,
  summaryProblems,
} from './consultation.ts';
import { consultationPolicy } from './consultation.policy.ts';
import { consultationRepository as repo } from './consultation.repository.ts';
import type { CommentRow, ConsultationRow } from './consultation.table.ts';

export interface StaffCtx {
  actor: StaffActor;
  ip?: string | null;
}

const FIELD_LABELS: Record<string, string> = {
  startsOn: '开始日期',
  endsOn: '截止日期',
  shortReason: '缩短期限的理由',
  channels: '意见提交渠道',
  receivedOn: '收到日期',
  articleId: '针对的条款',
  body: '意见内容',
  name: '姓名',
  contact: '联系方式',
  displayName: '公开显示的称呼',
  reason: '理由',
};

const problem = (field: string, message: string): FieldProblem => ({
  field,
  label: FIELD_LABELS[field] ?? field,
  message,
});

function today(deps: Deps): string {
  return chinaDate(deps.clock.now());
}

export function channelsOf(c: ConsultationRow): Channel[] {
  try {
    const v = JSON.parse(c.channelsJson) as unknown;
    return Array.isArray(v) ? v.filter((x): x is Channel => typeof x === 'string' && isChannel(x)) : [];
  } catch {
    return [];
  }
}

export function countsOf(c: ConsultationRow): LedgerCounts | null {
  if (!c.summaryCountsJson) return null;
  try {
    return JSON.parse(c.summaryCountsJson) as LedgerCounts;
  } catch {
    return null;
  }
}

export async function periodRulesFor(deps: Deps, db: DbOrTx, agencyId: number): Promise<PeriodRules> {
  const r = await rulesForAgency(deps, db, agencyId);
  return {
    consultationMajorDecisionDays: r.consultationMajorDecisionDays,
    consultationNormativeWorkingDays: r.consultationNormativeWorkingDays,
    consultationSummaryDays: r.consultationSummaryDays,
  };
}

/** The period measured against the agency's rule profile and calendar. */
export async function measurePeriod(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  kind: ConsultationKind,
  startsOn: string,
  endsOn: string,
): Promise<PeriodCheck> {
  const rules = await periodRulesFor(deps, db, agencyId);
  const cal = kind === 'normative_document' ? await calendarFor(deps, agencyId, db) : null;
  return checkPeriod(kind, startsOn, endsOn, rules, cal);
}

// ------------------------------------------------------------------ staff: the consultation

export interface ConsultationInput {
  kind: ConsultationKind;
  title: string;
  draftText: string;
  explanation: string;
  startsOn: string;
  endsOn: string;
  shortReason?: string | null | undefined;
  channels: Channel[];
  contactEmail?: string | null | undefined;
  contactAddress?: string | null | undefined;
}

async function validatePeriod(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  input: Pick<ConsultationInput, 'kind' | 'startsOn' | 'endsOn' | 'shortReason' | 'channels'>,
): Promise<PeriodCheck> {
  const problems: FieldProblem[] = [];
  if (!isValidIsoDate(input.startsOn)) problems.push(problem('startsOn', '不是有效的日期'));
  if (!isValidIsoDate(input.endsOn)) problems.push(problem('endsOn', '不是有效的日期'));
  if (input.channels.length === 0) problems.push(problem('channels', '至少选择一种渠道'));
  if (problems.length > 0) throw validationError(problems);
  if (input.endsOn < input.startsOn) throw validationError([problem('endsOn', '截止日期不能早于开始日期')]);
  const check = await measurePeriod(deps, db, agencyId, input.kind, input.startsOn, input.endsOn);
  const pp = periodProblems(check, input.startsOn, input.endsOn, input.shortReason ?? null);
  if (pp.length > 0) {
    const e = validationError(pp.map((p) => problem(p.field, p.message)));
    throw new AppError('CONSULTATION_PERIOD_TOO_SHORT', {
      message: e.message,
      fields: e.fields,
      detail: { length: check.length, minimum: check.minimum, unit: check.unit, basis: check.basis },
    });
  }
  return check;
}

function draftColumns(input: ConsultationInput) {
  const split = splitArticles(input.draftText);
  return {
    split,
    columns: {
      kind: input.kind,
      title: input.title.trim(),
      draftText: input.draftText,
      preamble: split.preamble,
      explanation: input.explanation,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      shortReason: input.shortReason?.trim() ? input.shortReason.trim() : null,
      channelsJson: JSON.stringify([...new Set(input.channels)]),
      contactEmail: input.contactEmail?.trim() || null,
      contactAddress: input.contactAddress?.trim() || null,
    },
  };
}

async function manageable(deps: Deps, db: DbOrTx, actor: StaffActor, id: number): Promise<ConsultationRow> {
  const c = await repo.byId(db, id);
  const dir = await agencyDirectory(deps, db);
  if (!c || !consultationPolicy.canRead(actor, dir, c.agencyId)) throw new AppError('CONSULTATION_NOT_FOUND');
  if (!consultationPolicy.canManage(actor, dir, c.agencyId)) throw new AppError('FORBIDDEN');
  return c;
}

export async function createConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  agencyId: number,
  input: ConsultationInput,
): Promise<ConsultationRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!dir.get(agencyId)) throw new AppError('AGENCY_NOT_FOUND');
  if (!consultationPolicy.canManage(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  await validatePeriod(deps, tx, agencyId, input);
  const { split, columns } = draftColumns(input);
  const now = deps.clock.now().toISOString();
  const row = await repo.insert(tx, {
    agencyId,
    ...columns,
    status: 'draft',
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.replaceArticles(tx, row.id, split.articles);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'consultation',
    entityId: row.id,
    action: 'consultation.created',
    after: { ...columns, draftText: undefined, articles: split.articles.length },
    ip: ctx.ip ?? null,
  });
  return row;
}

export async function updateConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  input: ConsultationInput,
): Promise<ConsultationRow> {
  const c = await manageable(deps, tx, ctx.actor, id);
  if (c.status !== 'draft') throw new AppError('CONSULTATION_NOT_EDITABLE');
  await validatePeriod(deps, tx, c.agencyId, input);
  const { split, columns } = draftColumns(input);
  const row = await repo.update(tx, id, { ...columns, updatedAt: deps.clock.now().toISOString() });
  await repo.replaceArticles(tx, id, split.articles);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation',
    entityId: id,
    action: 'consultation.updated',
    before: { title: c.title, startsOn: c.startsOn, endsOn: c.endsOn, kind: c.kind },
    after: { ...columns, draftText: undefined, articles: split.articles.length },
    ip: ctx.ip ?? null,
  });
  return row;
}

function transition(c: ConsultationRow, action: 'open' | 'close' | 'publish_summary'): ConsultationStatus {
  const next = nextStatus(c.status as ConsultationStatus, action);
  if (!next) throw new AppError('CONSULTATION_BAD_TRANSITION');
  return next;
}

/** draft → open: published on the portal; the period is checked again (the rule may have changed). */
export async function openConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
): Promise<ConsultationRow> {
  const c = await manageable(deps, tx, ctx.actor, id);
  const status = transition(c, 'open');
  await validatePeriod(deps, tx, c.agencyId, {
    kind: c.kind as ConsultationKind,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    shortReason: c.shortReason,
    channels: channelsOf(c),
  });
  if (c.endsOn < today(deps))
    throw validationError([problem('endsOn', '截止日期已过，请先修改征求意见期限')]);
  const now = deps.clock.now().toISOString();
  const row = await repo.update(tx, id, { status, openedAt: now, updatedAt: now });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation',
    entityId: id,
    action: 'consultation.opened',
    before: { status: c.status },
    after: { status, startsOn: c.startsOn, endsOn: c.endsOn, shortReason: c.shortReason },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** open → closed, once the period is over (the period is never cut short after publication). */
export async function closeConsultation(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
): Promise<ConsultationRow> {
  const c = await manageable(deps, tx, ctx.actor, id);
  const status = transition(c, 'close');
  const d = today(deps);
  if (d <= c.endsOn) throw new AppError('CONSULTATION_PERIOD_NOT_OVER');
  const row = await repo.update(tx, id, { status, closedOn: d, updatedAt: deps.clock.now().toISOString() });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation',
    entityId: id,
    action: 'consultation.closed',
    before: { status: c.status },
    after: { status, closedOn: d },
    ip: ctx.ip ?? null,
  });
  return row;
}

/**
 * Publishes the adoption summary (采纳情况) with its counts frozen: every comment moderated and every
 * comment in the ledger decided. An open consultation whose period is over is closed by the same act.
 */
export async function publishSummary(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  summaryText: string,
): Promise<ConsultationRow> {
  const c = await manageable(deps, tx, ctx.actor, id);
  const dir = await agencyDirectory(deps, tx);
  if (!consultationPolicy.canPublishSummary(ctx.actor, dir, c.agencyId)) throw new AppError('FORBIDDEN');
  const status = transition(c, 'publish_summary');
  const d = today(deps);
  if (c.status === 'open' && d <= c.endsOn) throw new AppError('CONSULTATION_PERIOD_NOT_OVER');
  if (!summaryText.trim())
    throw validationError([{ field: 'summaryText', label: '采纳情况说明', message: '不能为空' }]);
  const comments = await repo.comments(tx, id);
  const problems = summaryProblems(comments.map(ledgerOf));
  if (problems.length > 0)
    throw new AppError('CONSULTATION_LEDGER_INCOMPLETE', {
      message: `不能公布采纳情况：${problems.join('；')}`,
    });
  const counts = ledgerCounts(comments.map(ledgerOf));
  const now = deps.clock.now().toISOString();
  const row = await repo.update(tx, id, {
    status,
    closedOn: c.closedOn ?? d,
    summaryText: summaryText.trim(),
    summaryCountsJson: JSON.stringify(counts),
    summaryPublishedAt: now,
    summaryPublishedBy: ctx.actor.userId,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation',
    entityId: id,
    action: 'consultation.summary_published',
    before: { status: c.status },
    after: { status, counts },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** The adopted document (a published information item of the agency) links back to the consultation. */
export async function linkDecision(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  id: number,
  itemId: number | null,
): Promise<ConsultationRow> {
  const c = await manageable(deps, tx, ctx.actor, id);
  if (itemId !== null) {
    const item = await publicationRepository.publicItem(tx, itemId);
    if (!item || item.agencyId !== c.agencyId)
      throw validationError([
        { field: 'itemId', label: '通过的文件', message: '不是本机关已主动公开的信息' },
      ]);
  }
  const row = await repo.update(tx, id, {
    decisionItemId: itemId,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation',
    entityId: id,
    action: 'consultation.decision_linked',
    before: { decisionItemId: c.decisionItemId },
    after: { decisionItemId: itemId },
    ip: ctx.ip ?? null,
  });
  return row;
}

// ------------------------------------------------------------------ comments

const ledgerOf = (c: CommentRow) => ({
  moderation: c.moderation as Moderation,
  adoption: c.adoption as Adoption | null,
  groupId: c.groupId,
});

export interface CommentInput {
  articleId?: number | null | undefined;
  body: string;
  name?: string | null | undefined;
  contact?: string | null | undefined;
  displayName?: string | null | undefined;
}

const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A tracking code for the commenter: 10 characters without look-alikes (0/O, 1/I/L). */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('');
}

export function trackingHash(code: string): string {
  return createHash('sha256').update(`consultation-comment:${code.trim().toUpperCase()}`).digest('hex');
}

function commentProblems(input: CommentInput, personal: 'required' | 'optional'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const body = input.body.trim();
  if (!body) out.push(problem('body', '不能为空'));
  else if ([...body].length > 5000) out.push(problem('body', '不能超过5000字'));
  if (personal === 'required') {
    if (!input.name?.trim()) out.push(problem('name', '不能为空（不会公开）'));
    if (!input.contact?.trim()) out.push(problem('contact', '请填写电话或电子邮箱（不会公开）'));
    else if (!/^(?:[0-9+\-() ]{7,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(input.contact.trim()))
      out.push(problem('contact', '请填写有效的电话号码或电子邮箱'));
  }
  if ((input.name?.trim().length ?? 0) > 50) out.push(problem('name', '不能超过50字'));
  if ((input.contact?.trim().length ?? 0) > 100) out.push(problem('contact', '不能超过100字'));
  if ((input.displayName?.trim().length ?? 0) > 30) out.push(problem('displayName', '不能超过30字'));
  return out;
}

async function checkArticle(tx: DbOrTx, consultationId: number, articleId: number | null | undefined) {
  if (articleId === null || articleId === undefined) return null;
  const articles = await repo.articles(tx, consultationId);
  if (!articles.some((a) => a.id === articleId))
    throw validationError([problem('articleId', '不是本草案的条款')]);
  return articleId;
}

/** A comment from the portal: only while the consultation takes comments through the portal. */
export async function submitPublicComment(
  deps: Deps,
  tx: DbOrTx,
  ip: string | null,
  consultationId: number,
  input: CommentInput,
): Promise<{ comment: CommentRow; trackingCode: string }> {
  const c = await repo.byId(tx, consultationId);
  if (!c || c.status === 'draft') throw new AppError('CONSULTATION_NOT_FOUND');
  const d = today(deps);
  if (!acceptsComments({ status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn }, d))
    throw new AppError('CONSULTATION_NOT_ACCEPTING');
  if (!channelsOf(c).includes('portal')) throw new AppError('CONSULTATION_CHANNEL_NOT_OFFERED');
  const problems = commentProblems(input, 'required');
  if (problems.length > 0) throw validationError(problems);
  const articleId = await checkArticle(tx, consultationId, input.articleId);
  const code = newTrackingCode();
  const comment = await repo.insertComment(tx, {
    consultationId,
    agencyId: c.agencyId,
    articleId,
    channel: 'portal',
    body: input.body.trim(),
    authorName: input.name!.trim(),
    authorContact: input.contact!.trim(),
    displayName: input.displayName?.trim() || null,
    trackingHash: trackingHash(code),
    receivedOn: d,
    moderation: 'pending',
    createdBy: null,
    createdAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: PUBLIC_ACTOR,
    agencyId: c.agencyId,
    entityType: 'consultation_comment',
    entityId: comment.id,
    action: 'consultation_comment.submitted',
    // personal data stays out of the audit log
    after: { consultationId, articleId, channel: 'portal', length: comment.body.length },
    ip,
  });
  return { comment, trackingCode: code };
}

export interface StaffCommentInput extends CommentInput {
  channel: Channel;
  receivedOn: string;
}

/** A comment received by e-mail, letter, at a symposium or a hearing, entered by the agency's staff. */
export async function enterComment(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  consultationId: number,
  input: StaffCommentInput,
): Promise<CommentRow> {
  const c = await manageable(deps, tx, ctx.actor, consultationId);
  if (c.status === 'draft' || c.status === 'summary_published')
    throw new AppError('CONSULTATION_BAD_TRANSITION');
  if (!channelsOf(c).includes(input.channel)) throw new AppError('CONSULTATION_CHANNEL_NOT_OFFERED');
  const problems = commentProblems(input, 'optional');
  if (!isValidIsoDate(input.receivedOn)) problems.push(problem('receivedOn', '不是有效的日期'));
  else if (input.receivedOn > today(deps)) problems.push(problem('receivedOn', '不能晚于今天'));
  else if (input.receivedOn < c.startsOn) problems.push(problem('receivedOn', '不能早于征求意见开始日期'));
  else if (input.receivedOn > c.endsOn)
    problems.push(problem('receivedOn', '晚于征求意见截止日期，不列入本次征集'));
  if (problems.length > 0) throw validationError(problems);
  const articleId = await checkArticle(tx, consultationId, input.articleId);
  const comment = await repo.insertComment(tx, {
    consultationId,
    agencyId: c.agencyId,
    articleId,
    channel: input.channel,
    body: input.body.trim(),
    authorName: input.name?.trim() || null,
    authorContact: input.contact?.trim() || null,
    displayName: input.displayName?.trim() || null,
    trackingHash: null,
    receivedOn: input.receivedOn,
    moderation: 'pending',
    createdBy: ctx.actor.userId,
    createdAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation_comment',
    entityId: comment.id,
    action: 'consultation_comment.entered',
    after: { consultationId, articleId, channel: input.channel, receivedOn: input.receivedOn },
    ip: ctx.ip ?? null,
  });
  return comment;
}

async function commentOf(
  deps: Deps,
  tx: DbOrTx,
  actor: StaffActor,
  consultationId: number,
  commentId: number,
): Promise<{ c: ConsultationRow; comment: CommentRow }> {
  const c = await manageable(deps, tx, actor, consultationId);
  const comment = await repo.commentById(tx, commentId);
  if (!comment || comment.consultationId !== consultationId)
    throw new AppError('CONSULTATION_COMMENT_NOT_FOUND');
  if (c.status === 'summary_published') throw new AppError('CONSULTATION_BAD_TRANSITION');
  return { c, comment };
}

/** Moderation: publish, withhold (kept in the ledger) or reject, with the reason shown to the commenter. */
export async function moderateComment(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  consultationId: number,
  commentId: number,
  outcome: Exclude<Moderation, 'pending'>,
  reason: string | null | undefined,
): Promise<CommentRow> {
  const { c, comment } = await commentOf(deps, tx, ctx.actor, consultationId, commentId);
  const why = reason?.trim() || null;
  if (moderationNeedsReason(outcome) && !why)
    throw new AppError('CONSULTATION_REASON_REQUIRED', {
      fields: [problem('reason', '不公开或不予受理须写明理由')],
    });
  const patch = {
    moderation: outcome,
    moderationReason: why,
    moderatedBy: ctx.actor.userId,
    moderatedAt: deps.clock.now().toISOString(),
    // a rejected comment leaves the ledger
    ...(outcome === 'rejected' ? { adoption: null, adoptionReason: null, groupId: null } : {}),
  };
  const row = await repo.updateComment(tx, commentId, patch);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: c.agencyId,
    entityType: 'consultation_comment',
    entityId: commentId,
    action: 'consultation_comment.moderated',
    before: { moderation: comment.moderation, reason: comment.moderationReason },
    after: { moderation: outcome, reason: why },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** The adoption ledger: marks one or several comments adopted / partly adopted / not adopted, with the reason. */
export async function decideComments(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  consultationId: number,
  commentIds: number[],
  adoption: Adoption,
  reason: string | null | undefined,
): Promise<CommentRow[]> {
  const why = reason?.trim() || null;
  if (adoption !== 'adopted' && !why)
    throw new AppError('CONSULTATION_REASON_REQUIRED', {
      fields: [problem('reason', '部分采纳或未采纳须写明理由')],
    });
  const out: CommentRow[] = [];
  for (const commentId of [...new Set(commentIds)]) {
    const { c, comment } = await commentOf(deps, tx, ctx.actor, consultationId, commentId);
    if (comment.moderation === 'rejected')
      throw new AppError('CONSULTATION_BAD_TRANSITION', {
        message: `第${commentId}号意见已不予受理，不列入采纳情况`,
      });
    const row = await repo.updateComment(tx, commentId, {
      adoption,
      adoptionReason: why,
      decidedBy: ctx.actor.userId,
      decidedAt: deps.clock.now().toISOString(),
    });
    await recordAudit(tx, deps, {
      actor: actorRef(ctx.actor),
      agencyId: c.agencyId,
      entityType: 'consultation_comment',
      entityId: commentId,
      action: 'consultation_comment.decided',
      before: { adoption: comment.adoption, reason: comment.adoptionReason },
      after: { adoption, reason: why },
      ip: ctx.ip ?? null,
    });
    out.push(row);
  }
  return out;
}

/** Groups similar comments under one heading (a new group when `title` is given), or ungroups them. */
export async function groupComments(
  deps: Deps,
  tx: DbOrTx,
  ctx: StaffCtx,
  consultationId: number,
  commentIds: number[],
  target: { groupId: number } | { title: string } | null,
): Promise<CommentRow[]> {
  const c = await manageable(deps, tx, ctx.actor, consultationId);
  let groupId: number | null = null;
  if (target && 'groupId' in target) {
    const g = await repo.groupById(tx, target.groupId);
    if (!g || g.consultationId !== consultationId)
      throw validationError([{ field: 'groupId', label: '意见分组', message: '不是本次征集的分组' }]);
    groupId = g.id;
  } else if (target) {
    const title = target.title.trim();
    if (!title) throw validationError([{ field: 'title', label: '分组名称', message: '不能为空' }]);
    const g = await repo.insertGroup(tx, consultationId, title, deps.clock.now().toISOString());
    groupId = g.id;
    await recordAudit(tx, deps, {
      actor: actorRef(ctx.actor),
      agencyId: c.agencyId,
      entityType: 'consultation',
      entityId: consultationId,
      action: 'consultation.group_created',
      after: { groupId, title },
      ip: ctx.ip ?? null,
    });
  }
  const out: CommentRow[] = [];
  for (const commentId of [...new Set(commentIds)]) {
    const { comment } = await commentOf(deps, tx, ctx.actor, consultationId, commentId);
    if (comment.moderation === 'rejected' && groupId !== null)
      throw new AppError('CONSULTATION_BAD_TRANSITION', {
        message: `第${commentId}号意见已不予受理，不能归组`,
      });
    out.push(await repo.updateComment(tx, commentId, { groupId }));
    await recordAudit(tx, deps, {
      actor: actorRef(ctx.actor),
      agencyId: c.agencyId,
      entityType: 'consultation_comment',
      entityId: commentId,
      action: 'consultation_comment.grouped',
      before: { groupId: comment.groupId },
      after: { groupId },
      ip: ctx.ip ?? null,
    });
  }
  return out;
}

// ------------------------------------------------------------------ reads

export async function listForStaff(
  deps: Deps,
  actor: StaffActor,
  f: { agencyId?: number | undefined; status?: string | undefined; limit: number; offset: number },
) {
  const dir = await agencyDirectory(deps);
  const scope = consultationPolicy.readScope(actor, dir);
  let agencyIds: number[] | 'all' = scope === 'all' ? 'all' : [...scope];
  if (f.agencyId !== undefined)
    agencyIds = agencyIds === 'all' || agencyIds.includes(f.agencyId) ? [f.agencyId] : [];
  const r = await repo.list(deps.db, { agencyIds, status: f.status, limit: f.limit, offset: f.offset });
  const counts = await repo.commentCounts(
    deps.db,
    r.rows.map((x) => x.id),
  );
  return { ...r, counts, dir };
}

export async function detailForStaff(deps: Deps, actor: StaffActor, id: number) {
  const dir = await agencyDirectory(deps);
  const c = await repo.byId(deps.db, id);
  if (!c || !consultationPolicy.canRead(actor, dir, c.agencyId)) throw new AppError('CONSULTATION_NOT_FOUND');
  return loadDetail(deps, deps.db, dir, c, consultationPolicy.permissions(actor, dir, c.agencyId));
}

async function loadDetail(
  deps: Deps,
  db: DbOrTx,
  dir: AgencyDirectory,
  c: ConsultationRow,
  permissions: ReturnType<typeof consultationPolicy.permissions>,
) {
  const [articles, comments, groups, rules] = await Promise.all([
    repo.articles(db, c.id),
    repo.comments(db, c.id),
    repo.groups(db, c.id),
    periodRulesFor(deps, db, c.agencyId),
  ]);
  let period: PeriodCheck | null = null;
  try {
    period = checkPeriod(
      c.kind as ConsultationKind,
      c.startsOn,
      c.endsOn,
      rules,
      c.kind === 'normative_document' ? await calendarFor(deps, c.agencyId) : null,
    );
  } catch {
    period = null; // a year without calendar data: the period is shown without its measure
  }
  return {
    c,
    agency: dir.get(c.agencyId),
    articles,
    comments,
    groups,
    rules,
    period,
    counts: countsOf(c) ?? ledgerCounts(comments.map(ledgerOf)),
    summaryDueOn: c.status === 'draft' ? null : summaryDueOn(c, rules),
    summaryOverdue: summaryOverdue(
      { status: c.status as ConsultationStatus, endsOn: c.endsOn, closedOn: c.closedOn },
      rules,
      today(deps),
    ),
    permissions,
  };
}

export type StaffDetail = Awaited<ReturnType<typeof detailForStaff>>;

/** Public reads: opened consultations only; comments only once published in moderation. */
export async function publicList(deps: Deps, agencyId: number) {
  return repo.publicForAgency(deps.db, agencyId);
}

export async function publicDetail(deps: Deps, agencyId: number, id: number) {
  const c = await repo.byId(deps.db, id);
  if (!c || c.agencyId !== agencyId || c.status === 'draft') return null;
  const [articles, published, groups, rules] = await Promise.all([
    repo.articles(deps.db, id),
    repo.comments(deps.db, id, { moderation: ['published'] }),
    repo.groups(deps.db, id),
    periodRulesFor(deps, deps.db, agencyId),
  ]);
  const item = c.decisionItemId
    ? await publicationRepository.publicItem(deps.db, c.decisionItemId)
    : undefined;
  return { c, articles, published, groups, rules, decisionItem: item ?? null };
}

/** The commenter's view of their comment through the tracking code (same answer for wrong code and number). */
export async function trackComment(
  deps: Deps,
  consultationId: number,
  commentId: number,
  code: string,
): Promise<CommentRow | null> {
  const comment = await repo.commentById(deps.db, commentId);
  if (!comment || comment.consultationId !== consultationId || !comment.trackingHash) return null;
  const a = Buffer.from(comment.trackingHash, 'hex');
  const b = Buffer.from(trackingHash(code), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? comment : null;
}

// ------------------------------------------------------------------ the oversight flag

export interface OverdueSummary {
  consultationId: number;
  agencyId: number;
  title: string;
  endedOn: string;
  summaryDueOn: string;
}

/**
 * Consultations whose period has ended and whose adoption summary was not published by its due date
 * (the rule profile's `consultationSummaryDays` after the period, default 30 days). For the
 * oversight module's detections and the dashboards; `agencyIds` limits the agencies looked at.
 */
export async function overdueSummaries(
  deps: Deps,
  db: DbOrTx,
  onDate: string,
  agencyIds: number[] | 'all' = 'all',
): Promise<OverdueSummary[]> {
  const rows = await repo.unsummarisedEndedBefore(db, onDate, agencyIds);
  const out: OverdueSummary[] = [];
  const rulesBy = new Map<number, PeriodRules>();
  for (const c of rows) {
    let rules = rulesBy.get(c.agencyId);
    if (!rules) {
      rules = await periodRulesFor(deps, db, c.agencyId);
      rulesBy.set(c.agencyId, rules);
    }
    const status = c.status as ConsultationStatus;
    if (!summaryOverdue({ status, endsOn: c.endsOn, closedOn: c.closedOn }, rules, onDate)) continue;
    out.push({
      consultationId: c.id,
      agencyId: c.agencyId,
      title: c.title,
      endedOn: c.closedOn && c.closedOn < c.endsOn ? c.closedOn : c.endsOn,
      summaryDueOn: summaryDueOn(c, rules),
    });
  }
  return out;
}
