/** Kysely table types of contacts (来信来访、留言、投诉、评议; migration 0020_participation_contacts). */
import type { Generated, Selectable } from 'kysely';

export interface ParticipationContactsTable {
  id: Generated<number>;
  /** the agency handling it now (changes on transfer) */
  agencyId: number;
  /** internal unit of the agency it is assigned to (AgencyDirectory.ownUnits) */
  unitId: number | null;
  /** set after insert: contact.ts trackingNoOf */
  trackingNo: string | null;
  /** SHA-256 of the sender's tracking code (portal submissions); null when registered by staff */
  trackingHash: string | null;
  /** contact.ts ContactKind */
  kind: string;
  /** contact.ts ContactChannel */
  channel: string;
  /** contact.ts ContactStatus */
  status: string;
  subject: string;
  body: string;
  /** personal data: never public, masked outside the handling staff */
  senderName: string | null;
  senderContact: string | null;
  /** 1 = the sender agreed to the public ledger (without personal data) */
  publishConsent: number;
  /** evaluation scores 1–5 (content, form, system, effect) */
  scoreContent: number | null;
  scoreForm: number | null;
  scoreSystem: number | null;
  scoreEffect: number | null;
  submittedOn: string;
  /** the clock start at the handling agency (R.31-style receipt date; the transfer day after 转办) */
  receivedOn: string;
  /** the first receipt by any agency: the three-month inspection rule counts from it */
  firstReceivedOn: string;
  dueOn: string;
  replyText: string | null;
  /** evaluation: rectified | explained */
  replyOutcome: string | null;
  replyDraftedBy: number | null;
  replyDraftedAt: string | null;
  replyApprovedBy: number | null;
  replyApprovedAt: string | null;
  answeredOn: string | null;
  /** the unit that answered (name as at approval) */
  answeredByUnit: string | null;
  satisfaction: string | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reanswerCount: number;
  closedOn: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** 转办 records: each transfer of a contact to another agency, with the reason. */
export interface ParticipationContactTransfersTable {
  id: Generated<number>;
  contactId: number;
  fromAgencyId: number;
  toAgencyId: number;
  reason: string;
  transferredBy: number | null;
  transferredOn: string;
  createdAt: string;
}

export type ContactRow = Selectable<ParticipationContactsTable>;
export type ContactTransferRow = Selectable<ParticipationContactTransfersTable>;
