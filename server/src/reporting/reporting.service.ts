import { agencyDirectory } from '../agencies/agency.service.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../identity/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import {
  type AnnualReport,
  checkIdentities,
  computeTable3,
  computeTable4,
  type IdentityProblem,
  type Narrative,
  type ReportAppeal,
  type ReportApplication,
  type Table2,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './annual-report.ts';
import { reportingPolicy } from './reporting.policy.ts';
import { type ApplicationFact, reportingRepository } from './reporting.repository.ts';
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
  problems: IdentityProblem[];
  /** application ids behind each Table 三 row, to explain a broken identity */
  contributors: Partial<Record<Table3RowKey, (number | string)[]>>;
  row: AnnualReportRow | null;
  status: ReportStatus | 'none';
}

function toReportApplication(a: ApplicationFact): ReportApplication {
  return {
    id: a.id,
    column: columnOf(a.applicantKind, a.orgType),
    receivedOn: a.receivedOn,
    closedOn: a.closedOn,
    outcome: outcomeOf(a.reportCategory, a.closedOn),
  };
}

async function computeFigures(deps: Deps, db: DbOrTx, agencyId: number, year: number, inputs: ReportInputs) {
  const dir = await agencyDirectory(deps, db);
  const scope = ownScope(dir, agencyId);
  const apps = (await reportingRepository.applicationFacts(db, scope, year)).map(toReportApplication);
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
  const { table: table3, contributors } = computeTable3(apps, year);
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
    contributors: Object.fromEntries(contributors),
    published,
    normativeIssued: normative.issued,
  };
}

export interface OverviewItem {
  agencyId: number;
  status: ReportStatus | 'none';
  table3: Table3;
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
  const facts = await reportingRepository.applicationFacts(db, [...owner.keys()], year);
  const byAgency = new Map<number, ReportApplication[]>();
  for (const f of facts) {
    const o = owner.get(f.agencyId)!;
    const list = byAgency.get(o) ?? [];
    list.push(toReportApplication(f));
    byAgency.set(o, list);
  }
  const rows = new Map(
    (await reportingRepository.reportsOfYear(db, agencyIds, year)).map((r) => [r.agencyId, r]),
  );
  return agencyIds.map((agencyId) => {
    const row = rows.get(agencyId);
    const frozen = row?.figuresJson ? (JSON.parse(row.figuresJson) as Frozen) : null;
    const table3 = frozen?.table3 ?? computeTable3(byAgency.get(agencyId) ?? [], year).table;
    const table4 = frozen?.table4 ?? computeTable4([], year);
    return {
      agencyId,
      status: (row?.status as ReportStatus | undefined) ?? 'none',
      table3,
      problems: checkIdentities(table3, table4).length,
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

interface Frozen {
  table2: Table2;
  table3: Table3;
  table4: Table4;
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
  const frozen = row?.figuresJson ? (JSON.parse(row.figuresJson) as Frozen) : null;
  const live = frozen ? null : await computeFigures(deps, db, agencyId, year, inputs);
  const t = frozen ?? live!;
  const narrativeDefault = prefillNarrative({
    agencyName: agency.name,
    year,
    published: live?.published ?? 0,
    normativeIssued: t.table2.normativeDocs.issued,
    newApplications: t.table3.new.total,
    handled: t.table3.total.total,
    disclosed: t.table3.disclosed.total,
    partial: t.table3.partial.total,
    carriedOut: t.table3.carried_out.total,
    appeals:
      t.table4.reconsideration.total +
      t.table4.litigation_direct.total +
      t.table4.litigation_after_reconsideration.total,
    corrected:
      t.table4.reconsideration.corrected +
      t.table4.litigation_direct.corrected +
      t.table4.litigation_after_reconsideration.corrected,
    processingFeesYuan: inputs.processingFeesYuan,
  });
  const narrative = parse<Narrative>(row?.narrativeJson ?? null, narrativeDefault);
  const report: AnnualReport = {
    agencyName: agency.name,
    year,
    table2: t.table2,
    table3: t.table3,
    table4: t.table4,
    narrative,
  };
  return {
    report,
    problems: checkIdentities(t.table3, t.table4),
    contributors: live?.contributors ?? {},
    row,
    status: (row?.status as ReportStatus | undefined) ?? 'none',
  };
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
    patch.figuresJson = JSON.stringify({
      table2: c.report.table2,
      table3: c.report.table3,
      table4: c.report.table4,
    } satisfies Frozen);
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
    format: '2019' | '2021';
    figures: Frozen;
    narrative: Narrative;
    source: 'imported' | 'entered';
  },
): Promise<AnnualReportRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!reportingPolicy.canEdit(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  assertYear(deps, input.year);
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
    figuresJson: JSON.stringify(input.figures),
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
