/**
 * Background jobs of a running server, once a minute: scheduled publication (定时发布), deadline
 * reminders (期限提醒) and sending e-mail/SMS from the outbox (发送通知). Each job commits its own
 * transaction(s); a failure is logged and retried on the next tick, never crashing the server. Tests
 * call the jobs directly.
 *
 * Several nodes tick on one database, and each piece of work is done once, by whichever node claims
 * it first (cluster/lease.ts): a `tick` job runs under a cluster-wide lease on the job; a `self` job
 * claims its own work — each import (item-import.service.ts), each reminder hour (reminder.service.ts), each day's detections (oversight/detection.service.ts),
 * each outbox row (notification.service.ts).
 */
import { underLease } from './cluster/lease.ts';
import { pruneRateLimitHits } from './cluster/rate-limit-store.ts';
import { deliverDue, notifiersFor } from './notifications/index.ts';
import { enqueueDueReminders, reminderJob } from './reminders/index.ts';
import { detectionJob } from './oversight/index.ts';
import { enqueueContactReminders } from './participation/index.ts';
import { resumeImports } from './publication/item-import.service.ts';
import { publicationService } from './publication/index.ts';
import type { Deps } from './shared/deps.ts';
import { inTransaction } from './shared/tx.ts';

export interface Job {
  name: string;
  /** 'tick': the whole run under one cluster-wide lease; 'self': the job claims its own work */
  claim?: 'tick' | 'self';
  run(deps: Deps): Promise<number>;
}

/** A tick job's lease outlives any normal run; a node killed mid-run frees the job after this. */
export const JOB_LEASE_MS = 5 * 60_000;

/** Runs one job on this node, claiming it across the cluster first when it is a `tick` job. */
export async function runJob(deps: Deps, job: Job): Promise<number> {
  if (job.claim === 'self') return job.run(deps);
  return (await underLease(deps, `job:${job.name}`, { ttlMs: JOB_LEASE_MS }, () => job.run(deps))) ?? 0;
}

export const JOBS: Job[] = [
  {
    // issue #4: a bulk import from an old site left unfinished by a restart resumes where it stopped
    name: '公开信息导入',
    claim: 'self',
    run: (deps) => resumeImports(deps),
  },
  {
    // under the job lease, and each due item is locked FOR UPDATE SKIP LOCKED on PostgreSQL
    name: '定时发布',
    claim: 'tick',
    run: (deps) => inTransaction(deps, (tx) => publicationService.releaseScheduled(deps, tx)),
  },
  {
    // issue #3/#5: reply deadlines 5 and 1 working days ahead and overdue; the annual report (R.49)
    name: '期限提醒',
    claim: 'self',
    run: (deps) => reminderJob(deps, () => inTransaction(deps, (tx) => enqueueDueReminders(deps, tx))),
  },
  {
    // issue #12: contacts one working day before their answer is due, and overdue (participation/contact.reminder.ts)
    name: '留言期限提醒',
    claim: 'tick',
    run: (deps) => inTransaction(deps, (tx) => enqueueContactReminders(deps, tx)),
  },
  {
    // e-mail/SMS from the outbox; sends outside a transaction, records outcomes in one (notification.service.ts)
    name: '发送通知',
    claim: 'self',
    run: (deps) => deliverDue(deps, notifiersFor(deps.config, deps.clock), deps.config.notifyMaxAttempts),
  },
  {
    // issue #11: violations detected from the platform's records, once per Beijing date (the lease's period)
    name: '违规自动发现',
    claim: 'self',
    run: (deps) => detectionJob(deps),
  },
  {
    // the shared rate-limit counters (cluster/rate-limit-store.ts) of windows that have ended
    name: '限流计数清理',
    claim: 'tick',
    run: (deps) => pruneRateLimitHits(deps),
  },
];

/** One pass over `jobs` in order: a failure is logged and the next job still runs (retried next tick). */
export async function runJobsOnce(
  deps: Deps,
  log: (msg: string) => void,
  jobs: readonly Job[] = JOBS,
): Promise<void> {
  for (const job of jobs) {
    try {
      const n = await runJob(deps, job);
      if (n > 0) log(`${job.name}：处理 ${n} 条`);
    } catch (e) {
      log(`${job.name}失败：${e instanceof Error ? e.message : String(e)}（下次重试）`);
    }
  }
}

/**
 * Runs the jobs at start and then every `everyMs`, never two passes at once on one node. Returns
 * `stop`; `firstPass` settles when the pass at start has finished.
 */
export function startBackgroundJobs(
  deps: Deps,
  log: (msg: string) => void,
  everyMs = 60_000,
  jobs: readonly Job[] = JOBS,
): (() => void) & { firstPass: Promise<void> } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce(deps, log, jobs);
    } finally {
      running = false;
    }
  };
  const firstPass = tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return Object.assign(() => clearInterval(timer), { firstPass });
}
