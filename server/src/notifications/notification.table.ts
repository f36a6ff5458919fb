/** Kysely table type of the notifications outbox (created in 0002_requests, delivery columns in 0005_notifications). */
import type { Generated, Selectable } from 'kysely';

export interface NotificationsTable {
  id: Generated<number>;
  agencyId: number | null;
  /** what the notification is about: 'request_application' (id) or 'annual_report' (subject_id = year) */
  subjectType: string;
  subjectId: number;
  /** 'inapp' | 'email' | 'sms' */
  channel: string;
  /** in-app: the user id; e-mail: the address; SMS: the phone number */
  recipient: string;
  title: string;
  body: string;
  dedupeKey: string;
  /** in-app: 'delivered'; e-mail/SMS: 'pending' → 'sent' | 'failed' */
  state: string;
  createdAt: string;
  sentAt: string | null;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: string | null;
  readAt: string | null;
  /** e-mail attachments as references, JSON [{ kind: 'letter' | 'file', id }] (0021_service_records) */
  attachmentsJson: string | null;
}

export type NotificationRow = Selectable<NotificationsTable>;
