/**
 * Issue #4 journey (guide, filing, archive): the 司法局's disclosure office publishes its guide and the
 * citizen reads it; the office files a published item with the county 政务公开办, which requires a
 * correction; the office builds last year's archive volume.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../server/src/shared/clock.ts';
import { type E2eServer, fillDate, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('guide, filing and archive in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const login = (username: string) => staffLogin(browser, server.baseUrl, username);

  it('publish the guide → the portal shows version 1; file an item → the county office requires a correction; build an archive volume', async () => {
    const office = await login('sfj-gk');
    await office.goto(`${server.baseUrl}/admin/proactive/guide`);
    await office.getByText('指南需要复核').waitFor();
    await expect(office.getByLabel('章节内容（每段一行）').nth(3).inputValue()).resolves.toContain(
      '办公地址',
    );
    await shot(office, 'guide-editor');
    await office.getByRole('button', { name: '发布新版本' }).click();
    await office.getByRole('dialog').getByRole('button', { name: '保存并发布' }).click();
    await office.getByText(/现行第 1 版/).waitFor();
    await shot(office, 'guide-published');

    const citizen = await browser.newPage({ javaScriptEnabled: false });
    await citizen.goto(`${server.baseUrl}/a/sfj/guide`);
    await expect(citizen.locator('p.muted').first().textContent()).resolves.toMatch(/第 1 版 · 发布日期/);
    await shot(citizen, 'guide-portal');

    await office.goto(`${server.baseUrl}/admin/proactive/filings`);
    await office.getByRole('button', { name: '报备', exact: true }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('报备信息').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await office.waitForFunction(
      () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
    );
    await dialog.getByLabel('备案机关').click();
    await office.locator('.ant-select-item-option[title="云岭县人民政府"]').click();
    await dialog.getByLabel('报备文号').fill('云司备〔2026〕1号');
    await fillDate(dialog.getByLabel('报备日期'), chinaDate(server.deps.clock.now()));
    await dialog.getByRole('button', { name: '保存' }).click();
    await office.getByText('云司备〔2026〕1号').waitFor();
    await shot(office, 'filing-filed');

    const county = await login('gkb');
    await county.goto(`${server.baseUrl}/admin/proactive/filings`);
    await county.getByRole('tab', { name: /下级机关报备/ }).click();
    // the demo county has filings of other departments too (one still pending): review this one
    await county
      .locator('.ant-table-row')
      .filter({ hasText: '云司备〔2026〕1号' })
      .getByRole('button', { name: '审查' })
      .click();
    const review = county.getByRole('dialog');
    await review.getByLabel('要求纠正').check();
    await review.getByLabel('审查意见').fill('请补充政策解读');
    await review.getByRole('button', { name: '保存' }).click();
    await county.getByText('审查意见：请补充政策解读').waitFor();
    await shot(county, 'filing-reviewed');

    await office.goto(`${server.baseUrl}/admin/proactive/archive`);
    await office.getByRole('button', { name: '整理归档卷' }).click();
    await office.getByText(/年度 · 卷内目录/).waitFor();
    await shot(office, 'archive-volume');
  });
});
