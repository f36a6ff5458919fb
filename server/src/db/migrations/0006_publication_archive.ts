/**
 * Publication archive (docs/product.md §2.2 guide, §2.3 items 7–8): the guide's working draft, filing (备案)
 * of items with the supervising office, yearly archive volumes (归档卷) with their frozen catalogue,
 * and the hand-over log to the state archive and the public library (R.25). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // one working draft per agency; publishing copies it into guide_versions (0003)
  await db.schema
    .createTable('guide_drafts')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('content_json', 'text', notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('item_filings'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('report_no', 'text', notNull)
    .addColumn('filed_on', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('review_note', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('item_filings_item_supervisor_uq', ['item_id', 'supervisor_id'])
    .execute();
  await db.schema
    .createIndex('item_filings_supervisor_idx')
    .on('item_filings')
    .columns(['supervisor_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('archive_volumes'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('item_count', 'integer', notNull)
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('archive_volumes_agency_year_uq', ['agency_id', 'year'])
    .execute();

  // the catalogue of a volume, copied from the items when the volume is built and frozen when closed
  await withId(db, db.schema.createTable('archive_volume_items'))
    .addColumn('volume_id', 'integer', (c) => c.notNull().references('archive_volumes.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('position', 'integer', notNull)
    .addColumn('index_no', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('doc_no', 'text')
    .addColumn('generated_on', 'text', notNull)
    .addColumn('published_on', 'text')
    .addColumn('attribute', 'text', notNull)
    .addColumn('scope', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('attachment_count', 'integer', notNull)
    .addUniqueConstraint('archive_volume_items_uq', ['volume_id', 'item_id'])
    .execute();

  await withId(db, db.schema.createTable('archive_handovers'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('volume_id', 'integer', (c) => c.references('archive_volumes.id'))
    .addColumn('recipient_kind', 'text', notNull)
    .addColumn('institution', 'text', notNull)
    .addColumn('handed_on', 'text', notNull)
    .addColumn('item_count', 'integer', notNull)
    .addColumn('receipt_no', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('archive_handovers_agency_year_idx')
    .on('archive_handovers')
    .columns(['agency_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
