/**
 * Serving the letters (送达): one service record per attempt to serve a letter on the applicant — the
 * method (领取, 邮寄, 电子邮件, 在线), the evidence (carrier and tracking number, date of receipt; who
 * collected and the signed receipt 送达回证; the mail server's outcome; the first download on the
 * tracking page) and the date of service that starts the periods for reconsideration and litigation
 * (requests/service-record.ts). Outbox rows name their attachments (letters and files by id, never
 * the bytes), and each agency chooses which notices its applicants receive. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_service_records'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('request_letters.id'))
    .addColumn('method', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('served_on', 'text')
    .addColumn('dispatched_on', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('collected_by', 'text')
    .addColumn('receipt_file_id', 'integer', (c) => c.references('request_files.id'))
    .addColumn('email_outcome', 'text')
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id'))
    .addColumn('downloaded_at', 'text')
    .addColumn('failed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_service_records_app_idx')
    .on('request_service_records')
    .columns(['application_id', 'letter_id'])
    .execute();
  await db.schema
    .createIndex('request_service_records_notification_idx')
    .on('request_service_records')
    .column('notification_id')
    .execute();

  // attachments of an outbox e-mail: [{ "kind": "letter" | "file", "id": n }] — references, not bytes
  await db.schema.alterTable('notifications').addColumn('attachments_json', 'text').execute();

  await db.schema
    .createTable('request_notice_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('disabled_json', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_notice_settings').execute();
  await db.schema.alterTable('notifications').dropColumn('attachments_json').execute();
  await db.schema.dropTable('request_service_records').execute();
}
