/**
 * The public POST rate limits (PUBLIC_POST_RATE_LIMIT, the login route's limit) counted in the
 * database, so a client gets the same allowance whichever node the load balancer sends it to —
 * counted per process, N nodes would allow N times the limit. A fixed window per route and client
 * address (`rate_limit_hits`, one atomic upsert per request: public POSTs are few, a row write each
 * is cheap next to the request itself); the address is stored only as a SHA-256 digest, and ended
 * windows are pruned by a background job (jobs.ts). One code path on both databases.
 */
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Deps } from '../shared/deps.ts';
import { clusterRepository } from './cluster.repository.ts';

function windowOf(nowMs: number, timeWindow: number) {
  const start = Math.floor(nowMs / timeWindow) * timeWindow;
  return {
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + timeWindow).toISOString(),
    ttl: start + timeWindow - nowMs,
  };
}

function routeOf(opts: unknown): string {
  const info = (opts as { routeInfo?: { method?: string | string[]; url?: string } } | undefined)?.routeInfo;
  if (!info?.url) return '';
  return `${[info.method ?? ''].flat().join(',')} ${info.url}`;
}

/** A store class for @fastify/rate-limit bound to this installation's database and clock. */
export function sharedRateLimitStore(deps: Pick<Deps, 'db' | 'clock'>): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    private readonly route: string;
    constructor(opts?: unknown) {
      this.route = routeOf(opts);
    }
    private key(clientKey: string): string {
      return createHash('sha256').update(`${this.route}|${clientKey}`).digest('hex');
    }
    incr(
      clientKey: string,
      cb: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const w = windowOf(deps.clock.now().getTime(), timeWindow);
      clusterRepository
        .hit(deps.db, { key: this.key(clientKey), windowStart: w.windowStart, windowEnd: w.windowEnd })
        .then(
          (current) => cb(null, { current, ttl: w.ttl }),
          (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
        );
    }
    /** the non-mutating peek the plugin uses for `{ increment: false }` */
    read(
      clientKey: string,
      cb: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const w = windowOf(deps.clock.now().getTime(), timeWindow);
      clusterRepository.hitsOf(deps.db, this.key(clientKey), w.windowStart).then(
        (current) => cb(null, { current, ttl: current === 0 ? 0 : w.ttl }),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    child(routeOptions: unknown): FastifyRateLimitStore {
      return new SharedStore(routeOptions);
    }
  }
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}

/** The job: drops counters of windows that ended more than a minute ago. */
export async function pruneRateLimitHits(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  return clusterRepository.pruneHits(deps.db, new Date(deps.clock.now().getTime() - 60_000).toISOString());
}
