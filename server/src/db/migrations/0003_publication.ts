/**
 * Publication (主动公开, docs/product.md §2): information items and their pipeline records, attachments,
 * the per-agency catalog tree, local subject categories, index-number counters, guide versions and
 * the public search index (bigram tokens; FTS5 on SQLite, GIN on PostgreSQL). Frozen once landed.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf, notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('index_pattern', 'text', notNull)
    .addColumn('approval_chain_json', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('catalog_entries'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('catalog_entries.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('matter', 'text')
    .addColumn('time_limit', 'text', notNull)
    .addColumn('form', 'text', notNull)
    .addColumn('statutory_item', 'integer')
    .addColumn('permanent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('changed_on', 'text')
    .addColumn('update_due_on', 'text')
    .addColumn('catalog_updated_on', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('catalog_entries_code_uq', ['agency_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('publication_subjects'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('parent_code', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('publication_subjects_code_uq', ['agency_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('index_sequences'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', notNull)
    .addColumn('last_seq', 'integer', notNull)
    .addUniqueConstraint('index_sequences_period_uq', ['agency_id', 'period'])
    .execute();

  await withId(db, db.schema.createTable('information_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('catalog_entry_id', 'integer', (c) => c.references('catalog_entries.id'))
    .addColumn('index_no', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('subject_code', 'text')
    .addColumn('publisher', 'text', notNull)
    .addColumn('generated_on', 'text', notNull)
    .addColumn('published_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('validity', 'text', notNull)
    .addColumn('validity_changed_on', 'text')
    .addColumn('validity_note', 'text')
    .addColumn('replaced_by_id', 'integer', (c) => c.references('information_items.id'))
    .addColumn('scope', 'text', notNull)
    .addColumn('channels_json', 'text', notNull)
    .addColumn('attribute', 'text', notNull)
    .addColumn('non_disclosure_ground', 'text')
    .addColumn('non_disclosure_reason', 'text')
    .addColumn('summary', 'text')
    .addColumn('keywords', 'text')
    .addColumn('body_html', 'text', notNull)
    .addColumn('partial', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_body_html', 'text')
    .addColumn('producing_unit', 'text')
    .addColumn('responsible_person', 'text')
    .addColumn('interpretation_of_id', 'integer', (c) => c.references('information_items.id'))
    .addColumn('declassified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', notNull)
    .addColumn('approval_chain_json', 'text')
    .addColumn('approval_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_at', 'text')
    .addColumn('publish_due_on', 'text')
    .addColumn('scan_json', 'text')
    .addColumn('scan_override_json', 'text')
    .addColumn('change_note', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('information_items_index_no_uq', ['agency_id', 'index_no'])
    .execute();
  await db.schema
    .createIndex('information_items_agency_status_idx')
    .on('information_items')
    .columns(['agency_id', 'status', 'published_on'])
    .execute();
  await db.schema
    .createIndex('information_items_interpretation_idx')
    .on('information_items')
    .column('interpretation_of_id')
    .execute();
  await db.schema
    .createIndex('information_items_public_idx')
    .on('information_items')
    .columns(['status', 'scope', 'published_on'])
    .execute();

  await withId(db, db.schema.createTable('item_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content_b64', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('public_visible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('item_attachments_item_idx').on('item_attachments').column('item_id').execute();

  await withId(db, db.schema.createTable('item_reviews'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('stage', 'text', notNull)
    .addColumn('decision', 'text', notNull)
    .addColumn('basis', 'text')
    .addColumn('reason', 'text')
    .addColumn('reviewer_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewer_label', 'text', notNull)
    .addColumn('reviewed_on', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('item_reviews_item_idx').on('item_reviews').column('item_id').execute();

  await withId(db, db.schema.createTable('item_joint_agencies'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('consented_on', 'text')
    .addColumn('consent_note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('item_joint_agencies_uq', ['item_id', 'agency_id'])
    .execute();

  await withId(db, db.schema.createTable('guide_versions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('content_json', 'text', notNull)
    .addColumn('published_on', 'text', notNull)
    .addColumn('next_review_on', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('guide_versions_uq', ['agency_id', 'version'])
    .execute();

  // Only published public items are ever in this table (docs/product.md §6).
  await db.schema
    .createTable('search_documents')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('information_items.id'))
    .addColumn('agency_id', 'integer', notNull)
    .addColumn('catalog_entry_id', 'integer')
    .addColumn('subject_code', 'text')
    .addColumn('year', 'integer', notNull)
    .addColumn('doc_no', 'text')
    .addColumn('validity', 'text', notNull)
    .addColumn('published_on', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('norm_title', 'text', notNull)
    .addColumn('norm_text', 'text', notNull)
    .addColumn('norm_keywords', 'text', notNull)
    .addColumn('body_text', 'text', notNull)
    .addColumn('bi', 'text', notNull)
    .addColumn('uni', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('search_documents_agency_idx')
    .on('search_documents')
    .columns(['agency_id', 'published_on'])
    .execute();
  await db.schema
    .createIndex('search_documents_date_idx')
    .on('search_documents')
    .column('published_on')
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`CREATE INDEX search_documents_bi_gin ON search_documents USING gin (string_to_array(bi, ' '))`.execute(
      db,
    );
    await sql`CREATE INDEX search_documents_uni_gin ON search_documents USING gin (string_to_array(uni, ' '))`.execute(
      db,
    );
  } else {
    // external-content FTS5 over search_documents; unicode61 keeps each space-separated bigram whole
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(bi, uni, content='search_documents', content_rowid='item_id', tokenize="unicode61 remove_diacritics 0")`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
