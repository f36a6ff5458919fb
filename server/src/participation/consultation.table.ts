/** Kysely table types of public comment on drafts (0018_participation_consultations). */
import type { Generated, Selectable } from 'kysely';

export interface ConsultationsTable {
  id: Generated<number>;
  agencyId: number;
  /** ConsultationKind */
  kind: string;
  title: string;
  /** the draft as pasted; its articles are in consultation_articles */
  draftText: string;
  /** the text before the first article */
  preamble: string;
  /** 起草说明 */
  explanation: string;
  startsOn: string;
  endsOn: string;
  /** why the period is shorter than the rule's minimum (shown on the portal) */
  shortReason: string | null;
  /** JSON array of Channel */
  channelsJson: string;
  contactEmail: string | null;
  contactAddress: string | null;
  /** ConsultationStatus */
  status: string;
  openedAt: string | null;
  closedOn: string | null;
  summaryText: string | null;
  /** LedgerCounts frozen at publication */
  summaryCountsJson: string | null;
  summaryPublishedAt: string | null;
  summaryPublishedBy: number | null;
  /** the adopted document (information_items) that links back to this consultation */
  decisionItemId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConsultationArticlesTable {
  id: Generated<number>;
  consultationId: number;
  seq: number;
  label: string;
  heading: string | null;
  body: string;
}

export interface ConsultationCommentGroupsTable {
  id: Generated<number>;
  consultationId: number;
  title: string;
  createdAt: string;
}

export interface ConsultationCommentsTable {
  id: Generated<number>;
  consultationId: number;
  agencyId: number;
  /** null: a comment on the whole draft */
  articleId: number | null;
  /** Channel */
  channel: string;
  body: string;
  /** private: never public, masked outside the agency's own staff */
  authorName: string | null;
  authorContact: string | null;
  /** optional public display name chosen by the commenter */
  displayName: string | null;
  /** SHA-256 of the tracking code given to a portal commenter */
  trackingHash: string | null;
  receivedOn: string;
  /** Moderation */
  moderation: string;
  moderationReason: string | null;
  moderatedBy: number | null;
  moderatedAt: string | null;
  /** Adoption | null */
  adoption: string | null;
  adoptionReason: string | null;
  groupId: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export type ConsultationRow = Selectable<ConsultationsTable>;
export type ArticleRow = Selectable<ConsultationArticlesTable>;
export type CommentGroupRow = Selectable<ConsultationCommentGroupsTable>;
export type CommentRow = Selectable<ConsultationCommentsTable>;
