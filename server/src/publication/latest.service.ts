/**
 * The latest published items shown on the portal homes (region and agency): ten items with date and
 * agency, past-retention items left out (seed 002 guide, retention.service.ts). The homes are the
 * hottest pages (bench/run.ts), so the list is cached per (agency, day) and dropped after every
 * commit that changes what is public (publish, revoke, bulk load — `latestChanged`); a short TTL
 * bounds staleness when several server processes share one PostgreSQL database. Agency visibility is
 * re-checked on every read from the in-memory directory.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import type { CatalogEntryRow } from './publication.table.ts';
import { ensureCatalog } from './publication.service.ts';
import { cutoffFor, isPastRetention, retentionFilter } from './retention.service.ts';

export interface LatestItem {
  id: number;
  title: string;
  publishedOn: string;
  agencyCode: string;
  agencyName: string;
}

const TTL_MS = 30_000;
type LatestRow = { id: number; agencyId: number; title: string; publishedOn: string };
type CatalogTree = { entries: CatalogEntryRow[]; counts: Map<number | null, number> };
const caches = new WeakMap<Deps, Map<string, { until: number; rows?: LatestRow[]; tree?: CatalogTree }>>();

/** Drops the cached lists of this installation (call through onCommit after a visibility change). */
export function latestChanged(deps: Deps): void {
  caches.delete(deps);
}

/** Items of public agencies only (an agency closed or made a unit keeps its items off the homes). */
export async function latestPublicItems(
  deps: Deps,
  agencyId: number | null,
  count = 10,
): Promise<LatestItem[]> {
  const now = deps.clock.now();
  const key = `${agencyId ?? 'all'}|${chinaDate(now)}`;
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  let hit = cache.get(key);
  if (!hit?.rows || hit.until < Date.now()) {
    const rows = await repo.publicLatest(deps.db, { agencyId, limit: count * 3 });
    const retention = await retentionFilter(deps, [...new Set(rows.map((r) => r.agencyId))]);
    hit = {
      until: Date.now() + TTL_MS,
      rows: rows
        .filter((r) => !isPastRetention(r, r.permanent === 1, cutoffFor(retention, r.agencyId)))
        .map((r) => ({ id: r.id, agencyId: r.agencyId, title: r.title, publishedOn: r.publishedOn! })),
    };
    cache.set(key, hit);
  }
  const dir = await agencyDirectory(deps);
  const out: LatestItem[] = [];
  for (const r of hit.rows!) {
    const a = dir.byId.get(r.agencyId);
    if (!a?.active || (a.kind !== 'government' && a.kind !== 'department')) continue;
    out.push({
      id: r.id,
      title: r.title,
      publishedOn: r.publishedOn,
      agencyCode: a.code,
      agencyName: a.name,
    });
    if (out.length === count) break;
  }
  return out;
}

/**
 * The 法定主动公开内容 tree of one agency (its active catalog entries, created on first use) and the
 * public items per entry within online retention (`cutoff`; null: items without an entry) — the
 * catalog page's costliest reads, cached with the latest lists under the same key rules: per
 * (agency, cutoff), dropped by `latestChanged` (publish, revoke, bulk load, catalog edits), TTL bound.
 */
export async function publicCatalogTree(deps: Deps, agencyId: number, cutoff: string): Promise<CatalogTree> {
  const key = `tree|${agencyId}|${cutoff}`;
  let cache = caches.get(deps);
  if (!cache) {
    cache = new Map();
    caches.set(deps, cache);
  }
  const hit = cache.get(key);
  if (hit?.tree && hit.until >= Date.now()) return hit.tree;
  let all = await repo.catalog(deps.db, agencyId);
  if (all.length === 0) {
    await inTransaction(deps, (tx) => ensureCatalog(deps, tx, agencyId));
    all = await repo.catalog(deps.db, agencyId);
  }
  const tree = {
    entries: all.filter((e) => e.active === 1),
    counts: await repo.publicCountsByEntry(deps.db, agencyId, cutoff),
  };
  cache.set(key, { until: Date.now() + TTL_MS, tree });
  return tree;
}
