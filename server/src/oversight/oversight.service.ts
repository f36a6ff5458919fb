/**
 * Use cases of inspections and rectification (监督检查与整改). Each takes (deps, tx, ctx, …); the route
 * opens the transaction and every state change writes its audit event in it. Who may act is
 * oversight.policy.ts; the rules are inspection.ts and rectification.ts.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError, type FieldProblem, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { checkPoint } from './check-point.ts';
import {
  type InspectionKind,
  nextPlanStatus,
  type PlanDraft,
  type PlanEvent,
  type PlanStatus,
  scopeProblems,
} from './inspection.ts';
import { oversightPolicy } from './oversight.policy.ts';
import { type EvidenceFileMeta, oversightRepository as repo } from './oversight.repository.ts';
import { checkAttachment } from '../publication/index.ts';
import type { FindingRow, PlanRow, RectificationRow, ReportRow } from './oversight.table.ts';
import {
  type Evidence,
  isEvidenceUrl,
  isOverdue,
  nextRectificationStatus,
  type RectificationStatus,
  rectificationDue,
} from './rectification.ts';

export interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

export const todayOf = (deps: Deps) => chinaDate(deps.clock.now());

// ------------------------------------------------------------------ domain objects

export interface Plan {
  id: number;
  organizerAgencyId: number;
  kind: InspectionKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  regular: boolean;
  mutual: boolean;
  sampling: boolean;
  status: PlanStatus;
  summary: string | null;
  agencyIds: number[];
  createdBy: number | null;
  concludedBy: number | null;
  concludedAt: string | null;
  publishedBy: number | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface Finding {
  id: number;
  planId: number;
  agencyId: number;
  checkPoint: string;
  description: string;
  evidence: Evidence[];
  recordedBy: number | null;
  recordedAt: string;
  /** uploaded photos and documents (metadata; staff only) */
  files: EvidenceFileMeta[];
}

export interface Rectification {
  id: number;
  findingId: number;
  planId: number;
  ownerAgencyId: number;
  requirement: string;
  orderedOn: string;
  workingDays: number;
  dueOn: string;
  status: RectificationStatus;
  acceptedOn: string | null;
}

