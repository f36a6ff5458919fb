/** Every SQL statement of press conferences and online interviews (新闻发布会 / 在线访谈). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  PressEventQuestionsTable,
  PressEventRow,
  PressEventsTable,
  PressQuestionRow,
} from './press-event.table.ts';

export interface PressListFilter {
  agencyIds: number[] | 'all';
  status?: string | undefined;
  year?: number | undefined;
  limit: number;
  offset: number;
}

export const pressEventRepository = {
  async insert(db: DbOrTx, row: Insertable<PressEventsTable>): Promise<PressEventRow> {
    return db.insertInto('pressEvents').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: DbOrTx, id: number, patch: Updateable<PressEventsTable>): Promise<PressEventRow> {
    return db
      .updateTable('pressEvents')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async byId(db: DbOrTx, id: number): Promise<PressEventRow | undefined> {
    return db.selectFrom('pressEvents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(db: DbOrTx, f: PressListFilter): Promise<{ rows: PressEventRow[]; total: number }> {
    if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
    let q = db.selectFrom('pressEvents');
    if (f.agencyIds !== 'all') q = q.where('agencyId', 'in', f.agencyIds);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.year !== undefined)
      q = q.where('eventDate', '>=', `${f.year}-01-01`).where('eventDate', '<=', `${f.year}-12-31`);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('eventDate', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(total.n) };
  },

  /** Held this year (held or with its transcript published), for the target and the self-inspection. */
  async heldCount(db: DbOrTx, agencyId: number, year: number): Promise<number> {
    const r = await db
      .selectFrom('pressEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', '=', agencyId)
      .where('status', 'in', ['held', 'summary_published'])
      .where('eventDate', '>=', `${year}-01-01`)
      .where('eventDate', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** What the public sees for one agency: every event once announced (newest first). */
  async publicForAgency(db: DbOrTx, agencyId: number): Promise<PressEventRow[]> {
    return db
      .selectFrom('pressEvents')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('announcedAt', 'is not', null)
      .where('status', '!=', 'planned')
      .orderBy('eventDate', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  },

  async insertQuestion(db: DbOrTx, row: Insertable<PressEventQuestionsTable>): Promise<PressQuestionRow> {
    return db.insertInto('pressEventQuestions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async updateQuestion(
    db: DbOrTx,
    id: number,
    patch: Updateable<PressEventQuestionsTable>,
  ): Promise<PressQuestionRow> {
    return db
      .updateTable('pressEventQuestions')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async questions(db: DbOrTx, eventId: number): Promise<PressQuestionRow[]> {
    return db
      .selectFrom('pressEventQuestions')
      .selectAll()
      .where('eventId', '=', eventId)
      .orderBy('id', 'asc')
      .execute();
  },

  async questionCounts(
    db: DbOrTx,
    eventIds: number[],
  ): Promise<Map<number, { total: number; pending: number }>> {
    const out = new Map<number, { total: number; pending: number }>();
    if (eventIds.length === 0) return out;
    const rows = await db
      .selectFrom('pressEventQuestions')
      .select(['eventId', 'moderation', (eb) => eb.fn.countAll<number>().as('n')])
      .where('eventId', 'in', eventIds)
      .groupBy(['eventId', 'moderation'])
      .execute();
    for (const r of rows) {
      const c = out.get(r.eventId) ?? { total: 0, pending: 0 };
      c.total += Number(r.n);
      if (r.moderation === 'pending') c.pending += Number(r.n);
      out.set(r.eventId, c);
    }
    return out;
  },
};
