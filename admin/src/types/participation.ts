/** Shapes of the 意见征集 staff API (server/src/participation/consultation.schemas.ts). */
export type ConsultationKind = 'major_decision' | 'normative_document' | 'other';
export type ConsultationChannel = 'portal' | 'email' | 'letter' | 'symposium' | 'hearing';
export type Adoption = 'adopted' | 'partly_adopted' | 'not_adopted';
export type ModerationOutcome = 'published' | 'withheld' | 'rejected';

export const KIND_OPTIONS: { value: ConsultationKind; label: string }[] = [
  { value: 'major_decision', label: '重大行政决策' },
  { value: 'normative_document', label: '行政规范性文件' },
  { value: 'other', label: '其他政策文件' },
];

export const CHANNEL_OPTIONS: { value: ConsultationChannel; label: string }[] = [
  { value: 'portal', label: '网站在线提交' },
  { value: 'email', label: '电子邮件' },
  { value: 'letter', label: '信函' },
  { value: 'symposium', label: '座谈会' },
  { value: 'hearing', label: '听证会' },
];

export const ADOPTION_OPTIONS: { value: Adoption; label: string }[] = [
  { value: 'adopted', label: '采纳' },
  { value: 'partly_adopted', label: '部分采纳' },
  { value: 'not_adopted', label: '未采纳' },
];

export const MODERATION_OPTIONS: { value: ModerationOutcome; label: string }[] = [
  { value: 'published', label: '公开' },
  { value: 'withheld', label: '已收到，不公开原文' },
  { value: 'rejected', label: '不予受理（不列入采纳情况）' },
];

export interface ConsultationListItem {
  id: number;
  agencyId: number;
  agencyName: string;
  kind: ConsultationKind;
  kindLabel: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: string;
  phase: string;
  phaseLabel: string;
  commentCount: number;
  pendingCount: number;
  summaryPublishedAt: string | null;
}

export interface ConsultationList {
  items: ConsultationListItem[];
  total: number;
  creatableAgencies: { id: number; name: string }[];
}

export interface LedgerCounts {
  received: number;
  rejected: number;
  considered: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  undecided: number;
  items: number;
}

export interface ConsultationComment {
  id: number;
  articleId: number | null;
  articleLabel: string | null;
  channel: ConsultationChannel;
  channelLabel: string;
  body: string;
  authorName: string | null;
  authorContact: string | null;
  displayName: string | null;
  receivedOn: string;
  moderation: 'pending' | ModerationOutcome;
  moderationLabel: string;
  moderationReason: string | null;
  adoption: Adoption | null;
  adoptionLabel: string | null;
  adoptionReason: string | null;
  groupId: number | null;
  enteredByStaff: boolean;
}

export interface ConsultationDetail {
  id: number;
  agencyId: number;
  agencyName: string;
  agencyCode: string;
  kind: ConsultationKind;
  kindLabel: string;
  title: string;
  draftText: string;
  preamble: string;
  explanation: string;
  startsOn: string;
  endsOn: string;
  shortReason: string | null;
  channels: ConsultationChannel[];
  contactEmail: string | null;
  contactAddress: string | null;
  status: 'draft' | 'open' | 'closed' | 'summary_published';
  statusLabel: string;
  phase: string;
  phaseLabel: string;
  ruleText: string | null;
  period: {
    length: number;
    unit: 'calendar' | 'working';
    minimum: number;
    basis: string | null;
    short: boolean;
  } | null;
  closedOn: string | null;
  summaryText: string | null;
  summaryPublishedAt: string | null;
  summaryDueOn: string | null;
  summaryOverdue: boolean;
  decisionItemId: number | null;
  counts: LedgerCounts;
  articles: { id: number; seq: number; label: string; heading: string | null; body: string }[];
  comments: ConsultationComment[];
  groups: { id: number; title: string; size: number }[];
  portalUrl: string | null;
  permissions: {
    edit: boolean;
    open: boolean;
    close: boolean;
    moderate: boolean;
    enterComments: boolean;
    decide: boolean;
    publishSummary: boolean;
    linkDecision: boolean;
    seesPersonalData: boolean;
  };
}

export interface ConsultationRules {
  consultationMajorDecisionDays: number;
  consultationNormativeWorkingDays: number;
  consultationSummaryDays: number;
  majorDecisionRule: string;
  normativeRule: string;
}