export interface Report {
  id: number;
  rectificationId: number;
  round: number;
  body: string;
  submittedBy: number | null;
  submittedOn: string;
  decision: 'accepted' | 'returned' | null;
  decisionNote: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

function toPlan(r: PlanRow, agencyIds: number[]): Plan {
  return {
    id: r.id,
    organizerAgencyId: r.organizerAgencyId,
    kind: r.kind as InspectionKind,
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    regular: r.regular === 1,
    mutual: r.mutual === 1,
    sampling: r.sampling === 1,
    status: r.status as PlanStatus,
    summary: r.summary,
    agencyIds,
    createdBy: r.createdBy,
    concludedBy: r.concludedBy,
    concludedAt: r.concludedAt,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
  };
}

function toFinding(r: FindingRow, files: EvidenceFileMeta[] = []): Finding {
  return {
    files: files.filter((f) => f.findingId === r.id),
    id: r.id,
    planId: r.planId,
    agencyId: r.agencyId,
    checkPoint: r.checkPoint,
    description: r.description,
    evidence: JSON.parse(r.evidenceJson) as Evidence[],
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
  };
}

function toRectification(r: RectificationRow): Rectification {
  return {
    id: r.id,
    findingId: r.findingId,
    planId: r.planId,
    ownerAgencyId: r.ownerAgencyId,
    requirement: r.requirement,
    orderedOn: r.orderedOn,
    workingDays: r.workingDays,
    dueOn: r.dueOn,
    status: r.status as RectificationStatus,
    acceptedOn: r.acceptedOn,
  };
}

function toReport(r: ReportRow): Report {
  return {
    id: r.id,
    rectificationId: r.rectificationId,
    round: r.round,
    body: r.body,
    submittedBy: r.submittedBy,
    submittedOn: r.submittedOn,
    decision: r.decision as Report['decision'],
    decisionNote: r.decisionNote,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  };
}

async function loadPlan(db: DbOrTx, id: number): Promise<Plan | undefined> {
  const row = await repo.plan(db, id);
  if (!row) return undefined;
  return toPlan(row, (await repo.planAgencies(db, [id])).get(id) ?? []);
}

// ------------------------------------------------------------------ plans

export interface PlanInput {
  organizerAgencyId: number;
  kind: InspectionKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  regular: boolean;
  mutual: boolean;
  sampling: boolean;
  agencyIds: number[];
}

export async function createPlan(deps: Deps, tx: DbOrTx, ctx: Ctx, input: PlanInput): Promise<Plan> {
  const dir = await agencyDirectory(deps, tx);
  const organizer = dir.get(input.organizerAgencyId);
  if (!organizer || organizer.kind === 'unit')
    throw validationError([{ field: 'organizerAgencyId', label: '组织检查的机关', message: '机关不存在' }]);
  if (!oversightPolicy.canOrganize(ctx.actor, organizer.id, input.kind)) throw new AppError('FORBIDDEN');
  const title = input.title.trim();
  const problems: FieldProblem[] = [];
  if (!title) problems.push({ field: 'title', label: '检查名称', message: '不能为空' });
  if (!isValidIsoDate(input.periodStart))
    problems.push({ field: 'periodStart', label: '检查期间（起）', message: '不是有效的日期' });
  if (!isValidIsoDate(input.periodEnd))
    problems.push({ field: 'periodEnd', label: '检查期间（止）', message: '不是有效的日期' });
  const agencyIds = [...new Set(input.agencyIds)];
  for (const id of agencyIds)
    if (!dir.get(id) || dir.get(id)!.kind === 'unit')
      problems.push({ field: 'agencyIds', label: '检查范围', message: `机关 ${id} 不存在或是内设机构` });
  const draft: PlanDraft = { ...input, title, agencyIds };
  problems.push(...scopeProblems(draft, new Set(dir.supervisedScope(organizer.id))));
  if (problems.length > 0) throw validationError(problems);
  const now = deps.clock.now().toISOString();
  const row = await repo.insertPlan(
    tx,
    {
      organizerAgencyId: organizer.id,
      kind: input.kind,
      title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      regular: input.regular ? 1 : 0,
      mutual: input.mutual ? 1 : 0,
      sampling: input.sampling ? 1 : 0,
      status: 'open' satisfies PlanStatus,
      summary: null,
      createdBy: ctx.actor.userId,
      concludedBy: null,
      concludedAt: null,
      publishedBy: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    },
    agencyIds,
  );
  const plan = toPlan(
    row,
    agencyIds.sort((a, b) => a - b),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: organizer.id,
    entityType: 'oversight_plan',
    entityId: plan.id,
    action: 'oversight.plan_created',
    after: plan,
    ip: ctx.ip ?? null,
  });
  return plan;
}

export interface PlanList {
  plans: Plan[];
  total: number;
  findingCounts: Map<number, number>;
  /** per plan: the agencies of its scope the actor sees */
  visible: Map<number, number[]>;
}

/** Plans the actor reads: organized by, or covering, an agency it reads (its own, or supervised). */
export async function listPlans(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  f: { status?: PlanStatus; year?: number; limit: number; offset: number },
): Promise<PlanList> {
  const dir = await agencyDirectory(deps);
  const agencies = actor.isPlatformAdmin ? 'all' : readableAgencies(actor, dir);
  const r = await repo.plans(db, { agencies, ...f });
  const scopes = await repo.planAgencies(
    db,
    r.rows.map((p) => p.id),
  );
  const plans = r.rows
    .map((p) => toPlan(p, scopes.get(p.id) ?? []))
    .filter((p) => oversightPolicy.canRead(actor, dir, p));
  const findings = await repo.findingsOf(
    db,
    plans.map((p) => p.id),
  );
  const findingCounts = new Map<number, number>();
  const visibleByPlan = new Map<number, number[]>();
  for (const p of plans) {
    const ids = oversightPolicy.visibleAgencies(actor, dir, p);
    const visible = new Set(ids);
    visibleByPlan.set(p.id, ids);
    findingCounts.set(p.id, findings.filter((x) => x.planId === p.id && visible.has(x.agencyId)).length);
  }
  return { plans, total: r.total, findingCounts, visible: visibleByPlan };
}

