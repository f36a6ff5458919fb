/**
 * Bulk import of already-published items from an old site (issue #4 staff side): the import's state
 * and progress (so a reload or a restart resumes it), its staged rows and files, the rejected and
 * skipped rows of its report, and the source key of every imported item so a second import of the
 * same sheet never duplicates. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('publication_imports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('sheet_name', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_json', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('publication_imports_agency_idx')
    .on('publication_imports')
    .columns(['agency_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('publication_import_files'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('publication_imports.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('content_b64', 'text', notNull)
    .addUniqueConstraint('publication_import_files_name_uq', ['import_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('publication_import_issues'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('publication_imports.id'))
    .addColumn('row_no', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('column_label', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('publication_import_issues_import_idx')
    .on('publication_import_issues')
    .columns(['import_id', 'row_no'])
    .execute();

  await withId(db, db.schema.createTable('publication_import_sources'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('source_key', 'text', notNull)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('publication_imports.id'))
    .addUniqueConstraint('publication_import_sources_key_uq', ['agency_id', 'source_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publication_import_sources').execute();
  await db.schema.dropTable('publication_import_issues').execute();
  await db.schema.dropTable('publication_import_files').execute();
  await db.schema.dropTable('publication_imports').execute();
}
