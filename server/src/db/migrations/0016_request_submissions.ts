/**
 * Submitting an application once (依申请公开): a retried or reloaded submission with the same
 * idempotency key (the JSON API's `Idempotency-Key` header, the portal form's submission key) returns
 * the first registration instead of filing a second application, and attachments of a form that is
 * shown again for correction are kept server-side under the same key. Keys are stored hashed; the
 * tracking code of the first answer is stored encrypted with a key derived from the idempotency key,
 * so only its holder can read it back. Both expire (request.submission.ts). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('request_submissions'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('fingerprint', 'text', notNull)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('request_applications.id'))
    .addColumn('code_enc', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_submissions_expires_idx')
    .on('request_submissions')
    .column('expires_at')
    .execute();

  await withId(db, db.schema.createTable('request_pending_files'))
    .addColumn('key_hash', 'text', notNull)
    .addColumn('filename', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content_b64', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('request_pending_files_key_idx')
    .on('request_pending_files')
    .column('key_hash')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_pending_files').execute();
  await db.schema.dropTable('request_submissions').execute();
}