function readableAgencies(actor: StaffActor, dir: AgencyDirectory): number[] {
  const out = new Set<number>();
  for (const g of actor.grants) {
    for (const a of dir.ownUnits(g.agencyId)) out.add(a);
    for (const a of dir.supervisedScope(g.agencyId)) out.add(a);
  }
  return [...out];
}

export interface PlanDetail {
  plan: Plan;
  findings: Finding[];
  rectifications: Rectification[];
  reports: Report[];
  /** the agencies of the scope whose findings the actor sees */
  visibleAgencyIds: number[];
  actions: PlanAction[];
}

export type PlanAction = 'record_finding' | 'conclude' | 'reopen' | 'publish';

export async function planDetail(deps: Deps, db: DbOrTx, actor: StaffActor, id: number): Promise<PlanDetail> {
  const dir = await agencyDirectory(deps, db.isTransaction ? db : undefined);
  const plan = await loadPlan(db, id);
  if (!plan || !oversightPolicy.canRead(actor, dir, plan)) throw new AppError('OVERSIGHT_PLAN_NOT_FOUND');
  const visible = new Set(oversightPolicy.visibleAgencies(actor, dir, plan));
  const rows = (await repo.findingsOf(db, [id])).filter((f) => visible.has(f.agencyId));
  const files = await repo.filesOf(
    db,
    rows.map((f) => f.id),
  );
  const findings = rows.map((f) => toFinding(f, files));
  const rects = (await repo.rectificationsOfPlans(db, [id]))
    .filter((r) => visible.has(r.ownerAgencyId))
    .map(toRectification);
  const reports = (
    await repo.reportsOf(
      db,
      rects.map((r) => r.id),
    )
  ).map(toReport);
  return {
    plan,
    findings,
    rectifications: rects,
    reports,
    visibleAgencyIds: [...visible],
    actions: planActions(actor, plan),
  };
}

export function planActions(actor: StaffActor, plan: Plan): PlanAction[] {
  const out: PlanAction[] = [];
  if (oversightPolicy.canInspect(actor, plan)) {
    if (plan.status === 'open') out.push('record_finding', 'conclude');
    if (plan.status === 'concluded') out.push('reopen');
  }
  if (
    plan.status === 'concluded' &&
    oversightPolicy.canApprove(actor, plan) &&
    plan.concludedBy !== actor.userId
  )
    out.push('publish');
  return out;
}

/** 检查结束 (with the summary to publish), 退回继续检查, 审批并公开. */
export async function changePlanStatus(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  event: PlanEvent,
  input: { summary?: string | null } = {},
): Promise<Plan> {
  const dir = await agencyDirectory(deps, tx);
  const plan = await loadPlan(tx, id);
  if (!plan || !oversightPolicy.canRead(ctx.actor, dir, plan)) throw new AppError('OVERSIGHT_PLAN_NOT_FOUND');
  const allowed =
    event === 'publish'
      ? oversightPolicy.canApprove(ctx.actor, plan)
      : oversightPolicy.canInspect(ctx.actor, plan);
  if (!allowed) throw new AppError('FORBIDDEN');
  const status = nextPlanStatus(plan.status, event);
  if (!status) throw new AppError('OVERSIGHT_INVALID_TRANSITION');
  // 不相容岗位分离: who concluded the inspection does not approve its result (docs/access.md)
  if (event === 'publish' && plan.concludedBy === ctx.actor.userId)
    throw new AppError('SEPARATION_OF_DUTIES');
  const now = deps.clock.now().toISOString();
  const summary = input.summary?.trim() || null;
  if (event === 'conclude' && !summary)
    throw validationError([
      { field: 'summary', label: '检查情况通报', message: '检查结束时必须填写检查情况通报' },
    ]);
  const row = await repo.updatePlan(tx, id, {
    status,
    updatedAt: now,
    ...(event === 'conclude' ? { summary, concludedBy: ctx.actor.userId, concludedAt: now } : {}),
    ...(event === 'reopen' ? { concludedBy: null, concludedAt: null } : {}),
    ...(event === 'publish' ? { publishedBy: ctx.actor.userId, publishedAt: now } : {}),
  });
  const after = toPlan(row, plan.agencyIds);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: plan.organizerAgencyId,
    entityType: 'oversight_plan',
    entityId: id,
    action: `oversight.plan_${event === 'publish' ? 'published' : event === 'conclude' ? 'concluded' : 'reopened'}`,
    before: { status: plan.status },
    after: { status, summary: after.summary },
    ip: ctx.ip ?? null,
  });
  return after;
}

