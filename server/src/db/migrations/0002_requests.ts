/**
 * Disclosure on application (依申请公开, R.27–R.45): applications and their request items, letters,
 * files, approvals, fees, consultations, reconsideration/litigation records, per-agency settings,
 * registration-number sequences and the notifications outbox. The reply, correction, consultation and
 * fee deadlines live in the foundation's generic `deadlines` table. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_applications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('registration_no', 'text', (c) => c.notNull().unique())
    .addColumn('tracking_hash', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('applicant_kind', 'text', notNull)
    .addColumn('org_type', 'text')
    .addColumn('applicant_name', 'text', notNull)
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('phone', 'text', notNull)
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('provision_form', 'text', notNull)
    .addColumn('delivery_method', 'text', notNull)
    .addColumn('purpose', 'text')
    .addColumn('submitted_on', 'text', notNull)
    .addColumn('submitted_at', 'text', notNull)
    .addColumn('signed_for_on', 'text')
    .addColumn('received_on', 'text')
    .addColumn('clock_start', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_requested_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pause_kind', 'text')
    .addColumn('paused_since', 'text')
    .addColumn('delayed_due_on', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('handler_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('report_category', 'text')
    .addColumn('fee_method', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_applications_queue_idx')
    .on('request_applications')
    .columns(['agency_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('request_applications_applicant_idx')
    .on('request_applications')
    .columns(['agency_id', 'applicant_name'])
    .execute();
  await db.schema
    .createIndex('request_applications_handler_idx')
    .on('request_applications')
    .columns(['handler_user_id', 'status'])
    .execute();

  await withId(db, db.schema.createTable('request_items'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('title', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('disposition', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('reasons', 'text')
    .addColumn('withheld', 'text')
    .addColumn('holding_agency', 'text')
    .addColumn('holding_contact', 'text')
    .addColumn('how_to_obtain', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('request_items_seq_uq', ['application_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('request_letters'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('content_json', 'text', notNull)
    .addColumn('issued_on', 'text', notNull)
    .addColumn('sent_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_letters_application_idx')
    .on('request_letters')
    .column('application_id')
    .execute();

  await withId(db, db.schema.createTable('request_files'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('filename', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content_b64', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_files_application_idx')
    .on('request_files')
    .column('application_id')
    .execute();

  await withId(db, db.schema.createTable('request_approvals'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('subject', 'text', notNull)
    .addColumn('step', 'integer', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('decision', 'text', notNull)
    .addColumn('comment', 'text')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_approvals_application_idx')
    .on('request_approvals')
    .column('application_id')
    .execute();

  await withId(db, db.schema.createTable('request_fees'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('method', 'text', notNull)
    .addColumn('units', 'integer', notNull)
    .addColumn('prior_units', 'integer', notNull)
    .addColumn('amount', 'integer', notNull)
    .addColumn('lines_json', 'text', notNull)
    .addColumn('notice_on', 'text', notNull)
    .addColumn('paid_on', 'text')
    .addColumn('receipt_no', 'text')
    .addColumn('waived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waiver_reason', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_fees_application_idx')
    .on('request_fees')
    .column('application_id')
    .execute();

  await withId(db, db.schema.createTable('request_consultations'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('party', 'text', notNull)
    .addColumn('sent_on', 'text', notNull)
    .addColumn('answered_on', 'text')
    .addColumn('opinion', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_consultations_application_idx')
    .on('request_consultations')
    .column('application_id')
    .execute();

  await withId(db, db.schema.createTable('request_appeals'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('filed_on', 'text', notNull)
    .addColumn('outcome', 'text', notNull)
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_appeals_application_idx')
    .on('request_appeals')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('request_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('approval_chain_json', 'text', notNull)
    .addColumn('templates_json', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await db.schema
    .createTable('request_sequences')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('last_seq', 'integer', notNull)
    .addPrimaryKeyConstraint('request_sequences_pk', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'integer', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('recipient', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_recipient_idx')
    .on('notifications')
    .columns(['channel', 'recipient', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
