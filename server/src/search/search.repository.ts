/**
 * All SQL of the search index. One table, search_documents, on both databases; the token index is
 * FTS5 (external content, rowid = sort key) on SQLite and GIN over string_to_array(bi|uni) on
 * PostgreSQL. Candidates from the token index are confirmed by a substring test on the normalised
 * text, and ranking is one portable integer expression, so both databases return the same items in
 * the same order.
 *
 * Cost is bounded by the page, not by the number of hits: the index hands out matches newest first
 * (sort key order: FTS5 walks its doclists by rowid, PostgreSQL its btree), filters are applied
 * before the cap (as FTS5 filter tags on SQLite, and on the row on both), and at most `cap + 1`
 * matches are read — enough to page in date order, to rank the newest `cap` matches by relevance,
 * and to say "more than `cap`".
 */
import { type Expression, PostgresAdapter, type SqlBool, sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { SearchDocumentsTable } from '../publication/publication.table.ts';
import { fts5Match, type QueryPlan } from './bigram.ts';
import { itemIdOfSortKey, sortKeyFloor, subjectTag } from './sort-key.ts';

type Dialect = 'sqlite' | 'postgres';

export type SearchDocument = SearchDocumentsTable;

export interface SearchFilters {
  agencyIds?: number[];
  catalogEntryIds?: number[];
  subjectCode?: string;
  year?: number;
  docNo?: string;
  validity?: string;
  /**
   * Online retention (《省司法厅信息公开指南》; docs/product.md §2.3.6): items published before the cutoff leave the
   * results unless their catalog category is permanent. `byAgency` lists agencies whose rule profile
   * has a different retention period.
   */
  retention?: RetentionFilter;
}

export interface RetentionFilter {
  cutoff: string;
  byAgency?: { agencyIds: number[]; cutoff: string }[];
}

export interface SearchHitRow {
  itemId: number;
  agencyId: number;
  title: string;
  docNo: string | null;
  validity: string;
  publishedOn: string;
  bodyText: string;
  catalogEntryId: number | null;
  subjectCode: string | null;
  score: number;
}

const instr = (d: Dialect) => (d === 'postgres' ? sql.raw('strpos') : sql.raw('instr'));

export const searchRepository = {
  async upsert(db: DbOrTx, dialect: Dialect, doc: SearchDocument): Promise<void> {
    await this.remove(db, dialect, doc.itemId);
    await db.insertInto('searchDocuments').values(doc).execute();
    if (dialect === 'sqlite')
      await sql`INSERT INTO search_fts(rowid, bi, uni, tags) VALUES (${doc.sortKey}, ${doc.bi}, ${doc.uni}, ${doc.tags})`.execute(
        db,
      );
  },

  /** Batched insert for the generator: rows must not be indexed yet. `deferFts`: the caller rebuilds FTS5 afterwards. */
  async insertMany(db: DbOrTx, dialect: Dialect, docs: SearchDocument[], deferFts = false): Promise<void> {
    if (docs.length === 0) return;
    await db.insertInto('searchDocuments').values(docs).execute();
    if (dialect === 'sqlite' && !deferFts) {
      const ids = docs.map((d) => d.itemId);
      await sql`INSERT INTO search_fts(rowid, bi, uni, tags) SELECT sort_key, bi, uni, tags FROM search_documents WHERE item_id IN (${sql.join(ids)}) ORDER BY sort_key`.execute(
        db,
      );
    }
  },

  /**
   * Indexes in FTS5, in one statement, the documents of items ≥ `firstItemId` loaded with `deferFts`.
   * In rowid (sort key) order: FTS5 flushes its in-memory segment whenever a rowid is not greater
   * than the previous one, so unsorted inserts would write one tiny segment per row.
   */
  async indexFtsFrom(db: DbOrTx, dialect: Dialect, firstItemId: number): Promise<void> {
    if (dialect === 'sqlite')
      await sql`INSERT INTO search_fts(rowid, bi, uni, tags) SELECT sort_key, bi, uni, tags FROM search_documents WHERE item_id >= ${firstItemId} ORDER BY sort_key`.execute(
        db,
      );
  },

  async remove(db: DbOrTx, dialect: Dialect, itemId: number): Promise<void> {
    if (dialect === 'sqlite') {
      const old = await db
        .selectFrom('searchDocuments')
        .select(['bi', 'uni', 'tags', 'sortKey'])
        .where('itemId', '=', itemId)
        .executeTakeFirst();
      if (old)
        await sql`INSERT INTO search_fts(search_fts, rowid, bi, uni, tags) VALUES ('delete', ${old.sortKey}, ${old.bi}, ${old.uni}, ${old.tags})`.execute(
          db,
        );
    }
    await db.deleteFrom('searchDocuments').where('itemId', '=', itemId).execute();
  },

  /** The document as stored (to re-index it with a changed field). */
  async get(db: DbOrTx, itemId: number): Promise<SearchDocument | undefined> {
    const row = await db
      .selectFrom('searchDocuments')
      .selectAll()
      .where('itemId', '=', itemId)
      .executeTakeFirst();
    return row ? { ...row, sortKey: Number(row.sortKey) } : undefined;
  },

  async has(db: DbOrTx, itemId: number): Promise<boolean> {
    return !!(await db
      .selectFrom('searchDocuments')
      .select('itemId')
      .where('itemId', '=', itemId)
      .executeTakeFirst());
  },

  /** The raw index query (no filters, no ranking) — the benchmark's baseline. */
  async rawMatchIds(db: DbOrTx, dialect: Dialect, plan: QueryPlan, limit: number): Promise<number[]> {
    const rows = await sql<{
      id: number;
    }>`SELECT d.item_id AS id FROM search_documents d WHERE ${this.matchCondition(dialect, plan)} LIMIT ${limit}`.execute(
      db,
    );
    return rows.rows.map((r) => Number(r.id));
  },

  matchCondition(dialect: Dialect, plan: QueryPlan): Expression<SqlBool> {
    const exact = plan.terms.map((t) => sql<SqlBool>`${instr(dialect)}(d.norm_text, ${t}) > 0`);
    if (dialect === 'sqlite') {
      return sql<SqlBool>`d.sort_key IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${fts5Match(plan)}) AND ${sql.join(exact, sql` AND `)}`;
    }
    return sql<SqlBool>`${this.ginCondition(plan)} AND ${sql.join(exact, sql` AND `)}`;
  },

  ginCondition(plan: QueryPlan): Expression<SqlBool> {
    const parts = plan.tokens.map((t) =>
      t.unigram !== null
        ? sql<SqlBool>`string_to_array(d.uni, ' ') @> ARRAY[${t.unigram}]::text[]`
        : sql<SqlBool>`string_to_array(d.bi, ' ') @> ARRAY[${sql.join(t.bigrams)}]::text[]`,
    );
    return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
  },

  /**
   * Up to `cap + 1` matching item ids, newest first (sort key order), every filter applied before the
   * cap. SQLite: FTS5 (query tokens + filter tags + sort-key range) walks its index newest first and
   * each candidate row is confirmed (exact substring, filters, retention); PostgreSQL: the same
   * conditions on the row, GIN-assisted, ordered by the sort-key btree.
   */
  async candidates(
    db: DbOrTx,
    dialect: Dialect,
    plan: QueryPlan,
    f: SearchFilters,
    cap: number,
  ): Promise<number[]> {
    if (f.agencyIds?.length === 0 || f.catalogEntryIds?.length === 0) return [];
    const where: Expression<SqlBool>[] = [];
    for (const t of plan.terms) where.push(sql<SqlBool>`${instr(dialect)}(d.norm_text, ${t}) > 0`);
    if (f.agencyIds) where.push(sql<SqlBool>`d.agency_id IN (${sql.join(f.agencyIds)})`);
    if (f.catalogEntryIds) where.push(sql<SqlBool>`d.catalog_entry_id IN (${sql.join(f.catalogEntryIds)})`);
    if (f.subjectCode)
      where.push(
        sql<SqlBool>`(d.subject_code = ${f.subjectCode} OR d.subject_code LIKE ${`${f.subjectCode}.%`})`,
      );
    let range: [number, number] | null = null;
    if (f.year) {
      where.push(sql<SqlBool>`d.year = ${f.year}`);
      range = [sortKeyFloor(`${f.year}-01-01`), sortKeyFloor(`${f.year + 1}-01-01`)];
    }
    if (f.docNo) where.push(sql<SqlBool>`${instr(dialect)}(d.doc_no, ${f.docNo}) > 0`);
    if (f.validity) where.push(sql<SqlBool>`d.validity = ${f.validity}`);
    let join = sql``;
    if (f.retention) {
      join = sql`LEFT JOIN catalog_entries c ON c.id = d.catalog_entry_id`;
      const groups = (f.retention.byAgency ?? []).filter((g) => g.agencyIds.length > 0);
      const cutoff = groups.length
        ? sql`CASE ${sql.join(
            groups.map((g) => sql`WHEN d.agency_id IN (${sql.join(g.agencyIds)}) THEN ${g.cutoff}`),
            sql` `,
          )} ELSE ${f.retention.cutoff} END`
        : sql`${f.retention.cutoff}`;
      where.push(sql<SqlBool>`(c.permanent = 1 OR d.published_on >= ${cutoff})`);
    }
    const cond = (extra: Expression<SqlBool>[]) => {
      const all = [...extra, ...where];
      return all.length ? sql`WHERE ${sql.join(all, sql` AND `)}` : sql``;
    };

    if (dialect === 'sqlite') {
      // filter tags go into the MATCH expression (small IN lists only; the row check stays authoritative)
      const match: string[] = [];
      if (plan.terms.length) match.push(fts5Match(plan));
      const orTags = (tags: string[]) => (tags.length === 1 ? tags[0]! : `(${tags.join(' OR ')})`);
      if (f.agencyIds && f.agencyIds.length <= 50)
        match.push(`tags:${orTags(f.agencyIds.map((a) => `ag${a}`))}`);
      if (f.catalogEntryIds && f.catalogEntryIds.length <= 50)
        match.push(`tags:${orTags(f.catalogEntryIds.map((c) => `ce${c}`))}`);
      if (f.subjectCode && /^[\w.]+$/.test(f.subjectCode)) match.push(`tags:"${subjectTag(f.subjectCode)}"`);
      if (f.validity && /^\w+$/.test(f.validity)) match.push(`tags:"va${f.validity}"`);
      if (match.length) {
        const extra = [sql<SqlBool>`search_fts MATCH ${match.join(' AND ')}`];
        if (range) extra.push(sql<SqlBool>`f.rowid >= ${range[0]} AND f.rowid < ${range[1]}`);
        const rows = await sql<{ k: number }>`
          SELECT f.rowid AS k FROM search_fts f
          CROSS JOIN search_documents d ON d.item_id = (f.rowid % ${2 ** 30}) ${join}
          ${cond(extra)}
          ORDER BY f.rowid DESC LIMIT ${cap + 1}`.execute(db);
        return rows.rows.map((r) => itemIdOfSortKey(Number(r.k)));
      }
    } else if (plan.terms.length) {
      where.unshift(this.ginCondition(plan));
    }
    const extra = range ? [sql<SqlBool>`d.sort_key >= ${range[0]} AND d.sort_key < ${range[1]}`] : [];
    const rows = await sql<{ id: number }>`
      SELECT d.item_id AS id FROM search_documents d ${join}
      ${cond(extra)}
      ORDER BY d.sort_key DESC LIMIT ${cap + 1}`.execute(db);
    return rows.rows.map((r) => Number(r.id));
  },

  /**
   * The rows of `ids` with their score (one portable integer expression: title hits, term frequency
   * capped at 10, jieba keyword hits), ordered by score (relevance) or date, then paged.
   */
  async scored(
    db: DbOrTx,
    dialect: Dialect,
    ids: number[],
    plan: QueryPlan,
    words: string[],
    order: 'relevance' | 'date',
    limit: number,
    offset: number,
  ): Promise<SearchHitRow[]> {
    if (ids.length === 0) return [];
    const least = dialect === 'postgres' ? sql.raw('least') : sql.raw('min');
    const scoreParts = [
      ...plan.terms.map((t) => sql`(CASE WHEN ${instr(dialect)}(d.norm_title, ${t}) > 0 THEN 8 ELSE 0 END)`),
      ...plan.terms.map(
        (t) =>
          sql`${least}((length(d.norm_text) - length(replace(d.norm_text, ${t}, ''))) / ${[...t].length}, 10)`,
      ),
      ...words.map((w) => sql`(CASE WHEN ${instr(dialect)}(d.norm_keywords, ${w}) > 0 THEN 3 ELSE 0 END)`),
    ];
    const score = scoreParts.length ? sql.join(scoreParts, sql` + `) : sql`0`;
    const orderBy =
      order === 'relevance' && plan.terms.length > 0
        ? sql`score DESC, d.sort_key DESC`
        : sql`d.sort_key DESC`;
    const rows = await sql<SearchHitRow>`
      SELECT d.item_id AS "itemId", d.agency_id AS "agencyId", d.title, d.doc_no AS "docNo", d.validity,
             d.published_on AS "publishedOn", d.body_text AS "bodyText", d.catalog_entry_id AS "catalogEntryId",
             d.subject_code AS "subjectCode", ${score} AS score
      FROM search_documents d WHERE d.item_id IN (${sql.join(ids)})
      ORDER BY ${orderBy}
      LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return rows.rows.map((r) => ({
      ...r,
      itemId: Number(r.itemId),
      agencyId: Number(r.agencyId),
      score: Number(r.score),
    }));
  },
};

/** The dialect of a connection or transaction (for the few methods called without `deps`). */
export function dialectOfDb(db: DbOrTx): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
