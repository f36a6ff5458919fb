/**
 * All SQL of the search index. One table, search_documents, on both databases; the token index is
 * FTS5 (external content) on SQLite and GIN over string_to_array(bi|uni) on PostgreSQL. Candidates
 * from the token index are confirmed by a substring test on the normalised text, and ranking is one
 * portable integer expression, so both databases return the same items in the same order.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { SearchDocumentsTable } from '../publication/publication.table.ts';
import { fts5Match, type QueryPlan } from './bigram.ts';

type Dialect = 'sqlite' | 'postgres';

export type SearchDocument = SearchDocumentsTable;

export interface SearchFilters {
  agencyIds?: number[];
  catalogEntryIds?: number[];
  subjectCode?: string;
  year?: number;
  docNo?: string;
  validity?: string;
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
      await sql`INSERT INTO search_fts(rowid, bi, uni) VALUES (${doc.itemId}, ${doc.bi}, ${doc.uni})`.execute(
        db,
      );
  },

  /** Batched insert for the generator: rows must not be indexed yet. */
  async insertMany(db: DbOrTx, dialect: Dialect, docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await db.insertInto('searchDocuments').values(docs).execute();
    if (dialect === 'sqlite') {
      const ids = docs.map((d) => d.itemId);
      await sql`INSERT INTO search_fts(rowid, bi, uni) SELECT item_id, bi, uni FROM search_documents WHERE item_id IN (${sql.join(ids)})`.execute(
        db,
      );
    }
  },

  async remove(db: DbOrTx, dialect: Dialect, itemId: number): Promise<void> {
    if (dialect === 'sqlite') {
      const old = await db
        .selectFrom('searchDocuments')
        .select(['bi', 'uni'])
        .where('itemId', '=', itemId)
        .executeTakeFirst();
      if (old)
        await sql`INSERT INTO search_fts(search_fts, rowid, bi, uni) VALUES ('delete', ${itemId}, ${old.bi}, ${old.uni})`.execute(
          db,
        );
    }
    await db.deleteFrom('searchDocuments').where('itemId', '=', itemId).execute();
  },

  async setValidity(db: DbOrTx, itemId: number, validity: string): Promise<void> {
    await db.updateTable('searchDocuments').set({ validity }).where('itemId', '=', itemId).execute();
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
      return sql<SqlBool>`d.item_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${fts5Match(plan)}) AND ${sql.join(exact, sql` AND `)}`;
    }
    const parts = plan.tokens.map((t) =>
      t.unigram !== null
        ? sql<SqlBool>`string_to_array(d.uni, ' ') @> ARRAY[${t.unigram}]::text[]`
        : sql<SqlBool>`string_to_array(d.bi, ' ') @> ARRAY[${sql.join(t.bigrams)}]::text[]`,
    );
    return sql<SqlBool>`${sql.join(parts, sql` AND `)} AND ${sql.join(exact, sql` AND `)}`;
  },

  async search(
    db: DbOrTx,
    dialect: Dialect,
    plan: QueryPlan,
    words: string[],
    f: SearchFilters,
    order: 'relevance' | 'date',
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: SearchHitRow[] }> {
    const where: Expression<SqlBool>[] = [];
    if (plan.terms.length > 0) where.push(this.matchCondition(dialect, plan));
    if (f.agencyIds)
      where.push(
        f.agencyIds.length ? sql<SqlBool>`d.agency_id IN (${sql.join(f.agencyIds)})` : sql<SqlBool>`1 = 0`,
      );
    if (f.catalogEntryIds)
      where.push(
        f.catalogEntryIds.length
          ? sql<SqlBool>`d.catalog_entry_id IN (${sql.join(f.catalogEntryIds)})`
          : sql<SqlBool>`1 = 0`,
      );
    if (f.subjectCode)
      where.push(
        sql<SqlBool>`(d.subject_code = ${f.subjectCode} OR d.subject_code LIKE ${`${f.subjectCode}.%`})`,
      );
    if (f.year) where.push(sql<SqlBool>`d.year = ${f.year}`);
    if (f.docNo) where.push(sql<SqlBool>`${instr(dialect)}(d.doc_no, ${f.docNo}) > 0`);
    if (f.validity) where.push(sql<SqlBool>`d.validity = ${f.validity}`);
    const cond = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;

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
        ? sql`score DESC, d.published_on DESC, d.item_id DESC`
        : sql`d.published_on DESC, d.item_id DESC`;

    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM search_documents d ${cond}`.execute(db);
    const rows = await sql<SearchHitRow>`
      SELECT d.item_id AS "itemId", d.agency_id AS "agencyId", d.title, d.doc_no AS "docNo", d.validity,
             d.published_on AS "publishedOn", d.body_text AS "bodyText", d.catalog_entry_id AS "catalogEntryId",
             d.subject_code AS "subjectCode", ${score} AS score
      FROM search_documents d ${cond}
      ORDER BY ${orderBy}
      LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return {
      total: Number(count.rows[0]?.n ?? 0),
      rows: rows.rows.map((r) => ({
        ...r,
        itemId: Number(r.itemId),
        agencyId: Number(r.agencyId),
        score: Number(r.score),
      })),
    };
  },
};
