/** Every SQL statement of the notifications module. */
import type { Insertable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { NotificationRow, NotificationsTable } from './notification.table.ts';

export interface Recipient {
  userId: number;
  email: string | null;
}

export const notificationRepository = {
  /** Which of these dedupe keys are already in the outbox. */
  async existingKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('notifications')
        .select('dedupeKey')
        .where('dedupeKey', 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.dedupeKey);
    }
    return out;
  },

  /** Inserts the rows whose dedupe key is new; returns how many were inserted. */
  async insertNew(db: DbOrTx, rows: Insertable<NotificationsTable>[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const r = await db
        .insertInto('notifications')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.column('dedupeKey').doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return n;
  },

  async byDedupeKey(db: DbOrTx, key: string): Promise<NotificationRow | undefined> {
    return db.selectFrom('notifications').selectAll().where('dedupeKey', '=', key).executeTakeFirst();
  },

  async byId(db: DbOrTx, id: number): Promise<NotificationRow | undefined> {
    return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  },

  // ---------------------------------------------------------------- in-app

  async inbox(
    db: DbOrTx,
    userId: number,
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
    const mine = db
      .selectFrom('notifications')
      .where('channel', '=', 'inapp')
      .where('recipient', '=', String(userId));
    const filtered = opts.unreadOnly ? mine.where('readAt', 'is', null) : mine;
    const [rows, total, unread] = await Promise.all([
      filtered.selectAll().orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      mine
        .where('readAt', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n), unread: Number(unread.n) };
  },

  /** Marks one of the user's own in-app notifications read; false when it is not theirs. */
  async markRead(db: DbOrTx, userId: number, id: number, at: string): Promise<boolean> {
    const row = await db
      .selectFrom('notifications')
      .select(['id', 'readAt'])
      .where('id', '=', id)
      .where('channel', '=', 'inapp')
      .where('recipient', '=', String(userId))
      .executeTakeFirst();
    if (!row) return false;
    if (row.readAt === null)
      await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).execute();
    return true;
  },

  async markAllRead(db: DbOrTx, userId: number, at: string): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ readAt: at })
      .where('channel', '=', 'inapp')
      .where('recipient', '=', String(userId))
      .where('readAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  // ---------------------------------------------------------------- outbox (e-mail, SMS)

  async outbox(
    db: DbOrTx,
    f: { state?: string; channel?: string; limit: number; offset: number },
  ): Promise<{ rows: NotificationRow[]; total: number }> {
    let q = db.selectFrom('notifications').where('channel', 'in', ['email', 'sms']);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.channel) q = q.where('channel', '=', f.channel);
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  async stateCounts(db: DbOrTx): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('notifications')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('channel', 'in', ['email', 'sms'])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  },

  /** Pending e-mail/SMS whose next attempt is due, oldest first. */
  async due(db: DbOrTx, nowIso: string, limit: number): Promise<NotificationRow[]> {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('state', '=', 'pending')
      .where('nextAttemptAt', '<=', nowIso)
      .where('channel', 'in', ['email', 'sms'])
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /**
   * Claims a due row for one attempt by moving its next attempt past a lease: of two senders (two
   * server processes on one PostgreSQL) only one claims it; a sender that dies mid-attempt leaves the
   * row to be tried again when the lease ends.
   */
  async claim(db: DbOrTx, id: number, dueBefore: string, leaseUntil: string): Promise<boolean> {
    const r = await db
      .updateTable('notifications')
      .set({ nextAttemptAt: leaseUntil })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('nextAttemptAt', '<=', dueBefore)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async recordAttempt(
    db: DbOrTx,
    id: number,
    set: {
      state: string;
      attempts: number;
      nextAttemptAt: string | null;
      lastError: string | null;
      sentAt?: string;
    },
  ): Promise<void> {
    await db.updateTable('notifications').set(set).where('id', '=', id).execute();
  },

  // ---------------------------------------------------------------- who receives reminders

  /** Active users by id, with their e-mail address. */
  async usersByIds(db: DbOrTx, ids: number[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', 'in', ids)
      .where('active', '=', 1)
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email }));
  },

  /** Active holders of a role on these agencies (the grant on the agency itself), per agency. */
  async roleHolders(db: DbOrTx, agencyIds: number[], role: string): Promise<Map<number, Recipient[]>> {
    const out = new Map<number, Recipient[]>();
    if (agencyIds.length === 0) return out;
    const rows = await db
      .selectFrom('roleAssignments as r')
      .innerJoin('users as u', 'u.id', 'r.userId')
      .select(['r.agencyId', 'u.id', 'u.email'])
      .where('r.agencyId', 'in', agencyIds)
      .where('r.role', '=', role)
      .where('u.active', '=', 1)
      .orderBy('u.id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.agencyId) ?? [];
      if (!list.some((x) => x.userId === r.id)) list.push({ userId: r.id, email: r.email });
      out.set(r.agencyId, list);
    }
    return out;
  },
};
