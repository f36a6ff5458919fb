/**
 * What leaves the server about inspections (house style rule 10). Staff see who recorded and decided;
 * the public page (oversight.pages.ts) never names a person — only agencies, check points, the
 * findings as the inspector wrote them and the rectification status (《政府信息公开条例》第十五条:
 * personal data is not disclosed).
 */
import type { Static } from 'typebox';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { checkPointLabel } from './check-point.ts';
import { INSPECTION_KIND_LABELS, PLAN_STATUS_LABELS } from './inspection.ts';
import { EVIDENCE_KIND_LABELS, type Evidence, isOverdue, statusLabel } from './rectification.ts';
import type {
  EvidenceView,
  FindingView,
  PlanView,
  RectificationEntry,
  RectificationView,
  ReportView,
} from './oversight.schemas.ts';
import type { Finding, Plan, Rectification, RectificationListEntry, Report } from './oversight.service.ts';

type Names = Map<number, string>;

export function agencyRef(dir: AgencyDirectory, id: number) {
  return { id, name: dir.get(id)?.name ?? `机关 ${id}` };
}

export function attributesLabel(p: Pick<Plan, 'regular' | 'mutual' | 'sampling' | 'kind'>): string {
  return [
    p.regular ? '定期检查' : '不定期检查',
    p.kind === 'self' ? '自查' : p.mutual ? '互查' : '督查',
    p.sampling ? '抽查' : '普查',
  ].join(' · ');
}

const nameOf = (names: Names, id: number | null) => (id === null ? null : (names.get(id) ?? null));

export function presentPlan(
  p: Plan,
  dir: AgencyDirectory,
  names: Names,
  findingCount: number,
  visibleAgencies?: readonly number[],
): PlanView {
  return {
    id: p.id,
    organizer: agencyRef(dir, p.organizerAgencyId),
    kind: p.kind,
    kindLabel: INSPECTION_KIND_LABELS[p.kind],
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    regular: p.regular,
    mutual: p.mutual,
    sampling: p.sampling,
    attributesLabel: attributesLabel(p),
    status: p.status,
    statusLabel: PLAN_STATUS_LABELS[p.status],
    summary: p.summary,
    agencies: (visibleAgencies ?? p.agencyIds).map((id) => agencyRef(dir, id)),
    findingCount,
    createdAt: p.createdAt,
    concludedAt: p.concludedAt,
    concludedBy: nameOf(names, p.concludedBy),
    publishedAt: p.publishedAt,
    publishedBy: nameOf(names, p.publishedBy),
  };
}

export function evidenceHref(e: Evidence): string {
  if (e.kind === 'item') return `/items/${e.ref}`;
  if (e.kind === 'application') return `/requests/${e.ref}`;
  return e.ref;
}

export function presentEvidence(e: Evidence): Static<typeof EvidenceView> {
  return {
    kind: e.kind,
    kindLabel: EVIDENCE_KIND_LABELS[e.kind],
    ref: e.ref,
    note: e.note,
    href: evidenceHref(e),
  };
}

export function presentRectification(
  r: Rectification,
  dir: AgencyDirectory,
  today: string,
): Static<typeof RectificationView> {
  return {
    id: r.id,
    findingId: r.findingId,
    planId: r.planId,
    owner: agencyRef(dir, r.ownerAgencyId),
    requirement: r.requirement,
    orderedOn: r.orderedOn,
    workingDays: r.workingDays,
    dueOn: r.dueOn,
    status: r.status,
    statusLabel: statusLabel(r, today),
    overdue: isOverdue(r, today),
    acceptedOn: r.acceptedOn,
  };
}

export function presentFinding(
  f: Finding,
  r: Rectification | undefined,
  dir: AgencyDirectory,
  names: Names,
  today: string,
): Static<typeof FindingView> {
  return {
    id: f.id,
    agency: agencyRef(dir, f.agencyId),
    checkPoint: f.checkPoint,
    checkPointLabel: checkPointLabel(f.checkPoint),
    description: f.description,
    evidence: f.evidence.map(presentEvidence),
    recordedAt: f.recordedAt,
    recordedBy: nameOf(names, f.recordedBy),
    rectification: r ? presentRectification(r, dir, today) : null,
    files: f.files.map((x) => ({
      id: x.id,
      filename: x.filename,
      mime: x.mime,
      size: x.size,
      uploadedAt: x.uploadedAt,
      href: `/api/v1/admin/oversight/findings/${f.id}/files/${x.id}`,
    })),
  };
}

export function presentReport(r: Report, names: Names): Static<typeof ReportView> {
  return {
    id: r.id,
    round: r.round,
    body: r.body,
    submittedOn: r.submittedOn,
    submittedBy: nameOf(names, r.submittedBy),
    decision: r.decision,
    decisionNote: r.decisionNote,
    decidedBy: nameOf(names, r.decidedBy),
    decidedAt: r.decidedAt,
  };
}

export function presentPlanRef(p: Plan, dir: AgencyDirectory) {
  return {
    id: p.id,
    title: p.title,
    kindLabel: INSPECTION_KIND_LABELS[p.kind],
    organizer: agencyRef(dir, p.organizerAgencyId),
  };
}

export function presentEntry(
  e: RectificationListEntry,
  dir: AgencyDirectory,
  today: string,
): Static<typeof RectificationEntry> {
  return {
    rectification: presentRectification(e.rectification, dir, today),
    plan: presentPlanRef(e.plan, dir),
    checkPointLabel: checkPointLabel(e.finding.checkPoint),
    description: e.finding.description,
  };
}
