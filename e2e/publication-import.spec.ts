/**
 * Issue #4 staff journey: the 司法局's disclosure office migrates items from its old site — downloads
 * the template, uploads a sheet with a ZIP-less attachment set, watches the progress bar finish, and
 * the citizen sees the imported items on the portal homes (search box + 最新公开).
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../server/src/shared/clock.ts';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('bulk import from an old site in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  it('upload → progress → report of the rejected row; the imported items appear on the portal homes', async () => {
    const today = chinaDate(server.deps.clock.now());
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息');
    ws.addRow(['来源编号', '标题', '文号', '成文日期', '发布日期', '目录分类', '正文']);
    ws.addRow([
      'old-1',
      '旧网站迁移：云岭县法律援助工作规范',
      '云司〔2025〕8号',
      '2025-06-01',
      today,
      'gzdt',
      '第一条 为规范法律援助工作……',
    ]);
    ws.addRow([
      'old-2',
      '旧网站迁移：人民调解工作动态',
      '',
      '2025-06-03',
      today,
      'gzdt',
      '各乡镇人民调解委员会……',
    ]);
    ws.addRow([
      'old-3',
      '旧网站迁移：某某申请材料',
      '',
      '2025-06-05',
      today,
      'gzdt',
      '申请人身份证号11010519491231002X',
    ]);
    const sheet = Buffer.from(await wb.xlsx.writeBuffer());

    const page = await staffLogin(browser, server.baseUrl, 'sfj-gk');
    await page.goto(`${server.baseUrl}/admin/proactive/import`);
    await page.getByRole('link', { name: '下载导入模板' }).waitFor();
    await page.locator('input[type=file]').first().setInputFiles({
      name: '旧网站信息.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sheet,
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('已完成').waitFor({ timeout: 30_000 });
    await expect(page.getByText('已导入 2').isVisible()).resolves.toBe(true);
    await expect(page.getByText('拒绝 1').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: '下载未导入行报告' }).waitFor();
    await shot(page, 'publication-import-done');

    const citizen = await browser.newPage({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    await citizen.goto(`${server.baseUrl}/a/sfj/`);
    await citizen.getByRole('link', { name: '旧网站迁移：云岭县法律援助工作规范' }).waitFor();
    await expect(citizen.content()).resolves.not.toContain('某某申请材料');
    await shot(citizen, 'portal-agency-home');
    await citizen.goto(`${server.baseUrl}/`);
    await citizen.getByLabel(/搜索/).first().fill('调解');
    await citizen.getByRole('button', { name: '搜索' }).first().click();
    await citizen.getByText('旧网站迁移：人民调解工作动态').first().waitFor();
    await citizen.goto(`${server.baseUrl}/`);
    await shot(citizen, 'portal-region-home');
  });
});
