/**
 * Search cost bounded by the page, not by the number of hits (search.repository.ts):
 * - `sort_key` = days since 1900-01-01 × 2^30 + item_id: date order (published_on DESC, item_id DESC)
 *   as one integer. On SQLite it is the FTS5 rowid, so FTS5 walks its own doclists newest first and
 *   a query stops after the page or the count cap; on PostgreSQL a btree index serves the same order.
 * - `tags`: filter tokens (agency, catalog entry, subject levels, validity) indexed in FTS5, so the
 *   filters are intersected inside the full-text index before the cap instead of row by row.
 * The FTS5 table is rebuilt from search_documents with the new rowid. Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .alterTable('search_documents')
    .addColumn('sort_key', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('search_documents')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // the same expression as search.service.ts sortKeyOf()
  if (pg)
    await sql`UPDATE search_documents SET sort_key = (published_on::date - date '1900-01-01')::bigint * 1073741824 + item_id`.execute(
      db,
    );
  else
    await sql`UPDATE search_documents SET sort_key = CAST(julianday(published_on) - julianday('1900-01-01') AS INTEGER) * 1073741824 + item_id`.execute(
      db,
    );
  // tags of existing rows: agency, catalog entry, subject (both levels; '.' → 'x'), validity
  const tag = pg
    ? sql`'ag' || agency_id
        || CASE WHEN catalog_entry_id IS NULL THEN '' ELSE ' ce' || catalog_entry_id END
        || CASE WHEN subject_code IS NULL THEN '' ELSE ' sj' || split_part(subject_code, '.', 1)
             || CASE WHEN strpos(subject_code, '.') > 0 THEN ' sj' || replace(subject_code, '.', 'x') ELSE '' END END
        || ' va' || validity`
    : sql`'ag' || agency_id
        || CASE WHEN catalog_entry_id IS NULL THEN '' ELSE ' ce' || catalog_entry_id END
        || CASE WHEN subject_code IS NULL THEN '' ELSE ' sj' || CASE WHEN instr(subject_code, '.') > 0 THEN substr(subject_code, 1, instr(subject_code, '.') - 1) ELSE subject_code END
             || CASE WHEN instr(subject_code, '.') > 0 THEN ' sj' || replace(subject_code, '.', 'x') ELSE '' END END
        || ' va' || validity`;
  await sql`UPDATE search_documents SET tags = ${tag}`.execute(db);
  await db.schema
    .createIndex('search_documents_sort_uq')
    .on('search_documents')
    .column('sort_key')
    .unique()
    .execute();

  if (!pg) {
    await sql`DROP TABLE search_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(bi, uni, tags, content='search_documents', content_rowid='sort_key', tokenize="unicode61 remove_diacritics 0")`.execute(
      db,
    );
    await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
