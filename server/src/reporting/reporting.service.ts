import { agencyDirectory } from '../agencies/agency.service.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type AnnualReport,
  type AnyTable3,
  type ApplicantColumn,
  checkIdentities,
  comparableFigures,
  computeTable3,
  computeTable4,
  figuresShapeProblems,
  type IdentityProblem,
  type Narrative,
  type ReportAppeal,
  type ReportApplication,
  type ReportFormat,
  type Table2,
  type Table3,
  type Table3RowKey,
  type TaggedFigures,
  table3FromCounts,
  table3Rows,
} from './annual-report.ts';
import { reportingPolicy } from './reporting.policy.ts';
import {
  type ApplicationCountRow,
  type ApplicationFact,
  reportingRepository,
} from './reporting.repository.ts';
import type { AnnualReportRow } from './reporting.table.ts';
import {
  appealKindOf,
  appealOutcomeOf,
  columnOf,
  EMPTY_INPUTS,
  nextStatus,
  outcomeOf,
  prefillNarrative,
  type ReportAction,
  type ReportInputs,
  type ReportStatus,
} from './report-workflow.ts';

interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

/** An agency's own records: the agency and its internal units (a government's report does not absorb its departments'). */
export function ownScope(dir: AgencyDirectory, agencyId: number): number[] {
  const out = [agencyId];
  const stack = dir.childrenOf(agencyId).filter((c) => c.kind === 'unit');
  while (stack.length > 0) {
    const u = stack.pop()!;
    out.push(u.id);
    stack.push(...dir.childrenOf(u.id).filter((c) => c.kind === 'unit'));
  }
  return out;
}

export interface ComputedReport {
  report: AnnualReport;
  /** the report's figures with their format tag (2019 only for an entered or imported past year) */
  figures: TaggedFigures;
  problems: IdentityProblem[];
  row: AnnualReportRow | null;
  status: ReportStatus | 'none';
}

function toReportApplication(a: ApplicationFact): ReportApplication {
  return {
    id: a.id,
    column: columnOf(a.applicantKind, a.orgType),
    receivedOn: a.receivedOn,
    decidedOn: a.decidedOn,
    outcome: outcomeOf(a.reportCategory, a.decidedOn),
  };
}

/** Table 三 from the database's GROUP BY (same rules as `computeTable3` over the applications). */
function table3OfCounts(rows: readonly ApplicationCountRow[], year: number): Table3 {
  return table3FromCounts(
    rows.map((r) => ({
      column: columnOf(r.applicantKind, r.orgType),
      isNew: r.isNew === 1,
      outcome: r.decidedInYear === 1 ? outcomeOf(r.reportCategory, `${year}-12-31`) : null,
      n: r.n,
    })),
  );
}

async function computeFigures(deps: Deps, db: DbOrTx, agencyId: number, year: number, inputs: ReportInputs) {
  const dir = await agencyDirectory(deps, db);
  const scope = ownScope(dir, agencyId);
  const table3 = table3OfCounts(await reportingRepository.table3Counts(db, scope, year), year);
  const appeals: ReportAppeal[] = [];
  for (const a of await reportingRepository.appealFacts(db, scope, year)) {
    const kind = appealKindOf(a.kind);
    if (kind)
      appeals.push({
        id: a.id,
        kind,
        filedOn: a.filedOn,
        decidedOn: a.decidedOn,
        outcome: appealOutcomeOf(a.outcome),
      });
  }
  const normative = await reportingRepository.normativeDocCounts(db, scope, year);
  const table4 = computeTable4(appeals, year);
  const table2: Table2 = {
    rules: { issued: inputs.rulesIssued, abolished: inputs.rulesAbolished, inForce: inputs.rulesInForce },
    normativeDocs: normative,
    licensing: inputs.licensing,
    penalties: inputs.penalties,
    enforcement: inputs.enforcement,
    feesTenThousandYuan: inputs.feesTenThousandYuan,
  };
  const published = await reportingRepository.publishedItemCount(db, scope, year);
  return {
    table2,
    table3,
    table4,
    published,
    normativeIssued: normative.issued,
    timeliness: lateReplies(await reportingRepository.repliesOfYear(db, scope, year)),
    fees: await reportingRepository.feesPaid(db, scope, year),
  };
}

/**
 * Replies and late replies (R.33): one reply per application, judged against its latest live reply
 * deadline (an application without a stored deadline is not called late — nothing to compare with).
 */