// ------------------------------------------------------------------ findings

export interface FindingInput {
  agencyId: number;
  checkPoint: string;
  description: string;
  evidence: { kind: Evidence['kind']; ref: string; note?: string | null }[];
  requirement: string;
  workingDays: number;
}

/** Records a finding and orders its rectification (限期整改) on the agency's working-day calendar. */
export async function recordFinding(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  planId: number,
  input: FindingInput,
): Promise<{ finding: Finding; rectification: Rectification }> {
  const dir = await agencyDirectory(deps, tx);
  const plan = await loadPlan(tx, planId);
  if (!plan || !oversightPolicy.canRead(ctx.actor, dir, plan)) throw new AppError('OVERSIGHT_PLAN_NOT_FOUND');
  if (!oversightPolicy.canInspect(ctx.actor, plan)) throw new AppError('FORBIDDEN');
  if (plan.status !== 'open') throw new AppError('OVERSIGHT_PLAN_NOT_OPEN');
  const problems: FieldProblem[] = [];
  if (!plan.agencyIds.includes(input.agencyId))
    problems.push({ field: 'agencyId', label: '被检查机关', message: '不在本次检查范围内' });
  if (!checkPoint(input.checkPoint))
    problems.push({ field: 'checkPoint', label: '检查要点', message: '不是检查要点目录中的一项' });
  const description = input.description.trim();
  if (!description) problems.push({ field: 'description', label: '发现的问题', message: '不能为空' });
  const requirement = input.requirement.trim();
  if (!requirement) problems.push({ field: 'requirement', label: '整改要求', message: '不能为空' });
  const evidence: Evidence[] = [];
  for (const [i, e] of input.evidence.entries()) {
    const field = `evidence.${i}.ref`;
    const ref = e.ref.trim();
    const note = e.note?.trim() || null;
    if (e.kind === 'url') {
      if (!isEvidenceUrl(ref))
        problems.push({ field, label: '证据链接', message: '应为 http:// 或 https:// 开头的网址' });
    } else {
      const id = /^[1-9]\d{0,9}$/.test(ref) ? Number(ref) : Number.NaN;
      const owner =
        Number.isSafeInteger(id) && id <= 2_147_483_647
          ? e.kind === 'item'
            ? await repo.itemAgency(tx, id)
            : await repo.applicationAgency(tx, id)
          : undefined;
      const label = e.kind === 'item' ? '公开信息编号' : '申请编号';
      if (owner === undefined) problems.push({ field, label, message: '不存在' });
      else if ((dir.owningAgency(owner)?.id ?? owner) !== input.agencyId)
        problems.push({ field, label, message: '不是被检查机关的记录' });
    }
    evidence.push({ kind: e.kind, ref, note });
  }
  if (problems.length > 0) throw validationError(problems);

  const today = todayOf(deps);
  const cal = await calendarFor(deps, input.agencyId, tx);
  const dueOn = rectificationDue(cal, today, input.workingDays);
  const now = deps.clock.now().toISOString();
  const finding = toFinding(
    await repo.insertFinding(tx, {
      planId,
      agencyId: input.agencyId,
      checkPoint: input.checkPoint,
      description,
      evidenceJson: JSON.stringify(evidence),
      recordedBy: ctx.actor.userId,
      recordedAt: now,
    }),
  );
  const rectification = toRectification(
    await repo.insertRectification(tx, {
      findingId: finding.id,
      planId,
      ownerAgencyId: input.agencyId,
      requirement,
      orderedOn: today,
      workingDays: input.workingDays,
      dueOn,
      status: 'open' satisfies RectificationStatus,
      acceptedOn: null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: plan.organizerAgencyId,
    entityType: 'oversight_finding',
    entityId: finding.id,
    action: 'oversight.finding_recorded',
    after: { finding, rectification },
    ip: ctx.ip ?? null,
  });
  return { finding, rectification };
}

/** Largest evidence file (photos of a service window, a scanned notice). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** The plan's inspectors attach a photo or document to a finding while the inspection is open. */
export async function uploadEvidence(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  findingId: number,
  input: { filename: string; data: Buffer },
): Promise<EvidenceFileMeta> {
  const dir = await agencyDirectory(deps, tx);
  const finding = await repo.finding(tx, findingId);
  const plan = finding ? await loadPlan(tx, finding.planId) : undefined;
  if (!finding || !plan || !oversightPolicy.visibleAgencies(ctx.actor, dir, plan).includes(finding.agencyId))
    throw new AppError('NOT_FOUND');
  if (!oversightPolicy.canInspect(ctx.actor, plan)) throw new AppError('FORBIDDEN');
  if (plan.status !== 'open') throw new AppError('OVERSIGHT_PLAN_NOT_OPEN');
  const filename = input.filename.trim();
  const checked = input.data.length > MAX_EVIDENCE_BYTES ? null : checkAttachment(filename, input.data);
  if (!checked || 'refused' in checked) throw new AppError('OVERSIGHT_FILE_REJECTED');
  const meta = await repo.insertFile(tx, {
    findingId,
    filename,
    mime: checked.mime,
    size: checked.size,
    sha256: checked.sha256,
    contentB64: input.data.toString('base64'),
    uploadedBy: ctx.actor.userId,
    uploadedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: plan.organizerAgencyId,
    entityType: 'oversight_finding',
    entityId: findingId,
    action: 'oversight.evidence_uploaded',
    after: meta,
    ip: ctx.ip ?? null,
  });
  return meta;
}

/** An evidence file, for whoever sees the finding (the organizer's side and the inspected agency). */
export async function evidenceFile(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  findingId: number,
  fileId: number,
) {
  const dir = await agencyDirectory(deps);
  const finding = await repo.finding(db, findingId);
  const plan = finding ? await loadPlan(db, finding.planId) : undefined;
  const file = await repo.file(db, fileId);
  if (
    !finding ||
    !plan ||
    !file ||
    file.findingId !== findingId ||
    !oversightPolicy.visibleAgencies(actor, dir, plan).includes(finding.agencyId)
  )
    throw new AppError('NOT_FOUND');
  return file;
}

// ------------------------------------------------------------------ rectification

export interface RectificationDetail {
  rectification: Rectification;
  finding: Finding;
  plan: Plan;
  reports: Report[];
  overdue: boolean;
  actions: RectificationAction[];
}

export type RectificationAction = 'submit_report' | 'accept' | 'return';

function rectificationActions(
  actor: StaffActor,
  dir: AgencyDirectory,
  plan: Plan,
  r: Rectification,
): RectificationAction[] {
  const out: RectificationAction[] = [];
  if (nextRectificationStatus(r.status, 'submit') && oversightPolicy.canReport(actor, dir, r.ownerAgencyId))
    out.push('submit_report');
  if (r.status === 'submitted' && oversightPolicy.canDecide(actor, dir, plan, r.ownerAgencyId))
    out.push('accept', 'return');
  return out;
}

/** A task is read by those who read its plan and see its agency's findings. */
async function loadRectification(deps: Deps, db: DbOrTx, actor: StaffActor, id: number) {
  const dir = await agencyDirectory(deps, db.isTransaction ? db : undefined);
  const row = await repo.rectification(db, id);
  const plan = row ? await loadPlan(db, row.planId) : undefined;
  if (!row || !plan || !oversightPolicy.visibleAgencies(actor, dir, plan).includes(row.ownerAgencyId))
    throw new AppError('OVERSIGHT_RECTIFICATION_NOT_FOUND');
  return { dir, plan, rect: toRectification(row) };
}

export async function rectificationDetail(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<RectificationDetail> {
  const { dir, plan, rect } = await loadRectification(deps, db, actor, id);
  const finding = toFinding(
    (await repo.finding(db, rect.findingId))!,
    await repo.filesOf(db, [rect.findingId]),
  );
  const reports = (await repo.reportsOf(db, [id])).map(toReport);
  return {
    rectification: rect,
    finding,
    plan,
    reports,
    overdue: isOverdue(rect, todayOf(deps)),
    actions: rectificationActions(actor, dir, plan, rect),
  };
}

/** The owner agency's staff submit the written rectification report (整改报告). */
export async function submitReport(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { body: string },
): Promise<Rectification> {
  const { dir, rect } = await loadRectification(deps, tx, ctx.actor, id);
  if (!oversightPolicy.canReport(ctx.actor, dir, rect.ownerAgencyId)) throw new AppError('FORBIDDEN');
  const body = input.body.trim();
  if (!body) throw validationError([{ field: 'body', label: '整改报告', message: '不能为空' }]);
  const status = nextRectificationStatus(rect.status, 'submit');
  if (!status) throw new AppError('OVERSIGHT_INVALID_TRANSITION');
  const now = deps.clock.now().toISOString();
  const round = (await repo.reportsOf(tx, [id])).length + 1;
  const report = await repo.insertReport(tx, {
    rectificationId: id,
    round,
    body,
    submittedBy: ctx.actor.userId,
    submittedOn: todayOf(deps),
    submittedAt: now,
    decision: null,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
  });
  const after = toRectification(await repo.updateRectification(tx, id, { status, updatedAt: now }));
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: rect.ownerAgencyId,
    entityType: 'oversight_rectification',
    entityId: id,
    action: 'oversight.report_submitted',
    before: { status: rect.status },
    after: { status, round, reportId: report.id, body },
    ip: ctx.ip ?? null,
  });
  return after;
}

