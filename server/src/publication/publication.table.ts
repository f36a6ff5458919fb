/** Kysely table types of the publication module (migration 0003_publication). */
import type { Generated, Selectable } from 'kysely';

export interface PublicationSettingsTable {
  agencyId: number;
  indexPattern: string;
  approvalChainJson: string;
  updatedAt: string;
}

export interface CatalogEntriesTable {
  id: Generated<number>;
  agencyId: number;
  parentId: number | null;
  code: string;
  name: string;
  matter: string | null;
  timeLimit: string;
  form: string;
  statutoryItem: number | null;
  permanent: number;
  sortOrder: number;
  active: number;
  changedOn: string | null;
  updateDueOn: string | null;
  catalogUpdatedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PublicationSubjectsTable {
  id: Generated<number>;
  agencyId: number;
  code: string;
  parentCode: string;
  name: string;
  createdAt: string;
}

export interface IndexSequencesTable {
  id: Generated<number>;
  agencyId: number;
  period: string;
  lastSeq: number;
}

export interface InformationItemsTable {
  id: Generated<number>;
  agencyId: number;
  unitId: number | null;
  catalogEntryId: number | null;
  indexNo: string | null;
  title: string;
  subjectCode: string | null;
  publisher: string;
  generatedOn: string;
  publishedOn: string | null;
  publishedAt: string | null;
  docNo: string | null;
  validity: string;
  validityChangedOn: string | null;
  validityNote: string | null;
  replacedById: number | null;
  scope: string;
  channelsJson: string;
  attribute: string;
  nonDisclosureGround: string | null;
  nonDisclosureReason: string | null;
  summary: string | null;
  keywords: string | null;
  bodyHtml: string;
  partial: Generated<number>;
  publicBodyHtml: string | null;
  producingUnit: string | null;
  responsiblePerson: string | null;
  interpretationOfId: number | null;
  declassified: Generated<number>;
  status: string;
  approvalChainJson: string | null;
  approvalStep: Generated<number>;
  scheduledAt: string | null;
  publishDueOn: string | null;
  scanJson: string | null;
  scanOverrideJson: string | null;
  changeNote: string | null;
  revokedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ItemAttachmentsTable {
  id: Generated<number>;
  itemId: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  contentB64: string;
  text: string;
  publicVisible: number;
  createdAt: string;
}

export interface ItemReviewsTable {
  id: Generated<number>;
  itemId: number;
  stage: string;
  decision: string;
  basis: string | null;
  reason: string | null;
  reviewerUserId: number | null;
  reviewerLabel: string;
  reviewedOn: string;
  createdAt: string;
}

export interface ItemJointAgenciesTable {
  id: Generated<number>;
  itemId: number;
  agencyId: number;
  consentedOn: string | null;
  consentNote: string | null;
  recordedBy: number | null;
}

export interface GuideVersionsTable {
  id: Generated<number>;
  agencyId: number;
  version: number;
  contentJson: string;
  publishedOn: string;
  nextReviewOn: string;
  createdBy: number | null;
  createdAt: string;
}

export interface SearchDocumentsTable {
  itemId: number;
  agencyId: number;
  catalogEntryId: number | null;
  subjectCode: string | null;
  year: number;
  docNo: string | null;
  validity: string;
  publishedOn: string;
  title: string;
  normTitle: string;
  normText: string;
  normKeywords: string;
  bodyText: string;
  bi: string;
  uni: string;
  /** days since 1900-01-01 × 2^30 + itemId: date order as one integer, the FTS5 rowid (0010_search_perf) */
  sortKey: number;
  /** filter tokens indexed in FTS5: ag{agency} ce{catalog entry} sj{subject levels} va{validity} */
  tags: string;
}

export type ItemRow = Selectable<InformationItemsTable>;
export type CatalogEntryRow = Selectable<CatalogEntriesTable>;
export type AttachmentRow = Selectable<ItemAttachmentsTable>;
export type ItemReviewRow = Selectable<ItemReviewsTable>;
export type GuideVersionRow = Selectable<GuideVersionsTable>;
