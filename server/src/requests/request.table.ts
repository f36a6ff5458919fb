/** Kysely table types of the requests module (migration 0002_requests). */
import type { Generated, Selectable } from 'kysely';
import type { NotificationsTable } from '../notifications/notification.table.ts';

export interface RequestApplicationsTable {
  id: Generated<number>;
  agencyId: number;
  registrationNo: string;
  trackingHash: string;
  channel: string;
  status: string;
  applicantKind: string;
  orgType: string | null;
  applicantName: string;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactPerson: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  postalCode: string | null;
  provisionForm: string;
  deliveryMethod: string;
  purpose: string | null;
  submittedOn: string;
  submittedAt: string;
  signedForOn: string | null;
  receivedOn: string | null;
  clockStart: string | null;
  extensionDays: Generated<number>;
  extensionRequestedDays: number | null;
  extensionReason: string | null;
  pausedDays: Generated<number>;
  pauseKind: string | null;
  pausedSince: string | null;
  delayedDueOn: string | null;
  unitId: number | null;
  handlerUserId: number | null;
  reportCategory: string | null;
  feeMethod: string | null;
  repliedOn: string | null;
  closedOn: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface RequestItemsTable {
  id: Generated<number>;
  applicationId: number;
  seq: number;
  description: string;
  title: string | null;
  docNo: string | null;
  disposition: string | null;
  legalBasis: string | null;
  reasons: string | null;
  withheld: string | null;
  holdingAgency: string | null;
  holdingContact: string | null;
  howToObtain: string | null;
  decidedAt: string | null;
  decidedBy: number | null;
}

export interface RequestLettersTable {
  id: Generated<number>;
  applicationId: number;
  kind: string;
  title: string;
  contentJson: string;
  issuedOn: string;
  sentAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface RequestFilesTable {
  id: Generated<number>;
  applicationId: number;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  contentB64: string;
  createdBy: number | null;
  createdAt: string;
}

export interface RequestApprovalsTable {
  id: Generated<number>;
  applicationId: number;
  subject: string;
  step: number;
  role: string;
  decision: string;
  comment: string | null;
  userId: number;
  createdAt: string;
}

export interface RequestFeesTable {
  id: Generated<number>;
  applicationId: number;
  method: string;
  units: number;
  priorUnits: number;
  amount: number;
  linesJson: string;
  noticeOn: string;
  paidOn: string | null;
  receiptNo: string | null;
  waived: Generated<number>;
  waiverReason: string | null;
  createdAt: string;
}

export interface RequestConsultationsTable {
  id: Generated<number>;
  applicationId: number;
  kind: string;
  party: string;
  sentOn: string;
  answeredOn: string | null;
  opinion: string | null;
  note: string | null;
  createdAt: string;
}

export interface RequestAppealsTable {
  id: Generated<number>;
  applicationId: number;
  kind: string;
  filedOn: string;
  outcome: string;
  decidedOn: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RequestSettingsTable {
  agencyId: number;
  approvalChainJson: string;
  templatesJson: string;
  updatedAt: string;
}

export interface RequestSequencesTable {
  agencyId: number;
  year: number;
  lastSeq: number;
}

/** One submission under an idempotency key (0016_request_submissions; request.submission.ts). */
export interface RequestSubmissionsTable {
  id: Generated<number>;
  keyHash: string;
  fingerprint: string;
  applicationId: number;
  codeEnc: string;
  createdAt: string;
  expiresAt: string;
}

/** An attachment of a portal form shown again for correction, kept under the form's submission key. */
export interface RequestPendingFilesTable {
  id: Generated<number>;
  keyHash: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  contentB64: string;
  createdAt: string;
}

/** One attempt to serve a letter on the applicant (0021_service_records; service-record.ts). */
export interface RequestServiceRecordsTable {
  id: Generated<number>;
  applicationId: number;
  letterId: number;
  /** 'collect' | 'post' | 'email' | 'online' */
  method: string;
  /** 'dispatched' (posted, e-mail queued) | 'served' | 'failed' (returned, bounced) */
  state: string;
  /** 送达日期: the date the periods of 行政复议 and 行政诉讼 run from */
  servedOn: string | null;
  /** post: handed to the carrier; e-mail: queued */
  dispatchedOn: string | null;
  carrier: string | null;
  trackingNo: string | null;
  collectedBy: string | null;
  /** the signed receipt 送达回证 (request_files, kind 'service_receipt') */
  receiptFileId: number | null;
  /** 'pending' | 'accepted' | 'bounced' | 'failed' */
  emailOutcome: string | null;
  notificationId: number | null;
  /** online: the applicant's first download on the tracking page (instant) */
  downloadedAt: string | null;
  failedOn: string | null;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Which notices an agency's applicants do not receive (0021_service_records; notice.ts). */
export interface RequestNoticeSettingsTable {
  agencyId: number;
  disabledJson: string;
  updatedAt: string;
}

/** The outbox moved to the notifications module (0005_notifications); re-exported for existing imports. */
export type { NotificationsTable } from '../notifications/notification.table.ts';

export interface RequestTables {
  requestApplications: RequestApplicationsTable;
  requestItems: RequestItemsTable;
  requestLetters: RequestLettersTable;
  requestFiles: RequestFilesTable;
  requestApprovals: RequestApprovalsTable;
  requestFees: RequestFeesTable;
  requestConsultations: RequestConsultationsTable;
  requestAppeals: RequestAppealsTable;
  requestSettings: RequestSettingsTable;
  requestSequences: RequestSequencesTable;
  requestSubmissions: RequestSubmissionsTable;
  requestPendingFiles: RequestPendingFilesTable;
  requestServiceRecords: RequestServiceRecordsTable;
  requestNoticeSettings: RequestNoticeSettingsTable;
  notifications: NotificationsTable;
}

export type ApplicationRow = Selectable<RequestApplicationsTable>;
export type ItemRow = Selectable<RequestItemsTable>;
export type LetterRow = Selectable<RequestLettersTable>;
export type FileRow = Selectable<RequestFilesTable>;
export type ApprovalRow = Selectable<RequestApprovalsTable>;
export type FeeRow = Selectable<RequestFeesTable>;
export type ConsultationRow = Selectable<RequestConsultationsTable>;
export type AppealRow = Selectable<RequestAppealsTable>;
export type ServiceRecordRow = Selectable<RequestServiceRecordsTable>;
export type { NotificationRow } from '../notifications/notification.table.ts';
