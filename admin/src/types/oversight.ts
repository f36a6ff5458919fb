/** Shapes of /api/v1/admin/oversight/detections (server/src/oversight/detection.schemas.ts). */
export type DetectionState = 'open' | 'resolved';

export interface DetectionItem {
  id: number;
  kind: string;
  kindLabel: string;
  /** the statute article the rule applies */
  basis: string;
  agencyId: number;
  agencyName: string;
  subjectType: string;
  subjectId: number;
  title: string;
  /** staff SPA path of the record, e.g. /admin/requests/12 */
  link: string;
  dueOn: string | null;
  firstSeenOn: string;
  lastSeenOn: string;
  resolvedOn: string | null;
  detail: Record<string, string | number | null>;
}

export interface DetectionCount {
  open: number;
  resolved: number;
}

export interface DetectionList {
  items: DetectionItem[];
  total: number;
  byAgency: (DetectionCount & { agencyId: number; agencyName: string })[];
  byKind: (DetectionCount & { kind: string; label: string })[];
  kinds: { kind: string; label: string; basis: string }[];
  lastRunOn: string | null;
}

/** Shapes of the 监督检查与整改 staff API (server/src/oversight/oversight.schemas.ts). */

export type InspectionKind = 'self' | 'supervision' | 'special';
export type PlanStatus = 'open' | 'concluded' | 'published';
export type RectificationStatus = 'open' | 'submitted' | 'returned' | 'accepted';
export type EvidenceKind = 'item' | 'application' | 'url';
export type PlanAction = 'record_finding' | 'conclude' | 'reopen' | 'publish';
export type RectificationAction = 'submit_report' | 'accept' | 'return';

export interface AgencyRef {
  id: number;
  name: string;
}

export interface CheckPoint {
  code: string;
  label: string;
  description: string;
  basis: string;
}

export interface Plan {
  id: number;
  organizer: AgencyRef;
  kind: InspectionKind;
  kindLabel: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  regular: boolean;
  mutual: boolean;
  sampling: boolean;
  attributesLabel: string;
  status: PlanStatus;
  statusLabel: string;
  summary: string | null;
  agencies: AgencyRef[];
  findingCount: number;
  createdAt: string;
  concludedAt: string | null;
  concludedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface PlanList {
  items: Plan[];
  total: number;
  canCreate: {
    self: AgencyRef[];
    supervision: (AgencyRef & { supervised: AgencyRef[] })[];
  };
}

export interface Evidence {
  kind: EvidenceKind;
  kindLabel: string;
  ref: string;
  note: string | null;
  href: string;
}

export interface Rectification {
  id: number;
  findingId: number;
  planId: number;
  owner: AgencyRef;
  requirement: string;
  orderedOn: string;
  workingDays: number;
  dueOn: string;
  status: RectificationStatus;
  statusLabel: string;
  overdue: boolean;
  acceptedOn: string | null;
}

export interface Finding {
  id: number;
  agency: AgencyRef;
  checkPoint: string;
  checkPointLabel: string;
  description: string;
  evidence: Evidence[];
  recordedAt: string;
  recordedBy: string | null;
  rectification: Rectification | null;
  files: EvidenceFile[];
}

export interface EvidenceFile {
  id: number;
  filename: string;
  mime: string;
  size: number;
  uploadedAt: string;
  /** API path of the download */
  href: string;
}

export interface Report {
  id: number;
  round: number;
  body: string;
  submittedOn: string;
  submittedBy: string | null;
  decision: 'accepted' | 'returned' | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface PlanDetail {
  plan: Plan;
  findings: Finding[];
  reports: (Report & { rectificationId: number })[];
  actions: PlanAction[];
}

export interface PlanRef {
  id: number;
  title: string;
  kindLabel: string;
  organizer: AgencyRef;
}

export interface RectificationEntry {
  rectification: Rectification;
  plan: PlanRef;
  checkPointLabel: string;
  description: string;
}

export interface RectificationList {
  items: RectificationEntry[];
  total: number;
}

export interface OverdueList extends RectificationList {
  byAgency: { agency: AgencyRef; overdue: number }[];
}

export interface RectificationDetail {
  rectification: Rectification;
  plan: PlanRef;
  finding: Finding;
  reports: Report[];
  actions: RectificationAction[];
}
