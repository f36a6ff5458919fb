/**
 * Background jobs of a running server, once a minute: scheduled publication (定时发布), deadline
 * reminders (期限提醒) and sending e-mail/SMS from the outbox (发送通知). Each job commits its own
 * transaction(s); a failure is logged and retried on the next tick, never crashing the server. Tests
 * call the jobs directly.
 */
import { deliverDue, enqueueDueReminders, notifiersFor, reminderJob } from './notifications/index.ts';
import { resumeImports } from './publication/item-import.service.ts';
import { publicationService } from './publication/index.ts';
import type { Deps } from './shared/deps.ts';
import { inTransaction } from './shared/tx.ts';

export interface Job {
  name: string;
  run(deps: Deps): Promise<number>;
}

export const JOBS: Job[] = [
  {
    // issue #4: a bulk import from an old site left unfinished by a restart resumes where it stopped
    name: '公开信息导入',
    run: (deps) => resumeImports(deps),
  },
  {
    name: '定时发布',
    run: (deps) => inTransaction(deps, (tx) => publicationService.releaseScheduled(deps, tx)),
  },
  {
    // issue #3/#5: reply deadlines 5 and 1 working days ahead and overdue; the annual report (R.49)
    name: '期限提醒',
    run: (deps) => reminderJob(deps, () => inTransaction(deps, (tx) => enqueueDueReminders(deps, tx))),
  },
  {
    // e-mail/SMS from the outbox; sends outside a transaction, records outcomes in one (notification.service.ts)
    name: '发送通知',
    run: (deps) => deliverDue(deps, notifiersFor(deps.config, deps.clock), deps.config.notifyMaxAttempts),
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
