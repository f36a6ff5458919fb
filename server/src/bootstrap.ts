/** Brings a database to a usable state: migrations, built-in rule profiles, the official calendar. */
import { ensureBuiltinRuleProfiles } from './agencies/agency.service.ts';
import { seedCalendarFromPackage } from './calendar/calendar.service.ts';
import { migrateToLatest } from './db/migrate.ts';
import { refreshPublishDueDates } from './publication/publish-due.service.ts';
import type { Deps } from './shared/deps.ts';
import { subscribe } from './shared/hooks.ts';
import { inTransaction } from './shared/tx.ts';

// Higher modules follow changes announced by lower ones (shared/hooks.ts). Every entry point — the
// server, the CLI, the test support, the benchmarks — loads this file before it touches the data.
subscribe('calendarChanged', (deps, tx, e) => refreshPublishDueDates(deps, tx, e.ctx, e.date, e.agencyId));

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
