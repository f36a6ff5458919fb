/**
 * Use cases of accountability cases (责任追究 / 问责, 《区督查问责办法》第八条至第十四条). Each takes
 * (deps, tx, ctx, …); the route opens the transaction, and every change and every read writes its
 * audit event in it. Who may act is accountability.policy.ts; the rules are accountability.ts.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef } from '../access/actor.ts';
import { AppError, type FieldProblem, validationError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type CaseEvent,
  type CaseSource,
  type CaseStatus,
  type DecisionMode,
  factsFromTrail,
  type LinkedType,
  nextCaseStatus,
  type PersonRole,
  type ReviewOutcome,
  reviewDueOn,
  reviewRequestInTime,
  type Severity,
  sanctionAllowed,
  splitResponsibility,
  type TrailFacts,
  violationKind,
} from './accountability.ts';
import { type CaseRef, accountabilityPolicy as policy } from './accountability.policy.ts';
import { accountabilityRepository as repo } from './accountability.repository.ts';
import type { CasePersonRow, CaseRow } from './accountability.table.ts';
import { type Ctx, todayOf } from './oversight.service.ts';

export type { Ctx };

const ENTITY = 'accountability_case';

export interface CaseFile {
  row: CaseRow;
  persons: CasePersonRow[];
  ref: CaseRef;
  dir: AgencyDirectory;
}

function refOf(row: CaseRow, persons: CasePersonRow[]): CaseRef {
  return {
    supervisorAgencyId: row.supervisorAgencyId,
    agencyId: row.agencyId,
    personUserIds: persons.map((p) => p.userId),
    decidedBy: row.decidedBy,
  };
}

async function audit(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  row: CaseRow,
  action: string,
  after?: unknown,
  before?: unknown,
) {
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    // the supervising office's chain: the file is its record, not the supervised agency's
    agencyId: row.supervisorAgencyId,
    entityType: ENTITY,
    entityId: row.id,
    action,
    before,
    after,
    ip: ctx.ip ?? null,
  });
}

/** Loads a case the actor may read, or 404 (a case outside one's view does not exist for them). */
async function load(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<CaseFile> {
  const row = await repo.caseById(tx, id);
  if (!row) throw new AppError('ACCOUNTABILITY_NOT_FOUND');
  const persons = await repo.persons(tx, [row.id]);
  const dir = await agencyDirectory(deps, tx);
  const ref = refOf(row, persons);
  if (!policy.canRead(ctx.actor, dir, ref)) throw new AppError('ACCOUNTABILITY_NOT_FOUND');
  return { row, persons, ref, dir };
}

function requireHandler(ctx: Ctx, f: CaseFile) {
  if (!policy.canHandle(ctx.actor, f.dir, f.row.supervisorAgencyId, f.row.agencyId))
    throw new AppError('ACCOUNTABILITY_FORBIDDEN');
}

function step(f: CaseFile, event: CaseEvent): CaseStatus {
  const to = nextCaseStatus(f.row.status as CaseStatus, event);
  if (!to) throw new AppError('ACCOUNTABILITY_INVALID_TRANSITION');
  return to;
}

const nowIso = (deps: Deps) => deps.clock.now().toISOString();

// ------------------------------------------------------------------ reads (each audited)

export async function readCase(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<CaseFile> {
  const f = await load(deps, tx, ctx, id);
  await audit(deps, tx, ctx, f.row, 'oversight.accountability_read');
  return f;
}

export async function listCases(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  q: { status?: string; limit: number; offset: number },
): Promise<{ rows: CaseRow[]; persons: CasePersonRow[]; total: number; dir: AgencyDirectory }> {
  const dir = await agencyDirectory(deps, tx);
  const offices = policy.officeAgencies(ctx.actor);
  const { rows, total } = await repo.list(tx, { supervisorIds: offices, userId: ctx.actor.userId, ...q });
  const persons = await repo.persons(
    tx,
    rows.map((r) => r.id),
  );
  // keep only what the policy allows now (a supervision removed since the case was opened hides it)
  const visible = rows.filter((r) =>
    policy.canRead(
      ctx.actor,
      dir,
      refOf(
        r,
        persons.filter((p) => p.caseId === r.id),
      ),
    ),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: offices.length === 1 ? offices[0]! : null,
    entityType: ENTITY,
    entityId: 0,
    action: 'oversight.accountability_read',
    after: { list: visible.map((r) => r.id) },
    ip: ctx.ip ?? null,
  });
  return {
    rows: visible,
    persons: persons.filter((p) => visible.some((r) => r.id === p.caseId)),
    total: total - (rows.length - visible.length),
    dir,
  };
}

/** Who drafted and who approved the linked record, from its audit trail. */
export async function trailFacts(tx: DbOrTx, type: LinkedType, id: number): Promise<TrailFacts> {
  const events = await auditRepository.list(tx, { entityType: type, entityId: String(id), limit: 500 });
  return factsFromTrail(
    type,
    [...events]
      .reverse()
      .map((e) => ({ action: e.action, actorUserId: e.actorUserId, actorLabel: e.actorLabel })),
  );
}

// ------------------------------------------------------------------ changes

export interface OpenInput {
  supervisorAgencyId: number;
  agencyId: number;
  title: string;
  source: CaseSource;
  sourceId?: number | null;
  linkedType?: LinkedType | null;
  linkedId?: number | null;
  violations: string[];
  facts: string;
  againstUnit: boolean;
  persons: { userId: number; role: PersonRole }[];
}

export async function openCase(deps: Deps, tx: DbOrTx, ctx: Ctx, input: OpenInput): Promise<number> {
  const dir = await agencyDirectory(deps, tx);
  if (!policy.canHandle(ctx.actor, dir, input.supervisorAgencyId, input.agencyId))
    throw new AppError('ACCOUNTABILITY_FORBIDDEN');
  const problems: FieldProblem[] = [];
  if (!input.title.trim()) problems.push({ field: 'title', label: '案由', message: '不能为空' });
  if (!input.facts.trim()) problems.push({ field: 'facts', label: '违规事实', message: '不能为空' });
  if (input.violations.length === 0)
    problems.push({ field: 'violations', label: '违规情形', message: '至少选择一项' });
  for (const v of input.violations)
    if (!violationKind(v))
      problems.push({ field: 'violations', label: '违规情形', message: `不认识的情形 ${v}` });
  if (!input.againstUnit && input.persons.length === 0)
    problems.push({ field: 'persons', label: '被问责人', message: '追究单位责任或至少列出一名责任人' });
  if (new Set(input.persons.map((p) => p.userId)).size !== input.persons.length)
    problems.push({ field: 'persons', label: '被问责人', message: '同一人只能列一次' });
  if (input.source !== 'manual' && !input.sourceId)
    problems.push({ field: 'sourceId', label: '立案来源', message: '请指明问题、违规发现或投诉的编号' });
  if ((input.linkedType == null) !== (input.linkedId == null))
    problems.push({ field: 'linkedId', label: '涉及的记录', message: '记录类型和编号须同时填写' });
  if (problems.length) throw validationError(problems);

  const own = dir.ownUnits(input.agencyId);
  if (input.source !== 'manual' && input.sourceId) {
    const at = await repo.sourceAgency(tx, input.source, input.sourceId);
    const ok =
      at !== undefined &&
      (own.includes(at) || (input.source === 'complaint' && at === input.supervisorAgencyId));
    if (!ok) throw new AppError('ACCOUNTABILITY_SOURCE_NOT_FOUND');
  }
  const staff = await repo.staffIn(
    tx,
    own,
    input.persons.map((p) => p.userId),
  );
  const strangers = input.persons.filter((p) => !staff.has(p.userId));
  if (strangers.length)
    throw validationError([{ field: 'persons', label: '被问责人', message: '须是被监督机关的工作人员' }]);
  let trail: TrailFacts | null = null;
  if (input.linkedType && input.linkedId) {
    const at = await repo.linkedAgency(tx, input.linkedType, input.linkedId);
    if (at === undefined || !own.includes(at))
      throw validationError([
        { field: 'linkedId', label: '涉及的记录', message: '记录不存在或不属于被监督机关' },
      ]);
    trail = await trailFacts(tx, input.linkedType, input.linkedId);
  }

  const now = nowIso(deps);
  const year = todayOf(deps).slice(0, 4);
  const n = (await repo.countOfYear(tx, input.supervisorAgencyId, year)) + 1;
  const row = await repo.insertCase(tx, {
    supervisorAgencyId: input.supervisorAgencyId,
    agencyId: input.agencyId,
    caseNo: `问责〔${year}〕${n}号`,
    title: input.title.trim(),
    source: input.source,
    sourceId: input.source === 'manual' ? null : (input.sourceId ?? null),
    linkedType: input.linkedType ?? null,
    linkedId: input.linkedId ?? null,
    violationsJson: JSON.stringify(input.violations),
    facts: input.facts.trim(),
    againstUnit: input.againstUnit ? 1 : 0,
    decisionMode: trail?.suggestedMode ?? null,
    trailJson: trail ? JSON.stringify(trail) : null,
    status: 'opened',
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  for (const p of input.persons)
    await repo.insertPerson(tx, { caseId: row.id, userId: p.userId, role: p.role, createdAt: now });
  await audit(deps, tx, ctx, row, 'oversight.accountability_opened', {
    ...input,
    caseNo: row.caseNo,
    trail,
  });
  return row.id;
}

export async function startInvestigation(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<void> {
  const f = await load(deps, tx, ctx, id);
  requireHandler(ctx, f);
  const status = step(f, 'investigate');
  const row = await repo.updateCase(tx, id, { status, updatedAt: nowIso(deps) });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_investigating',
    { status },
    { status: f.row.status },
  );
}

/**
 * The person's statement and defence (陈述和申辩, 《区督查问责办法》第十三条): written by the person
 * concerned, or recorded by the supervising office from a hearing.
 */
export async function recordStatement(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { personId: number; statement: string },
): Promise<void> {
  const f = await load(deps, tx, ctx, id);
  const person = f.persons.find((p) => p.id === input.personId);
  if (!person)
    throw validationError([{ field: 'personId', label: '被问责人', message: '不是本案的被问责人' }]);
  const handler = policy.canHandle(ctx.actor, f.dir, f.row.supervisorAgencyId, f.row.agencyId);
  if (!handler && person.userId !== ctx.actor.userId) throw new AppError('ACCOUNTABILITY_NOT_CONCERNED');
  if (!input.statement.trim())
    throw validationError([{ field: 'statement', label: '陈述和申辩', message: '不能为空' }]);
  const status = step(f, 'record_statement');
  const today = todayOf(deps);
  await repo.updatePerson(tx, person.id, { statement: input.statement.trim(), statementOn: today });
  const row = await repo.updateCase(tx, id, { status, updatedAt: nowIso(deps) });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_statement',
    { personId: person.id, statement: input.statement.trim(), byPerson: !handler, status },
    { statement: person.statement, status: f.row.status },
  );
}

export interface DecisionInput {
  decisionMode: DecisionMode;
  severity: Severity;
  persons: { personId: number; sanctions: string[] }[];
  unitSanctions: string[];
  decisionText: string;
  deliveredOn: string;
}

function checkSanctions(
  f: CaseFile,
  severity: Severity,
  persons: { personId: number; sanctions: string[] }[],
  unitSanctions: string[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const s of unitSanctions)
    if (!sanctionAllowed(s, severity, 'unit'))
      problems.push({ field: 'unitSanctions', label: '对单位的处理', message: `该情节不适用 ${s}` });
  if (unitSanctions.length && f.row.againstUnit !== 1)
    problems.push({ field: 'unitSanctions', label: '对单位的处理', message: '本案未追究单位责任' });
  for (const p of persons) {
    if (!f.persons.some((x) => x.id === p.personId))
      problems.push({ field: 'persons', label: '被问责人', message: '不是本案的被问责人' });
    for (const s of p.sanctions)
      if (!sanctionAllowed(s, severity, 'person'))
        problems.push({ field: 'persons', label: '对个人的处理', message: `该情节不适用 ${s}` });
  }
  return problems;
}

/** The decision (问责决定), the split computed from how the act was decided (第十条). */
export async function decideCase(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: DecisionInput,
): Promise<void> {
  const f = await load(deps, tx, ctx, id);
  requireHandler(ctx, f);
  const status = step(f, 'decide');
  const today = todayOf(deps);
  const problems = checkSanctions(f, input.severity, input.persons, input.unitSanctions);
  if (!input.decisionText.trim())
    problems.push({ field: 'decisionText', label: '决定内容', message: '不能为空' });
  if (!isValidIsoDate(input.deliveredOn) || input.deliveredOn < today)
    problems.push({ field: 'deliveredOn', label: '送达日期', message: '须是有效日期，且不早于决定日' });
  if (problems.length) throw validationError(problems);
  const split = splitResponsibility(
    input.decisionMode,
    f.persons.map((p) => ({ id: p.id, role: p.role as PersonRole })),
  );
  for (const s of split) {
    const sanctions = input.persons.find((p) => p.personId === s.id)?.sanctions ?? [];
    await repo.updatePerson(tx, s.id, {
      share: s.share,
      shareBasis: s.basis,
      sanctionsJson: JSON.stringify(s.share === 'none' ? [] : sanctions),
    });
  }
  const row = await repo.updateCase(tx, id, {
    status,
    decisionMode: input.decisionMode,
    severity: input.severity,
    unitSanctionsJson: JSON.stringify(input.unitSanctions),
    decisionText: input.decisionText.trim(),
    decidedBy: ctx.actor.userId,
    decidedOn: today,
    deliveredOn: input.deliveredOn,
    reviewDueOn: reviewDueOn(input.deliveredOn),
    updatedAt: nowIso(deps),
  });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_decided',
    { ...input, split, status },
    {
      status: f.row.status,
    },
  );
}

/** 复核 asked by a person concerned, within the period; the decision stays in force (第十三条). */
export async function requestReview(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: { reason: string }) {
  const f = await load(deps, tx, ctx, id);
  if (!policy.isConcerned(ctx.actor, f.ref)) throw new AppError('ACCOUNTABILITY_NOT_CONCERNED');
  const status = step(f, 'request_review');
  if (!input.reason.trim())
    throw validationError([{ field: 'reason', label: '复核理由', message: '不能为空' }]);
  const today = todayOf(deps);
  if (!f.row.deliveredOn || !reviewRequestInTime(f.row.deliveredOn, today))
    throw new AppError('ACCOUNTABILITY_REVIEW_LATE');
  const row = await repo.updateCase(tx, id, {
    status,
    reviewRequestedBy: ctx.actor.userId,
    reviewRequestedOn: today,
    reviewReason: input.reason.trim(),
    updatedAt: nowIso(deps),
  });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_review_requested',
    { reason: input.reason, status },
    {
      status: f.row.status,
    },
  );
}

