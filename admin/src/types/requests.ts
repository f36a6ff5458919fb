/** Shapes of the 依申请公开 staff API (server/src/requests/request.api.ts). */
export interface RequestQueueItem {
  id: number;
  agencyId: number;
  agencyName: string;
  registrationNo: string;
  status: string;
  statusLabel: string;
  channel: string;
  applicantName: string;
  applicantKind: string;
  receivedOn: string | null;
  dueOn: string | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
  itemCount: number;
  firstItem: string | null;
  unitId: number | null;
  handlerUserId: number | null;
}

export interface RequestQueue {
  items: RequestQueueItem[];
  total: number;
  today: string;
  counts: Record<string, number>;
}

export interface RequestItem {
  id: number;
  seq: number;
  description: string;
  title: string | null;
  docNo: string | null;
  disposition: string | null;
  dispositionLabel: string | null;
  dispositionRow: string | null;
  legalBasis: string | null;
  reasons: string | null;
  withheld: string | null;
  holdingAgency: string | null;
  holdingContact: string | null;
  howToObtain: string | null;
}

export interface RequestCase {
  id: number;
  agencyId: number;
  agencyName: string;
  registrationNo: string;
  status: string;
  statusLabel: string;
  actions: string[];
  channelLabel: string;
  provisionFormLabel: string;
  deliveryMethodLabel: string;
  purpose: string | null;
  submittedOn: string;
  unitId: number | null;
  reportCategoryLabel: string | null;
  applicant: {
    kindLabel: string;
    orgTypeLabel: string | null;
    name: string;
    idTypeLabel: string | null;
    idNumber: string | null;
    creditCode: string | null;
    phone: string;
    email: string | null;
    address: string | null;
    masked: boolean;
  };
  items: RequestItem[];
  clock: {
    receivedOn: string | null;
    clockStart: string | null;
    dueOn: string | null;
    workingDaysLeft: number | null;
    leftText: string | null;
    overdue: boolean;
    extensionDays: number;
    extensionRequestedDays: number | null;
    pausedDays: number;
    pauseKind: string | null;
  };
  deadlines: {
    id: number;
    kind: string;
    startDate: string;
    workingDays: number;
    dueDate: string;
    state: string;
  }[];
  letters: {
    id: number;
    kind: string;
    title: string;
    issuedOn: string;
    sentAt: string | null;
    text: string[] | null;
  }[];
  approvals: {
    id: number;
    subject: string;
    step: number;
    role: string;
    decision: string;
    comment: string | null;
    createdAt: string;
  }[];
  approvalChain: string[];
  fees: {
    id: number;
    method: string;
    units: number;
    amount: number;
    noticeOn: string;
    paidOn: string | null;
    waived: number;
  }[];
  timeline: {
    id: number;
    at: string;
    actor: string;
    action: string;
    label?: string;
    /** the event's "after" data, e.g. { stepLabel, actualOn } of request.step_backdated */
    detail?: Record<string, unknown> | null;
  }[];
  files: { id: number; kind: string; filename: string; mime: string; size: number }[];
  /** the server's day (China time): default of dates of steps done today, latest date allowed */
  today: string;
  /** the agency's rule profile (期限规则): reply and extension working days (R.33) */
  rules: { replyDays: number; extensionDays: number; correctionNoticeDays: number };
  /** the server's word on what this user may do in the case (request.policy.ts) */
  permissions: {
    personalData: boolean;
    manage: boolean;
    handle: boolean;
    approveExtension: boolean;
    approve: boolean;
  };
  consultations: {
    id: number;
    kind: string;
    party: string;
    sentOn: string;
    answeredOn: string | null;
    opinion: string | null;
  }[];
  appeals: RequestAppeal[];
  /** R.36(6): earlier answered applications of this applicant for the same information */
  repeats: {
    itemId: number;
    applicationId: number;
    registrationNo: string;
    repliedOn: string | null;
    description: string;
  }[];
  /** R.44: other applicants asking for the same information in the last 12 months */
  sameInformation: {
    itemId: number;
    applicants: number;
    suggestProactive: boolean;
    others: { applicationId: number; registrationNo: string; submittedOn: string }[];
  }[];
  /** R.32: objecting third parties still owed the written notice */
  thirdPartyNoticesOwed: { consultationId: number; party: string; answeredOn: string | null }[];
}

export interface RequestAppeal {
  id: number;
  kind: string;
  kindLabel: string;
  filedOn: string;
  outcome: string;
  outcomeLabel: string;
  decidedOn: string | null;
  note: string | null;
}

export interface LetterTemplateView {
  kind: string;
  label: string;
  title: string;
  paragraphs: string[];
  isDefault: boolean;
  defaultTemplate: { title: string; paragraphs: string[] };
  placeholders: { name: string; label: string }[];
}

export interface RequestSettings {
  agencyId: number;
  agencyName: string;
  canEdit: boolean;
  approvalChain: string[];
  approvalChainIsDefault: boolean;
  defaultApprovalChain: string[];
  approvalRoles: { value: string; label: string }[];
  templates: LetterTemplateView[];
}

export interface SameInformationList {
  agencyId: number;
  agencyName: string;
  since: string;
  today: string;
  minApplicants: number;
  windowMonths: number;
  truncated: boolean;
  items: {
    description: string;
    title: string | null;
    docNo: string | null;
    applicants: number;
    requests: number;
    firstOn: string;
    lastOn: string;
    disclosedBefore: boolean;
    applications: { id: number; registrationNo: string; applicantName: string; submittedOn: string }[];
  }[];
}

export interface DispositionOption {
  code: string;
  label: string;
  group: string;
  groupLabel: string;
  row: string;
  basis: string;
  requires: string[];
}

export interface RequestMeta {
  dispositions: DispositionOption[];
  statuses: { value: string; label: string }[];
  channels: { value: string; label: string; receiptRule: string }[];
}

/** GET /admin/requests/:id/assignees (server/src/requests/request.schemas.ts AssigneesResponse). */
export interface Assignee {
  userId: number;
  name: string;
  roles: string[];
}
export interface AssigneesView {
  dueOn: string | null;
  leftText: string | null;
  unitId: number | null;
  handlerUserId: number | null;
  units: { id: number; name: string; handlers: Assignee[] }[];
  office: { handlers: Assignee[] };
}
