/**
 * Failed logins under user names that belong to no account (identity/auth.service.ts): counted and
 * locked like an account's own `failed_logins` / `locked_until`, so that the answer after repeated
 * failures — 423 AUTH_ACCOUNT_LOCKED — is the same whether the account exists or not and lockout
 * cannot be used to find out which user names exist. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.primaryKey().notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
