import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOBS, startBackgroundJobs } from './jobs.ts';
import { dialects, makeTestDb, type TestDb } from './test-support/test-db.ts';

describe.each(dialects())('background jobs (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('run every job at start; a failing job is logged and does not stop the others', async () => {
    const ran: string[] = [];
    const extra = [
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
    JOBS.push(...extra);
    const logs: string[] = [];
    try {
      const stop = startBackgroundJobs(t.deps, (m) => logs.push(m), 10_000);
      await new Promise((r) => setTimeout(r, 300));
      stop();
    } finally {
      JOBS.splice(JOBS.length - extra.length, extra.length);
    }
    expect(ran).toEqual(['count']);
    expect(logs).toContain('会失败的任务失败：磁盘已满（下次重试）');
    expect(logs).toContain('计数任务：处理 2 条');
    expect(logs.some((l) => l.startsWith('定时发布失败'))).toBe(false);
  });
});
