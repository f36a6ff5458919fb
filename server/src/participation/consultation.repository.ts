/** Every SQL statement of public comment on drafts (意见征集). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  ArticleRow,
  CommentGroupRow,
  CommentRow,
  ConsultationArticlesTable,
  ConsultationCommentsTable,
  ConsultationRow,
  ConsultationsTable,
} from './consultation.table.ts';

export interface ListFilter {
  agencyIds: number[] | 'all';
  status?: string | undefined;
  limit: number;
  offset: number;
}

export const consultationRepository = {
  async insert(db: DbOrTx, row: Insertable<ConsultationsTable>): Promise<ConsultationRow> {
    return db.insertInto('consultations').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: DbOrTx, id: number, patch: Updateable<ConsultationsTable>): Promise<ConsultationRow> {
    return db
      .updateTable('consultations')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async byId(db: DbOrTx, id: number): Promise<ConsultationRow | undefined> {
    return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(db: DbOrTx, f: ListFilter): Promise<{ rows: ConsultationRow[]; total: number }> {
    if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
    let q = db.selectFrom('consultations');
    if (f.agencyIds !== 'all') q = q.where('agencyId', 'in', f.agencyIds);
    if (f.status) q = q.where('status', '=', f.status);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('startsOn', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(total.n) };
  },

  /** The consultations the public sees for one agency: every one that has been opened. */
  async publicForAgency(db: DbOrTx, agencyId: number): Promise<ConsultationRow[]> {
    return db
      .selectFrom('consultations')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('status', '!=', 'draft')
      .orderBy('startsOn', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  },

  /** Opened and not summarised, period ended before `before` (candidates of the overdue flag). */
  async unsummarisedEndedBefore(
    db: DbOrTx,
    before: string,
    agencyIds: number[] | 'all',
  ): Promise<ConsultationRow[]> {
    if (agencyIds !== 'all' && agencyIds.length === 0) return [];
    let q = db
      .selectFrom('consultations')
      .selectAll()
      .where('status', 'in', ['open', 'closed'])
      .where((eb) => eb.or([eb('endsOn', '<', before), eb('closedOn', '<', before)]));
    if (agencyIds !== 'all') q = q.where('agencyId', 'in', agencyIds);
    return q.orderBy('endsOn').orderBy('id').execute();
  },

  /** Opened consultations whose adopted document is this information item. */
  async byDecisionItem(db: DbOrTx, itemId: number): Promise<ConsultationRow[]> {
    return db
      .selectFrom('consultations')
      .selectAll()
      .where('decisionItemId', '=', itemId)
      .where('status', '!=', 'draft')
      .orderBy('id')
      .execute();
  },

  async commentCounts(db: DbOrTx, ids: number[]): Promise<Map<number, { total: number; pending: number }>> {
    const out = new Map<number, { total: number; pending: number }>();
    if (ids.length === 0) return out;
    const rows = await db
      .selectFrom('consultationComments')
      .select(['consultationId', 'moderation', (eb) => eb.fn.countAll<number>().as('n')])
      .where('consultationId', 'in', ids)
      .groupBy(['consultationId', 'moderation'])
      .execute();
    for (const r of rows) {
      const c = out.get(r.consultationId) ?? { total: 0, pending: 0 };
      c.total += Number(r.n);
      if (r.moderation === 'pending') c.pending += Number(r.n);
      out.set(r.consultationId, c);
    }
    return out;
  },

  // ---------------------------------------------------------------- articles

  async replaceArticles(
    db: DbOrTx,
    consultationId: number,
    rows: Omit<Insertable<ConsultationArticlesTable>, 'consultationId'>[],
  ): Promise<void> {
    await db.deleteFrom('consultationArticles').where('consultationId', '=', consultationId).execute();
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('consultationArticles')
        .values(rows.slice(i, i + 100).map((r) => ({ ...r, consultationId })))
        .execute();
  },

  async articles(db: DbOrTx, consultationId: number): Promise<ArticleRow[]> {
    return db
      .selectFrom('consultationArticles')
      .selectAll()
      .where('consultationId', '=', consultationId)
      .orderBy('seq')
      .execute();
  },

  // ---------------------------------------------------------------- comments

  async insertComment(db: DbOrTx, row: Insertable<ConsultationCommentsTable>): Promise<CommentRow> {
    return db.insertInto('consultationComments').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async updateComment(
    db: DbOrTx,
    id: number,
    patch: Updateable<ConsultationCommentsTable>,
  ): Promise<CommentRow> {
    return db
      .updateTable('consultationComments')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async commentById(db: DbOrTx, id: number): Promise<CommentRow | undefined> {
    return db.selectFrom('consultationComments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async comments(
    db: DbOrTx,
    consultationId: number,
    opts: { moderation?: string[] } = {},
  ): Promise<CommentRow[]> {
    let q = db.selectFrom('consultationComments').selectAll().where('consultationId', '=', consultationId);
    if (opts.moderation) q = q.where('moderation', 'in', opts.moderation);
    return q.orderBy('id').execute();
  },

  // ---------------------------------------------------------------- groups

  async insertGroup(
    db: DbOrTx,
    consultationId: number,
    title: string,
    createdAt: string,
  ): Promise<CommentGroupRow> {
    return db
      .insertInto('consultationCommentGroups')
      .values({ consultationId, title, createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async groups(db: DbOrTx, consultationId: number): Promise<CommentGroupRow[]> {
    return db
      .selectFrom('consultationCommentGroups')
      .selectAll()
      .where('consultationId', '=', consultationId)
      .orderBy('id')
      .execute();
  },

  async groupById(db: DbOrTx, id: number): Promise<CommentGroupRow | undefined> {
    return db.selectFrom('consultationCommentGroups').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
