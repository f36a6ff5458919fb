/**
 * Reporting: the yearly 政府信息公开工作年度报告 per agency (computed, imported for past years, or
 * entered), and the yearly self-inspection report (《市司法局自查报告》). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('format', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('inputs_json', 'text', notNull)
    .addColumn('narrative_json', 'text', notNull)
    .addColumn('figures_json', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('annual_reports_agency_year_uq', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createIndex('annual_reports_status_idx')
    .on('annual_reports')
    .columns(['status', 'year'])
    .execute();

  await withId(db, db.schema.createTable('self_inspection_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('inputs_json', 'text', notNull)
    .addColumn('narrative_json', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('self_inspection_agency_year_uq', ['agency_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
