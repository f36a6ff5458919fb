/**
 * Staff queues "due within 5 working days" and "overdue" of 依申请公开 (request.repository.ts): the
 * open deadlines of the agencies in scope by due date, read straight from one index instead of every
 * agency's open deadlines by date followed by a lookup of each application. A deadline's agency is
 * its application's agency. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deadlines_agency_state_due_idx')
    .on('deadlines')
    .columns(['agency_id', 'state', 'due_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deadlines_agency_state_due_idx').execute();
}
