/**
 * The one file where SQLite and PostgreSQL differ in the migrations (house style rule 4).
 * Migrations import only this file and kysely — never application code.
 */
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** An auto-incrementing integer primary key `id`. */
export function withId<T extends string>(
  db: Kysely<any>,
  t: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Makes a table append-only: UPDATE and DELETE raise an error. */
export async function appendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${table} is append-only'; END $$;
         CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`,
      )
      .execute(db);
  }
}