export function lateReplies(
  rows: readonly { id: number; repliedOn: string; dueDate: string | null; deadlineId: number | null }[],
): { replies: number; late: number } {
  const latest = new Map<number, { repliedOn: string; dueDate: string | null; deadlineId: number }>();
  for (const r of rows) {
    const prev = latest.get(r.id);
    if (!prev || (r.deadlineId ?? 0) > prev.deadlineId)
      latest.set(r.id, { repliedOn: r.repliedOn, dueDate: r.dueDate, deadlineId: r.deadlineId ?? 0 });
  }
  let late = 0;
  for (const r of latest.values()) if (r.dueDate && r.repliedOn > r.dueDate) late++;
  return { replies: latest.size, late };
}

export interface OverviewItem {
  agencyId: number;
  status: ReportStatus | 'none';
  publishedAt: string | null;
  table3: AnyTable3;
  problems: number;
}

/**
 * The supervising office's one-screen overview: every agency's report status and Table 三 key figures,
 * from ONE query over all the agencies' applications (frozen figures where a report is approved).
 */
export async function overview(
  deps: Deps,
  db: DbOrTx,
  agencyIds: number[],
  year: number,
): Promise<OverviewItem[]> {
  const dir = await agencyDirectory(deps, db);
  const owner = new Map<number, number>();
  for (const a of agencyIds) for (const id of ownScope(dir, a)) owner.set(id, a);
  // one grouped query for every agency (a few rows per agency), not one row per application
  const counts = await reportingRepository.table3Counts(db, [...owner.keys()], year);
  const byAgency = new Map<number, ApplicationCountRow[]>();
  for (const c of counts) {
    const o = owner.get(c.agencyId)!;
    const list = byAgency.get(o) ?? [];
    list.push(c);
    byAgency.set(o, list);
  }
  const rows = new Map(
    (await reportingRepository.reportsOfYear(db, agencyIds, year)).map((r) => [r.agencyId, r]),
  );
  return agencyIds.map((agencyId) => {
    const row = rows.get(agencyId);
    const frozen = row ? frozenOf(row) : null;
    const table3 =
      (frozen?.table3 as AnyTable3 | undefined) ?? table3OfCounts(byAgency.get(agencyId) ?? [], year);
    const table4 = frozen?.table4 ?? computeTable4([], year);
    return {
      agencyId,
      status: (row?.status as ReportStatus | undefined) ?? 'none',
      publishedAt: row?.publishedAt ?? null,
      table3,
      problems: checkIdentities(table3, table4, frozen?.format ?? '2021').length,
    };
  });
}

function parse<T>(json: string | null, fallback: T): T {
  if (!json) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(json) as T) };
  } catch {
    return fallback;
  }
}

/** The stored figures of an approved, imported or entered report, tagged with the row's format. */
function frozenOf(row: AnnualReportRow): TaggedFigures | null {
  if (!row.figuresJson) return null;
  const f = JSON.parse(row.figuresJson) as Omit<TaggedFigures, 'format'>;
  return { ...f, format: row.format === '2019' ? '2019' : '2021' } as TaggedFigures;
}

/** The report for (agency, year): frozen figures once approved or imported, else computed live from the records. */
export async function computeReport(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  year: number,
): Promise<ComputedReport> {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND');
  const row = (await reportingRepository.report(db, agencyId, year)) ?? null;
  const inputs = parse<ReportInputs>(row?.inputsJson ?? null, EMPTY_INPUTS);
  const frozen = row ? frozenOf(row) : null;
  const live = frozen ? null : await computeFigures(deps, db, agencyId, year, inputs);
  const figures: TaggedFigures = frozen ?? {
    format: '2021',
    table2: live!.table2,
    table3: live!.table3,
    table4: live!.table4,
  };
  const cmp = comparableFigures(figures);
  const narrativeDefault = prefillNarrative({
    agencyName: agency.name,
    year,
    published: live?.published ?? 0,
    normativeIssued: cmp.normativeIssued,
    newApplications: cmp.newApplications,
    handled: cmp.handled,
    disclosed: cmp.disclosed,
    partial: cmp.partial,
    carriedOut: cmp.carriedOut,
    appeals: cmp.appeals,
    corrected: cmp.appealsCorrected,
    replies: live?.timeliness.replies ?? 0,
    lateReplies: live?.timeliness.late ?? 0,
    // the records, not the entered figure: the narrative states only what was recorded (109号)
    processingFeesYuan: live?.fees.yuan ?? 0,
    processingFeesPaid: live?.fees.count ?? 0,
  });
  const narrative = parse<Narrative>(row?.narrativeJson ?? null, narrativeDefault);
  const base = { agencyName: agency.name, year, table4: figures.table4, narrative };
  const report: AnnualReport =
    figures.format === '2019'
      ? { ...base, format: '2019', table2: figures.table2, table3: figures.table3 }
      : { ...base, format: '2021', table2: figures.table2, table3: figures.table3 };
  return {
    report,
    figures,
    problems: checkIdentities(figures.table3 as AnyTable3, figures.table4, figures.format),
    row,
    status: (row?.status as ReportStatus | undefined) ?? 'none',
  };
}

