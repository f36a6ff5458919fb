/** Kysely table types of the detections (migration 0019_oversight_detections). */
import type { Generated, Selectable } from 'kysely';

export interface OversightDetectionsTable {
  id: Generated<number>;
  agencyId: number;
  kind: string;
  subjectType: string;
  subjectId: number;
  subjectKey: string;
  title: string;
  dueOn: string | null;
  detailJson: string;
  firstSeenOn: string;
  lastSeenOn: string;
  resolvedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OversightDetectionRunsTable {
  runOn: string;
  found: number;
  opened: number;
  resolved: number;
  finishedAt: string;
}

export type DetectionRow = Selectable<OversightDetectionsTable>;
export type DetectionRunRow = Selectable<OversightDetectionRunsTable>;
