/**
 * Background jobs of a running server, once a minute: scheduled publication (定时发布) and whatever
 * other modules need on a timer. Each job runs in its own transaction; a failure is logged and
 * retried on the next tick, never crashing the server. Tests call the jobs directly.
 */
import { publicationService } from './publication/index.ts';
import type { Deps } from './shared/deps.ts';
import { inTransaction } from './shared/tx.ts';

export interface Job {
  name: string;
  run(deps: Deps): Promise<number>;
}

export const JOBS: Job[] = [
  {
    name: '定时发布',
    run: (deps) => inTransaction(deps, (tx) => publicationService.releaseScheduled(deps, tx)),
  },
];

export function startBackgroundJobs(deps: Deps, log: (msg: string) => void, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const job of JOBS) {
      try {
        const n = await job.run(deps);
        if (n > 0) log(`${job.name}：处理 ${n} 条`);
      } catch (e) {
        log(`${job.name}失败：${e instanceof Error ? e.message : String(e)}（下次重试）`);
      }
    }
    running = false;
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
