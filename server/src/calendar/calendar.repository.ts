import type { DbOrTx } from '../db/create-db.ts';
import type { CalendarDayRow, CalendarYearRow } from '../db/database.ts';

export const calendarRepository = {
  async years(db: DbOrTx): Promise<CalendarYearRow[]> {
    return db.selectFrom('calendarYears').selectAll().orderBy('year').execute();
  },

  async year(db: DbOrTx, year: number): Promise<CalendarYearRow | undefined> {
    return db.selectFrom('calendarYears').selectAll().where('year', '=', year).executeTakeFirst();
  },

  async insertYear(db: DbOrTx, row: CalendarYearRow): Promise<void> {
    await db.insertInto('calendarYears').values(row).execute();
  },

  async updateYear(db: DbOrTx, year: number, patch: Partial<CalendarYearRow>): Promise<void> {
    await db.updateTable('calendarYears').set(patch).where('year', '=', year).execute();
  },

  /** Every special day, national and local, by date. */
  async allDays(db: DbOrTx): Promise<CalendarDayRow[]> {
    return db.selectFrom('calendarDays').selectAll().orderBy('date').execute();
  },

  /** National days plus the local days of the given agencies (an agency and its ancestors). */
  async days(db: DbOrTx, agencyIds: number[]): Promise<CalendarDayRow[]> {
    let q = db.selectFrom('calendarDays').selectAll();
    q =
      agencyIds.length > 0
        ? q.where((eb) => eb.or([eb('agencyId', 'is', null), eb('agencyId', 'in', agencyIds)]))
        : q.where('agencyId', 'is', null);
    return q.orderBy('date').execute();
  },

  async daysOfYear(db: DbOrTx, year: number, agencyId?: number | null): Promise<CalendarDayRow[]> {
    let q = db.selectFrom('calendarDays').selectAll().where('year', '=', year);
    if (agencyId === null) q = q.where('agencyId', 'is', null);
    else if (agencyId !== undefined)
      q = q.where((eb) => eb.or([eb('agencyId', 'is', null), eb('agencyId', '=', agencyId)]));
    return q.orderBy('date').execute();
  },

  async countsByYear(db: DbOrTx): Promise<{ year: number; kind: string; n: number }[]> {
    const rows = await db
      .selectFrom('calendarDays')
      .select(['year', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agencyId', 'is', null)
      .groupBy(['year', 'kind'])
      .execute();
    return rows.map((r) => ({ year: Number(r.year), kind: r.kind, n: Number(r.n) }));
  },

  async findDay(db: DbOrTx, date: string, agencyId: number | null): Promise<CalendarDayRow | undefined> {
    let q = db.selectFrom('calendarDays').selectAll().where('date', '=', date);
    q = agencyId === null ? q.where('agencyId', 'is', null) : q.where('agencyId', '=', agencyId);
    return q.executeTakeFirst();
  },

  async dayById(db: DbOrTx, id: number): Promise<CalendarDayRow | undefined> {
    return db.selectFrom('calendarDays').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertDays(db: DbOrTx, rows: Omit<CalendarDayRow, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('calendarDays')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  async updateDay(db: DbOrTx, id: number, patch: Partial<CalendarDayRow>): Promise<void> {
    await db.updateTable('calendarDays').set(patch).where('id', '=', id).execute();
  },

  async deleteDay(db: DbOrTx, id: number): Promise<void> {
    await db.deleteFrom('calendarDays').where('id', '=', id).execute();
  },
};
