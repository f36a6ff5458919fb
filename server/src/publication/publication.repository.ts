/** Every SQL statement of the publication module (house style rule 2). */
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  AttachmentRow,
  CatalogEntriesTable,
  CatalogEntryRow,
  GuideVersionRow,
  InformationItemsTable,
  ItemReviewRow,
  ItemRow,
} from './publication.table.ts';
import type { Insertable, Updateable } from 'kysely';

/** The same public filter as raw SQL over alias `i`, for the prepared hot reads of document.repository.ts. */
export const PUBLIC_ITEM_SQL = "i.status = 'published' AND i.scope = 'public' AND i.attribute = 'proactive'";

/** The SQL twin of `isPubliclyVisible` (information-item.ts): the ONLY filter public reads use. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's where() overloads cannot be named generically
function publicOnly<Q extends { where: (...a: any[]) => Q }>(q: Q): Q {
  return q
    .where('i.status', '=', 'published')
    .where('i.scope', '=', 'public')
    .where('i.attribute', '=', 'proactive');
}

/** A row of a public list or feed. */
export type PublicListRow = Pick<
  ItemRow,
  'id' | 'title' | 'docNo' | 'publishedOn' | 'publishedAt' | 'summary' | 'publisher'
>;

export const publicationRepository = {
  // ---------------------------------------------------------------- settings
  async settings(db: DbOrTx, agencyId: number) {
    return db
      .selectFrom('publicationSettings')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .executeTakeFirst();
  },
  async upsertSettings(
    db: DbOrTx,
    agencyId: number,
    indexPattern: string,
    approvalChainJson: string,
    at: string,
  ) {
    await db
      .insertInto('publicationSettings')
      .values({ agencyId, indexPattern, approvalChainJson, updatedAt: at })
      .onConflict((oc) =>
        oc.column('agencyId').doUpdateSet({ indexPattern, approvalChainJson, updatedAt: at }),
      )
      .execute();
  },

  // ---------------------------------------------------------------- index numbers
  /**
   * Allocates the next sequence of (agency, period) atomically: one upsert that increments the counter
   * row and returns it. On PostgreSQL the conflicting row is locked until the transaction ends, so two
   * concurrent publications get different numbers; SQLite serialises writers.
   */
  async nextSequence(db: DbOrTx, agencyId: number, period: string): Promise<number> {
    const r = await db
      .insertInto('indexSequences')
      .values({ agencyId, period, lastSeq: 1 })
      .onConflict((oc) =>
        oc.columns(['agencyId', 'period']).doUpdateSet({ lastSeq: sql`index_sequences.last_seq + 1` }),
      )
      .returning('lastSeq')
      .executeTakeFirstOrThrow();
    return Number(r.lastSeq);
  },

  /**
   * Reserves `n` consecutive sequence numbers for each (agency, period) in one multi-row upsert
   * (bulk loads); returns the first number of each range. A new counter starts at 1, as in nextSequence.
   */
  async reserveSequences(
    db: DbOrTx,
    groups: { agencyId: number; period: string; n: number }[],
  ): Promise<{ agencyId: number; period: string; first: number }[]> {
    const out: { agencyId: number; period: string; first: number }[] = [];
    const want = new Map(groups.map((g) => [`${g.agencyId}|${g.period}`, g.n]));
    // 3 parameters a row, well under SQLite's 32,766 per statement
    for (let off = 0; off < groups.length; off += 5000) {
      const rows = await db
        .insertInto('indexSequences')
        .values(
          groups
            .slice(off, off + 5000)
            .map((g) => ({ agencyId: g.agencyId, period: g.period, lastSeq: g.n })),
        )
        .onConflict((oc) =>
          oc
            .columns(['agencyId', 'period'])
            .doUpdateSet({ lastSeq: sql`index_sequences.last_seq + excluded.last_seq` }),
        )
        .returning(['agencyId', 'period', 'lastSeq'])
        .execute();
      for (const r of rows) {
        const n = want.get(`${r.agencyId}|${r.period}`)!;
        out.push({ agencyId: Number(r.agencyId), period: r.period, first: Number(r.lastSeq) - n + 1 });
      }
    }
    return out;
  },

  // ---------------------------------------------------------------- catalog
  async catalog(db: DbOrTx, agencyId: number): Promise<CatalogEntryRow[]> {
    return db
      .selectFrom('catalogEntries')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },
  async catalogEntry(db: DbOrTx, id: number): Promise<CatalogEntryRow | undefined> {
    return db.selectFrom('catalogEntries').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertCatalogEntry(db: DbOrTx, row: Insertable<CatalogEntriesTable>): Promise<CatalogEntryRow> {
    return db.insertInto('catalogEntries').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateCatalogEntry(
    db: DbOrTx,
    id: number,
    patch: Updateable<CatalogEntriesTable>,
  ): Promise<CatalogEntryRow> {
    return db
      .updateTable('catalogEntries')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** Public items per catalog entry (for the 法定主动公开内容 tree), within the online-retention rule. */
  async publicCountsByEntry(
    db: DbOrTx,
    agencyId: number,
    retentionCutoff: string,
  ): Promise<Map<number | null, number>> {
    const rows = await publicOnly(db.selectFrom('informationItems as i'))
      .leftJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      .select(['i.catalogEntryId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('i.agencyId', '=', agencyId)
      .where((eb) => eb.or([eb('c.permanent', '=', 1), eb('i.publishedOn', '>=', retentionCutoff)]))
      .groupBy('i.catalogEntryId')
      .execute();
    // null: items without a catalog entry (they count in the page's unfiltered total)
    return new Map(rows.map((r) => [r.catalogEntryId, Number(r.n)]));
  },

  async insertLocalSubject(
    db: DbOrTx,
    row: { agencyId: number; code: string; parentCode: string; name: string; createdAt: string },
  ): Promise<void> {
    await db.insertInto('publicationSubjects').values(row).execute();
  },
  async localSubjects(db: DbOrTx, agencyId: number) {
    return db
      .selectFrom('publicationSubjects')
      .select(['code', 'parentCode', 'name'])
      .where('agencyId', '=', agencyId)
      .execute();
  },

  // ---------------------------------------------------------------- items (staff side)
  async insertItem(db: DbOrTx, row: Insertable<InformationItemsTable>): Promise<ItemRow> {
    return db.insertInto('informationItems').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateItem(db: DbOrTx, id: number, patch: Updateable<InformationItemsTable>): Promise<ItemRow> {
    return db
      .updateTable('informationItems')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /** Items whose stored publishDueOn differs from their open publication deadline (after a calendar change). */
  async staleItemPublishDue(
    db: DbOrTx,
    agencyIds: number[] | 'all',
    subjectType: string,
    kind: string,
  ): Promise<{ id: number; agencyId: number; publishDueOn: string | null; dueDate: string }[]> {
    if (agencyIds !== 'all' && agencyIds.length === 0) return [];
    let q = db
      .selectFrom('informationItems as i')
      .innerJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'i.id')
          .on('d.subjectType', '=', subjectType)
          .on('d.kind', '=', kind)
          .on('d.state', '=', 'open'),
      )
      .select(['i.id', 'i.agencyId', 'i.publishDueOn', 'd.dueDate'])
      .where((eb) =>
        eb.or([eb('i.publishDueOn', 'is', null), eb('i.publishDueOn', '<>', eb.ref('d.dueDate'))]),
      );
    if (agencyIds !== 'all') q = q.where('i.agencyId', 'in', agencyIds);
    return q.orderBy('i.id').execute();
  },
  async setPublishDueOn(db: DbOrTx, id: number, publishDueOn: string): Promise<void> {
    await db.updateTable('informationItems').set({ publishDueOn }).where('id', '=', id).execute();
  },
  async itemById(db: DbOrTx, id: number): Promise<ItemRow | undefined> {
    return db.selectFrom('informationItems').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async itemsForStaff(
    db: DbOrTx,
    f: {
      agencyIds: number[] | 'all';
      statuses?: string[];
      createdBy?: number;
      dueBefore?: string;
      q?: string;
      limit: number;
      offset: number;
    },
  ): Promise<{ total: number; rows: ItemRow[] }> {
    let q = db.selectFrom('informationItems');
    if (f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return { total: 0, rows: [] };
      q = q.where('agencyId', 'in', f.agencyIds);
    }
    if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
    if (f.createdBy !== undefined) q = q.where('createdBy', '=', f.createdBy);
    if (f.dueBefore) q = q.where('publishDueOn', '<=', f.dueBefore);
    if (f.q) q = q.where('title', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { total: Number(total.n), rows };
  },
  /**
   * Scheduled items now due. With `claim` (PostgreSQL, inside the releasing transaction) the rows are
   * locked FOR UPDATE SKIP LOCKED: another node releasing at the same moment skips them, so each is
   * published once (SQLite has one writer at a time and no row locks).
   */
  async scheduledDue(db: DbOrTx, nowIso: string, claim = false): Promise<ItemRow[]> {
    const q = db
      .selectFrom('informationItems')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('scheduledAt', '<=', nowIso)
      .orderBy('id');
    return (claim ? q.forUpdate().skipLocked() : q).execute();
  },

  // ---------------------------------------------------------------- items (public side: always through publicOnly)
  async publicItem(db: DbOrTx, id: number): Promise<ItemRow | undefined> {
    return publicOnly(db.selectFrom('informationItems as i'))
      .selectAll('i')
      .where('i.id', '=', id)
      .executeTakeFirst();
  },
  async publicList(
    db: DbOrTx,
    f: {
      agencyId?: number;
      catalogEntryIds?: number[];
      retentionCutoff: string;
      limit: number;
      offset: number;
      /** the caller already knows the count (the catalog page sums its cached per-entry counts) */
      knownTotal?: number;
    },
  ): Promise<{ total: number; rows: PublicListRow[] }> {
    let q = publicOnly(db.selectFrom('informationItems as i'))
      .leftJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      // 《省司法厅信息公开指南》: non-permanent items leave the public lists after the retention period
      .where((eb) => eb.or([eb('c.permanent', '=', 1), eb('i.publishedOn', '>=', f.retentionCutoff)]));
    if (f.agencyId !== undefined) q = q.where('i.agencyId', '=', f.agencyId);
    if (f.catalogEntryIds) {
      if (f.catalogEntryIds.length === 0) return { total: 0, rows: [] };
      q = q.where('i.catalogEntryId', 'in', f.catalogEntryIds);
    }
    const total =
      f.knownTotal !== undefined
        ? { n: f.knownTotal }
        : await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(total.n) === 0 || f.offset >= Number(total.n)) return { total: Number(total.n), rows: [] };
    const rows = await q
      // what lists and feeds show — not the bodies (the rows are read 20 to 100 at a time per page)
      .select(['i.id', 'i.title', 'i.docNo', 'i.publishedOn', 'i.publishedAt', 'i.summary', 'i.publisher'])
      .orderBy('i.publishedOn', 'desc')
      .orderBy('i.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { total: Number(total.n), rows };
  },
  /**
   * The newest public items for a portal home (region or agency): an index-ordered scan
   * (information_items_agency_status_idx / _public_idx), no count; the caller drops items past
   * online retention, so it asks for a few more than it shows.
   */
  async publicLatest(db: DbOrTx, f: { agencyId: number | null; limit: number }) {
    let q = publicOnly(db.selectFrom('informationItems as i'))
      .leftJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      .select(['i.id', 'i.agencyId', 'i.title', 'i.publishedOn', 'c.permanent']);
    if (f.agencyId !== null) q = q.where('i.agencyId', '=', f.agencyId);
    return q.orderBy('i.publishedOn', 'desc').orderBy('i.id', 'desc').limit(f.limit).execute();
  },
  /** Approved interpretations waiting for their policy document (scheduled without a time). */
  async interpretationsHeldFor(db: DbOrTx, policyId: number): Promise<ItemRow[]> {
    return db
      .selectFrom('informationItems')
      .selectAll()
      .where('interpretationOfId', '=', policyId)
      .where('status', '=', 'scheduled')
      .where('scheduledAt', 'is', null)
      .orderBy('id')
      .execute();
  },
  /** Published public interpretations of a policy document. */
  async publicInterpretations(db: DbOrTx, itemId: number): Promise<ItemRow[]> {
    return publicOnly(db.selectFrom('informationItems as i'))
      .selectAll('i')
      .where('i.interpretationOfId', '=', itemId)
      .execute();
  },
  /** Public items for the sitemap (id, agency, date, permanent category), none older than `oldestCutoff` unless permanent. */
  async publicSitemap(db: DbOrTx, limit: number, oldestCutoff: string) {
    return publicOnly(db.selectFrom('informationItems as i'))
      .leftJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      .where((eb) => eb.or([eb('c.permanent', '=', 1), eb('i.publishedOn', '>=', oldestCutoff)]))
      .select(['i.id', 'i.agencyId', 'i.publishedOn', 'c.permanent'])
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---------------------------------------------------------------- attachments
  async insertAttachment(db: DbOrTx, row: Omit<AttachmentRow, 'id'>): Promise<AttachmentRow> {
    return db.insertInto('itemAttachments').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async attachments(db: DbOrTx, itemId: number): Promise<Omit<AttachmentRow, 'contentB64'>[]> {
    return db
      .selectFrom('itemAttachments')
      .select(['id', 'itemId', 'name', 'mime', 'size', 'sha256', 'text', 'publicVisible', 'createdAt'])
      .where('itemId', '=', itemId)
      .orderBy('id')
      .execute();
  },
  async attachment(db: DbOrTx, id: number): Promise<AttachmentRow | undefined> {
    return db.selectFrom('itemAttachments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async deleteAttachment(db: DbOrTx, id: number): Promise<void> {
    await db.deleteFrom('itemAttachments').where('id', '=', id).execute();
  },
  async setAttachmentVisibility(db: DbOrTx, id: number, publicVisible: number): Promise<void> {
    await db.updateTable('itemAttachments').set({ publicVisible }).where('id', '=', id).execute();
  },

  // ---------------------------------------------------------------- review record, joint consent
  async insertReview(db: DbOrTx, row: Omit<ItemReviewRow, 'id'>): Promise<ItemReviewRow> {
    return db.insertInto('itemReviews').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async reviews(db: DbOrTx, itemId: number): Promise<ItemReviewRow[]> {
    return db.selectFrom('itemReviews').selectAll().where('itemId', '=', itemId).orderBy('id').execute();
  },
  async jointAgencies(db: DbOrTx, itemId: number) {
    return db
      .selectFrom('itemJointAgencies')
      .selectAll()
      .where('itemId', '=', itemId)
      .orderBy('id')
      .execute();
  },
  /** Keeps the recorded consent of agencies that stay co-producers; removes the others, adds new ones. */
  async setJointAgencies(db: DbOrTx, itemId: number, agencyIds: number[]): Promise<void> {
    const keep = [...new Set(agencyIds)];
    let del = db.deleteFrom('itemJointAgencies').where('itemId', '=', itemId);
    if (keep.length) del = del.where('agencyId', 'not in', keep);
    await del.execute();
    const have = new Set(
      (
        await db.selectFrom('itemJointAgencies').select('agencyId').where('itemId', '=', itemId).execute()
      ).map((r) => r.agencyId),
    );
    const add = keep.filter((a) => !have.has(a));
    if (add.length)
      await db
        .insertInto('itemJointAgencies')
        .values(
          add.map((agencyId) => ({
            itemId,
            agencyId,
            consentedOn: null,
            consentNote: null,
            recordedBy: null,
          })),
        )
        .execute();
  },
  async recordConsent(
    db: DbOrTx,
    itemId: number,
    agencyId: number,
    on: string,
    note: string,
    by: number,
  ): Promise<number> {
    const r = await db
      .updateTable('itemJointAgencies')
      .set({ consentedOn: on, consentNote: note, recordedBy: by })
      .where('itemId', '=', itemId)
      .where('agencyId', '=', agencyId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  // ---------------------------------------------------------------- guide
  async latestGuide(db: DbOrTx, agencyId: number): Promise<GuideVersionRow | undefined> {
    return db
      .selectFrom('guideVersions')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  async guideVersions(db: DbOrTx, agencyId: number): Promise<GuideVersionRow[]> {
    return db
      .selectFrom('guideVersions')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .orderBy('version', 'desc')
      .execute();
  },
  async insertGuide(db: DbOrTx, row: Omit<GuideVersionRow, 'id'>): Promise<GuideVersionRow> {
    return db.insertInto('guideVersions').values(row).returningAll().executeTakeFirstOrThrow();
  },
};
