/** Kysely table types of the publication archive (migration 0006_publication_archive). */
import type { Generated, Selectable } from 'kysely';

export interface GuideDraftsTable {
  agencyId: number;
  contentJson: string;
  updatedBy: number | null;
  updatedAt: string;
}

export interface ItemFilingsTable {
  id: Generated<number>;
  itemId: number;
  agencyId: number;
  supervisorId: number;
  reportNo: string;
  filedOn: string;
  note: string | null;
  status: string;
  reviewNote: string | null;
  reviewedOn: string | null;
  reviewedBy: number | null;
  filedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArchiveVolumesTable {
  id: Generated<number>;
  agencyId: number;
  year: number;
  status: string;
  itemCount: number;
  closedOn: string | null;
  closedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArchiveVolumeItemsTable {
  id: Generated<number>;
  volumeId: number;
  itemId: number;
  position: number;
  indexNo: string | null;
  title: string;
  docNo: string | null;
  generatedOn: string;
  publishedOn: string | null;
  attribute: string;
  scope: string;
  status: string;
  attachmentCount: number;
}

export interface ArchiveHandoversTable {
  id: Generated<number>;
  agencyId: number;
  year: number;
  volumeId: number | null;
  recipientKind: string;
  institution: string;
  handedOn: string;
  itemCount: number;
  receiptNo: string | null;
  note: string | null;
  recordedBy: number | null;
  createdAt: string;
}

export type GuideDraftRow = Selectable<GuideDraftsTable>;
export type ItemFilingRow = Selectable<ItemFilingsTable>;
export type ArchiveVolumeRow = Selectable<ArchiveVolumesTable>;
export type ArchiveVolumeItemRow = Selectable<ArchiveVolumeItemsTable>;
export type ArchiveHandoverRow = Selectable<ArchiveHandoversTable>;
