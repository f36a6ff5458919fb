/**
 * Journey of issue #4: a drafter creates a notice with an attachment containing a resident ID number
 * → the scan blocks it → the drafter redacts → leader review, confidentiality review and approval →
 * a citizen finds it by searching a two-character word and opens the attachment (without JavaScript).
 */
import { Document, Packer, Paragraph } from 'docx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type E2eServer, shot, staffLogin, useServerAndBrowser } from './support.ts';

const ID = '11010519491231002X';
const TITLE = '关于开展普惠法律服务进社区活动的通知';

async function docx(file: string, lines: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-e2e-docx-')), file);
  fs.writeFileSync(p, await Packer.toBuffer(doc));
  return p;
}

describe('publication journey in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-16T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const login = (username: string) => staffLogin(browser, server.baseUrl, username, { timeout: 30_000 });

  it('drafter → scan blocks → redaction → review → approval → citizen search and download', async () => {
    const withId = await docx('活动报名表.docx', [
      '普惠法律服务进社区活动报名表',
      `联系人：张三，身份证号：${ID}`,
    ]);
    const redacted = await docx('活动报名表（公开版）.docx', [
      '普惠法律服务进社区活动报名表',
      '联系人：张三，身份证号：（已删除）',
    ]);

    // 1. the drafter writes the notice and attaches the form
    const drafter = await login('sfj-ng');
    await drafter.goto(`${server.baseUrl}/admin/proactive/new`);
    await drafter.getByRole('heading', { name: '新建公开信息' }).waitFor();
    await drafter.getByLabel('标题').fill(TITLE);
    await drafter
      .getByLabel('正文')
      .fill('各司法所：\n为推进普惠法律服务，决定于下月开展进社区活动，请按附件报名。');
    await drafter.getByRole('button', { name: /保存草稿/ }).click();
    await drafter.waitForURL(/\/admin\/proactive\/\d+$/);
    const itemUrl = drafter.url();
    await drafter.getByLabel('上传附件').setInputFiles(withId);
    await drafter.getByText('活动报名表.docx').first().waitFor();
    await drafter.getByText('居民身份证号码').first().waitFor();
    await shot(drafter, 'publication-scan-warning');

    // 2. submitting is blocked by the scan
    await drafter.getByRole('button', { name: /提交保密审查/ }).click();
    await drafter
      .getByText(/敏感信息检查发现/)
      .first()
      .waitFor();
    await shot(drafter, 'publication-scan-blocked');
    expect(await drafter.getByText('草稿').count()).toBeGreaterThan(0);

    // 3. the drafter redacts: removes the file and uploads the redacted version
    await drafter
      .getByRole('button', { name: /删\s*除/ })
      .first()
      .click();
    await expect
      .poll(() => drafter.getByText('活动报名表.docx', { exact: true }).count(), { timeout: 10_000 })
      .toBe(0);
    await drafter.getByLabel('上传附件').setInputFiles(redacted);
    await drafter.getByText('活动报名表（公开版）.docx').first().waitFor();
    await drafter.getByText(/未发现身份证号/).waitFor();
    await drafter
      .getByLabel('拟稿人意见（是否涉密、公开属性的理由）')
      .fill('不涉及国家秘密，报名表已删除个人身份信息，建议主动公开');
    await drafter.getByRole('button', { name: /提交保密审查/ }).click();
    await drafter.getByText('保密审查：分管领导审核').first().waitFor();
    await drafter.close();

    // 4. the leader in charge reviews
    const leader = await login('sfj-fg');
    await leader.goto(itemUrl);
    await leader.getByRole('heading', { name: TITLE }).waitFor();
    await leader.getByRole('button', { name: /审核同意/ }).click();
    await leader.getByText('保密审查：保密审查办公室审查').first().waitFor();
    await leader.close();

    // 5. the confidentiality review office concludes 公开 with basis and reasons
    const reviewer = await login('sfj-bm');
    await reviewer.goto(itemUrl);
    await reviewer.getByLabel('审查依据').fill('《中华人民共和国保守国家秘密法》');
    await reviewer.getByLabel('理由').fill('不涉及国家秘密和个人隐私');
    await reviewer.getByRole('button', { name: /作出审查结论/ }).click();
    await reviewer.getByText('审议审批中').first().waitFor();
    await shot(reviewer, 'publication-review-record');
    await reviewer.close();

    // 6. approval publishes it
    const approver = await login('sfj-fg');
    await approver.goto(itemUrl);
    await approver.getByRole('button', { name: /审批同意/ }).click();
    await approver.getByText('已发布').first().waitFor();
    await approver
      .getByText(/索引号 /)
      .first()
      .waitFor();
    await shot(approver, 'publication-published');
    await approver.close();

    // 7. a citizen (no JavaScript) searches a two-character word, opens the document and the attachment
    const context = await browser.newContext({
      javaScriptEnabled: false,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const citizen = await context.newPage();
    await citizen.goto(`${server.baseUrl}/search`);
    await citizen.getByLabel('关键词').fill('普惠');
    await citizen.getByRole('button', { name: '搜索' }).click();
    await citizen.getByText('共找到').waitFor();
    expect(await citizen.locator('mark', { hasText: '普惠' }).count()).toBeGreaterThan(0);
    await shot(citizen, 'publication-search');
    await citizen.getByRole('link', { name: TITLE }).click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    expect(await citizen.locator('meta[name="ArticleTitle"]').getAttribute('content')).toBe(TITLE);
    expect(await citizen.getByRole('row', { name: /索引号/ }).textContent()).toMatch(/\/2026-\d{5}/);
    await shot(citizen, 'publication-document');
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.getByRole('link', { name: '活动报名表（公开版）.docx' }).click(),
    ]);
    const saved = await download.path();
    const bytes = fs.readFileSync(saved!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.toString('latin1')).not.toContain(ID);
    // the original with the ID number was deleted before review: nothing of it is reachable
    const api = await (
      await fetch(`${server.baseUrl}/api/v1/publication/search?q=${encodeURIComponent(ID)}`)
    ).json();
    expect(api.total).toBe(0);
    await context.close();
  });
});