/**
 * The records behind one Table 三 row of a computed report (the drill-down under a broken identity or
 * a surprising figure), fetched only when asked for: the row's applications, optionally one column.
 */
export async function rowApplications(
  deps: Deps,
  db: DbOrTx,
  agencyId: number,
  year: number,
  rowKey: string,
  column?: ApplicantColumn,
): Promise<{ id: number; registrationNo: string; column: ApplicantColumn }[]> {
  if (!table3Rows('2021').includes(rowKey)) throw new AppError('REPORT_ROW_UNKNOWN');
  const row = await reportingRepository.report(db, agencyId, year);
  if (row && row.source !== 'computed') throw new AppError('REPORT_ROW_NO_RECORDS');
  const dir = await agencyDirectory(deps, db);
  const facts = await reportingRepository.applicationFacts(db, ownScope(dir, agencyId), year);
  const apps = facts.map(toReportApplication);
  const ids = new Set(computeTable3(apps, year).contributors.get(rowKey as Table3RowKey) ?? []);
  return facts
    .filter((f) => ids.has(f.id))
    .map((f) => ({
      id: f.id,
      registrationNo: f.registrationNo,
      column: columnOf(f.applicantKind, f.orgType),
    }))
    .filter((a) => !column || a.column === column);
}

function assertYear(deps: Deps, year: number): void {
  const current = Number(chinaDate(deps.clock.now()).slice(0, 4));
  if (year < 2008 || year > current) throw new AppError('REPORT_YEAR_INVALID');
}

