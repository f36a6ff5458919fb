import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOBS, type Job, runJobsOnce, startBackgroundJobs } from './jobs.ts';
import { dialects, makeTestDb, type TestDb } from './test-support/test-db.ts';

describe.each(dialects())('background jobs (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('a failing job is logged and does not stop the jobs after it', async () => {
    const ran: string[] = [];
    const jobs: Job[] = [
      {
        name: '会失败的任务',
        run: async () => {
          throw new Error('磁盘已满');
        },
      },
      {
        name: '计数任务',
        run: async () => {
          ran.push('count');
          return 2;
        },
      },
    ];
    const logs: string[] = [];
    await runJobsOnce(t.deps, (m) => logs.push(m), jobs);
    expect(ran).toEqual(['count']);
    expect(logs).toEqual(['会失败的任务失败：磁盘已满（下次重试）', '计数任务：处理 2 条']);
  });

  it('the server runs every job once at start; on an empty database none of the real jobs fails', async () => {
    const logs: string[] = [];
    const stop = startBackgroundJobs(t.deps, (m) => logs.push(m), 3_600_000);
    await stop.firstPass;
    stop();
    expect(JOBS.length).toBeGreaterThanOrEqual(5);
    expect(logs.filter((l) => l.includes('失败'))).toEqual([]);
  });
});
