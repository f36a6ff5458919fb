/**
 * The staff to-do list (我的待办) in Chromium, desktop and a 390 px phone: the 司法局 disclosure office
 * logs in on the demo county and sees its overdue case and the cases awaiting it on the 工作台, with
 * counts in the menu; a link opens the case. The unit head sees the reply waiting for its approval.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('to-do list in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-21T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const overdueCase = () =>
    server.deps.db
      .selectFrom('requestApplications as a')
      .innerJoin('agencies as g', 'g.id', 'a.agencyId')
      .innerJoin('deadlines as d', (j) =>
        j.onRef('d.subjectId', '=', 'a.id').on('d.subjectType', '=', 'request_application'),
      )
      .select(['a.id', 'a.registrationNo'])
      .where('g.code', '=', 'sfj')
      .where('d.kind', '=', 'reply')
      .where('d.state', '=', 'open')
      .where('d.dueDate', '<', '2026-11-21')
      .where('a.status', 'in', ['registered', 'in_progress', 'awaiting_approval'])
      .execute();

  it('desktop: the office sees its overdue case and the cases awaiting it, with menu counts; the link opens the case', async () => {
    const overdue = await overdueCase();
    expect(overdue.length).toBeGreaterThan(0);
    const page = await staffLogin(browser, server.baseUrl, 'sfj-gk');
    const todo = page.getByTestId('todo');
    await todo.waitFor();
    const late = page.getByTestId('todo-overdue');
    for (const o of overdue) await late.getByRole('link', { name: new RegExp(o.registrationNo) }).waitFor();
    await expect.poll(() => late.textContent()).toMatch(/已逾期（期限 \d{4}-\d{2}-\d{2}）/);
    const cases = page.getByTestId('todo-cases');
    expect(await cases.textContent()).toContain('待受理分办');
    expect(await cases.textContent()).toContain('待确认收到');
    // the menu counts: 工作台 = every distinct entry, 依申请公开 = those that open a case
    const menu = page.getByRole('navigation', { name: '主菜单' });
    const total = await todo.getByLabel(/共 \d+ 项/).getAttribute('aria-label');
    expect(await menu.getByRole('menuitem', { name: /工作台/ }).textContent()).toContain(
      total!.match(/\d+/)![0],
    );
    expect(
      await menu
        .getByRole('menuitem', { name: /依申请公开/ })
        .getByLabel(/项待办/)
        .count(),
    ).toBe(1);
    // the bell tells of the overdue to-do and leads back to the list
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/待办已逾期 \d+ 项/);
    await bell.click();
    await page
      .getByTestId('bell-todo')
      .getByText(/其中已逾期/)
      .waitFor();
    await page.keyboard.press('Escape');
    await shot(page, 'todo-desktop');
    await late.getByRole('link', { name: new RegExp(overdue[0]!.registrationNo) }).click();
    await page.waitForURL(new RegExp(`/admin/requests/${overdue[0]!.id}$`));
    await page.getByText(overdue[0]!.registrationNo).first().waitFor();
    await page.close();

    // the unit head: the reply waiting for step 1 of the approval chain
    const head = await staffLogin(browser, server.baseUrl, 'sfj-kz');
    const approvals = head.getByTestId('todo-approvals');
    await approvals.waitFor();
    expect(await approvals.textContent()).toContain('待审批答复（第 1 步：科室负责人）');
    await head.close();
  });

  it('phone (390 px): the list fits the screen and its links work', async () => {
    const page = await staffLogin(browser, server.baseUrl, 'sfj-gk', { width: 390, height: 844 });
    await page.getByTestId('todo-overdue').waitFor();
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: window.innerWidth,
      todo: document.querySelector('[data-testid="todo"]')!.getBoundingClientRect().right,
      // the header and everything in it stay within the screen (menu folded, user name as an icon)
      header: Math.max(
        ...Array.from(
          document.querySelectorAll('[data-testid="app-header"], [data-testid="app-header"] *'),
        ).map((e) => e.getBoundingClientRect().right),
      ),
    }));
    await shot(page, 'todo-phone');
    expect(widths.todo).toBeLessThanOrEqual(widths.view);
    expect(widths.header).toBeLessThanOrEqual(widths.view);
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
    const overdue = await overdueCase();
    await page
      .getByTestId('todo-overdue')
      .getByRole('link', { name: new RegExp(overdue[0]!.registrationNo) })
      .click();
    await page.waitForURL(new RegExp(`/admin/requests/${overdue[0]!.id}$`));
    // the folded menu opens from the header's 菜单 button and closes after a choice
    await page.getByRole('button', { name: '菜单' }).click();
    await shot(page, 'todo-phone-menu');
    await page.getByRole('menuitem', { name: /工作台/ }).click();
    await page.getByTestId('todo-overdue').waitFor();
    await expect
      .poll(() => page.locator('.ant-layout-sider').evaluate((e) => e.getBoundingClientRect().width))
      .toBeLessThanOrEqual(1);
    await page.close();
  });
});
