export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  agencyId: number | null;
  agencyName: string | null;
  entityType: string;
  entityId: string;
  /** the kind of record in words, e.g. 依申请公开申请 */
  entityLabel: string;
  /** the record's name (registration number, title, person, agency) when known */
  entityName: string | null;
  action: string;
  actionLabel: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBeforeId: number | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** digest of all chain heads */
  headHash: string;
  /** each chain's head (chain -1 legacy, 0 platform, otherwise the agency id); docs/audit.md */
  heads: { chain: number; seq: number; hash: string }[];
  problems: { eventId: number; problem: string; message: string }[];
}

export interface DailyCount {
  date: string;
  count: number;
}

export interface AuditMeta {
  entityTypes: { value: string; label: string }[];
  actions: { value: string; label: string }[];
}
