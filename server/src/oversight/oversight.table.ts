/** Kysely table types of 监督检查与整改 (migration 0017_oversight). */
import type { Generated, Selectable } from 'kysely';

export interface OversightPlansTable {
  id: Generated<number>;
  organizerAgencyId: number;
  /** InspectionKind: 'self' | 'supervision' | 'special' */
  kind: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  regular: number;
  mutual: number;
  sampling: number;
  /** PlanStatus: 'open' | 'concluded' | 'published' */
  status: string;
  /** 检查情况通报: the published summary, without personal data */
  summary: string | null;
  createdBy: number | null;
  concludedBy: number | null;
  concludedAt: string | null;
  publishedBy: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OversightPlanAgenciesTable {
  planId: number;
  agencyId: number;
}

export interface OversightFindingsTable {
  id: Generated<number>;
  planId: number;
  agencyId: number;
  checkPoint: string;
  description: string;
  /** Evidence[] as JSON */
  evidenceJson: string;
  recordedBy: number | null;
  recordedAt: string;
}

export interface OversightEvidenceFilesTable {
  id: Generated<number>;
  findingId: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  contentB64: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

export interface OversightRectificationsTable {
  id: Generated<number>;
  findingId: number;
  planId: number;
  ownerAgencyId: number;
  requirement: string;
  orderedOn: string;
  workingDays: number;
  dueOn: string;
  /** RectificationStatus: 'open' | 'submitted' | 'returned' | 'accepted' */
  status: string;
  acceptedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OversightRectificationReportsTable {
  id: Generated<number>;
  rectificationId: number;
  round: number;
  body: string;
  submittedBy: number | null;
  submittedOn: string;
  submittedAt: string;
  /** null while waiting; 'accepted' | 'returned' */
  decision: string | null;
  decisionNote: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

export type PlanRow = Selectable<OversightPlansTable>;
export type FindingRow = Selectable<OversightFindingsTable>;
export type RectificationRow = Selectable<OversightRectificationsTable>;
export type ReportRow = Selectable<OversightRectificationReportsTable>;
export type EvidenceFileRow = Selectable<OversightEvidenceFilesTable>;