/**
 * The supervising office accepts (验收通过) or returns (退回) the latest report; a return says why and
 * may set a new period in working days from today on the agency's calendar.
 */
export async function decideReport(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { decision: 'accept' | 'return'; note?: string | null; workingDays?: number },
): Promise<Rectification> {
  const { dir, plan, rect } = await loadRectification(deps, tx, ctx.actor, id);
  if (oversightPolicy.isOwner(ctx.actor, dir, rect.ownerAgencyId))
    throw new AppError('OVERSIGHT_OWN_RECTIFICATION');
  if (!oversightPolicy.canDecide(ctx.actor, dir, plan, rect.ownerAgencyId)) throw new AppError('FORBIDDEN');
  const status = nextRectificationStatus(rect.status, input.decision);
  if (!status) throw new AppError('OVERSIGHT_INVALID_TRANSITION');
  const note = input.note?.trim() || null;
  if (input.decision === 'return' && !note)
    throw validationError([
      { field: 'note', label: '退回理由', message: '退回时必须写明需要继续整改的内容' },
    ]);
  const reports = await repo.reportsOf(tx, [id]);
  const latest = reports[reports.length - 1];
  if (!latest || latest.decision !== null) throw new AppError('OVERSIGHT_INVALID_TRANSITION');
  const now = deps.clock.now().toISOString();
  const today = todayOf(deps);
  await repo.updateReport(tx, latest.id, {
    decision: input.decision === 'accept' ? 'accepted' : 'returned',
    decisionNote: note,
    decidedBy: ctx.actor.userId,
    decidedAt: now,
  });
  let dueOn = rect.dueOn;
  let workingDays = rect.workingDays;
  if (input.decision === 'return' && input.workingDays !== undefined) {
    dueOn = rectificationDue(await calendarFor(deps, rect.ownerAgencyId, tx), today, input.workingDays);
    workingDays = input.workingDays;
  }
  const after = toRectification(
    await repo.updateRectification(tx, id, {
      status,
      updatedAt: now,
      dueOn,
      workingDays,
      ...(input.decision === 'accept' ? { acceptedOn: today } : {}),
    }),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: plan.organizerAgencyId,
    entityType: 'oversight_rectification',
    entityId: id,
    action:
      input.decision === 'accept' ? 'oversight.rectification_accepted' : 'oversight.rectification_returned',
    before: { status: rect.status, dueOn: rect.dueOn },
    after: { status, dueOn, note, round: latest.round },
    ip: ctx.ip ?? null,
  });
  return after;
}

