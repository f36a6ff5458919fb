/** Every SQL statement of the bulk import from an old site (house style rule 2). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  ImportIssueRow,
  ImportRow,
  PublicationImportIssuesTable,
  PublicationImportsTable,
} from './item-import.table.ts';

/** The progress columns of an import (not the staged rows, which can be large). */
const PROGRESS_COLUMNS = [
  'id',
  'agencyId',
  'sheetName',
  'status',
  'total',
  'done',
  'accepted',
  'rejected',
  'skipped',
  'fileCount',
  'error',
  'createdBy',
  'createdAt',
  'startedAt',
  'finishedAt',
] as const;

export const itemImportRepository = {
  async insertImport(db: DbOrTx, row: Insertable<PublicationImportsTable>): Promise<ImportRow> {
    return db.insertInto('publicationImports').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async importById(db: DbOrTx, id: number): Promise<ImportRow | undefined> {
    return db.selectFrom('publicationImports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async stagedRowsJson(db: DbOrTx, id: number): Promise<string | null> {
    const r = await db
      .selectFrom('publicationImports')
      .select('rowsJson')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.rowsJson ?? null;
  },

  /** The progress columns only (the staged rows can be large). */
  async progress(db: DbOrTx, id: number) {
    return db
      .selectFrom('publicationImports')
      .select(PROGRESS_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async recentImports(db: DbOrTx, agencyIds: readonly number[], limit: number) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('publicationImports')
      .select(PROGRESS_COLUMNS)
      .where('agencyId', 'in', [...agencyIds])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  async unfinishedImportIds(db: DbOrTx): Promise<number[]> {
    const rows = await db
      .selectFrom('publicationImports')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * Moves the progress on only if nobody else did since `expectedDone` was read (two runners of the
   * same import — a restart racing the job — never process a batch twice). Returns rows changed.
   */
  async advance(
    db: DbOrTx,
    id: number,
    expectedDone: number,
    patch: Updateable<PublicationImportsTable>,
  ): Promise<number> {
    const r = await db
      .updateTable('publicationImports')
      .set(patch)
      .where('id', '=', id)
      .where('done', '=', expectedDone)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async updateImport(db: DbOrTx, id: number, patch: Updateable<PublicationImportsTable>): Promise<void> {
    await db.updateTable('publicationImports').set(patch).where('id', '=', id).execute();
  },

  async insertFile(db: DbOrTx, importId: number, name: string, bytes: Uint8Array): Promise<void> {
    await db
      .insertInto('publicationImportFiles')
      .values({ importId, name, contentB64: Buffer.from(bytes).toString('base64') })
      .execute();
  },

  async filesByName(db: DbOrTx, importId: number, names: readonly string[]): Promise<Map<string, Buffer>> {
    if (names.length === 0) return new Map();
    const rows = await db
      .selectFrom('publicationImportFiles')
      .select(['name', 'contentB64'])
      .where('importId', '=', importId)
      .where('name', 'in', [...names])
      .execute();
    return new Map(rows.map((r) => [r.name, Buffer.from(r.contentB64, 'base64')]));
  },

  async deleteFiles(db: DbOrTx, importId: number): Promise<void> {
    await db.deleteFrom('publicationImportFiles').where('importId', '=', importId).execute();
  },

  async insertIssues(db: DbOrTx, rows: Insertable<PublicationImportIssuesTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('publicationImportIssues')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  async issues(db: DbOrTx, importId: number): Promise<ImportIssueRow[]> {
    return db
      .selectFrom('publicationImportIssues')
      .selectAll()
      .where('importId', '=', importId)
      .orderBy('rowNo')
      .orderBy('id')
      .execute();
  },

  async knownSourceKeys(db: DbOrTx, agencyId: number, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db
      .selectFrom('publicationImportSources')
      .select('sourceKey')
      .where('agencyId', '=', agencyId)
      .where('sourceKey', 'in', [...keys])
      .execute();
    return new Set(rows.map((r) => r.sourceKey));
  },

  async insertSources(
    db: DbOrTx,
    rows: { agencyId: number; sourceKey: string; itemId: number; importId: number }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('publicationImportSources')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  /** 文号 + 标题 of the agency's items with one of these titles that are (or will be) public. */
  async existingDocTitles(
    db: DbOrTx,
    agencyId: number,
    titles: readonly string[],
  ): Promise<{ title: string; docNo: string | null }[]> {
    if (titles.length === 0) return [];
    return db
      .selectFrom('informationItems')
      .select(['title', 'docNo'])
      .where('agencyId', '=', agencyId)
      .where('title', 'in', [...titles])
      .where('status', 'in', ['published', 'scheduled'])
      .execute();
  },
};
