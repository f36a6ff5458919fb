/** Shapes of the 新闻发布会 staff API (server/src/participation/press-event.schemas.ts). */
export type PressEventKind = 'press_conference' | 'online_interview' | 'policy_briefing';
export type PressEventStatus = 'planned' | 'announced' | 'held' | 'summary_published' | 'cancelled';
export type QuestionModeration = 'pending' | 'accepted' | 'rejected';

export const PRESS_KIND_OPTIONS: { value: PressEventKind; label: string }[] = [
  { value: 'press_conference', label: '新闻发布会' },
  { value: 'online_interview', label: '在线访谈' },
  { value: 'policy_briefing', label: '政策吹风会' },
];

export const PRESS_STATUS_OPTIONS: { value: PressEventStatus; label: string }[] = [
  { value: 'planned', label: '计划中' },
  { value: 'announced', label: '已预告' },
  { value: 'held', label: '已举办' },
  { value: 'summary_published', label: '已发布实录' },
  { value: 'cancelled', label: '已取消' },
];

export interface Speaker {
  name: string;
  title: string;
}

export interface PressEventListItem {
  id: number;
  agencyId: number;
  agencyName: string;
  kind: PressEventKind;
  kindLabel: string;
  topic: string;
  eventDate: string;
  startTime: string;
  status: PressEventStatus;
  statusLabel: string;
  speakers: Speaker[];
  questions: number;
  pendingQuestions: number;
}

export interface PressEventList {
  items: PressEventListItem[];
  total: number;
  creatableAgencies: { id: number; name: string }[];
}

export interface PressQuestion {
  id: number;
  body: string;
  authorName: string;
  authorContact: string;
  receivedOn: string;
  moderation: QuestionModeration;
  moderationLabel: string;
  moderationReason: string | null;
}

export interface PressEventDetail extends PressEventListItem {
  description: string;
  place: string | null;
  onlineUrl: string | null;
  announcedAt: string | null;
  heldAt: string | null;
  summaryText: string | null;
  summaryPublishedAt: string | null;
  cancelReason: string | null;
  acceptsQuestions: boolean;
  publicUrl: string | null;
  questionList: PressQuestion[];
  permissions: {
    edit: boolean;
    moderate: boolean;
    seesPersonalData: boolean;
    announce: boolean;
    hold: boolean;
    publishSummary: boolean;
    cancel: boolean;
  };
}

export interface PressTarget {
  agencyId: number;
  year: number;
  target: number;
  held: number;
  elapsedQuarters: number;
  expectedByNow: number;
  behind: boolean;
}
