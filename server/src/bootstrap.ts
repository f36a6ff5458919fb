/** Brings a database to a usable state: migrations, built-in rule profiles, the official calendar. */
import { ensureBuiltinRuleProfiles } from './agencies/agency.service.ts';
import { seedCalendarFromPackage } from './calendar/calendar.service.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Deps } from './shared/deps.ts';
import { inTransaction } from './shared/tx.ts';

export interface PrepareResult {
  migrations: string[];
  calendarYearsAdded: number[];
}

export async function prepareDatabase(deps: Deps): Promise<PrepareResult> {
  const migrations = await migrateToLatest(deps.db);
  const calendarYearsAdded = await inTransaction(deps, async (tx) => {
    await ensureBuiltinRuleProfiles(deps, tx);
    return seedCalendarFromPackage(deps, tx);
  });
  return { migrations, calendarYearsAdded };
}