export interface RectificationListEntry {
  rectification: Rectification;
  finding: Finding;
  plan: Plan;
  overdue: boolean;
}

/**
 * Rectification tasks: `own` — the tasks of the agencies the actor reports for; `supervised` — the
 * tasks of the agencies it supervises as an inspector (the overdue list of the supervisor's dashboard).
 */
export async function listRectifications(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  f: {
    scope: 'own' | 'supervised';
    status?: RectificationStatus;
    overdue?: boolean;
    agencyId?: number;
    limit: number;
    offset: number;
  },
): Promise<{ entries: RectificationListEntry[]; total: number }> {
  const dir = await agencyDirectory(deps);
  let owners =
    f.scope === 'own' ? oversightPolicy.ownerScope(actor, dir) : oversightPolicy.supervisedScope(actor, dir);
  if (f.agencyId !== undefined) owners = owners.filter((a) => a === f.agencyId);
  const today = todayOf(deps);
  const r = await repo.rectifications(db, {
    owners,
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue ? { overdueBefore: today } : {}),
    limit: f.limit,
    offset: f.offset,
  });
  return { entries: await entriesOf(db, r.rows, today), total: r.total };
}

async function entriesOf(
  db: DbOrTx,
  rows: RectificationRow[],
  today: string,
): Promise<RectificationListEntry[]> {
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const planRows = await Promise.all(planIds.map((id) => repo.plan(db, id)));
  const scopes = await repo.planAgencies(db, planIds);
  const plans = new Map(
    planRows.filter((p): p is PlanRow => !!p).map((p) => [p.id, toPlan(p, scopes.get(p.id) ?? [])]),
  );
  const findings = new Map((await repo.findingsOf(db, planIds)).map((f) => [f.id, toFinding(f)]));
  return rows.map((row) => {
    const rectification = toRectification(row);
    return {
      rectification,
      finding: findings.get(row.findingId)!,
      plan: plans.get(row.planId)!,
      overdue: isOverdue(rectification, today),
    };
  });
}

