/**
 * Foundation: agencies and their rule profiles, staff and roles, sessions, the working-day
 * calendar, stored deadlines, and the append-only audit log. Frozen once landed.
 * Conventions: dates are 'YYYY-MM-DD' text, instants are ISO-8601 UTC text, booleans are 0/1
 * integers, JSON is text — identical on SQLite and PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import { appendOnly, notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('rule_profiles'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rules_json', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('agencies'))
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('short_name', 'text')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('official_code', 'text')
    .addColumn('region_code', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('phone', 'text')
    .addColumn('fax', 'text')
    .addColumn('email', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('website', 'text')
    .addColumn('accepts_applications', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule_profile_id', 'integer', (c) => c.references('rule_profiles.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('agencies_parent_idx').on('agencies').column('parent_id').execute();

  await withId(db, db.schema.createTable('agency_supervisions'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('supervised_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('agency_supervisions_pair_uq', ['supervisor_id', 'supervised_id'])
    .execute();
  await db.schema
    .createIndex('agency_supervisions_supervised_idx')
    .on('agency_supervisions')
    .column('supervised_id')
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('role_assignments'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('role_assignments_uq', ['user_id', 'agency_id', 'role'])
    .execute();
  await db.schema
    .createIndex('role_assignments_agency_idx')
    .on('role_assignments')
    .column('agency_id')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('active_agency_id', 'integer')
    .addColumn('active_role', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_seen_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source_title', 'text', notNull)
    .addColumn('source_document_no', 'text')
    .addColumn('source_url', 'text')
    .addColumn('published_on', 'text')
    .addColumn('imported_from', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db, db.schema.createTable('calendar_days'))
    .addColumn('date', 'text', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('calendar_days_national_uq')
    .on('calendar_days')
    .column('date')
    .unique()
    .where(sql.ref('agency_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('calendar_days_local_uq')
    .on('calendar_days')
    .columns(['agency_id', 'date'])
    .unique()
    .where(sql.ref('agency_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').column('year').execute();

  await withId(db, db.schema.createTable('deadlines'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('start_date', 'text', notNull)
    .addColumn('working_days', 'integer', notNull)
    .addColumn('due_date', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('deadlines_subject_idx')
    .on('deadlines')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('deadlines_open_due_idx')
    .on('deadlines')
    .columns(['state', 'due_date'])
    .execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('occurred_at', 'text', notNull)
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('agency_id', 'integer')
    .addColumn('entity_type', 'text', notNull)
    .addColumn('entity_id', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('audit_events_entity_idx')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('audit_events_agency_idx')
    .on('audit_events')
    .columns(['agency_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_user_id', 'id'])
    .execute();
  await appendOnly(db, 'audit_events');
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
