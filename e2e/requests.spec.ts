/**
 * Journey of issue 3 (依申请公开): a citizen applies online with two items (no JavaScript) → staff
 * confirm receipt, extend with the office head's approval, decide one item 予以公开 and the other
 * 部分公开, provide a file, get the reply approved, generate and send the letter → the citizen sees
 * the letter and the file on the tracking page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { chinaDate } from '../server/src/shared/clock.ts';
import { launchBrowser, shot, startServer } from './support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('依申请公开 journey in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function staffPage(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function runAction(page: Page, button: string, fill?: (modal: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const modal = page.getByRole('dialog').filter({ hasText: button }).last();
    await modal.waitFor({ timeout: 10_000 }).catch(async (e) => {
      await shot(page, `requests-failed-${button}`);
      throw e;
    });
    if (fill) await fill(modal);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (e) => {
      await shot(page, `requests-failed-close-${button}`);
      throw new Error(`${button}: ${await page.locator('.ant-message, .ant-form-item-explain-error').allTextContents()} ${String(e)}`);
    });
  }

  async function chooseOption(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
    await scope.getByLabel(label).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await expect.poll(() => scope.locator('.ant-select-selection-item, .ant-select-content-value, .ant-select-selector').first().textContent()).toContain(option);
  }

  it('apply online → confirm, extend with approval, decide 予以公开 + 部分公开, approve and send → the citizen sees the letter and the file', async () => {
    // 1. the citizen applies, JavaScript disabled
    const citizen = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const c = await citizen.newPage();
    await c.goto(`${server.baseUrl}/a/sfj/apply`);
    await c.getByLabel('姓名 / 名称').fill('林小雨');
    await c.getByLabel('证件类型（自然人）').selectOption('resident_id');
    await c.getByLabel('证件号码（自然人）').fill('11010519491231002X');
    await c.getByLabel('联系电话').fill('13800138000');
    await c.locator('#item1_description').fill('2025年本局法律援助案件数量统计');
    await c.locator('#item2_description').fill('2025年人民调解员补贴发放名单');
    await shot(c, 'requests-apply-form');
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.getByRole('heading', { name: '申请已提交：登记回执' }).waitFor();
    const codes = await c.locator('dd.receipt-code').allTextContents();
    const [registrationNo, trackingCode] = codes.map((s) => s.trim()) as [string, string];
    expect(registrationNo).toMatch(/^sfj-\d{4}-\d{6}$/);
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    await shot(c, 'requests-receipt');

    // 2. the disclosure office confirms receipt (R.31) and assigns the case
    const office = await staffPage('sfj-gk');
    await office.goto(`${server.baseUrl}/admin/requests`);
    await office.getByRole('tab', { name: /待确认收到/ }).click();
    await office.getByRole('link', { name: registrationNo }).click();
    await office.getByRole('heading', { name: `申请 ${registrationNo}` }).waitFor();
    const today = chinaDate(new Date());
    await runAction(office, '确认收到申请', (m) => m.getByLabel('确认收到日期（条例第三十一条）').fill(today));
    await office.getByText('已登记').first().waitFor();
    await office.getByRole('button', { name: '受理并分办' }).click();
    const assign = office.getByRole('dialog').filter({ hasText: '受理并分办' });
    await assign.locator('.ant-radio-wrapper').nth(1).click();
    await assign.getByRole('button', { name: /确\s*定|OK/ }).click();
    await assign.waitFor({ state: 'detached' });
    await office.getByText('办理中').first().waitFor();
    const dueBefore = await office.locator('.ant-descriptions-item').filter({ hasText: '答复期限' }).first().textContent();

    // 3. extension: asked by the office, approved by the leader (R.33 ¶2)
    await runAction(office, '申请延期', async (m) => {
      await m.getByLabel('延长工作日数（累计不超过规定上限）').fill('20');
      await m.getByLabel('延期理由').fill('需调取历年档案并征求承办科室意见');
    });
    const leader = await staffPage('sfj-fg');
    await leader.goto(`${server.baseUrl}/admin/requests/${office.url().split('/').pop()}`);
    await runAction(leader, '审批延期', (m) => chooseOption(leader, m, '审批结果', '同意延期'));
    await leader.getByText('延期答复告知书').first().waitFor();
    await office.reload();
    await office.getByText('已批准延期').first().waitFor();
    const dueAfter = await office.locator('.ant-descriptions-item').filter({ hasText: '答复期限' }).first().textContent();
    expect(dueAfter).not.toBe(dueBefore);

    // 4. dispositions: item 1 予以公开, item 2 部分公开 (R.37)
    const item1 = office.locator('.ant-card').filter({ hasText: '事项 1：' });
    await chooseOption(office, item1, '处理结果（年报表三统一分类）', '予以公开');
    await item1.getByRole('button', { name: '保存处理决定' }).click();
    await item1.getByText('（一） 予以公开').waitFor();
    const item2 = office.locator('.ant-card').filter({ hasText: '事项 2：' });
    await chooseOption(office, item2, '处理结果（年报表三统一分类）', '部分公开');
    await item2.getByLabel('不予公开的内容').fill('调解员的身份证号码和银行账号');
    await item2.getByLabel('理由').fill('涉及个人隐私，公开会损害第三方合法权益');
    await item2.getByRole('button', { name: '保存处理决定' }).click();
    await item2.getByText('（二） 部分公开').waitFor();

    // 5. the information itself, provided online
    await office.getByTestId('file-upload').setInputFiles({ name: '法律援助案件统计.pdf', mimeType: 'application/pdf', buffer: PDF });
    await office.getByRole('link', { name: '法律援助案件统计.pdf' }).waitFor();

    // 6. approval chain: unit head → disclosure office; then the reply letter is sent
    await runAction(office, '提交审批');
    const unitHead = await staffPage('sfj-kz');
    await unitHead.goto(office.url());
    await runAction(unitHead, '审批答复', (m) => chooseOption(unitHead, m, '审批结果', '同意'));
    await office.reload();
    await runAction(office, '审批答复', (m) => chooseOption(office, m, '审批结果', '同意'));
    await runAction(office, '发出答复书');
    await office.getByText('已答复').first().waitFor();
    await office.getByText('政府信息公开申请答复书').first().waitFor();
    await shot(office, 'requests-case-replied');

    // 7. the citizen sees the letters and the file
    await c.goto(`${server.baseUrl}/track`);
    await c.getByLabel('登记号').fill(registrationNo);
    await c.getByLabel('查询码').fill(trackingCode);
    await c.getByRole('button', { name: '查询' }).click();
    await c.getByRole('heading', { name: '申请办理进度' }).waitFor();
    const body = (await c.locator('main').textContent()) ?? '';
    expect(body).toContain('已答复');
    expect(body).toContain('政府信息公开申请答复书');
    expect(body).toContain('延期答复告知书');
    expect(body).toContain('予以公开');
    expect(body).toContain('部分公开');
    expect(body).toContain('调解员的身份证号码和银行账号');
    expect(body).toContain('法律援助案件统计.pdf');
    expect(body).not.toContain('林小雨');
    expect(body).not.toContain('11010519491231002X');
    await shot(c, 'requests-tracking');
    const download = c.waitForEvent('download');
    await c.getByRole('button', { name: /下载《政府信息公开申请答复书》/ }).click();
    expect((await download).suggestedFilename()).toContain('.docx');
    await citizen.close();
  }, 300_000);
});
