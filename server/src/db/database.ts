/** Kysely table types for every table (camelCase; CamelCasePlugin maps to snake_case columns). */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { JobLeasesTable, RateLimitHitsTable } from '../cluster/cluster.table.ts';
import type {
  OversightEvidenceFilesTable,
  OversightFindingsTable,
  OversightPlanAgenciesTable,
  OversightPlansTable,
  OversightRectificationReportsTable,
  OversightRectificationsTable,
} from '../oversight/oversight.table.ts';
import type { AnnualReportsTable, SelfInspectionReportsTable } from '../reporting/reporting.table.ts';
import type { OversightDetectionRunsTable, OversightDetectionsTable } from '../oversight/detection.table.ts';
import type {
  OversightAccountabilityCasesTable,
  OversightAccountabilityPersonsTable,
} from '../oversight/accountability.table.ts';
import type {
  ConsultationArticlesTable,
  ConsultationCommentGroupsTable,
  ConsultationCommentsTable,
  ConsultationsTable,
} from '../participation/consultation.table.ts';
import type { PressEventQuestionsTable, PressEventsTable } from '../participation/press-event.table.ts';
import type {
  PublicationImportFilesTable,
  PublicationImportIssuesTable,
  PublicationImportSourcesTable,
  PublicationImportsTable,
} from '../publication/item-import.table.ts';
import type {
  CatalogEntriesTable,
  GuideVersionsTable,
  IndexSequencesTable,
  InformationItemsTable,
  ItemAttachmentsTable,
  ItemJointAgenciesTable,
  ItemReviewsTable,
  PublicationSettingsTable,
  PublicationSubjectsTable,
  SearchDocumentsTable,
} from '../publication/publication.table.ts';
import type {
  ArchiveHandoversTable,
  ArchiveVolumeItemsTable,
  ArchiveVolumesTable,
  GuideDraftsTable,
  ItemFilingsTable,
} from '../publication/archive.table.ts';
import type {
  RequestApplicationsTable,
  RequestItemsTable,
  RequestLettersTable,
  RequestFilesTable,
  RequestApprovalsTable,
  RequestFeesTable,
  RequestConsultationsTable,
  RequestAppealsTable,
  RequestSettingsTable,
  RequestSequencesTable,
  RequestSubmissionsTable,
  RequestPendingFilesTable,
  RequestServiceRecordsTable,
  RequestNoticeSettingsTable,
  NotificationsTable,
} from '../requests/request.table.ts';
import type {
  ParticipationContactsTable,
  ParticipationContactTransfersTable,
} from '../participation/contact.table.ts';

export interface RuleProfilesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  isDefault: number;
  rulesJson: string;
  createdAt: string;
  updatedAt: string;
}