export interface ReviewInput {
  outcome: ReviewOutcome;
  note: string;
  /** the corrected decision (outcome 'corrected') */
  decisionText?: string;
  persons?: { personId: number; sanctions: string[] }[];
}

/** The review result; a wrong decision is corrected or revoked (第十三条第二款). */
export async function decideReview(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: ReviewInput) {
  const f = await load(deps, tx, ctx, id);
  requireHandler(ctx, f);
  if (!policy.canDecideReview(ctx.actor, f.dir, f.ref)) throw new AppError('SEPARATION_OF_DUTIES');
  const status = step(f, 'decide_review');
  const problems: FieldProblem[] = [];
  if (!input.note.trim()) problems.push({ field: 'note', label: '复核意见', message: '不能为空' });
  if (input.outcome === 'corrected' && !input.decisionText?.trim())
    problems.push({
      field: 'decisionText',
      label: '纠正后的决定',
      message: '纠正原决定时须写明纠正后的决定',
    });
  if (input.persons)
    problems.push(...checkSanctions(f, (f.row.severity ?? 'minor') as Severity, input.persons, []));
  if (problems.length) throw validationError(problems);
  if (input.outcome === 'corrected' && input.persons)
    for (const p of input.persons)
      await repo.updatePerson(tx, p.personId, { sanctionsJson: JSON.stringify(p.sanctions) });
  const row = await repo.updateCase(tx, id, {
    status,
    reviewOutcome: input.outcome,
    reviewNote: input.note.trim(),
    reviewedBy: ctx.actor.userId,
    reviewedOn: todayOf(deps),
    ...(input.outcome === 'corrected' ? { decisionText: input.decisionText!.trim() } : {}),
    updatedAt: nowIso(deps),
  });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_reviewed',
    { ...input, status },
    {
      status: f.row.status,
      decisionText: f.row.decisionText,
    },
  );
}

