/** Kysely table types of press conferences and online interviews (0023_participation_press_events). */
import type { Generated, Selectable } from 'kysely';

export interface PressEventsTable {
  id: Generated<number>;
  agencyId: number;
  /** PressEventKind */
  kind: string;
  topic: string;
  description: string;
  eventDate: string;
  /** HH:mm, Beijing time */
  startTime: string;
  place: string | null;
  onlineUrl: string | null;
  /** JSON array of Speaker (public officials: public) */
  speakersJson: string;
  /** PressEventStatus */
  status: string;
  announcedAt: string | null;
  heldAt: string | null;
  summaryText: string | null;
  summaryPublishedAt: string | null;
  summaryPublishedBy: number | null;
  cancelReason: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PressEventQuestionsTable {
  id: Generated<number>;
  eventId: number;
  agencyId: number;
  body: string;
  /** private: never public, masked outside the agency's own staff */
  authorName: string;
  authorContact: string;
  receivedOn: string;
  /** QuestionModeration */
  moderation: string;
  moderationReason: string | null;
  moderatedBy: number | null;
  moderatedAt: string | null;
  createdAt: string;
}

export type PressEventRow = Selectable<PressEventsTable>;
export type PressQuestionRow = Selectable<PressEventQuestionsTable>;