export interface AgenciesTable {
  id: Generated<number>;
  parentId: number | null;
  kind: string;
  name: string;
  shortName: string | null;
  code: string;
  officialCode: string | null;
  regionCode: string | null;
  address: string | null;
  postalCode: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  officeHours: string | null;
  website: string | null;
  acceptsApplications: Generated<number>;
  ruleProfileId: number | null;
  sortOrder: Generated<number>;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface AgencySupervisionsTable {
  id: Generated<number>;
  supervisorId: number;
  supervisedId: number;
  createdAt: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  email: string | null;
  phone: string | null;
  isPlatformAdmin: number;
  active: number;
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  userId: number;
  agencyId: number;
  role: string;
  unitId: number | null;
  createdAt: string;
  /** who granted it and why (0011_trust_access); null for grants made by the system (demo, bootstrap) */
  grantedBy: ColumnType<number | null, number | null | undefined, number | null>;
  reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Failed logins under user names of no account (0013_login_failures; identity/auth.service.ts). */
export interface LoginFailuresTable {
  username: string;
  failedLogins: number;
  lockedUntil: string | null;
  updatedAt: string;
}

export interface SessionsTable {
  idHash: string;
  userId: number;
  csrfToken: string;
  activeAgencyId: number | null;
  activeRole: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface CalendarYearsTable {
  year: number;
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: string | null;
  importedFrom: string;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarDaysTable {
  id: Generated<number>;
  date: string;
  year: number;
  kind: string;
  name: string;
  agencyId: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeadlinesTable {
  id: Generated<number>;
  agencyId: number;
  subjectType: string;
  subjectId: number;
  kind: string;
  startDate: string;
  workingDays: number;
  dueDate: string;
  state: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurredAt: string;
  actorUserId: number | null;
  actorLabel: string;
  agencyId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
  /** position in the agency's (or the platform's) chain; NULL for events of the legacy chain (0014) */
  chainSeq: number | null;
}

/** Each audit chain's head (0014_audit_chains): chain_key = agency id, 0 platform, -1 legacy. */
export interface AuditChainsTable {
  chainKey: number;
  headSeq: number;
  headHash: string;
  updatedAt: string;
}

export interface Database {
  ruleProfiles: RuleProfilesTable;
  agencies: AgenciesTable;
  agencySupervisions: AgencySupervisionsTable;
  users: UsersTable;
  roleAssignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  loginFailures: LoginFailuresTable;
  calendarYears: CalendarYearsTable;
  calendarDays: CalendarDaysTable;
  deadlines: DeadlinesTable;
  auditEvents: AuditEventsTable;
  auditChains: AuditChainsTable;
  // requests (0002_requests; types in requests/request.table.ts)
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
  // 0016_request_submissions
  requestSubmissions: RequestSubmissionsTable;
  requestPendingFiles: RequestPendingFilesTable;
  // 0021_service_records
  requestServiceRecords: RequestServiceRecordsTable;
  requestNoticeSettings: RequestNoticeSettingsTable;
  notifications: NotificationsTable;
  // 0020_participation_contacts (types in participation/contact.table.ts)
  participationContacts: ParticipationContactsTable;
  participationContactTransfers: ParticipationContactTransfersTable;
  // publication (0003_publication; types in publication/publication.table.ts)
  publicationSettings: PublicationSettingsTable;
  catalogEntries: CatalogEntriesTable;
  publicationSubjects: PublicationSubjectsTable;
  indexSequences: IndexSequencesTable;
  informationItems: InformationItemsTable;
  itemAttachments: ItemAttachmentsTable;
  itemReviews: ItemReviewsTable;
  itemJointAgencies: ItemJointAgenciesTable;
  guideVersions: GuideVersionsTable;
  searchDocuments: SearchDocumentsTable;
  // bulk import from an old site (0009_publication_import; types in publication/item-import.table.ts)
  publicationImports: PublicationImportsTable;
  publicationImportFiles: PublicationImportFilesTable;
  publicationImportIssues: PublicationImportIssuesTable;
  publicationImportSources: PublicationImportSourcesTable;
  // publication archive (0006_publication_archive; types in publication/archive.table.ts)
  guideDrafts: GuideDraftsTable;
  itemFilings: ItemFilingsTable;
  archiveVolumes: ArchiveVolumesTable;
  archiveVolumeItems: ArchiveVolumeItemsTable;
  archiveHandovers: ArchiveHandoversTable;
  // reporting (0004_reporting; types in reporting/reporting.table.ts)
  annualReports: AnnualReportsTable;
  selfInspectionReports: SelfInspectionReportsTable;
  // several nodes on one database (0015_cluster; types in cluster/cluster.table.ts)
  jobLeases: JobLeasesTable;
  rateLimitHits: RateLimitHitsTable;
  // accountability cases (0022_oversight_accountability; types in oversight/accountability.table.ts)
  oversightAccountabilityCases: OversightAccountabilityCasesTable;
  oversightAccountabilityPersons: OversightAccountabilityPersonsTable;
  // violations detected from the platform's records (0019_oversight_detections; types in oversight/detection.table.ts)
  oversightDetections: OversightDetectionsTable;
  oversightDetectionRuns: OversightDetectionRunsTable;
  // 监督检查与整改 (0017_oversight; types in oversight/oversight.table.ts)
  oversightPlans: OversightPlansTable;
  oversightPlanAgencies: OversightPlanAgenciesTable;
  oversightFindings: OversightFindingsTable;
  oversightEvidenceFiles: OversightEvidenceFilesTable;
  oversightRectifications: OversightRectificationsTable;
  oversightRectificationReports: OversightRectificationReportsTable;
  // public comment on drafts (0018_participation_consultations; types in participation/consultation.table.ts)
  consultations: ConsultationsTable;
  consultationArticles: ConsultationArticlesTable;
  consultationCommentGroups: ConsultationCommentGroupsTable;
  consultationComments: ConsultationCommentsTable;
  // press conferences and online interviews (0023_participation_press_events; types in participation/press-event.table.ts)
  pressEvents: PressEventsTable;
  pressEventQuestions: PressEventQuestionsTable;
}

export type AgencyRow = Selectable<AgenciesTable>;
export type NewAgencyRow = Insertable<AgenciesTable>;
export type AgencyUpdate = Updateable<AgenciesTable>;
export type UserRow = Selectable<UsersTable>;
export type RuleProfileRow = Selectable<RuleProfilesTable>;
export type CalendarDayRow = Selectable<CalendarDaysTable>;
export type CalendarYearRow = Selectable<CalendarYearsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type DeadlineRow = Selectable<DeadlinesTable>;
