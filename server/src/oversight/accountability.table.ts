/** Kysely table types of the accountability cases (migration 0022_oversight_accountability). */
import type { Generated, Selectable } from 'kysely';

export interface OversightAccountabilityCasesTable {
  id: Generated<number>;
  supervisorAgencyId: number;
  agencyId: number;
  caseNo: string;
  title: string;
  source: string;
  sourceId: number | null;
  linkedType: string | null;
  linkedId: number | null;
  violationsJson: string;
  facts: string;
  againstUnit: number;
  decisionMode: string | null;
  trailJson: string | null;
  status: string;
  severity: string | null;
  unitSanctionsJson: string | null;
  decisionText: string | null;
  decidedBy: number | null;
  decidedOn: string | null;
  deliveredOn: string | null;
  reviewDueOn: string | null;
  reviewRequestedBy: number | null;
  reviewRequestedOn: string | null;
  reviewReason: string | null;
  reviewOutcome: string | null;
  reviewNote: string | null;
  reviewedBy: number | null;
  reviewedOn: string | null;
  rectificationReport: string | null;
  closedOn: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface OversightAccountabilityPersonsTable {
  id: Generated<number>;
  caseId: number;
  userId: number;
  role: string;
  statement: string | null;
  statementOn: string | null;
  share: string | null;
  shareBasis: string | null;
  sanctionsJson: string | null;
  createdAt: string;
}

export type CaseRow = Selectable<OversightAccountabilityCasesTable>;
export type CasePersonRow = Selectable<OversightAccountabilityPersonsTable>;
