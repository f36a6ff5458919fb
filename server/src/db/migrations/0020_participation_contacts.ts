/**
 * Contacts from the public (咨询、建议、投诉举报、领导信箱、评议): one row per message, letter, call,
 * visit or evaluation with its channel, date of receipt, response clock, reply and review, rating;
 * and the record of each transfer (转办) to another agency. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('participation_contacts'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('tracking_no', 'text', (c) => c.unique())
    .addColumn('tracking_hash', 'text')
    .addColumn('kind', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('sender_name', 'text')
    .addColumn('sender_contact', 'text')
    .addColumn('publish_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_content', 'integer')
    .addColumn('score_form', 'integer')
    .addColumn('score_system', 'integer')
    .addColumn('score_effect', 'integer')
    .addColumn('submitted_on', 'text', notNull)
    .addColumn('received_on', 'text', notNull)
    .addColumn('first_received_on', 'text', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('reply_text', 'text')
    .addColumn('reply_outcome', 'text')
    .addColumn('reply_drafted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reply_drafted_at', 'text')
    .addColumn('reply_approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reply_approved_at', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answered_by_unit', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reanswer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('participation_contacts_agency_status_idx')
    .on('participation_contacts')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();

  await withId(db, db.schema.createTable('participation_contact_transfers'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('participation_contacts.id'))
    .addColumn('from_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('to_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('transferred_by', 'integer', (c) => c.references('users.id'))
    .addColumn('transferred_on', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('participation_contact_transfers_contact_idx')
    .on('participation_contact_transfers')
    .column('contact_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participation_contact_transfers').execute();
  await db.schema.dropTable('participation_contacts').execute();
}
