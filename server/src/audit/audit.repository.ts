import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { AuditEventRow } from '../db/database.ts';
import { LEGACY_CHAIN } from './audit.ts';

export interface Head {
  seq: number;
  hash: string;
}

export const auditRepository = {
  /**
   * Locks one chain for the rest of the transaction and returns its head, so that chain cannot fork
   * while other chains (other agencies) are written in parallel. PostgreSQL: a row lock on the
   * chain's head (FOR UPDATE waits for a writer of the same chain and then reads its new head); the
   * first event of a chain creates the head from the legacy head (row -1, 0014_audit_chains).
   * SQLite transactions are already serialised (one writer), so a plain read is enough.
   */
  async lockHead(tx: DbOrTx, dialect: 'sqlite' | 'postgres', chainKey: number, now: string): Promise<Head> {
    const read = async () => {
      const q = tx.selectFrom('auditChains').select(['headSeq', 'headHash']).where('chainKey', '=', chainKey);
      return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
    };
    let row = await read();
    if (!row) {
      await tx
        .insertInto('auditChains')
        .columns(['chainKey', 'headSeq', 'headHash', 'updatedAt'])
        .expression((eb) =>
          eb
            .selectFrom('auditChains')
            .select([
              sql.lit(chainKey).as('chainKey'),
              sql.lit(0).as('headSeq'),
              'headHash',
              sql.val(now).as('updatedAt'),
            ])
            .where('chainKey', '=', LEGACY_CHAIN),
        )
        .onConflict((oc) => oc.column('chainKey').doNothing())
        .execute();
      row = await read();
    }
    if (!row) throw new Error('audit_chains has no legacy head (row -1): migration 0014 missing');
    return { seq: Number(row.headSeq), hash: row.headHash };
  },

  /**
   * Appends events of one or more chains (ids ascending = order within each chain) and moves each
   * chain's head; on PostgreSQL one statement for a single event (insert and head update in one CTE).
   */
  async append(
    tx: DbOrTx,
    dialect: 'sqlite' | 'postgres',
    rows: Omit<AuditEventRow, 'id'>[],
    heads: { chainKey: number; seq: number; hash: string }[],
    now: string,
  ): Promise<number> {
    if (dialect === 'postgres' && rows.length === 1 && heads.length === 1) {
      const h = heads[0]!;
      const r = await tx
        .with('e', (db) => db.insertInto('auditEvents').values(rows[0]!).returning('id'))
        .updateTable('auditChains')
        .set({ headSeq: h.seq, headHash: h.hash, updatedAt: now })
        .where('chainKey', '=', h.chainKey)
        .returning(sql<number>`(SELECT id FROM e)`.as('id'))
        .executeTakeFirstOrThrow();
      return Number(r.id);
    }
    let lastId = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const r = await tx
        .insertInto('auditEvents')
        .values(rows.slice(i, i + 500))
        .returning('id')
        .execute();
      lastId = Number(r.at(-1)?.id ?? lastId);
    }
    for (const h of heads)
      await tx
        .updateTable('auditChains')
        .set({ headSeq: h.seq, headHash: h.hash, updatedAt: now })
        .where('chainKey', '=', h.chainKey)
        .execute();
    return lastId;
  },

  async heads(db: DbOrTx): Promise<{ chain: number; seq: number; hash: string }[]> {
    const rows = await db
      .selectFrom('auditChains')
      .select(['chainKey', 'headSeq', 'headHash'])
      .orderBy('chainKey')
      .execute();
    return rows.map((r) => ({ chain: Number(r.chainKey), seq: Number(r.headSeq), hash: r.headHash }));
  },

  /** The recorded heads and the highest event id, read in one statement (one moment on SQLite). */
  async headsAndMaxId(
    db: DbOrTx,
  ): Promise<{ heads: { chain: number; seq: number; hash: string }[]; maxId: number }> {
    const rows = await db
      .selectFrom('auditChains')
      .select([
        'chainKey',
        'headSeq',
        'headHash',
        (eb) =>
          eb
            .selectFrom('auditEvents')
            .select((e) => e.fn.max('id').as('m'))
            .as('maxId'),
      ])
      .orderBy('chainKey')
      .execute();
    return {
      heads: rows.map((r) => ({ chain: Number(r.chainKey), seq: Number(r.headSeq), hash: r.headHash })),
      maxId: Number(rows[0]?.maxId ?? 0),
    };
  },

  async batchAfter(
    db: DbOrTx,
    afterId: number,
    limit: number,
    uptoId: number | null = null,
  ): Promise<AuditEventRow[]> {
    let q = db.selectFrom('auditEvents').selectAll().where('id', '>', afterId);
    if (uptoId !== null) q = q.where('id', '<=', uptoId);
    return q.orderBy('id').limit(limit).execute();
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
