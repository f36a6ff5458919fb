/**
 * Online retention (《省司法厅信息公开指南》; docs/product.md §2.3.6): items outside the permanent catalog categories
 * (overview, regulations and normative documents, plans, enforcement basis, fees, public services)
 * leave the public site after the agency's retention period (rule profile `onlineRetentionYears`,
 * 1 year by default) — the lists, search, feeds and the sitemap alike. They stay in the archive, and
 * their permalink page says how to request them.
 */
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import type { RetentionFilter } from '../search/index.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';

/** The first publication date still online on `today` for a retention period of `years`. */
export function retentionCutoffOn(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

/** Whether an item has left the public site (its category is not permanent and it is older than the cutoff). */
export function isPastRetention(
  item: { publishedOn: string | null },
  permanentCategory: boolean,
  cutoff: string,
): boolean {
  return !permanentCategory && item.publishedOn !== null && item.publishedOn < cutoff;
}

/**
 * The retention filter for items of `agencyIds` (all agencies when null): one cutoff per distinct
 * rule profile (one query per profile, not per agency); the most common one is the default.
 */
export async function retentionFilter(deps: Deps, agencyIds: number[] | null): Promise<RetentionFilter> {
  const dir = await agencyDirectory(deps);
  const ids = agencyIds ?? [...dir.byId.keys()];
  const byProfile = new Map<number | null, number[]>();
  for (const id of ids) {
    const p = dir.byId.has(id) ? dir.ruleProfileOf(id) : null;
    const list = byProfile.get(p) ?? [];
    list.push(id);
    byProfile.set(p, list);
  }
  const today = chinaDate(deps.clock.now());
  const groups: { agencyIds: number[]; cutoff: string }[] = [];
  for (const list of byProfile.values()) {
    const years = (await rulesForAgency(deps, deps.db, list[0]!)).onlineRetentionYears;
    const cutoff = retentionCutoffOn(today, years);
    const same = groups.find((g) => g.cutoff === cutoff);
    if (same) same.agencyIds.push(...list);
    else groups.push({ agencyIds: list, cutoff });
  }
  if (groups.length === 0) return { cutoff: retentionCutoffOn(today, 1) };
  groups.sort((a, b) => b.agencyIds.length - a.agencyIds.length);
  const [main, ...rest] = groups;
  return rest.length ? { cutoff: main!.cutoff, byAgency: rest } : { cutoff: main!.cutoff };
}

/** The cutoff of one agency under a retention filter. */
export function cutoffFor(f: RetentionFilter, agencyId: number): string {
  return f.byAgency?.find((g) => g.agencyIds.includes(agencyId))?.cutoff ?? f.cutoff;
}
