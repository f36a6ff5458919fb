/**
 * Screens of the remaining 依申请公开 case work, in Chromium against the demo county: the settings
 * page (an unknown placeholder is refused under the paragraph; preview), the same-information list
 * (R.44), the case page warnings (R.36(6) repeat, R.44, R.32 notice owed → issued from the page), and
 * registering an appeal's outcome. Cases are prepared through the real use cases.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../server/src/db/create-db.ts';
import { actorOf } from '../server/src/requests/request.demo.ts';
import * as svc from '../server/src/requests/request.service.ts';
import { chinaDate } from '../server/src/shared/clock.ts';
import { inTransaction } from '../server/src/shared/tx.ts';
import { residentId } from '../server/src/test-support/factories.ts';
import { confirmModal, type E2eServer, fillDate, shot, staffLogin, useServerAndBrowser } from './support.ts';

const PENALTIES = '2025年本局行政复议案件办理情况统计';

describe('依申请公开 case work screens in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const ids: Record<string, { id: number; registrationNo: string }> = {};

  useServerAndBrowser({ now: '2026-03-02T01:30:00Z' }, (s) => ({ server, browser } = s));
  beforeAll(async () => {
    const deps = server.deps;
    const office = await actorOf(deps.db, 'sfj-gk');
    const ctx = { actor: office };
    const today = chinaDate(deps.clock.now());
    const submit = (name: string, idNo: string, description: string) =>
      inTransaction(deps, (tx) =>
        svc.submitOnline(
          deps,
          tx,
          { actor: null },
          {
            agencyCode: 'sfj',
            applicant: {
              kind: 'natural',
              name,
              idType: 'resident_id',
              idNumber: residentId(idNo),
              phone: '13900000000',
            },
            items: [{ description }],
            provisionForm: 'electronic',
            deliveryMethod: 'online',
          },
        ),
      );
    const step = <T>(f: (tx: DbOrTx) => Promise<T>) => inTransaction(deps, f);
    async function toDecided(name: string, idNo: string, description: string) {
      const s = await submit(name, idNo, description);
      const id = s.app.id;
      await step((tx) => svc.confirmReceipt(deps, tx, ctx, id, { confirmedOn: today }));
      const items = await deps.db
        .selectFrom('requestItems')
        .select('id')
        .where('applicationId', '=', id)
        .execute();
      return { id, registrationNo: s.app.registrationNo, itemId: items[0]!.id };
    }
    // answered before, then an appeal pending; the same applicant asks again; two others ask too
    const first = await toDecided('郑远航', '53010219800101123', PENALTIES);
    await step((tx) =>
      svc.decideItem(deps, tx, ctx, first.id, first.itemId, { code: 'disclosed', howToObtain: '见附件' }),
    );
    // separation of duties (docs/access.md): the unit's handler submits, its head and the office approve
    const unitHead = await actorOf(deps.db, 'sfj-kz');
    const handler = await actorOf(deps.db, 'sfj-ng');
    await step((tx) => svc.acceptAndAssign(deps, tx, ctx, first.id, { unitId: unitHead.grants[0]!.unitId }));
    await step((tx) => svc.submitForApproval(deps, tx, { actor: handler }, first.id));
    await step((tx) => svc.approve(deps, tx, { actor: unitHead }, first.id, { approve: true }));
    await step((tx) => svc.approve(deps, tx, ctx, first.id, { approve: true }));
    await step((tx) => svc.sendReply(deps, tx, ctx, first.id));
    await step((tx) =>
      svc.recordAppeal(deps, tx, ctx, first.id, {
        kind: 'reconsideration',
        filedOn: today,
        outcome: 'pending',
      }),
    );
    ids.first = first;
    const again = await submit('郑远航', '53010219800101123', '本局2025年行政复议案件办理情况的统计。');
    ids.again = { id: again.app.id, registrationNo: again.app.registrationNo };
    await submit('王小芳', '53010219900202223', `请公开${PENALTIES}`);
    await submit('李建国', '53010219700303323', PENALTIES);
    // R.32: a third party objected; the office decides to disclose anyway
    const tp = await toDecided('赵清', '53010219850404423', '某律师事务所的年度考核结果');
    await step((tx) =>
      svc.startConsultation(deps, tx, ctx, tp.id, { kind: 'third_party', party: '某律师事务所' }),
    );
    await step((tx) =>
      svc.endConsultation(deps, tx, ctx, tp.id, { opinion: 'object', note: '涉及商业信誉' }),
    );
    await step((tx) =>
      svc.decideItem(deps, tx, ctx, tp.id, tp.itemId, { code: 'disclosed', howToObtain: '见附件' }),
    );
    ids.tp = tp;
  }, 180_000);

  const staffPage = (username: string) => staffLogin(browser, server.baseUrl, username, { timeout: 15_000 });

  it('settings: an unknown placeholder is refused under its paragraph; preview with sample facts', async () => {
    const page = await staffPage('sfj-gk');
    await page.goto(`${server.baseUrl}/admin/requests/settings`);
    await page.getByText('答复发出前的审批环节', { exact: true }).waitFor();
    await page.getByText('第 1 步：科室负责人').waitFor();
    await page.getByRole('button', { name: /登记回执/ }).click();
    const form = page.locator('form[aria-label="登记回执模板"]');
    await form.getByLabel('正文第2段').fill('已登记 {{registrationNo}}，请于{{feeDueOn}}前缴费');
    await page.getByRole('button', { name: '保存模板' }).first().click();
    await form.getByText(/含有未知的占位符 \{\{feeDueOn\}\}/).waitFor();
    await shot(page, 'request-settings-unknown-placeholder');
    await form.getByLabel('正文第2段').fill('云岭县司法局已登记您的申请 {{registrationNo}}。');
    await page.getByRole('button', { name: '用示例数据预览' }).first().click();
    await page
      .getByTestId('template-preview')
      .getByText('云岭县司法局已登记您的申请 SAMPLE-2026-000001。')
      .waitFor();
    await page.getByRole('button', { name: '保存模板' }).first().click();
    await page.getByText('已修改').waitFor();
    await shot(page, 'request-settings');
    await page.close();
  });

  it('R.44 list and the case page: repeat request, same information, R.32 notice issued from the page, appeal outcome', async () => {
    const page = await staffPage('sfj-gk');
    await page.goto(`${server.baseUrl}/admin/requests/same-information`);
    const row = page.locator('tr').filter({ hasText: PENALTIES }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('3');
    await shot(page, 'request-same-information');

    await page.goto(`${server.baseUrl}/admin/requests/${ids.again!.id}`);
    await page.getByText('该申请人曾就相同内容提出申请').waitFor();
    await page.getByText(/已有 3 个申请人申请相同信息，建议转为主动公开（条例第四十四条）/).waitFor();
    await shot(page, 'request-case-repeat-warnings');

    await page.goto(`${server.baseUrl}/admin/requests/${ids.tp!.id}`);
    await page.getByText(/第三方“某律师事务所”不同意公开/).waitFor();
    await page.getByRole('button', { name: '发出第三方告知书' }).click();
    await confirmModal(page, '发出第三方告知书（某律师事务所）', async (m) => {
      await m.getByLabel('决定公开的政府信息内容').fill('年度考核结果等次');
      await m
        .getByLabel(/决定公开的理由/)
        .fill('考核结果关系公众选择法律服务，不公开可能对公共利益造成重大影响');
    });
    await page.getByRole('cell', { name: '政府信息公开告知书（第三方）' }).waitFor();
    expect(await page.getByText(/第三方“某律师事务所”不同意公开/).count()).toBe(0);
    await shot(page, 'request-case-third-party-notice');

    await page.goto(`${server.baseUrl}/admin/requests/${ids.first!.id}`);
    await page.getByText('行政复议和行政诉讼（年报表四）').waitFor();
    await page.getByRole('button', { name: '登记结果' }).click();
    await confirmModal(page, '登记结果：行政复议', async (m) => {
      await m.getByText('结果纠正（申请将重新办理）').click();
      await fillDate(m.getByLabel('决定或判决日期'), chinaDate(server.deps.clock.now()));
      await m.getByLabel(/备注/).fill('复议机关责令重新答复');
    });
    await page.getByText('结果纠正', { exact: true }).waitFor();
    await page.getByText('办理中').first().waitFor();
    await shot(page, 'request-case-appeal-outcome');
    await page.close();
  });
});
