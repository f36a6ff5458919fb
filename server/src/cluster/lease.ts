/**
 * Work claimed across the cluster (docs/deployment.md): a lease on a named piece of work (a periodic
 * job, one import) held by one node until it ends. Whichever node asks first gets it; a node killed
 * mid-job stops renewing, and after `ttlMs` another node claims the work. Times come from the
 * injected clock (nodes keep their clocks in sync with NTP; a lease is minutes, skew is milliseconds).
 */
import type { Deps } from '../shared/deps.ts';
import { nodeId } from './cache-bus.ts';
import { clusterRepository } from './cluster.repository.ts';

export interface LeaseOptions {
  ttlMs: number;
  /** the period this run is for (e.g. a Beijing hour): not claimed when it was completed already */
  period?: string;
}

/** Claims (or renews, for its holder) the lease on `name`; false when another node holds it. */
export async function claimLease(
  deps: Pick<Deps, 'db' | 'clock'>,
  name: string,
  opts: LeaseOptions,
): Promise<boolean> {
  const now = deps.clock.now();
  return clusterRepository.claimLease(deps.db, {
    name,
    holder: nodeId(deps.db),
    nowIso: now.toISOString(),
    leaseUntil: new Date(now.getTime() + opts.ttlMs).toISOString(),
    ...(opts.period !== undefined ? { unlessKey: opts.period } : {}),
  });
}

/** Ends this node's lease on `name`, marking `period` completed when given. */
export async function releaseLease(
  deps: Pick<Deps, 'db' | 'clock'>,
  name: string,
  period?: string,
): Promise<void> {
  await clusterRepository.releaseLease(deps.db, {
    name,
    holder: nodeId(deps.db),
    nowIso: deps.clock.now().toISOString(),
    ...(period !== undefined ? { completedKey: period } : {}),
  });
}

/**
 * Runs `fn` only if this node claims `name`; the lease is released afterwards (the period marked
 * completed only when `fn` succeeded, so a failed run is retried by the next tick on any node).
 * Returns null when another node holds the work (or the period is done).
 */
export async function underLease<T>(
  deps: Pick<Deps, 'db' | 'clock'>,
  name: string,
  opts: LeaseOptions,
  fn: () => Promise<T>,
): Promise<T | null> {
  if (!(await claimLease(deps, name, opts))) return null;
  let ok = false;
  try {
    const value = await fn();
    ok = true;
    return value;
  } finally {
    await releaseLease(deps, name, ok ? opts.period : undefined);
  }
}
