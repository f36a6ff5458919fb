import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  backoffMs,
  dedupeKey,
  linkOf,
  reportEvent,
  reportReminderMessage,
  reportReminderToday,
  requestEvent,
  requestReminderMessage,
  requestReminderToday,
} from './notification.ts';

const NOW = new Date('2026-11-21T02:00:00.000Z');

describe('outbox retries', () => {
  it('backoff grows threefold from 2 minutes and is capped at 6 hours', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n) / 60_000)).toEqual([2, 6, 18, 54, 162]);
    expect(backoffMs(20)).toBe(6 * 3_600_000);
    expect(backoffMs(0)).toBe(0);
  });

  it('a success marks the row sent; failures retry with backoff until the last attempt, which gives up', () => {
    expect(afterAttempt(0, NOW, { ok: true }, 3)).toEqual({
      state: 'sent',
      attempts: 1,
      sentAt: NOW.toISOString(),
      nextAttemptAt: null,
      lastError: null,
    });
    expect(afterAttempt(0, NOW, { ok: false, error: '连接被拒绝' }, 3)).toEqual({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-21T02:02:00.000Z',
      lastError: '连接被拒绝',
    });
    expect(afterAttempt(1, NOW, { ok: false, error: 'x' }, 3)).toMatchObject({
      state: 'pending',
      attempts: 2,
      nextAttemptAt: '2026-11-21T02:06:00.000Z',
    });
    expect(afterAttempt(2, NOW, { ok: false, error: 'x' }, 3)).toEqual({
      state: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastError: 'x',
    });
  });

  it('keeps at most 500 characters of an error', () => {
    const r = afterAttempt(0, NOW, { ok: false, error: 'e'.repeat(2000) });
    expect(r.state === 'pending' && r.lastError.length).toBe(500);
  });
});

describe('dedupe keys', () => {
  it('one key per event, channel and recipient; a new due date is a new event', () => {
    const e = requestEvent(12, '2025-10-13', { kind: 'remind', daysLeft: 5 });
    expect(e).toBe('req:12:2025-10-13:remind5');
    expect(dedupeKey(e, 'inapp', '7')).toBe('req:12:2025-10-13:remind5:inapp:7');
    expect(dedupeKey(e, 'email', 'a@b.cn')).not.toBe(dedupeKey(e, 'inapp', '7'));
    expect(requestEvent(12, '2025-10-20', { kind: 'remind', daysLeft: 5 })).not.toBe(e);
    expect(requestEvent(12, '2025-10-13', { kind: 'overdue' })).toBe('req:12:2025-10-13:overdue');
    expect(reportEvent(3, 2025, '2026-01-31', { kind: 'remind', daysLeft: 30 })).toBe(
      'report:3:2025:2026-01-31:remind30',
    );
  });
});

describe('which reminder falls due today', () => {
  it('reply deadline (R.33): the working days of rules.reminderDaysBefore, and overdue after the due day', () => {
    expect(requestReminderToday(5, [5, 1])).toEqual({ kind: 'remind', daysLeft: 5 });
    expect(requestReminderToday(1, [5, 1])).toEqual({ kind: 'remind', daysLeft: 1 });
    expect(requestReminderToday(4, [5, 1])).toBeNull();
    expect(requestReminderToday(0, [5, 1])).toBeNull();
    expect(requestReminderToday(-1, [5, 1])).toEqual({ kind: 'overdue' });
    expect(requestReminderToday(3, [3])).toEqual({ kind: 'remind', daysLeft: 3 });
  });

  it('annual report (R.49): 30 and 7 calendar days before, and overdue', () => {
    expect(reportReminderToday(30)).toEqual({ kind: 'remind', daysLeft: 30 });
    expect(reportReminderToday(7)).toEqual({ kind: 'remind', daysLeft: 7 });
    expect(reportReminderToday(29)).toBeNull();
    expect(reportReminderToday(0)).toBeNull();
    expect(reportReminderToday(-1)).toEqual({ kind: 'overdue' });
  });
});

describe('wording and links', () => {
  it('names the registration number, the due date and the article, and links to the case', () => {
    const m = requestReminderMessage(
      { kind: 'remind', daysLeft: 5 },
      {
        registrationNo: 'YSQ-2025-0001',
        agencyName: '测试局',
        dueOn: '2025-10-13',
        link: 'https://x/admin/requests/1',
      },
    );
    expect(m.title).toBe('答复期限提醒：YSQ-2025-0001 剩余 5 个工作日');
    expect(m.body).toContain('条例第三十三条');
    expect(m.body).toContain('https://x/admin/requests/1');
    expect(
      requestReminderMessage(
        { kind: 'overdue' },
        { registrationNo: 'N', agencyName: 'A', dueOn: 'D', link: '' },
      ).title,
    ).toBe('答复已逾期：N');
    expect(
      reportReminderMessage(
        { kind: 'remind', daysLeft: 7 },
        { agencyName: '测试局', year: 2025, dueOn: '2026-01-31', link: '' },
      ).body,
    ).toContain('条例第四十九条');
    expect(linkOf({ subjectType: 'request_application', subjectId: 9, agencyId: 1 })).toBe(
      '/admin/requests/9',
    );
    expect(linkOf({ subjectType: 'annual_report', subjectId: 2025, agencyId: 4 })).toBe(
      '/admin/reporting/annual-report?agencyId=4&year=2025',
    );
    expect(linkOf({ subjectType: 'other', subjectId: 1, agencyId: null })).toBeNull();
  });
});
