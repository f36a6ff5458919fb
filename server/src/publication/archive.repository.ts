/** Every SQL statement of the guide drafts, filing, archive volumes and hand-over log (house style rule 2). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  ArchiveHandoverRow,
  ArchiveHandoversTable,
  ArchiveVolumeItemRow,
  ArchiveVolumeItemsTable,
  ArchiveVolumeRow,
  ArchiveVolumesTable,
  GuideDraftRow,
  ItemFilingRow,
  ItemFilingsTable,
} from './archive.table.ts';
import type { GuideVersionRow } from './publication.table.ts';

export const archiveRepository = {
  // ---------------------------------------------------------------- guide
  async guideDraft(db: DbOrTx, agencyId: number): Promise<GuideDraftRow | undefined> {
    return db.selectFrom('guideDrafts').selectAll().where('agencyId', '=', agencyId).executeTakeFirst();
  },
  async upsertGuideDraft(db: DbOrTx, row: GuideDraftRow): Promise<void> {
    await db
      .insertInto('guideDrafts')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('agencyId')
          .doUpdateSet({ contentJson: row.contentJson, updatedBy: row.updatedBy, updatedAt: row.updatedAt }),
      )
      .execute();
  },
  async deleteGuideDraft(db: DbOrTx, agencyId: number): Promise<void> {
    await db.deleteFrom('guideDrafts').where('agencyId', '=', agencyId).execute();
  },
  async guideVersion(db: DbOrTx, agencyId: number, version: number): Promise<GuideVersionRow | undefined> {
    return db
      .selectFrom('guideVersions')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  // ---------------------------------------------------------------- filing
  async insertFiling(db: DbOrTx, row: Insertable<ItemFilingsTable>): Promise<ItemFilingRow> {
    return db.insertInto('itemFilings').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateFiling(db: DbOrTx, id: number, patch: Updateable<ItemFilingsTable>): Promise<ItemFilingRow> {
    return db
      .updateTable('itemFilings')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async filing(db: DbOrTx, id: number): Promise<ItemFilingRow | undefined> {
    return db.selectFrom('itemFilings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async filingOf(db: DbOrTx, itemId: number, supervisorId: number): Promise<ItemFilingRow | undefined> {
    return db
      .selectFrom('itemFilings')
      .selectAll()
      .where('itemId', '=', itemId)
      .where('supervisorId', '=', supervisorId)
      .executeTakeFirst();
  },
  /** Filings with their item's title, 索引号 and 文号, by the filing agency or by the supervising one. */
  async filings(
    db: DbOrTx,
    f: { agencyIds?: number[] | 'all'; supervisorIds?: number[] | 'all'; status?: string },
  ) {
    let q = db
      .selectFrom('itemFilings as f')
      .innerJoin('informationItems as i', 'i.id', 'f.itemId')
      .selectAll('f')
      .select(['i.title', 'i.indexNo', 'i.docNo', 'i.status as itemStatus', 'i.attribute']);
    if (f.agencyIds !== undefined && f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return [];
      q = q.where('f.agencyId', 'in', f.agencyIds);
    }
    if (f.supervisorIds !== undefined && f.supervisorIds !== 'all') {
      if (f.supervisorIds.length === 0) return [];
      q = q.where('f.supervisorId', 'in', f.supervisorIds);
    }
    if (f.status) q = q.where('f.status', '=', f.status);
    return q.orderBy('f.filedOn', 'desc').orderBy('f.id', 'desc').limit(500).execute();
  },

  // ---------------------------------------------------------------- volumes
  async volume(db: DbOrTx, agencyId: number, year: number): Promise<ArchiveVolumeRow | undefined> {
    return db
      .selectFrom('archiveVolumes')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  },
  async volumeById(db: DbOrTx, id: number): Promise<ArchiveVolumeRow | undefined> {
    return db.selectFrom('archiveVolumes').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async volumesOf(db: DbOrTx, agencyId: number): Promise<ArchiveVolumeRow[]> {
    return db
      .selectFrom('archiveVolumes')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .orderBy('year', 'desc')
      .execute();
  },
  async insertVolume(db: DbOrTx, row: Insertable<ArchiveVolumesTable>): Promise<ArchiveVolumeRow> {
    return db.insertInto('archiveVolumes').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateVolume(
    db: DbOrTx,
    id: number,
    patch: Updateable<ArchiveVolumesTable>,
  ): Promise<ArchiveVolumeRow> {
    return db
      .updateTable('archiveVolumes')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** The agency's items of a year in the given statuses, with their attachment counts, oldest first. */
  async itemsOfYear(db: DbOrTx, agencyId: number, year: number, statuses: readonly string[]) {
    return db
      .selectFrom('informationItems as i')
      .select([
        'i.id',
        'i.indexNo',
        'i.title',
        'i.docNo',
        'i.generatedOn',
        'i.publishedOn',
        'i.attribute',
        'i.scope',
        'i.status',
        (eb) =>
          eb
            .selectFrom('itemAttachments as a')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('a.itemId', '=', 'i.id')
            .as('attachmentCount'),
        (eb) => eb.fn.coalesce('i.publishedOn', 'i.generatedOn').as('archiveDate'),
      ])
      .where('i.agencyId', '=', agencyId)
      .where('i.status', 'in', [...statuses])
      .where((eb) => eb.fn.coalesce('i.publishedOn', 'i.generatedOn'), '>=', `${year}-01-01`)
      .where((eb) => eb.fn.coalesce('i.publishedOn', 'i.generatedOn'), '<=', `${year}-12-31`)
      .orderBy('archiveDate')
      .orderBy('i.id')
      .execute();
  },
  async replaceVolumeItems(
    db: DbOrTx,
    volumeId: number,
    rows: Omit<Insertable<ArchiveVolumeItemsTable>, 'volumeId'>[],
  ): Promise<void> {
    await db.deleteFrom('archiveVolumeItems').where('volumeId', '=', volumeId).execute();
    // chunked: SQLite limits the number of bound parameters per statement
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('archiveVolumeItems')
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, volumeId })))
        .execute();
  },
  async volumeItems(db: DbOrTx, volumeId: number): Promise<ArchiveVolumeItemRow[]> {
    return db
      .selectFrom('archiveVolumeItems')
      .selectAll()
      .where('volumeId', '=', volumeId)
      .orderBy('position')
      .execute();
  },

  // ---------------------------------------------------------------- hand-over log
  async insertHandover(db: DbOrTx, row: Insertable<ArchiveHandoversTable>): Promise<ArchiveHandoverRow> {
    return db.insertInto('archiveHandovers').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async handovers(db: DbOrTx, agencyId: number, year?: number): Promise<ArchiveHandoverRow[]> {
    let q = db.selectFrom('archiveHandovers').selectAll().where('agencyId', '=', agencyId);
    if (year !== undefined) q = q.where('year', '=', year);
    return q.orderBy('handedOn', 'desc').orderBy('id', 'desc').execute();
  },
};
