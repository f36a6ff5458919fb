/**
 * Issue #5 journey: the disclosure office compiles last year's annual report, the leader in charge
 * approves it, the office publishes it, and a citizen reads it on the portal in the national format.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emptyTable2Of2019, emptyTable3Row, table3Rows } from '../server/src/reporting/annual-report.ts';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

describe('annual report journey in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const login = (username: string) => staffLogin(browser, server.baseUrl, username);

  async function act(page: Page, label: string) {
    await page.getByRole('button', { name: label, exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  const sfjId = async () =>
    (
      await server.deps.db
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', 'sfj')
        .executeTakeFirstOrThrow()
    ).id;

  it('compile → approve → publish → the citizen reads it in the national table layout', async () => {
    const sfj = await sfjId();
    // the demo county has published its last two years' reports (reporting.demo.ts): compile an earlier year
    const year = server.deps.clock.now().getUTCFullYear() - 3;
    const reportUrl = `${server.baseUrl}/admin/reporting/annual-report?agencyId=${sfj}&year=${year}`;

    const office = await login('sfj-gk');
    await office.goto(reportUrl);
    await office.getByText('三、本年度办理结果').first().waitFor();
    await shot(office, 'report-draft');
    await office.getByRole('button', { name: '保存草稿', exact: true }).first().click();
    await office.getByText('草稿已保存').first().waitFor();
    await act(office, '提交审批');
    await office.close();

    const leader = await login('sfj-fg');
    await leader.goto(reportUrl);
    await act(leader, '审批通过');
    await leader.close();

    const office2 = await login('sfj-gk');
    await office2.goto(reportUrl);
    await act(office2, '发布');
    await office2.getByText('报告已发布').first().waitFor();
    await office2.close();

    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 1000 },
    });
    const citizen = await context.newPage();
    await citizen.goto(`${server.baseUrl}/a/sfj/annual-reports`);
    await citizen.getByRole('link', { name: `云岭县司法局${year}年政府信息公开工作年度报告` }).click();
    await citizen.getByRole('heading', { name: `云岭县司法局${year}年政府信息公开工作年度报告` }).waitFor();
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]) {
      expect(await citizen.getByRole('heading', { name: h }).count()).toBe(1);
    }
    expect(await citizen.locator('th[rowspan="22"]').innerText()).toBe('三、本年度办理结果');
    expect(await citizen.locator('table.report-table').count()).toBe(3);
    await shot(citizen, 'report-published-portal');
    await context.close();
  });

  it('a past year in the 2019 format reads in the 2019 layout on the portal and compares with 2021 years on staff screens', async () => {
    const sfj = await sfjId();
    // a year before the demo's reports and before the one the journey above compiles
    const year = server.deps.clock.now().getUTCFullYear() - 4;
    const nat = (n: number) => ({ ...emptyTable3Row(), natural: n, total: n });
    const table3 = Object.fromEntries(table3Rows('2019').map((r) => [r, emptyTable3Row()]));
    Object.assign(table3, {
      new: nat(12),
      disclosed: nat(7),
      other: nat(3),
      total: nat(10),
      carried_out: nat(2),
    });
    const block = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    const now = server.deps.clock.now().toISOString();
    // a past year as the import stores it (the XLSX path itself is covered by the db tests)
    await server.deps.db
      .insertInto('annualReports')
      .values({
        agencyId: sfj,
        year,
        format: '2019',
        source: 'imported',
        status: 'published',
        inputsJson: '{}',
        narrativeJson: JSON.stringify({
          overview: `${year}年总体情况（2019 格式）。`,
          problems: '—',
          other: '—',
        }),
        figuresJson: JSON.stringify({
          table2: {
            ...emptyTable2Of2019(),
            normativeDocs: { made: 4, published: 4, totalPublic: 37 },
            licensing: { previous: 15, change: -2, decisions: 210 },
            procurement: { projects: 3, amount: 42.5 },
          },
          table3,
          table4: {
            reconsideration: block,
            litigation_direct: block,
            litigation_after_reconsideration: block,
          },
        }),
        submittedBy: null,
        approvedBy: null,
        approvedAt: now,
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .execute();

    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 1000 },
    });
    const citizen = await context.newPage();
    await citizen.goto(`${server.baseUrl}/a/sfj/annual-reports/${year}`);
    await citizen.getByRole('heading', { name: `云岭县司法局${year}年政府信息公开工作年度报告` }).waitFor();
    expect(await citizen.locator('th[rowspan="20"]').innerText()).toBe('三、本年度办理结果');
    expect(await citizen.getByText('第二十条第（九）项').count()).toBe(1);
    expect(await citizen.getByRole('rowheader', { name: '（六）其他处理', exact: true }).count()).toBe(1);
    await shot(citizen, 'report-2019-portal');
    await context.close();

    const office = await login('sfj-gk');
    await office.goto(`${server.baseUrl}/admin/reporting/annual-report?agencyId=${sfj}&year=${year}`);
    await office.getByText('2019 格式（国办公开办函〔2019〕60号）').first().waitFor();
    expect(await office.getByText('其他对外管理服务事项').count()).toBeGreaterThan(0);
    await office.getByText('只比较两种格式口径相同的数据').first().waitFor();
    await shot(office, 'report-2019-staff');
    // the manual entry form follows the chosen format
    await office.getByRole('button', { name: '录入往年报告' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByText('2019 格式（国办公开办函〔2019〕60号）').click();
    await dialog.getByRole('tab', { name: '二、主动公开（表二）' }).click();
    await dialog.getByLabel('其他对外管理服务事项本年增/减').waitFor();
    expect(await dialog.getByLabel('政府集中采购采购总金额').count()).toBe(1);
    await dialog.getByRole('tab', { name: '三、依申请公开（表三）' }).click();
    expect(await dialog.getByRole('rowheader', { name: '（六）其他处理', exact: true }).count()).toBe(1);
    expect(await dialog.getByRole('rowheader', { name: '3.其他', exact: true }).count()).toBe(0);
    await shot(office, 'report-2019-entry');
    await office.close();
  });
});
