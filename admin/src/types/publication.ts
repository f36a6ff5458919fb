export interface Finding {
  kind: string;
  label: string;
  field: string;
  start: number;
  end: number;
  excerpt: string;
}

export interface PublicationItem {
  id: number;
  agencyId: number;
  agencyName: string;
  status: string;
  statusLabel: string;
  indexNo: string | null;
  title: string;
  subjectCode: string | null;
  subjectLabel: string | null;
  catalogEntryId: number | null;
  publisher: string;
  generatedOn: string;
  publishedOn: string | null;
  docNo: string | null;
  validity: string;
  scope: 'public' | 'internal';
  attribute: 'proactive' | 'on_request' | 'not_public';
  nonDisclosureGround: string | null;
  nonDisclosureReason: string | null;
  summary: string | null;
  keywords: string | null;
  bodyHtml: string;
  partial: boolean;
  publicBodyHtml: string | null;
  producingUnit: string | null;
  responsiblePerson: string | null;
  interpretationOfId: number | null;
  declassified: boolean;
  channels: string[];
  scheduledAt: string | null;
  publishDueOn: string | null;
  approvalChain: string[];
  approvalStep: number;
  findings: Finding[];
  scanOverride: { reason: string; by: string; at: string } | null;
  changeNote: string | null;
  createdBy: number | null;
  updatedAt: string;
  attachments?: { id: number; name: string; mime: string; size: number; publicVisible: boolean }[];
  reviews?: {
    stage: string;
    decision: string;
    basis: string | null;
    reason: string | null;
    reviewer: string;
    reviewedOn: string;
  }[];
  jointAgencies?: {
    agencyId: number;
    agencyName: string;
    consentedOn: string | null;
    consentNote?: string | null;
  }[];
}

export interface CatalogEntry {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  matter: string | null;
  timeLimit: string;
  form: string;
  statutoryItem: number | null;
  permanent: boolean;
  changedOn: string | null;
  updateDueOn: string | null;
  catalogUpdatedOn: string | null;
}

export interface PublicationMeta {
  subjects: { code: string; name: string; children: { code: string; name: string }[] }[];
  statuses: Record<string, string>;
  grounds: Record<string, string>;
}
