/**
 * The citizen's pages in Chromium, on a desktop and on a 390 px phone: the application form lists
 * every problem at once in an error summary that takes focus (no script: autofocus), keeps the
 * attachment while the form is corrected, and answers with the receipt page (POST-redirect-GET:
 * reloading files nothing) naming the applicant, the agency, the items and the tracking code; the
 * tracking page (registration number typed in capitals) shows the items, the steps in words and the
 * reply date. The case is taken to the reply through the staff JSON API. Clock pinned at Monday
 * 2026-03-02 (offsetClock).
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { type E2eServer, shot, useServerAndBrowser } from './support.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1]);
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

describe("the applicant's pages in Chromium (desktop and 390 px phone)", () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-03-02T01:30:00Z' }, (s) => ({ server, browser } = s));

  /** The staff JSON API as `username` (session cookie + CSRF header). */
  async function staffApi(username: string) {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${server.baseUrl}/api/v1/admin/requests${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken, 'content-type': 'application/json' }),
        },
        ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      });
      const json = (await r.json()) as Record<string, unknown>;
      expect(r.status, JSON.stringify(json)).toBe(200);
      return json;
    };
  }

  /** confirm → assign → 予以公开 → approval chain → reply, as the demo 司法局's staff. */
  async function replyTo(registrationNo: string) {
    const { id } = await server.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    const unit = await server.deps.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '法治宣传股')
      .executeTakeFirstOrThrow();
    const office = await staffApi('sfj-gk');
    await office('POST', `/${id}/confirm`, { confirmedOn: '2026-03-02' });
    await office('POST', `/${id}/assign`, { unitId: unit.id });
    const handler = await staffApi('sfj-ng');
    const c = (await handler('GET', `/${id}`)) as { items: { id: number }[] };
    for (const item of c.items)
      await handler('PUT', `/${id}/items/${item.id}/decision`, {
        code: 'disclosed',
        howToObtain: '见本答复书附件',
      });
    await handler('POST', `/${id}/submit`);
    await (await staffApi('sfj-kz'))('POST', `/${id}/approval`, { approve: true });
    await office('POST', `/${id}/approval`, { approve: true });
    await office('POST', `/${id}/reply`);
  }

  const applications = async () =>
    (await server.deps.db.selectFrom('requestApplications').select('id').execute()).length;

  async function noSideways(page: Page, name: string) {
    const [scroll, width] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(width);
  }

  for (const vp of VIEWPORTS) {
    it(`${vp.name}: error summary with focus → attachment kept → receipt (reload files nothing) → tracking page after the reply`, async () => {
      const context = await browser.newContext({ viewport: vp.viewport, isMobile: vp.isMobile });
      const page = await context.newPage();
      const name = vp.name === 'desktop' ? '林小雨' : '周明远';
      await page.goto(`${server.baseUrl}/a/sfj/apply`);
      // required fields marked, identity fields of a natural person included
      await page.getByText('（自然人必填）').first().waitFor();
      expect(await page.locator('label:has-text("证件号码（自然人）") .req').textContent()).toBe(
        '（自然人必填）',
      );
      await page.getByLabel('姓名 / 名称').fill(name);
      await page
        .locator('#attachment')
        .setInputFiles({ name: '身份证明.png', mimeType: 'image/png', buffer: PNG });
      await page.getByRole('button', { name: '提交申请' }).click();

      const summary = page.locator('#error-summary');
      await summary.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
      const listed = await summary.locator('li').allTextContents();
      for (const s of ['证件类型：', '证件号码：不能为空', '联系电话：不能为空', '至少填写一项申请事项'])
        expect(
          listed.some((l) => l.includes(s)),
          `${s} in ${listed.join(' | ')}`,
        ).toBe(true);
      await page.getByText('已上传的材料（已保留，无需重新选择）').waitFor();
      await page.getByText('身份证明.png').waitFor();
      await noSideways(page, `${vp.name} form`);
      await shot(page, `applicant-${vp.name}-1-error-summary`);

      // the link in the summary leads to the field
      await summary.getByRole('link', { name: /联系电话/ }).click();
      expect(new URL(page.url()).hash).toBe('#phone');
      await page.getByLabel('证件类型（自然人）').selectOption('resident_id');
      await page.getByLabel('证件号码（自然人）').fill('11010519491231002X');
      await page.getByLabel('联系电话').fill('13800138000');
      await page.locator('#item1_description').fill('2025年本局法律援助案件数量统计');
      await page.locator('#item1_docNo').fill('司发〔2025〕3号');
      const before = await applications();
      await page.getByRole('button', { name: '提交申请' }).click();

      await page.getByRole('heading', { name: '申请已提交：登记回执' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/a/sfj/apply/receipt');
      const codes = (await page.locator('dd.receipt-code').allTextContents()).map((s) => s.trim());
      const [registrationNo, trackingCode] = codes as [string, string];
      expect(registrationNo).toMatch(/^sfj-2026-\d{6}$/);
      expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
      const receipt = (await page.locator('dl.facts').textContent()) ?? '';
      for (const s of [name, '县司法局', '2025年本局法律援助案件数量统计', '司发〔2025〕3号'])
        expect(receipt).toContain(s);
      await noSideways(page, `${vp.name} receipt`);
      await shot(page, `applicant-${vp.name}-2-receipt`);
      expect(await applications()).toBe(before + 1);
      // reloading the receipt page shows the same receipt and files nothing
      await page.reload();
      await page.getByRole('heading', { name: '申请已提交：登记回执' }).waitFor();
      expect((await page.locator('dd.receipt-code').allTextContents()).map((s) => s.trim())).toEqual(codes);
      expect(await applications()).toBe(before + 1);
      const files = await server.deps.db
        .selectFrom('requestFiles')
        .innerJoin('requestApplications', 'requestApplications.id', 'requestFiles.applicationId')
        .select('requestFiles.filename')
        .where('requestApplications.registrationNo', '=', registrationNo)
        .execute();
      expect(files.map((f) => f.filename)).toEqual(['身份证明.png']);

      await replyTo(registrationNo);
      await page.goto(`${server.baseUrl}/track`);
      await page.getByLabel('登记号').fill(registrationNo.toUpperCase());
      await page.getByLabel('查询码').fill(trackingCode);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { name: '申请办理进度' }).waitFor();
      const facts = (await page.locator('dl.facts').first().textContent()) ?? '';
      expect(facts).toContain('已答复');
      expect(facts).toContain('答复日期2026年3月2日');
      const items = page.locator('section').filter({ has: page.getByRole('heading', { name: '申请事项' }) });
      expect(await items.textContent()).toContain('2025年本局法律援助案件数量统计');
      const steps = (await page.locator('.gk-history li span').allTextContents()).map((s) => s.trim());
      expect(steps).toEqual([
        '提交申请',
        '确认收到申请（收到申请之日，条例第三十一条）',
        '受理，开始办理',
        '发出答复书',
      ]);
      // the tracking page keeps masking the name
      expect(await page.locator('main').textContent()).not.toContain(name);
      await noSideways(page, `${vp.name} tracking`);
      await shot(page, `applicant-${vp.name}-3-tracking`);
      await context.close();
    });
  }
});
