/** Kysely table types of the bulk import from an old site (migration 0009_publication_import). */
import type { Generated, Selectable } from 'kysely';

export interface PublicationImportsTable {
  id: Generated<number>;
  agencyId: number;
  sheetName: string;
  /** queued → running → done | failed */
  status: string;
  total: number;
  done: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  skipped: Generated<number>;
  fileCount: Generated<number>;
  /** the sheet's rows as read at upload (JSON of ImportSourceRow[]); cleared when the import ends */
  rowsJson: string | null;
  error: string | null;
  createdBy: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Uploaded attachment files staged until the import ends. */
export interface PublicationImportFilesTable {
  id: Generated<number>;
  importId: number;
  name: string;
  contentB64: string;
}

/** One line of the report: a rejected row (with the column and the reason) or a skipped duplicate. */
export interface PublicationImportIssuesTable {
  id: Generated<number>;
  importId: number;
  rowNo: number;
  kind: string;
  columnLabel: string;
  reason: string;
}

/** The source key (来源编号, or 文号+标题) of every imported item, per agency: a re-import skips it. */
export interface PublicationImportSourcesTable {
  id: Generated<number>;
  agencyId: number;
  sourceKey: string;
  itemId: number;
  importId: number;
}

export type ImportRow = Selectable<PublicationImportsTable>;
export type ImportIssueRow = Selectable<PublicationImportIssuesTable>;
