/**
 * Violations the platform detects from its own records (违规自动发现, oversight/detection.ts).
 *
 * The findings are stored, not only computed on the fly: a violation has a history — the day it was
 * first found, the last day it was still found, the day it was resolved (done late, or the record
 * corrected) — which a supervising office needs for inspections and assessment even after the
 * record has changed. Each daily run (`oversight_detection_runs`, one row per Beijing date) adds new
 * findings, refreshes the open ones and resolves those no longer found. `(kind, subject_key)` is
 * unique: the same violation found on another day is the same row. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('oversight_detections'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'integer', notNull)
    .addColumn('subject_key', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('due_on', 'text')
    .addColumn('detail_json', 'text', notNull)
    .addColumn('first_seen_on', 'text', notNull)
    .addColumn('last_seen_on', 'text', notNull)
    .addColumn('resolved_on', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('oversight_detections_kind_key_uq', ['kind', 'subject_key'])
    .execute();
  await db.schema
    .createIndex('oversight_detections_agency_idx')
    .on('oversight_detections')
    .columns(['agency_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('oversight_detections_open_idx')
    .on('oversight_detections')
    .column('resolved_on')
    .execute();

  await db.schema
    .createTable('oversight_detection_runs')
    .addColumn('run_on', 'text', (c) => c.primaryKey().notNull())
    .addColumn('found', 'integer', notNull)
    .addColumn('opened', 'integer', notNull)
    .addColumn('resolved', 'integer', notNull)
    .addColumn('finished_at', 'text', notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oversight_detection_runs').execute();
  await db.schema.dropTable('oversight_detections').execute();
}
