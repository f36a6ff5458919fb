/** Shapes of /api/v1/admin/oversight/accountability (server/src/oversight/accountability.schemas.ts). */
export type CaseStatus =
  | 'opened'
  | 'investigating'
  | 'statement_recorded'
  | 'decided'
  | 'review_requested'
  | 'review_decided'
  | 'closed';

export interface Named {
  code: string;
  label: string;
}

export interface CaseSummary {
  id: number;
  caseNo: string;
  title: string;
  supervisorAgencyId: number;
  supervisorAgencyName: string;
  agencyId: number;
  agencyName: string;
  status: CaseStatus;
  statusLabel: string;
  source: string;
  sourceLabel: string;
  persons: string[];
  decidedOn: string | null;
  reviewDueOn: string | null;
  createdAt: string;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
  offices: { id: number; name: string; agencies: { id: number; name: string }[] }[];
}

export interface CasePerson {
  id: number;
  userId: number;
  name: string;
  role: string;
  roleLabel: string;
  statement: string | null;
  statementOn: string | null;
  share: string | null;
  shareLabel: string | null;
  shareBasis: string | null;
  sanctions: Named[];
}

export interface CaseDetail extends Omit<CaseSummary, 'persons'> {
  sourceId: number | null;
  linkedType: string | null;
  linkedId: number | null;
  violations: (Named & { basis: string })[];
  facts: string;
  againstUnit: boolean;
  trail: {
    drafterUserId: number | null;
    drafterLabel: string | null;
    approverUserId: number | null;
    approverLabel: string | null;
    suggestedMode: string;
  } | null;
  decisionMode: string | null;
  decisionModeLabel: string | null;
  severity: string | null;
  severityLabel: string | null;
  unitSanctions: Named[];
  decisionText: string | null;
  decidedBy: string | null;
  deliveredOn: string | null;
  inForce: boolean;
  reviewRequestedOn: string | null;
  reviewReason: string | null;
  reviewOutcome: string | null;
  reviewOutcomeLabel: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedOn: string | null;
  rectificationReport: string | null;
  closedOn: string | null;
  persons: CasePerson[];
  myPersonId: number | null;
  permissions: {
    investigate: boolean;
    recordStatement: boolean;
    decide: boolean;
    requestReview: boolean;
    decideReview: boolean;
    close: boolean;
    downloadLetter: boolean;
  };
}

export interface Catalog {
  violations: { code: string; level: 'unit' | 'individual'; label: string; basis: string }[];
  sanctions: { code: string; label: string; severity: string; applies: 'person' | 'unit' | 'both' }[];
  severities: Named[];
  decisionModes: Named[];
  personRoles: Named[];
  reviewOutcomes: Named[];
  reviewRequestDays: number;
  statute: string;
}

export interface Candidates {
  items: { userId: number; name: string; roles: string[] }[];
}
