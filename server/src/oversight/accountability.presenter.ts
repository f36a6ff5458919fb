/** JSON views of accountability cases (schemas in accountability.schemas.ts). */
import type { Static } from 'typebox';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import {
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  type CaseSource,
  type CaseStatus,
  DECISION_MODE_LABELS,
  type DecisionMode,
  decisionInForce,
  nextCaseStatus,
  PERSON_ROLE_LABELS,
  type PersonRole,
  REVIEW_OUTCOME_LABELS,
  type ReviewOutcome,
  SEVERITY_LABELS,
  type Severity,
  SHARE_LABELS,
  type Share,
  sanction,
  violationKind,
} from './accountability.ts';
import { accountabilityPolicy as policy } from './accountability.policy.ts';
import type { CaseDetail, CaseSummary } from './accountability.schemas.ts';
import type { CasePersonRow, CaseRow } from './accountability.table.ts';

const parse = (s: string | null): string[] => (s ? (JSON.parse(s) as string[]) : []);
const named = (codes: string[]) => codes.map((c) => ({ code: c, label: sanction(c)?.label ?? c }));

export function presentSummary(
  r: CaseRow,
  persons: CasePersonRow[],
  dir: AgencyDirectory,
  names: Map<number, string>,
): Static<typeof CaseSummary> {
  return {
    id: r.id,
    caseNo: r.caseNo,
    title: r.title,
    supervisorAgencyId: r.supervisorAgencyId,
    supervisorAgencyName: dir.get(r.supervisorAgencyId)?.name ?? '',
    agencyId: r.agencyId,
    agencyName: dir.get(r.agencyId)?.name ?? '',
    status: r.status,
    statusLabel: CASE_STATUS_LABELS[r.status as CaseStatus] ?? r.status,
    source: r.source,
    sourceLabel: CASE_SOURCE_LABELS[r.source as CaseSource] ?? r.source,
    persons: persons.filter((p) => p.caseId === r.id).map((p) => names.get(p.userId) ?? String(p.userId)),
    decidedOn: r.decidedOn,
    reviewDueOn: r.reviewDueOn,
    createdAt: r.createdAt,
  };
}

export function presentDetail(
  r: CaseRow,
  persons: CasePersonRow[],
  dir: AgencyDirectory,
  names: Map<number, string>,
  actor: StaffActor,
  today: string,
): Static<typeof CaseDetail> {
  const ref = {
    supervisorAgencyId: r.supervisorAgencyId,
    agencyId: r.agencyId,
    personUserIds: persons.map((p) => p.userId),
    decidedBy: r.decidedBy,
  };
  const handler = policy.canHandle(actor, dir, r.supervisorAgencyId, r.agencyId);
  const concerned = policy.isConcerned(actor, ref);
  const status = r.status as CaseStatus;
  const can = (e: Parameters<typeof nextCaseStatus>[1]) => nextCaseStatus(status, e) !== null;
  const mine = persons.find((p) => p.userId === actor.userId) ?? null;
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? String(id)));
  return {
    ...presentSummary(r, persons, dir, names),
    sourceId: r.sourceId,
    linkedType: r.linkedType,
    linkedId: r.linkedId,
    violations: parse(r.violationsJson).map((c) => {
      const k = violationKind(c);
      return { code: c, label: k?.label ?? c, basis: k?.basis ?? '' };
    }),
    facts: r.facts,
    againstUnit: r.againstUnit === 1,
    trail: r.trailJson ? JSON.parse(r.trailJson) : null,
    decisionMode: r.decisionMode,
    decisionModeLabel: r.decisionMode ? (DECISION_MODE_LABELS[r.decisionMode as DecisionMode] ?? null) : null,
    severity: r.severity,
    severityLabel: r.severity ? (SEVERITY_LABELS[r.severity as Severity] ?? null) : null,
    unitSanctions: named(parse(r.unitSanctionsJson)),
    decisionText: r.decisionText,
    decidedBy: name(r.decidedBy),
    deliveredOn: r.deliveredOn,
    inForce: decisionInForce(status, r.reviewOutcome as ReviewOutcome | null),
    reviewRequestedOn: r.reviewRequestedOn,
    reviewReason: r.reviewReason,
    reviewOutcome: r.reviewOutcome,
    reviewOutcomeLabel: r.reviewOutcome
      ? (REVIEW_OUTCOME_LABELS[r.reviewOutcome as ReviewOutcome] ?? null)
      : null,
    reviewNote: r.reviewNote,
    reviewedBy: name(r.reviewedBy),
    reviewedOn: r.reviewedOn,
    rectificationReport: r.rectificationReport,
    closedOn: r.closedOn,
    persons: persons.map((p) => ({
      id: p.id,
      userId: p.userId,
      name: names.get(p.userId) ?? String(p.userId),
      role: p.role,
      roleLabel: PERSON_ROLE_LABELS[p.role as PersonRole] ?? p.role,
      statement: p.statement,
      statementOn: p.statementOn,
      share: p.share,
      shareLabel: p.share ? (SHARE_LABELS[p.share as Share] ?? null) : null,
      shareBasis: p.shareBasis,
      sanctions: named(parse(p.sanctionsJson)),
    })),
    myPersonId: mine?.id ?? null,
    permissions: {
      investigate: handler && can('investigate'),
      recordStatement: (handler || concerned) && can('record_statement'),
      decide: handler && can('decide'),
      requestReview: concerned && can('request_review') && r.reviewDueOn !== null && today <= r.reviewDueOn,
      decideReview: policy.canDecideReview(actor, dir, ref) && can('decide_review'),
      close:
        handler &&
        can('close') &&
        !(status === 'decided' && r.reviewDueOn !== null && today <= r.reviewDueOn),
      downloadLetter: (handler || concerned) && r.decidedOn !== null,
    },
  };
}
