/**
 * The latest published items shown on the portal homes (region and agency): ten items with date and
 * agency, past-retention items left out (《省司法厅信息公开指南》, retention.service.ts). The homes are the
 * hottest pages (bench/run.ts), so the list is cached per (agency, day) and dropped after every
 * commit that changes what is public (publish, revoke, bulk load — `cacheChanged(…, 'latest')`) and
 * after a rule-profile change (the online retention years), on every node (cluster/cache-bus.ts); the
 * short TTL is only a backstop. Agency visibility is re-checked on every read from the directory.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { cacheGeneration, cacheUsable, registerCache } from '../cluster/cache-bus.ts';
import { primaryOf } from '../db/primary.ts';
import type { Db } from '../db/create-db.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { ensureCatalog } from './publication.service.ts';
import type { CatalogEntryRow } from './publication.table.ts';
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
const caches = new WeakMap<Db, Map<string, { until: number; rows?: LatestRow[]; tree?: CatalogTree }>>();
registerCache(['latest', 'rules'], (db) => caches.delete(db));

/** Items of public agencies only (an agency closed or made a unit keeps its items off the homes). */
export async function latestPublicItems(
  deps: Deps,
  agencyId: number | null,
  count = 10,
): Promise<LatestItem[]> {
  const now = deps.clock.now();
  const key = `${agencyId ?? 'all'}|${chinaDate(now)}`;
  // cached on (and read from) the primary, also for a route served from the read replica
  const home = primaryOf(deps.db);
  let cache = caches.get(home);
  if (!cache) {
    cache = new Map();
    caches.set(home, cache);
  }
  let hit = cache.get(key);
  if (!hit?.rows || hit.until < Date.now() || !cacheUsable(home)) {
    const gen = cacheGeneration(home, 'latest') + cacheGeneration(home, 'rules');
    const rows = await repo.publicLatest(home, { agencyId, limit: count * 3 });
    const retention = await retentionFilter(deps, [...new Set(rows.map((r) => r.agencyId))]);
    hit = {
      until: Date.now() + TTL_MS,
      rows: rows
        .filter((r) => !isPastRetention(r, r.permanent === 1, cutoffFor(retention, r.agencyId)))
        .map((r) => ({ id: r.id, agencyId: r.agencyId, title: r.title, publishedOn: r.publishedOn! })),
    };
    if (cacheGeneration(home, 'latest') + cacheGeneration(home, 'rules') === gen) cache.set(key, hit);
  }
  const dir = await agencyDirectory(deps);
  const out: LatestItem[] = [];
  for (const r of hit.rows ?? []) {
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
 * catalog page's costliest reads, cached with the latest lists under the same rules: per
 * (agency, cutoff), dropped on every node by `cacheChanged(…, 'latest')` (publish, revoke, bulk load,
 * catalog edits), TTL as a backstop.
 */
export async function publicCatalogTree(deps: Deps, agencyId: number, cutoff: string): Promise<CatalogTree> {
  const key = `tree|${agencyId}|${cutoff}`;
  const home = primaryOf(deps.db);
  let cache = caches.get(home);
  if (!cache) {
    cache = new Map();
    caches.set(home, cache);
  }
  const hit = cache.get(key);
  if (hit?.tree && hit.until >= Date.now() && cacheUsable(home)) return hit.tree;
  const gen = cacheGeneration(home, 'latest') + cacheGeneration(home, 'rules');
  let all = await repo.catalog(home, agencyId);
  if (all.length === 0) {
    await inTransaction(deps, (tx) => ensureCatalog(deps, tx, agencyId));
    all = await repo.catalog(home, agencyId);
  }
  const tree = {
    entries: all.filter((e) => e.active === 1),
    counts: await repo.publicCountsByEntry(home, agencyId, cutoff),
  };
  if (cacheGeneration(home, 'latest') + cacheGeneration(home, 'rules') === gen)
    cache.set(key, { until: Date.now() + TTL_MS, tree });
  return tree;
}
