import type { DbOrTx } from '../db/create-db.ts';
import type { DeadlineRow } from '../db/database.ts';

export const deadlineRepository = {
  async insert(db: DbOrTx, row: Omit<DeadlineRow, 'id'>): Promise<DeadlineRow> {
    return db.insertInto('deadlines').values(row).returningAll().executeTakeFirstOrThrow();
  },
  /** Open deadlines whose counting window (start, due] contains `date`, optionally for some agencies. */
  async openAffectedBy(
    db: DbOrTx,
    date: string,
    agencyIds: number[] | 'all',
    afterId: number,
    limit: number,
  ): Promise<DeadlineRow[]> {
    let q = db
      .selectFrom('deadlines')
      .selectAll()
      .where('state', '=', 'open')
      .where('startDate', '<', date)
      .where('dueDate', '>=', date)
      .where('id', '>', afterId);
    if (agencyIds !== 'all') {
      if (agencyIds.length === 0) return [];
      q = q.where('agencyId', 'in', agencyIds);
    }
    return q.orderBy('id').limit(limit).execute();
  },
  async setDue(db: DbOrTx, id: number, dueDate: string, at: string): Promise<void> {
    await db.updateTable('deadlines').set({ dueDate, updatedAt: at }).where('id', '=', id).execute();
  },
  /** Moves several deadlines to one new due date in one statement. */
  async setDueMany(db: DbOrTx, ids: number[], dueDate: string, at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000)
      await db
        .updateTable('deadlines')
        .set({ dueDate, updatedAt: at })
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
  },
  async bySubject(db: DbOrTx, subjectType: string, subjectId: number): Promise<DeadlineRow[]> {
    return db
      .selectFrom('deadlines')
      .selectAll()
      .where('subjectType', '=', subjectType)
      .where('subjectId', '=', subjectId)
      .orderBy('id')
      .execute();
  },
  async setState(db: DbOrTx, id: number, state: string, at: string): Promise<void> {
    await db.updateTable('deadlines').set({ state, updatedAt: at }).where('id', '=', id).execute();
  },
};
