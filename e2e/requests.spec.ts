/**
 * Journey of issue 3 (依申请公开), in the browser from end to end: a citizen applies online with two
 * items (no JavaScript) → the disclosure office confirms receipt (R.31) and assigns the case to a unit
 * → the unit's handler asks for an extension and the office approves it (R.33 ¶2: the applicant is
 * told by an extension letter) → item 1 予以公开, item 2 部分公开 with what was withheld and why
 * (R.37), a provided file uploaded → approval chain (unit head → disclosure office) → the reply letter
 * is generated and sent → the citizen sees the status, both letters (DOCX read back) and the file.
 * The server clock starts on Monday 2026-03-02 (offsetClock): 20 + 20 working days stay in 2026,
 * a year with calendar data.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../server/src/shared/clock.ts';
import { unzipEntry } from '../server/src/test-support/zip.ts';
import { confirmModal, type E2eServer, fillDate, shot, staffLogin, useServerAndBrowser } from './support.ts';

/** A tiny valid PDF (the upload check sniffs the %PDF- magic bytes). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The visible text of a DOCX body. */
function docxText(buf: Buffer): string {
  return unzipEntry(buf, 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
}

describe('依申请公开 journey in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-03-02T01:30:00Z' }, (s) => ({ server, browser } = s));

  const staffPage = (username: string) => staffLogin(browser, server.baseUrl, username, { timeout: 15_000 });

  async function runAction(page: Page, button: string, fill?: (modal: Locator) => Promise<void>) {
    await page
      .getByRole('button', { name: button, exact: true })
      .click()
      .catch(async (e) => {
        await shot(page, `requests-failed-no-button-${button}`);
        throw e;
      });
    await confirmModal(page, button, fill, { timeout: 10_000 });
  }

  async function openCase(page: Page, registrationNo: string) {
    await page.goto(`${server.baseUrl}/admin/requests`);
    await page.getByRole('tab', { name: /^全部/ }).click();
    await page.getByLabel('搜索申请').fill(registrationNo);
    await page.getByLabel('搜索申请').press('Enter');
    await page.getByRole('link', { name: registrationNo }).click();
    await page.getByRole('heading', { name: `申请 ${registrationNo}` }).waitFor();
  }

  const caseFact = (page: Page, label: string) =>
    page
      .locator('.ant-descriptions-item')
      .filter({ hasText: label })
      .first()
      .locator('.ant-descriptions-item-content');

  async function decide(page: Page, seq: number, disposition: string, fields: Record<string, string>) {
    const form = page.locator(`form[aria-label="第${seq}项的处理决定"]`);
    await form.getByLabel('处理结果（年报表三统一分类）').click();
    await form.getByLabel('处理结果（年报表三统一分类）').fill(disposition);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: disposition })
      .first()
      .click();
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: '保存处理决定' }).click();
    await page
      .locator('.ant-card')
      .filter({ hasText: `事项 ${seq}：` })
      .locator('.ant-descriptions-item')
      .filter({ hasText: '处理结果' })
      .filter({ hasText: disposition })
      .waitFor();
  }

  it('apply online with two items → receipt, extension approved, 予以公开 + 部分公开, file, approval chain, reply sent → the citizen sees letters and file', async () => {
    // 1. the citizen applies, JavaScript disabled
    const citizen = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const c = await citizen.newPage();
    await c.goto(`${server.baseUrl}/a/sfj/apply`);
    await c.getByLabel('姓名 / 名称').fill('林小雨');
    await c.getByLabel('证件类型（自然人）').selectOption('resident_id');
    await c.getByLabel('证件号码（自然人）').fill('11010519491231002X');
    await c.getByLabel('联系电话').fill('13800138000');
    await c.locator('#item1_description').fill('2025年本局法律援助案件数量统计');
    await c.locator('#item2_description').fill('2025年人民调解员补贴发放名单');
    await shot(c, 'requests-1-apply-form');
    await c.getByRole('button', { name: '提交申请' }).click();
    await c.getByRole('heading', { name: '申请已提交：登记回执' }).waitFor();
    const codes = await c.locator('dd.receipt-code').allTextContents();
    const [registrationNo, trackingCode] = codes.map((s) => s.trim()) as [string, string];
    expect(registrationNo).toMatch(/^sfj-2026-\d{6}$/);
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    await shot(c, 'requests-2-receipt');

    // 2. the disclosure office confirms receipt (R.31) and assigns the case to 法治宣传股
    const office = await staffPage('sfj-gk');
    await office.goto(`${server.baseUrl}/admin/requests`);
    await office.getByRole('tab', { name: /待确认收到/ }).click();
    await office.getByRole('link', { name: registrationNo }).click();
    await office.getByRole('heading', { name: `申请 ${registrationNo}` }).waitFor();
    const today = chinaDate(server.deps.clock.now());
    expect(today).toBe('2026-03-02');
    await runAction(office, '确认收到申请', (m) =>
      fillDate(m.getByLabel('确认收到日期（条例第三十一条）'), today),
    );
    await office.getByText('已登记').first().waitFor();
    await office.getByRole('button', { name: '受理并分办' }).click();
    const assign = office.getByRole('dialog').filter({ hasText: '受理并分办' });
    // the dialog names the units with their handlers and shows the reply due date
    await assign.getByText('答复期限：2026-03-30').waitFor();
    await assign
      .getByText(/承办人员：.+/)
      .first()
      .waitFor();
    await assign.getByText('法治宣传股').click();
    await assign.getByRole('button', { name: /确\s*定|OK/ }).click();
    await assign.waitFor({ state: 'detached' });
    await office.getByText('办理中').first().waitFor();
    // R.33 ¶1: 20 working days from the day after receipt
    await expect.poll(() => caseFact(office, '答复期限').textContent()).toBe('2026-03-30');
    await shot(office, 'requests-3-case-registered');

    // 3. the unit's handler asks for an extension (R.33 ¶2) …
    const handler = await staffPage('sfj-ng');
    await openCase(handler, registrationNo);
    await runAction(handler, '申请延期', async (m) => {
      // the days default to the agency's rule profile (R.33 ¶2: 20 working days)
      expect(await m.getByLabel('延长工作日数（累计不超过规定上限）').inputValue()).toBe('20');
      await m.getByLabel('延长工作日数（累计不超过规定上限）').fill('20');
      await m.getByLabel('延期理由').fill('需要调取多个股室的档案并逐页审查');
    });
    await caseFact(handler, '待批延期').filter({ hasText: '20 个工作日' }).waitFor();
    expect(await handler.getByRole('button', { name: '审批延期', exact: true }).count()).toBe(0);

    // … and the head of the disclosure office approves it: the applicant is told by letter
    await office.reload();
    await runAction(office, '审批延期', async (m) => {
      await m.getByText('同意延期', { exact: true }).click();
      await m.getByLabel('审批意见').fill('同意延长20个工作日');
    });
    await expect.poll(() => caseFact(office, '答复期限').textContent()).toBe('2026-04-28');
    await office.getByRole('cell', { name: '政府信息公开申请延期答复告知书' }).waitFor();
    await shot(office, 'requests-4-extended');

    // 4. the handler decides item 1 予以公开 and item 2 部分公开, uploads the information provided
    await handler.reload();
    await decide(handler, 1, '予以公开', {
      '获取方式、途径和时间': '通过网上查询页面下载电子文件',
    });
    await decide(handler, 2, '部分公开', {
      '获取方式、途径和时间': '通过网上查询页面下载电子文件',
      不予公开的内容: '调解员的身份证号码和银行账号',
      理由: '属于个人隐私，公开会对第三方合法权益造成损害',
    });
    await handler
      .getByRole('cell', { name: '调解员的身份证号码和银行账号' })
      .or(handler.locator('.ant-descriptions-item-content', { hasText: '调解员的身份证号码和银行账号' }))
      .first()
      .waitFor();
    await handler.getByTestId('file-upload').setInputFiles({
      name: '2025年法律援助案件统计.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await handler.getByRole('link', { name: '2025年法律援助案件统计.pdf' }).waitFor();
    await shot(handler, 'requests-5-decided');
    await runAction(handler, '提交审批');
    await handler.getByText('待审批').first().waitFor();
    await handler.getByText(/审批环节：1\. 科室负责人 → 2\. 政务公开工作机构/).waitFor();

    // 5. approval chain: unit head, then the disclosure office; the unit head reads the draft first
    const unitHead = await staffPage('sfj-kz');
    await openCase(unitHead, registrationNo);
    const draftDl = unitHead.waitForEvent('download');
    await unitHead.getByRole('link', { name: '预览答复书草稿（DOCX）' }).click();
    const draft = await draftDl;
    expect(draft.suggestedFilename()).toContain('.docx');
    const draftText = docxText(readFileSync(await draft.path()));
    expect(draftText).toContain(registrationNo);
    expect(draftText).toContain('不予公开的部分：调解员的身份证号码和银行账号');
    // a draft is not a letter: nothing was stored or sent
    expect(await unitHead.getByRole('cell', { name: '政府信息公开申请答复书' }).count()).toBe(0);
    await runAction(unitHead, '审批答复', async (m) => {
      await m.getByText('同意', { exact: true }).click();
      await m.getByLabel('审批意见').fill('同意按此答复');
    });
    await unitHead.getByText(/1\. 科室负责人（已同意）/).waitFor();
    await office.reload();
    await runAction(office, '审批答复', async (m) => {
      await m.getByText('同意', { exact: true }).click();
    });
    await office.getByText(/2\. 政务公开工作机构（已同意）/).waitFor();
    await shot(office, 'requests-6-approved');

    // 6. the reply letter is generated from the template and sent
    await runAction(office, '发出答复书');
    await office.getByText('已答复').first().waitFor();
    await office.getByRole('cell', { name: '政府信息公开申请答复书' }).waitFor();
    // the timeline reads in words, not event codes
    const timeline = office.locator('.ant-timeline');
    for (const label of ['确认收到', '申请延期', '批准延期', '作出处理决定', '审批同意', '发出答复'])
      await timeline.getByText(label).first().waitFor();
    expect(await timeline.getByText('request.').count()).toBe(0);
    await shot(office, 'requests-7-replied');

    // 7. the citizen sees the status, the letters and the file on the tracking page
    await c.goto(`${server.baseUrl}/track`);
    await c.getByLabel('登记号').fill(registrationNo);
    await c.getByLabel('查询码').fill(trackingCode);
    await c.getByRole('button', { name: '查询' }).click();
    await c.getByRole('heading', { name: '申请办理进度' }).waitFor();
    const body = (await c.locator('main').textContent()) ?? '';
    expect(body).toContain('已答复');
    expect(body).toContain('2026年3月2日');
    expect(body).toContain('政府信息公开申请登记回执');
    expect(body).toContain('政府信息公开申请延期答复告知书');
    expect(body).toContain('政府信息公开申请答复书');
    expect(body).toContain('调解员的身份证号码和银行账号');
    expect(body).not.toContain('林小雨');
    expect(body).not.toContain('11010519491231002X');
    await shot(c, 'requests-8-tracking');

    const download = async (button: RegExp) => {
      const d = c.waitForEvent('download');
      await c.getByRole('button', { name: button }).click();
      const dl = await d;
      return { name: dl.suggestedFilename(), data: readFileSync(await dl.path()) };
    };
    const ext = await download(/下载《政府信息公开申请延期答复告知书》/);
    expect(ext.name).toContain('.docx');
    const extText = docxText(ext.data);
    expect(extText).toContain(registrationNo);
    expect(extText).toContain('2026年4月28日');
    const replyDoc = await download(/下载《政府信息公开申请答复书》/);
    expect(replyDoc.name).toContain('.docx');
    const replyText = docxText(replyDoc.data);
    expect(replyText).toContain(registrationNo);
    expect(replyText).toContain('云岭县司法局');
    expect(replyText).toContain('予以公开');
    expect(replyText).toContain('部分公开');
    expect(replyText).toContain('不予公开的部分：调解员的身份证号码和银行账号');
    expect(replyText).toContain('第三十七条');
    expect(replyText).toMatch(/行政复议/);
    const file = await download(/下载 2025年法律援助案件统计\.pdf/);
    expect(file.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await citizen.close();
  }, 600_000);
});
