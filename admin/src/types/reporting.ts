/** Types of the reporting module: annual reports, the supervisors' overview, statistics, self-inspection. */

export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'published';
export type ReportAction = 'submit' | 'approve' | 'return' | 'publish';
export type ReportFormat = '2021' | '2019';
export type ReportSource = 'computed' | 'imported' | 'entered';

/** Figures staff enter because the platform does not record them (Table 二 items and fees). */
export interface ReportInputs {
  rulesIssued: number;
  rulesAbolished: number;
  rulesInForce: number;
  licensing: number;
  penalties: number;
  enforcement: number;
  feesTenThousandYuan: number;
  processingFeesYuan: number;
}

export interface ReportNarrative {
  overview: string;
  problems: string;
  other: string;
}

export interface IssuedCounts {
  issued: number;
  abolished: number;
  inForce: number;
}

export interface Table2 {
  rules: IssuedCounts;
  normativeDocs: IssuedCounts;
  licensing: number;
  penalties: number;
  enforcement: number;
  feesTenThousandYuan: number;
}

/** 2019 format (国办公开办函〔2019〕60号), 第二十条第（一）项. */
export interface MadePublished {
  made: number;
  published: number;
  totalPublic: number;
}
/** 2019 format, 第二十条第（五）（六）项: 上一年项目数量 / 本年增/减 / 处理决定数量. */
export interface ItemChange {
  previous: number;
  change: number;
  decisions: number;
}
/** Table 二 of the 2019 trial format (past years only). */
export interface Table2Of2019 {
  rules: MadePublished;
  normativeDocs: MadePublished;
  licensing: ItemChange;
  otherServices: ItemChange;
  penalties: ItemChange;
  enforcement: ItemChange;
  fees: { previous: number; change: number };
  procurement: { projects: number; amount: number };
}

export type Table3Column =
  | 'natural'
  | 'commercial'
  | 'research'
  | 'nonprofit'
  | 'legal_service'
  | 'other'
  | 'total';
export type Table3 = Record<string, Record<Table3Column, number>>;

export type AppealKind = 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';
export type AppealColumn = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';
export type Table4 = Record<AppealKind, Record<AppealColumn, number>>;

export interface ReportFigures {
  /** Table2 for the 2021 format, Table2Of2019 for a 2019-format past year */
  table2: Table2 | Table2Of2019;
  table3: Table3;
  table4: Table4;
}

/** One application behind a Table 三 row (fetched on demand). */
export interface RowApplication {
  id: number;
  registrationNo: string;
  column: Table3Column;
}

/** One year of the year-on-year comparison: only figures with the same meaning in both formats. */
export interface HistoryItem {
  year: number;
  status: string;
  source: string;
  format: ReportFormat;
  [figure: string]: number | string;
}

export interface ReportHistoryData {
  items: HistoryItem[];
  figures: { key: string; label: string }[];
  mixedFormats: boolean;
  notComparable: string[];
}

/** A balancing identity of the national format that the figures break. */
export interface ReportProblem {
  identity: string;
  message: string;
  expected: number;
  actual: number;
}

export interface AnnualReport {
  agencyId: number;
  agencyName: string;
  year: number;
  status: ReportStatus;
  /** 未编制 / 草稿 / 待审批 / 已审批待发布 / 已发布 */
  statusLabel: string;
  format: ReportFormat;
  /** e.g. 2019 格式（国办公开办函〔2019〕60号） */
  formatLabel: string;
  source: ReportSource;
  dueOn: string;
  overdue: boolean;
  inputs: ReportInputs;
  narrative: ReportNarrative;
  figures: ReportFigures;
  problems: ReportProblem[];
  started: boolean;
  can: { edit: boolean; approve: boolean; publish: boolean; return: boolean; import: boolean };
}

export interface ImportReportBody {
  year: number;
  format: ReportFormat;
  source: 'imported' | 'entered';
  figures: ReportFigures;
  narrative: ReportNarrative;
}

export interface ReportOverviewItem {
  agencyId: number;
  agencyName: string;
  kind: string;
  status: ReportStatus;
  statusLabel: string;
  dueOn: string;
  overdue: boolean;
  /** the China date of publication, once published */
  publishedOn: string | null;
  /** published after the due date (R.49) */
  publishedLate: boolean;
  newApplications: number;
  handled: number;
  carriedOut: number;
  problems: number;
}

export interface ReportOverview {
  items: ReportOverviewItem[];
}

export interface KeyCount {
  key: string;
  label: string;
  count: number;
}

export interface AgencyStatisticsRow {
  agencyId: number;
  agencyName: string;
  received: number;
  closed: number;
  onTimeRate: number | null;
  published: number;
  publicationsLate: number;
}

export interface Statistics {
  year: number;
  /** whether the supervised agencies are included (server default: yes for a supervising office) */
  includeSupervised: boolean;
  agencies: number;
  applicationsByMonth: { month: string; received: number; closed: number }[];
  byChannel: KeyCount[];
  byApplicantType: KeyCount[];
  byOutcome: KeyCount[];
  timeliness: {
    closed: number;
    onTime: number;
    late: number;
    /** percent */
    onTimeRate: number | null;
    avgWorkingDays: number | null;
  };
  openByDue: KeyCount[];
  /** R.30 correction notices of the year; late = after 7 working days from receipt */
  correctionNotices: { total: number; late: number };
  publicationsByCategory: KeyCount[];
  publicationsByMonth: { month: string; count: number }[];
  publicationsLate: number;
  byAgency: AgencyStatisticsRow[];
  guide: { publishedOn: string | null; nextReviewOn: string | null; overdue: boolean } | null;
  catalogEntriesOverdue: number;
}

export interface SelfInspectionFigures {
  documentsIssued: number;
  proactive: number;
  onApplication: number;
  notDisclosed: number;
  /** percent */
  fullTextOnlineRate: number | null;
  sentToArchives: number;
  interpretations: number;
  applicationsReceived: number;
  applicationsClosed: number;
  disclosed: number;
  partial: number;
}

export interface SelfInspectionInputs {
  trainings: number;
  trainingAttendance: number;
  pressConferences: number;
  columnsUpdated: number;
  messagesHandled: number;
}

export interface SelfInspectionNarrative {
  overview: string;
  keyTasks: string;
  problems: string;
  nextSteps: string;
}

export interface SelfInspection {
  agencyName: string;
  year: number;
  figures: SelfInspectionFigures;
  inputs: SelfInspectionInputs;
  narrative: SelfInspectionNarrative;
  updatedAt: string | null;
  /** figures the platform records for an entered input (prefilled until saved) */
  recorded: { pressConferences: number };
}
