/** Kysely table types of the cluster coordination tables (migration 0015_cluster). */
import type { Selectable } from 'kysely';

export interface JobLeasesTable {
  /** 'job:<name>' for a periodic job, 'import:<id>' for one bulk import */
  name: string;
  /** the node holding the claim (cluster/node-id.ts) */
  holder: string;
  /** ISO instant the claim ends unless renewed */
  leaseUntil: string;
  /** the period last completed (e.g. '2026-11-21T10' Beijing hour), null when none */
  lastKey: string | null;
}

export interface RateLimitHitsTable {
  /** route + client address */
  key: string;
  windowStart: string;
  windowEnd: string;
  hits: number;
}

export type JobLeaseRow = Selectable<JobLeasesTable>;
