/**
 * Accountability cases (责任追究 / 问责, oversight/accountability.ts; 《区督查问责办法》第八条至第十四条).
 *
 * A case is opened by a supervising office (`supervisor_agency_id`) against a supervised agency
 * (`agency_id`) and/or persons, from an inspection finding, a detection, a complaint or by hand
 * (`source`, `source_id`); it may link the record the violation is about (`linked_type`,
 * `linked_id`), whose audit trail gives who drafted and who approved. The decision (how the act was
 * decided, severity, unit sanctions, the letter's text) and the review (复核) are columns of the case;
 * each person concerned is a row of `oversight_accountability_persons` with their part in the act,
 * their statement and defence, their share of responsibility and their sanctions. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('oversight_accountability_cases'))
    .addColumn('supervisor_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_no', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('source_id', 'integer')
    .addColumn('linked_type', 'text')
    .addColumn('linked_id', 'integer')
    .addColumn('violations_json', 'text', notNull)
    .addColumn('facts', 'text', notNull)
    .addColumn('against_unit', 'integer', notNull)
    .addColumn('decision_mode', 'text')
    .addColumn('trail_json', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('severity', 'text')
    .addColumn('unit_sanctions_json', 'text')
    .addColumn('decision_text', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('review_requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_requested_on', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('review_outcome', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_on', 'text')
    .addColumn('rectification_report', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addUniqueConstraint('oversight_accountability_cases_no_uq', ['supervisor_agency_id', 'case_no'])
    .execute();
  await db.schema
    .createIndex('oversight_accountability_cases_agency_idx')
    .on('oversight_accountability_cases')
    .columns(['supervisor_agency_id', 'agency_id'])
    .execute();

  await withId(db, db.schema.createTable('oversight_accountability_persons'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('oversight_accountability_cases.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('statement', 'text')
    .addColumn('statement_on', 'text')
    .addColumn('share', 'text')
    .addColumn('share_basis', 'text')
    .addColumn('sanctions_json', 'text')
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('oversight_accountability_persons_uq', ['case_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('oversight_accountability_persons_user_idx')
    .on('oversight_accountability_persons')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oversight_accountability_persons').execute();
  await db.schema.dropTable('oversight_accountability_cases').execute();
}
