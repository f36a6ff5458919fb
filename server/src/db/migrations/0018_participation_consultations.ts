/**
 * Public comment on drafts (意见征集 / 重大行政决策预公开, participation/consultation.ts): the
 * consultation with its draft split into articles, the comments (name and contact private), groups of
 * similar comments and the adoption ledger, and the published summary. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('consultations'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('draft_text', 'text', notNull)
    .addColumn('preamble', 'text', notNull)
    .addColumn('explanation', 'text', notNull)
    .addColumn('starts_on', 'text', notNull)
    .addColumn('ends_on', 'text', notNull)
    .addColumn('short_reason', 'text')
    .addColumn('channels_json', 'text', notNull)
    .addColumn('contact_email', 'text')
    .addColumn('contact_address', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('opened_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('summary_text', 'text')
    .addColumn('summary_counts_json', 'text')
    .addColumn('summary_published_at', 'text')
    .addColumn('summary_published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decision_item_id', 'integer', (c) => c.references('information_items.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('consultations_agency_idx')
    .on('consultations')
    .columns(['agency_id', 'status', 'ends_on'])
    .execute();

  // the adopted document's page links back to its consultation (shared/document-links.ts)
  await db.schema
    .createIndex('consultations_decision_item_idx')
    .on('consultations')
    .column('decision_item_id')
    .execute();

  await withId(db, db.schema.createTable('consultation_articles'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('label', 'text', notNull)
    .addColumn('heading', 'text')
    .addColumn('body', 'text', notNull)
    .addUniqueConstraint('consultation_articles_seq_uq', ['consultation_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('consultation_comment_groups'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('consultation_comments'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('article_id', 'integer', (c) => c.references('consultation_articles.id'))
    .addColumn('channel', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('author_name', 'text')
    .addColumn('author_contact', 'text')
    .addColumn('display_name', 'text')
    .addColumn('tracking_hash', 'text')
    .addColumn('received_on', 'text', notNull)
    .addColumn('moderation', 'text', notNull)
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('adoption', 'text')
    .addColumn('adoption_reason', 'text')
    .addColumn('group_id', 'integer', (c) => c.references('consultation_comment_groups.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('consultation_comments_consultation_idx')
    .on('consultation_comments')
    .columns(['consultation_id', 'moderation'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consultation_comments').execute();
  await db.schema.dropTable('consultation_comment_groups').execute();
  await db.schema.dropTable('consultation_articles').execute();
  await db.schema.dropTable('consultations').execute();
}
