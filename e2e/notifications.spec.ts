/**
 * Issue #3/#5 journey: a reminder reaches the disclosure office's bell, opens the case and is read;
 * the platform administrator sees the failed e-mail in the outbox (发件箱) and sends it again.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../server/src/notifications/index.ts';
import { inTransaction } from '../server/src/shared/tx.ts';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('notifications journey in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const login = (username: string) => staffLogin(browser, server.baseUrl, username, { height: 900 });

  it('bell → open the reminder → the case page; the administrator resends a failed e-mail from the outbox', async () => {
    const db = server.deps.db;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sfj-gk')
      .executeTakeFirstOrThrow();
    const app = await db
      .selectFrom('requestApplications as a')
      .innerJoin('agencies as g', 'g.id', 'a.agencyId')
      .select(['a.id', 'a.registrationNo', 'a.agencyId'])
      .where('g.code', '=', 'sfj')
      .orderBy('a.id')
      .executeTakeFirstOrThrow();
    const base = {
      agencyId: app.agencyId,
      subjectType: 'request_application',
      subjectId: app.id,
      event: `req:${app.id}:2099-01-01:remind5`,
      title: `答复期限提醒：${app.registrationNo} 剩余 5 个工作日`,
      body: `政府信息公开申请 ${app.registrationNo} 应于 2099-01-01 前答复（条例第三十三条），剩余 5 个工作日。`,
    };
    await inTransaction(server.deps, (tx) =>
      enqueue(server.deps, tx, [
        { ...base, channel: 'inapp', recipient: String(user.id) },
        { ...base, channel: 'email', recipient: 'sfj-gk@example.gov.cn' },
      ]),
    );
    await db
      .updateTable('notifications')
      .set({
        state: 'failed',
        attempts: 6,
        lastError: 'connect ECONNREFUSED 10.0.0.1:465',
        nextAttemptAt: null,
      })
      .where('channel', '=', 'email')
      .execute();

    const office = await login('sfj-gk');
    const bell = office.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/1 条未读/);
    await bell.click();
    const item = office.getByTestId('notification-item').filter({ hasText: app.registrationNo });
    await item.waitFor();
    await shot(office, 'notifications-drawer');
    await item.click();
    await office.waitForURL(`**/admin/requests/${app.id}`);
    // read: no unread count any more (the overdue to-dos of the office stay announced, dashboard/todo)
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/^通知(，待办已逾期 \d+ 项)?$/);

    const admin = await login('admin');
    await admin.getByRole('menuitem', { name: '发件箱' }).click();
    await admin.getByRole('heading', { name: '发件箱' }).waitFor();
    const row = admin.locator('.ant-table-row').filter({ hasText: 'sfj-gk@example.gov.cn' });
    await row.getByText('发送失败').waitFor();
    await shot(admin, 'notifications-outbox');
    await row.getByRole('button', { name: /重发/ }).click();
    await admin.getByRole('button', { name: '重新发送' }).click();
    await row.getByText('待发送').waitFor();
    const after = await db
      .selectFrom('notifications')
      .select(['state', 'attempts'])
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ state: 'pending', attempts: 0 });
  });
});
