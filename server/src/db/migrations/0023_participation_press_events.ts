/**
 * Press conferences and online interviews (新闻发布会 / 在线访谈, participation/press-event.ts): the
 * event with its speakers, status and published transcript, and the questions collected from the
 * public beforehand (name and contact private). Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('press_events'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('topic', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('event_date', 'text', notNull)
    .addColumn('start_time', 'text', notNull)
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('speakers_json', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('announced_at', 'text')
    .addColumn('held_at', 'text')
    .addColumn('summary_text', 'text')
    .addColumn('summary_published_at', 'text')
    .addColumn('summary_published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('press_events_agency_idx')
    .on('press_events')
    .columns(['agency_id', 'event_date'])
    .execute();

  await withId(db, db.schema.createTable('press_event_questions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('press_events.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('body', 'text', notNull)
    .addColumn('author_name', 'text', notNull)
    .addColumn('author_contact', 'text', notNull)
    .addColumn('received_on', 'text', notNull)
    .addColumn('moderation', 'text', notNull)
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('press_event_questions_event_idx')
    .on('press_event_questions')
    .column('event_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('press_event_questions').execute();
  await db.schema.dropTable('press_events').execute();
}
