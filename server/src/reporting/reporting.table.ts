/** Kysely table types of the reporting module (migration 0004_reporting). */
import type { Generated, Selectable } from 'kysely';

export interface AnnualReportsTable {
  id: Generated<number>;
  agencyId: number;
  year: number;
  /** '2021' (国办公开办函〔2021〕30号) or '2019' (the trial format, for imported past years) */
  format: string;
  /** 'computed' from the platform's records, 'imported' or 'entered' for past years */
  source: string;
  status: string;
  /** entered figures: Table 二 items from other systems, and manual inputs */
  inputsJson: string;
  narrativeJson: string;
  /** the frozen tables at approval (computed) or the imported/entered tables */
  figuresJson: string | null;
  submittedBy: number | null;
  approvedBy: number | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SelfInspectionReportsTable {
  id: Generated<number>;
  agencyId: number;
  year: number;
  inputsJson: string;
  narrativeJson: string;
  createdAt: string;
  updatedAt: string;
}

export type AnnualReportRow = Selectable<AnnualReportsTable>;
export type SelfInspectionRow = Selectable<SelfInspectionReportsTable>;
