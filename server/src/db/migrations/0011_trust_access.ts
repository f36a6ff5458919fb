/**
 * Role grants say who granted them and why (docs/access.md: "every grant and revocation is audited
 * with who and why"). The audit event keeps the same facts; the columns let the user screen show
 * them next to the role without reading the audit log. Rows granted before this migration (demo,
 * bootstrap) have neither. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('role_assignments')
    .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('role_assignments').addColumn('reason', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