/** Still-owed tasks of one agency due on or before `by` (the agency's to-do list). */
export async function owedRectifications(
  db: DbOrTx,
  ownerAgencyIds: number[],
  by: string,
  today: string,
): Promise<RectificationListEntry[]> {
  const r = await repo.rectifications(db, { owners: ownerAgencyIds, owedBy: by, limit: 200, offset: 0 });
  return entriesOf(db, r.rows, today);
}

// ------------------------------------------------------------------ publication

export interface PublishedResult {
  plan: Plan;
  findings: Finding[];
  rectifications: Rectification[];
}

/** Published inspection results (the portal page): plans approved for publication, newest first. */
export async function publishedResults(db: DbOrTx, limit = 50): Promise<PublishedResult[]> {
  return resultsOf(db, await repo.publishedPlans(db, limit));
}

/** One published result, or undefined when the plan does not exist or is not published. */
export async function publishedResult(db: DbOrTx, id: number): Promise<PublishedResult | undefined> {
  const row = await repo.plan(db, id);
  return row?.status === 'published' ? (await resultsOf(db, [row]))[0] : undefined;
}

async function resultsOf(db: DbOrTx, rows: PlanRow[]): Promise<PublishedResult[]> {
  const ids = rows.map((r) => r.id);
  const scopes = await repo.planAgencies(db, ids);
  const findings = (await repo.findingsOf(db, ids)).map((f) => toFinding(f)); // files never leave for the portal
  const rects = (await repo.rectificationsOfPlans(db, ids)).map(toRectification);
  return rows.map((r) => ({
    plan: toPlan(r, scopes.get(r.id) ?? []),
    findings: findings.filter((f) => f.planId === r.id),
    rectifications: rects.filter((x) => x.planId === r.id),
  }));
}

export async function userNames(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  return repo.userNames(
    db,
    ids.filter((i): i is number => i !== null),
  );
}