async function ensureRow(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  year: number,
): Promise<AnnualReportRow> {
  const existing = await reportingRepository.report(tx, agencyId, year);
  if (existing) return existing;
  const now = deps.clock.now().toISOString();
  const row = await reportingRepository.insertReport(tx, {
    agencyId,
    year,
    format: '2021',
    source: 'computed',
    status: 'draft',
    inputsJson: JSON.stringify(EMPTY_INPUTS),
    narrativeJson: 'null',
    figuresJson: null,
    submittedBy: null,
    approvedBy: null,
    approvedAt: null,
    publishedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'annual_report',
    entityId: row.id,
    action: 'report.created',
    after: { year },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** Saves the entered figures and the narrative of a draft. */
export async function saveDraft(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  year: number,
  input: { inputs?: Partial<ReportInputs>; narrative?: Narrative },
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  if (!reportingPolicy.canEdit(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  assertYear(deps, year);
  const row = await ensureRow(deps, tx, ctx, agencyId, year);
  if (row.status !== 'draft') throw new AppError('REPORT_NOT_EDITABLE');
  const patch: Partial<AnnualReportRow> = { updatedAt: deps.clock.now().toISOString() };
  if (input.inputs)
    patch.inputsJson = JSON.stringify({ ...parse(row.inputsJson, EMPTY_INPUTS), ...input.inputs });
  if (input.narrative) patch.narrativeJson = JSON.stringify(input.narrative);
  const after = await reportingRepository.updateReport(tx, row.id, patch);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'annual_report',
    entityId: row.id,
    action: 'report.draft_saved',
    before: { inputs: row.inputsJson, narrative: row.narrativeJson },
    after: { inputs: after.inputsJson, narrative: after.narrativeJson },
    ip: ctx.ip ?? null,
  });
}

/** submit → approve (figures frozen) → publish; return sends it back to a draft (and unfreezes the figures). */
export async function transitionReport(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  year: number,
  action: ReportAction,
): Promise<ReportStatus> {
  const dir = await agencyDirectory(deps, tx);
  const canApprove = reportingPolicy.canApprove(ctx.actor, dir, agencyId);
  const canEdit = reportingPolicy.canEdit(ctx.actor, dir, agencyId);
  // the disclosure office may withdraw its own submission; only an approver sends back an approved report
  const allowed = action === 'approve' ? canApprove : action === 'return' ? canApprove || canEdit : canEdit;
  if (!allowed) throw new AppError('FORBIDDEN');
  assertYear(deps, year);
  const row =
    action === 'submit'
      ? await ensureRow(deps, tx, ctx, agencyId, year)
      : await reportingRepository.report(tx, agencyId, year);
  if (!row) throw new AppError('REPORT_NOT_FOUND');
  if (row.source !== 'computed')
    throw new AppError('REPORT_ACTION_NOT_ALLOWED', { message: '导入的往年报告不走审批流程' });
  const to = nextStatus(row.status as ReportStatus, action);
  if (!to) throw new AppError('REPORT_ACTION_NOT_ALLOWED');
  if (action === 'return' && row.status === 'approved' && !canApprove) throw new AppError('FORBIDDEN');
  const now = deps.clock.now().toISOString();
  const patch: Partial<AnnualReportRow> = { status: to, updatedAt: now };
  if (action === 'submit') {
    const c = await computeReport(deps, tx, agencyId, year);
    if (c.problems.length > 0)
      throw new AppError('REPORT_IDENTITIES_BROKEN', { detail: { problems: c.problems } });
    patch.submittedBy = ctx.actor.userId;
    if (row.narrativeJson === 'null') patch.narrativeJson = JSON.stringify(c.report.narrative);
  }
  if (action === 'approve') {
    const c = await computeReport(deps, tx, agencyId, year);
    if (c.problems.length > 0)
      throw new AppError('REPORT_IDENTITIES_BROKEN', { detail: { problems: c.problems } });
    // a computed report is always in the 2021 format (row.format stays '2021')
    patch.figuresJson = JSON.stringify({
      table2: c.figures.table2,
      table3: c.figures.table3,
      table4: c.figures.table4,
    });
    patch.approvedBy = ctx.actor.userId;
    patch.approvedAt = now;
  }
  if (action === 'return') {
    patch.figuresJson = null;
    patch.approvedBy = null;
    patch.approvedAt = null;
  }
  if (action === 'publish') patch.publishedAt = now;
  await reportingRepository.updateReport(tx, row.id, patch);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'annual_report',
    entityId: row.id,
    action: `report.${action === 'return' ? 'returned' : action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'published'}`,
    before: { status: row.status },
    after: { status: to },
    ip: ctx.ip ?? null,
  });
  return to;
}

/** Enters or imports a past year's report (2019 or 2021 format) so year-on-year comparison works from the first year. */
export async function importPastReport(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  input: {
    year: number;
    format: ReportFormat;
    figures: Omit<TaggedFigures, 'format'>;
    narrative: Narrative;
    source: 'imported' | 'entered';
  },
): Promise<AnnualReportRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!reportingPolicy.canEdit(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  assertYear(deps, input.year);
  // every cell of the chosen format, and nothing of the other one
  const missing = figuresShapeProblems({ ...input.figures, format: input.format } as TaggedFigures);
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      message: `报告表格不完整或与所选格式（${input.format} 格式）不符：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 处` : ''}`,
      fields: [{ field: 'figures', label: '报告表格', message: missing[0]! }],
    });
  if (await reportingRepository.report(tx, agencyId, input.year)) throw new AppError('REPORT_EXISTS');
  const now = deps.clock.now().toISOString();
  const row = await reportingRepository.insertReport(tx, {
    agencyId,
    year: input.year,
    format: input.format,
    source: input.source,
    status: 'published',
    inputsJson: JSON.stringify(EMPTY_INPUTS),
    narrativeJson: JSON.stringify(input.narrative),
    figuresJson: JSON.stringify({
      table2: input.figures.table2,
      table3: input.figures.table3,
      table4: input.figures.table4,
    }),
    submittedBy: ctx.actor.userId,
    approvedBy: ctx.actor.userId,
    approvedAt: now,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'annual_report',
    entityId: row.id,
    action: 'report.imported',
    after: { year: input.year, format: input.format },
    ip: ctx.ip ?? null,
  });
  return row;
}
