import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { AuditEventRow } from '../db/database.ts';
import { GENESIS_HASH } from './audit.ts';

export const auditRepository = {
  /**
   * Serialises audit writers for the rest of the transaction so the hash chain cannot fork.
   * SQLite transactions are already serialised (one writer); PostgreSQL takes an advisory lock.
   */
  async lockChain(tx: DbOrTx, dialect: 'sqlite' | 'postgres'): Promise<void> {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7283001)`.execute(tx);
  },

  async lastHash(tx: DbOrTx): Promise<string> {
    const row = await tx
      .selectFrom('auditEvents')
      .select('hash')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.hash ?? GENESIS_HASH;
  },

  async insert(tx: DbOrTx, row: Omit<AuditEventRow, 'id'>): Promise<number> {
    const r = await tx.insertInto('auditEvents').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  /** Appends rows in the given order (ids ascending = chain order); chunks keep under bind limits. */
  async insertMany(tx: DbOrTx, rows: Omit<AuditEventRow, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('auditEvents')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  async batchAfter(db: DbOrTx, afterId: number, limit: number): Promise<AuditEventRow[]> {
    return db
      .selectFrom('auditEvents')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  async list(
    db: DbOrTx,
    f: {
      agencyIds?: number[] | 'all';
      entityType?: string;
      entityId?: string;
      actorUserId?: number;
      /** part of the operator's name or user name (操作人) */
      actor?: string;
      action?: string;
      beforeId?: number;
      limit: number;
    },
  ): Promise<AuditEventRow[]> {
    let q = db.selectFrom('auditEvents').selectAll();
    if (f.agencyIds !== undefined && f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return [];
      q = q.where('agencyId', 'in', f.agencyIds);
    }
    if (f.entityType) q = q.where('entityType', '=', f.entityType);
    if (f.entityId) q = q.where('entityId', '=', f.entityId);
    if (f.actorUserId !== undefined) q = q.where('actorUserId', '=', f.actorUserId);
    if (f.actor) q = q.where('actorLabel', 'like', `%${f.actor.replace(/[%_\\]/g, '')}%`);
    if (f.action) q = q.where('action', 'like', `${f.action}%`);
    if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  },

  /** Event counts per China-time civil date since `sinceIso`, grouped by UTC hour in SQL (portable). */
  async dailyCounts(db: DbOrTx, agencyIds: number[] | 'all', sinceIso: string): Promise<Map<string, number>> {
    if (agencyIds !== 'all' && agencyIds.length === 0) return new Map();
    let q = db
      .selectFrom('auditEvents')
      .select([sql<string>`substr(occurred_at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('occurredAt', '>=', sinceIso);
    if (agencyIds !== 'all') q = q.where('agencyId', 'in', agencyIds);
    const rows = await q.groupBy(sql`substr(occurred_at, 1, 13)`).execute();
    const out = new Map<string, number>();
    for (const r of rows) {
      const d = new Date(Date.parse(`${r.hour}:00:00.000Z`) + 8 * 3_600_000).toISOString().slice(0, 10);
      out.set(d, (out.get(d) ?? 0) + Number(r.n));
    }
    return out;
  },

  /**
   * Names of the records a page of events is about, so the log reads in words (对象): one query per
   * kind of record on the page. Kinds without a name here are shown by their number.
   */
  async entityNames(db: DbOrTx, wanted: Map<string, Set<string>>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ids = (type: string) =>
      [...(wanted.get(type) ?? [])].map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const put = (type: string, rows: { id: number; name: string | null }[]) => {
      for (const r of rows) if (r.name) out.set(`${type}:${r.id}`, r.name);
    };
    const users = ids('user');
    if (users.length)
      put(
        'user',
        await db.selectFrom('users').select(['id', 'displayName as name']).where('id', 'in', users).execute(),
      );
    const agencies = ids('agency');
    if (agencies.length)
      put(
        'agency',
        await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencies).execute(),
      );
    const apps = ids('request_application');
    if (apps.length)
      put(
        'request_application',
        await db
          .selectFrom('requestApplications')
          .select(['id', 'registrationNo as name'])
          .where('id', 'in', apps)
          .execute(),
      );
    const items = ids('information_item');
    if (items.length)
      put(
        'information_item',
        await db
          .selectFrom('informationItems')
          .select(['id', 'title as name'])
          .where('id', 'in', items)
          .execute(),
      );
    const reports = ids('annual_report');
    if (reports.length)
      for (const r of await db
        .selectFrom('annualReports as r')
        .innerJoin('agencies as g', 'g.id', 'r.agencyId')
        .select(['r.id', 'r.year', 'g.name'])
        .where('r.id', 'in', reports)
        .execute())
        out.set(`annual_report:${r.id}`, `${r.name}${r.year}年度报告`);
    return out;
  },

  async count(db: DbOrTx): Promise<number> {
    const r = await db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
