/**
 * The staff app records a step done on paper with its real date (antd DatePicker, zh_CN), shows a
 * refusal in Chinese inside the dialog, and every disclosure office's dashboard warns from 1 November
 * that next year's calendar is missing (docs/rules.md §3.3, §3.4). Demo county, clock pinned.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../server/src/requests/request.demo.ts';
import * as svc from '../server/src/requests/request.service.ts';
import { inTransaction } from '../server/src/shared/tx.ts';
import { residentId } from '../server/src/test-support/factories.ts';
import { confirmModal, type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('paper steps and the year-end calendar warning in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let caseId = 0;

  // 2 November 2026: 2027's holidays are not in the calendar
  useServerAndBrowser({ now: '2026-11-02T01:30:00Z' }, (s) => ({ server, browser } = s));
  beforeAll(async () => {
    const deps = server.deps;
    const office = await actorOf(deps.db, 'sfj-gk');
    // a letter handed in at the counter on 26 October, registered then (R.31(一))
    const s = await inTransaction(deps, (tx) =>
      svc.registerOffline(
        deps,
        tx,
        { actor: office },
        {
          agencyCode: 'sfj',
          channel: 'in_person',
          submittedOn: '2026-10-26',
          applicant: {
            kind: 'natural',
            name: '柏文清',
            idType: 'resident_id',
            idNumber: residentId('53010219800101771'),
            phone: '13900000077',
          },
          items: [{ description: '2026年本局法律援助案件统计' }],
          provisionForm: 'paper',
          deliveryMethod: 'collect',
        },
      ),
    );
    caseId = s.app.id;
  });

  it('the real date of a consultation sent on paper is entered with the date picker; a date before it is refused in Chinese in the dialog', async () => {
    const page = await staffLogin(browser, server.baseUrl, 'sfj-gk', { timeout: 15_000 });
    await page.goto(`${server.baseUrl}/admin/requests/${caseId}`);
    await page.getByRole('button', { name: '征求其他机关意见' }).click();
    await confirmModal(page, '征求其他机关意见', async (m) => {
      await m.getByLabel('机关名称').fill('云岭县财政局');
      const picker = m.getByLabel(/实际办理日期/);
      await picker.click();
      await picker.fill('2026-10-28');
      await picker.press('Enter');
    });
    await page.getByText(/补录纸质办理环节（按实际日期计算期限）（征求意见，实际日期 2026-10-28）/).waitFor();

    await page.getByRole('button', { name: '结束征求意见' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '结束征求意见' }).last();
    await modal.getByText('同意公开', { exact: true }).click();
    const picker = modal.getByLabel(/实际办理日期/);
    await picker.click();
    await picker.fill('2026-10-27');
    await picker.press('Enter');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    const refusal = modal.locator('.ant-alert-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('不能早于上一个已登记的办理环节（2026-10-28）');
    await shot(page, 'paper-step-refused');
    const row = await server.deps.db
      .selectFrom('requestApplications')
      .select(['status', 'pausedSince'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'consulting_agency', pausedSince: '2026-10-28' });
    await page.close();
  });

  it('from 1 November the disclosure office’s dashboard warns that next year’s calendar is missing', async () => {
    const page = await staffLogin(browser, server.baseUrl, 'sfj-gk', { timeout: 15_000 });
    await page.goto(`${server.baseUrl}/admin/`);
    const region = page.getByRole('region', { name: '系统提醒' });
    await region.waitFor();
    expect(await region.textContent()).toContain('2027 年的节假日安排尚未录入');
    await shot(page, 'dashboard-calendar-warning-office');
    await page.close();
  });
});
