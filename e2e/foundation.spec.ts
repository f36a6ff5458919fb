/** Journeys of issue #2: an official logs into the staff app; a citizen opens the portal. */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { type E2eServer, shot, useServerAndBrowser } from './support.ts';

describe('foundation journeys in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  it('the platform administrator logs into the staff app and sees the dashboard and the calendar', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByText('用户名或密码不正确').count()).toBeGreaterThan(0);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('平台管理员');
    await shot(page, 'admin-dashboard');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.waitForURL('**/admin/system/calendar');
    await page.getByRole('heading', { name: '工作日历' }).first().waitFor();
    await page.getByText('国务院办公厅关于2026年部分节假日安排的通知').first().waitFor();
    await shot(page, 'admin-calendar');
    // a new year imported from the pasted notice (test text in the notice's format): previewed, then saved
    await page.getByRole('button', { name: '录入新年度' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '录入新年度节假日安排' });
    await dialog.getByRole('tab', { name: '粘贴通知原文导入' }).click();
    await dialog
      .getByLabel('通知原文', { exact: true })
      .fill(
        '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至8日（周一）放假调休，共3天。2月20日（周六）上班。',
      );
    await dialog.getByRole('button', { name: '识别通知' }).click();
    await dialog.getByText('将保存 7 天：放假 6 天，调休上班 1 天').waitFor();
    expect(await dialog.getByRole('cell', { name: '2027-02-20' }).count()).toBe(1);
    await shot(page, 'admin-calendar-notice-preview');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('国务院办公厅关于2027年部分节假日安排的通知').first().waitFor();
    await page.getByRole('menuitem', { name: '机关管理' }).click();
    await page.waitForURL('**/admin/system/agencies');
    await page.getByText('云岭县司法局').first().waitFor();
    await shot(page, 'admin-agencies');
    await page.close();
  });

  it("a department's disclosure officer sees the agency and role in the switcher", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.getByLabel('用户名').fill('sfj-gk');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('context-switcher').waitFor();
    expect(await page.getByTestId('context-switcher').textContent()).toContain('云岭县司法局');
    await page.close();
  });

  it('a citizen opens the portal home, an agency column and the large-text mode, all without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    expect(await page.title()).toContain('云岭县政府信息公开');
    await shot(page, 'portal-home');
    // the agency directory comes after the latest items (which name their agency too)
    await page.getByRole('link', { name: '云岭县司法局' }).last().click();
    await page.getByRole('heading', { name: '云岭县司法局政府信息公开专栏' }).waitFor();
    await page
      .getByRole('link', { name: /政府信息公开指南/ })
      .first()
      .click();
    await page.getByText('办公时间').first().waitFor();
    await page.getByRole('link', { name: '大字版' }).click();
    await page.getByRole('link', { name: '标准字号' }).waitFor();
    expect(await page.locator('html').getAttribute('class')).toContain('a11y-large');
    const size = await page
      .locator('dl.facts dd')
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(22);
    await shot(page, 'portal-guide-large');
    // keyboard: the first Tab reaches the skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('跳到主要内容');
    await context.close();
  });
});
