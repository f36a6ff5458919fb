/** Shapes of the contacts staff API (server/src/participation/contact.schemas.ts). */
export type ContactAction = 'assign' | 'transfer' | 'draft_reply' | 'approve' | 'return' | 'close';

export const CONTACT_KIND_OPTIONS = [
  { value: 'consultation', label: '咨询' },
  { value: 'suggestion', label: '建议' },
  { value: 'complaint', label: '投诉举报' },
  { value: 'mailbox', label: '领导信箱' },
  { value: 'evaluation', label: '评议' },
] as const;

export const CONTACT_CHANNEL_OPTIONS = [
  { value: 'hotline', label: '热线电话', receipt: '以来电之日为收到之日' },
  { value: 'letter', label: '来信', receipt: '以机关签收之日为收到之日（须填签收日期）' },
  { value: 'visit', label: '来访', receipt: '以来访之日为收到之日' },
  { value: 'email', label: '电子邮件', receipt: '以双方确认之日为收到之日（须填确认日期）' },
  { value: 'web_message', label: '网上留言', receipt: '以网上提交之日为收到之日' },
  { value: 'mailbox', label: '领导信箱', receipt: '以网上提交之日为收到之日' },
  { value: 'online_consultation', label: '在线咨询', receipt: '以网上提交之日为收到之日' },
] as const;

export const CONTACT_STATUS_OPTIONS = [
  { value: 'registered', label: '已登记' },
  { value: 'assigned', label: '已分办' },
  { value: 'transferred', label: '已转办' },
  { value: 'reviewing', label: '答复待审核' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已办结' },
] as const;

export interface ContactSummary {
  id: number;
  trackingNo: string;
  agencyId: number;
  agencyName: string;
  unitId: number | null;
  unitName: string | null;
  kind: string;
  kindLabel: string;
  channel: string;
  channelLabel: string;
  status: string;
  statusLabel: string;
  subject: string;
  senderName: string | null;
  receivedOn: string;
  dueOn: string;
  answeredOn: string | null;
  overdue: boolean;
  /** unanswered more than three months (国办函〔2019〕80号) */
  inspectionFailure: boolean;
}

export interface ContactList {
  items: ContactSummary[];
  total: number;
  canRegister: boolean;
}

export interface ContactDetail extends ContactSummary {
  body: string;
  senderContact: string | null;
  publishConsent: boolean;
  scores: { aspect: string; label: string; score: number | null }[];
  submittedOn: string;
  firstReceivedOn: string;
  receiptRule: string;
  clockNote: string;
  replyText: string | null;
  replyOutcome: string | null;
  replyOutcomeLabel: string | null;
  replyDraftedBy: number | null;
  replyDraftedAt: string | null;
  replyApprovedBy: number | null;
  replyApprovedAt: string | null;
  answeredByUnit: string | null;
  satisfaction: string | null;
  satisfactionLabel: string | null;
  ratingComment: string | null;
  reanswerCount: number;
  transfers: { fromAgencyName: string; toAgencyName: string; reason: string; transferredOn: string }[];
  units: { id: number; name: string }[];
  actions: ContactAction[];
  permissions: { personalData: boolean };
}