/**
 * Closes the case: after the review, or once the review period passed without a request; with the
 * sanctioned unit's written rectification report when the unit was held responsible (第十四条).
 */
export async function closeCase(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { rectificationReport?: string | null },
) {
  const f = await load(deps, tx, ctx, id);
  requireHandler(ctx, f);
  const status = step(f, 'close');
  const today = todayOf(deps);
  if (f.row.status === 'decided' && f.row.reviewDueOn && today <= f.row.reviewDueOn)
    throw new AppError('ACCOUNTABILITY_INVALID_TRANSITION', {
      message: `申请复核的期限（至${f.row.reviewDueOn}）尚未届满，不能结案`,
    });
  const report = input.rectificationReport?.trim() || null;
  if (f.row.againstUnit === 1 && !report)
    throw validationError([
      {
        field: 'rectificationReport',
        label: '书面整改报告',
        message: '追究单位责任的案件须登记单位的书面整改报告',
      },
    ]);
  const row = await repo.updateCase(tx, id, {
    status,
    rectificationReport: report,
    closedOn: today,
    updatedAt: nowIso(deps),
  });
  await audit(
    deps,
    tx,
    ctx,
    row,
    'oversight.accountability_closed',
    { status, rectificationReport: report },
    {
      status: f.row.status,
    },
  );
}

export async function userNames(db: DbOrTx, ids: (number | null)[]) {
  return repo.userNames(
    db,
    ids.filter((i): i is number => i !== null),
  );
}
