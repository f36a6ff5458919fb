/**
 * The 20-working-day catalog update limit (docs/product.md §2.2; 《县局政务公开制度汇编》 art.12): when the matter, time
 * limit or form of a catalog entry changes, the catalog must reflect it within 20 working days of the
 * change. An entry is pending while its recorded change date is later than its last catalog update
 * (a change recorded ahead of time, or an update not yet made); the staff dashboard warns when such
 * an entry is due within five working days or overdue.
 */
import { calendarFor } from '../calendar/calendar.service.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { publicationRepository as repo } from './publication.repository.ts';

export const CATALOG_DUE_SOON_WORKING_DAYS = 5;

export interface CatalogUpdateStatus {
  overdue: { code: string; name: string; updateDueOn: string }[];
  dueSoon: { code: string; name: string; updateDueOn: string; workingDaysLeft: number }[];
}

/** Pure: whether a change to an entry is not yet reflected in the catalog. */
export function isCatalogChangePending(e: {
  changedOn: string | null;
  updateDueOn: string | null;
  catalogUpdatedOn: string | null;
}): boolean {
  return !!e.changedOn && !!e.updateDueOn && (!e.catalogUpdatedOn || e.catalogUpdatedOn < e.changedOn);
}

export async function catalogUpdateStatus(deps: Deps, agencyId: number): Promise<CatalogUpdateStatus> {
  const pending = (await repo.catalog(deps.db, agencyId)).filter(
    (e) => e.active === 1 && isCatalogChangePending(e),
  );
  const out: CatalogUpdateStatus = { overdue: [], dueSoon: [] };
  if (pending.length === 0) return out;
  const today = chinaDate(deps.clock.now());
  const cal = await calendarFor(deps, agencyId);
  for (const e of pending) {
    const left = cal.workingDaysLeft(today, e.updateDueOn!);
    if (left < 0) out.overdue.push({ code: e.code, name: e.name, updateDueOn: e.updateDueOn! });
    else if (left <= CATALOG_DUE_SOON_WORKING_DAYS)
      out.dueSoon.push({ code: e.code, name: e.name, updateDueOn: e.updateDueOn!, workingDaysLeft: left });
  }
  return out;
}
