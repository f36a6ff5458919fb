import type { DbOrTx } from '../db/create-db.ts';
import type { UserRow } from '../db/database.ts';
import type { Selectable } from 'kysely';
import type { RoleAssignmentsTable, SessionsTable } from '../db/database.ts';

export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type SessionRow = Selectable<SessionsTable>;

export const userRepository = {
  async byId(db: DbOrTx, id: number): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  /** failed logins under a user name that belongs to no account (auth.service.ts login) */
  async loginFailures(
    db: DbOrTx,
    username: string,
  ): Promise<{ failedLogins: number; lockedUntil: string | null } | undefined> {
    return db
      .selectFrom('loginFailures')
      .select(['failedLogins', 'lockedUntil'])
      .where('username', '=', username)
      .executeTakeFirst();
  },
  async setLoginFailures(
    db: DbOrTx,
    row: { username: string; failedLogins: number; lockedUntil: string | null; updatedAt: string },
  ): Promise<void> {
    await db
      .insertInto('loginFailures')
      .values(row)
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({
          failedLogins: row.failedLogins,
          lockedUntil: row.lockedUntil,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
  },
  async insert(db: DbOrTx, row: Omit<UserRow, 'id'>): Promise<UserRow> {
    return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: DbOrTx, id: number, patch: Partial<UserRow>): Promise<UserRow> {
    return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  /**
   * One more failed login, counted in the row itself (UPDATE … = failed_logins + 1): two nodes
   * failing the same account at once both count — a read-then-write would lose one.
   */
  async addFailedLogin(db: DbOrTx, id: number, nowIso: string): Promise<number> {
    const r = await db
      .updateTable('users')
      .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1), updatedAt: nowIso }))
      .where('id', '=', id)
      .returning('failedLogins')
      .executeTakeFirstOrThrow();
    return Number(r.failedLogins);
  },
  async count(db: DbOrTx): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Users with at least one role in the given agencies (or all users), optionally matching text. */
  async search(
    db: DbOrTx,
    f: { agencyIds: number[] | 'all'; q?: string; limit: number },
  ): Promise<UserRow[]> {
    let q = db.selectFrom('users').selectAll();
    if (f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return [];
      const ids = f.agencyIds;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('roleAssignments as r')
            .select('r.id')
            .whereRef('r.userId', '=', 'users.id')
            .where('r.agencyId', 'in', ids),
        ),
      );
    }
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('username', 'like', like), eb('displayName', 'like', like)]));
    }
    return q.orderBy('id').limit(f.limit).execute();
  },

  async grantsOf(db: DbOrTx, userIds: number[]): Promise<RoleAssignmentRow[]> {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('roleAssignments')
      .selectAll()
      .where('userId', 'in', userIds)
      .orderBy('id')
      .execute();
  },
  async grant(db: DbOrTx, row: Omit<RoleAssignmentRow, 'id'>): Promise<RoleAssignmentRow | undefined> {
    return db
      .insertInto('roleAssignments')
      .values(row)
      .onConflict((oc) => oc.columns(['userId', 'agencyId', 'role']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },
  async assignment(db: DbOrTx, id: number): Promise<RoleAssignmentRow | undefined> {
    return db.selectFrom('roleAssignments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async revoke(db: DbOrTx, id: number): Promise<void> {
    await db.deleteFrom('roleAssignments').where('id', '=', id).execute();
  },

  async insertSession(db: DbOrTx, row: SessionRow): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  },
  async session(db: DbOrTx, idHash: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).executeTakeFirst();
  },
  async touchSession(db: DbOrTx, idHash: string, patch: Partial<SessionRow>): Promise<void> {
    await db.updateTable('sessions').set(patch).where('idHash', '=', idHash).execute();
  },
  async deleteSession(db: DbOrTx, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
  },
  async deleteSessionsOf(db: DbOrTx, userId: number, exceptIdHash?: string): Promise<void> {
    let q = db.deleteFrom('sessions').where('userId', '=', userId);
    if (exceptIdHash) q = q.where('idHash', '!=', exceptIdHash);
    await q.execute();
  },
  async deleteExpiredSessions(db: DbOrTx, nowIso: string): Promise<void> {
    await db.deleteFrom('sessions').where('expiresAt', '<', nowIso).execute();
  },
};
