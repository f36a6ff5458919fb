/**
 * Supervision is not administration (docs/access.md), in Chromium against the demo county: the
 * county 政务公开办 (gkb, supervising the departments) opens a 县司法局 application case and reads it
 * with the applicant masked — name, ID number, phone, address and the uploaded file's name — and
 * finds no button that acts in it; the identity proof does not download for it; the department's
 * 内部公开 item is not readable for it. State is prepared through the HTTP API; the clock is pinned.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/demo.data.ts';
import { residentId } from '../server/src/test-support/factories.ts';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

const NAME = '欧阳明轩';
const ID = residentId('53010219850612341');
const PHONE = '13987654321';
const ADDRESS = '云岭县振兴大道88号';
const PROOF = '欧阳明轩身份证正面.png';
const INTERNAL_TITLE = '关于局领导公务用车使用情况的内部通报';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]).toString('base64');

/** every label of an acting button on the case page (caseActions.ts and the page's own buttons) */
const ACTING = [
  '确认收到申请',
  '受理并分办',
  '改派',
  '告知补正',
  '收到补正',
  '征求第三方意见',
  '征求其他机关意见',
  '发出收费通知',
  '中止办理',
  '提交审批',
  '审批答复',
  '发出答复书',
  '办结归档',
  '申请延期',
  '审批延期',
  '延后答复',
  '登记复议/诉讼',
  '发出第三方告知书',
  '保存处理决定',
];

describe('supervision is not administration, in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const ids = { caseId: 0, fileId: 0, internalId: 0 };

  useServerAndBrowser({ now: '2026-03-02T01:30:00Z' }, (s) => ({ server, browser } = s));

  /** a logged-in API client for a demo account */
  async function apiAs(username: string) {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      expect(res.status, `${method} ${url}: ${JSON.stringify(json)}`).toBeLessThan(300);
      return json;
    };
  }

  beforeAll(async () => {
    const applied = await fetch(`${server.baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyCode: 'sfj',
        applicant: {
          kind: 'natural',
          name: NAME,
          idType: 'resident_id',
          idNumber: ID,
          phone: PHONE,
          address: ADDRESS,
        },
        items: [{ description: '2025年本局法律援助案件办理情况统计' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      }),
    });
    expect(applied.status).toBe(201);
    const { registrationNo } = (await applied.json()) as { registrationNo: string };
    const office = await apiAs('sfj-gk');
    const queue = (await office(
      'GET',
      `/api/v1/admin/requests?queue=all&q=${encodeURIComponent(registrationNo)}`,
    )) as {
      items: { id: number; registrationNo: string }[];
    };
    ids.caseId = queue.items.find((r) => r.registrationNo === registrationNo)!.id;
    await office('POST', `/api/v1/admin/requests/${ids.caseId}/confirm`, { confirmedOn: '2026-03-02' });
    const file = await office('POST', `/api/v1/admin/requests/${ids.caseId}/files`, {
      kind: 'identity_proof',
      filename: PROOF,
      contentBase64: PNG,
    });
    ids.fileId = file.id as number;
    const drafter = await apiAs('sfj-ng');
    const agencies = (await drafter('GET', '/api/v1/admin/agencies')) as {
      items: { id: number; code: string }[];
    };
    const item = await drafter('POST', '/api/v1/admin/publication/items', {
      agencyId: agencies.items.find((a) => a.code === 'sfj')!.id,
      title: INTERNAL_TITLE,
      generatedOn: '2026-02-27',
      scope: 'internal',
      attribute: 'proactive',
      bodyHtml: '<p>本季度公务用车使用情况通报如下。</p>',
    });
    ids.internalId = item.id as number;
  }, 120_000);

  it('the county 政务公开办 reads a department case masked and finds no button that acts in it', async () => {
    const own = await staffLogin(browser, server.baseUrl, 'sfj-gk', { timeout: 15_000 });
    await own.goto(`${server.baseUrl}/admin/requests/${ids.caseId}`);
    await own.getByText(NAME, { exact: true }).waitFor();
    await own.getByRole('button', { name: '受理并分办' }).waitFor();
    await own.close();

    const page = await staffLogin(browser, server.baseUrl, 'gkb', { timeout: 15_000 });
    await page.goto(`${server.baseUrl}/admin/requests/${ids.caseId}`);
    await page.getByText('您不是本案承办人员，申请人信息已遮蔽。').waitFor();
    await page.getByTestId('read-only-case').waitFor();
    await page.getByText('身份证明（文件名已隐去）').waitFor();
    const text = (await page.locator('main, #root').first().textContent()) ?? '';
    for (const secret of [NAME, ID, PHONE, ADDRESS, PROOF, '振兴大道']) expect(text).not.toContain(secret);
    const handling = page.locator('.ant-card').filter({
      has: page.locator('.ant-card-head-title', { hasText: /^办理$/ }),
    });
    expect(await handling.getByRole('button').count()).toBe(0);
    const buttons = await page.getByRole('button').allTextContents();
    for (const label of ACTING) expect(buttons.some((b) => b.replace(/\s/g, '').includes(label))).toBe(false);
    expect(await page.getByTestId('file-upload').count()).toBe(0);
    // the masked file is listed without a download link, and the URL itself is refused
    expect(await page.getByRole('link', { name: '身份证明（文件名已隐去）' }).count()).toBe(0);
    const download = await page.request.get(
      `${server.baseUrl}/api/v1/admin/requests/${ids.caseId}/files/${ids.fileId}`,
    );
    expect(download.status()).toBe(403);
    await shot(page, 'trust-supervisor-case-masked');
    await page.close();
  });

  it('a department’s 内部公开 item is not readable by the supervising 政务公开办', async () => {
    const page = await staffLogin(browser, server.baseUrl, 'gkb', { timeout: 15_000 });
    const res = await page.request.get(`${server.baseUrl}/api/v1/admin/publication/items/${ids.internalId}`);
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain(INTERNAL_TITLE);
    await page.goto(`${server.baseUrl}/admin/publication/items/${ids.internalId}`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(INTERNAL_TITLE).count()).toBe(0);
    await page.close();
  });
});
