/**
 * 监督检查与整改 (district supervision measures art. 6–7; 《政府信息公开条例》第五十条 supervision
 * and inspection): inspection plans with their scope (agencies), findings per check point with
 * evidence, one rectification task per finding (限期整改) and the agency's rectification reports
 * (整改报告) with the inspector's decision. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { notNull, withId } from './dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('oversight_plans'))
    .addColumn('organizer_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('period_start', 'text', notNull)
    .addColumn('period_end', 'text', notNull)
    .addColumn('regular', 'integer', notNull)
    .addColumn('mutual', 'integer', notNull)
    .addColumn('sampling', 'integer', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('summary', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('concluded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('concluded_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('oversight_plans_organizer_idx')
    .on('oversight_plans')
    .columns(['organizer_agency_id', 'period_start'])
    .execute();
  await db.schema.createIndex('oversight_plans_status_idx').on('oversight_plans').column('status').execute();

  await db.schema
    .createTable('oversight_plan_agencies')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('oversight_plans.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('oversight_plan_agencies_pk', ['plan_id', 'agency_id'])
    .execute();
  await db.schema
    .createIndex('oversight_plan_agencies_agency_idx')
    .on('oversight_plan_agencies')
    .column('agency_id')
    .execute();

  await withId(db, db.schema.createTable('oversight_findings'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('oversight_plans.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('check_point', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('evidence_json', 'text', notNull)
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('oversight_findings_plan_idx')
    .on('oversight_findings')
    .columns(['plan_id', 'agency_id'])
    .execute();

  // photos and documents of a finding (staff only; never on the portal)
  await withId(db, db.schema.createTable('oversight_evidence_files'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('oversight_findings.id'))
    .addColumn('filename', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content_b64', 'text', notNull)
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('oversight_evidence_files_finding_idx')
    .on('oversight_evidence_files')
    .column('finding_id')
    .execute();

  await withId(db, db.schema.createTable('oversight_rectifications'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().unique().references('oversight_findings.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('oversight_plans.id'))
    .addColumn('owner_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('requirement', 'text', notNull)
    .addColumn('ordered_on', 'text', notNull)
    .addColumn('working_days', 'integer', notNull)
    .addColumn('due_on', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('accepted_on', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('oversight_rectifications_owner_idx')
    .on('oversight_rectifications')
    .columns(['owner_agency_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('oversight_rectifications_plan_idx')
    .on('oversight_rectifications')
    .column('plan_id')
    .execute();

  await withId(db, db.schema.createTable('oversight_rectification_reports'))
    .addColumn('rectification_id', 'integer', (c) => c.notNull().references('oversight_rectifications.id'))
    .addColumn('round', 'integer', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_on', 'text', notNull)
    .addColumn('submitted_at', 'text', notNull)
    .addColumn('decision', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('oversight_rectification_reports_round_uq', ['rectification_id', 'round'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oversight_rectification_reports').execute();
  await db.schema.dropTable('oversight_rectifications').execute();
  await db.schema.dropTable('oversight_evidence_files').execute();
  await db.schema.dropTable('oversight_findings').execute();
  await db.schema.dropTable('oversight_plan_agencies').execute();
  await db.schema.dropTable('oversight_plans').execute();
}
