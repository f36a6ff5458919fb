/** Shapes of /api/v1/admin/notifications (server/src/notifications/notification.schemas.ts). */
export interface InboxItem {
  id: number;
  title: string;
  body: string;
  subjectType: string;
  subjectId: number;
  agencyId: number | null;
  /** staff SPA path, e.g. /admin/requests/12 */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  total: number;
  unread: number;
}

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxItem {
  id: number;
  channel: 'email' | 'sms';
  channelLabel: string;
  recipient: string;
  title: string;
  body: string;
  agencyId: number | null;
  agencyName: string | null;
  state: OutboxState;
  stateLabel: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  link: string | null;
}

export interface Outbox {
  items: OutboxItem[];
  total: number;
  counts: Record<OutboxState, number>;
  transports: { email: string; sms: string };
}
