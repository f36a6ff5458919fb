/**
 * The public portal pages of 依申请公开 without JavaScript: the form (R.29 fields, Chinese field
 * errors, values kept), the double-submit CSRF token, uploads checked by magic bytes, the receipt
 * (登记回执) and the tracking page (same answer for a wrong code and an unknown number).
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { FORM_COOKIE } from '../portal-frame/form-csrf.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const NAME = '李秀英';
const ID = '11010519491231002X';

describe.each(dialects())('依申请公开 portal pages (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let code: string;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2025-09-26T02:00:00.000Z' });
    app = await buildApp(t.deps);
    code = (await makeCounty(t.deps)).deptA.code;
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  async function formToken(
    url = `/a/${code}/apply`,
  ): Promise<{ cookie: string; token: string; html: string }> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
    return { cookie, token, html: res.body };
  }

  function good(token: string): Record<string, string> {
    return {
      _csrf: token,
      kind: 'natural',
      name: NAME,
      idType: 'resident_id',
      idNumber: ID,
      phone: '0871-6312345',
      item1_description: '2024年度行政复议案件办理情况统计',
      item2_description: '本局2025年部门预算',
      item2_docNo: '司发〔2025〕3号',
      provisionForm: 'electronic',
      deliveryMethod: 'online',
    };
  }

  const post = (url: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  /** The 303 of a successful POST, followed to the receipt page with the receipt cookie it set. */
  async function followReceipt(posted: Awaited<ReturnType<typeof post>>, cookie: string) {
    expect(posted.statusCode, posted.body).toBe(303);
    const receiptCookie = String(posted.headers['set-cookie'])
      .split(/,(?=\s*\w+=)/)
      .map((c) => c.trim().split(';')[0]!)
      .find((c) => c.startsWith('gk_receipt='))!;
    return app.inject({
      method: 'GET',
      url: String(posted.headers.location),
      headers: { cookie: `${cookie}; ${receiptCookie}` },
    });
  }

  it('the form explains the procedure (R.30, R.31, R.33) and carries a CSRF token; the static route wins over the column route', async () => {
    const { html, cookie } = await formToken();
    expect(cookie.startsWith(`${FORM_COOKIE}=`)).toBe(true);
    for (const s of [
      '政府信息公开申请',
      '条例第三十一条',
      '20 个工作日',
      '登记号',
      '查询码',
      '申请人类型',
      '证件号码',
      '统一社会信用代码',
      '所需信息的内容描述',
      '信息的提供形式',
      '获取信息的方式',
      '用途（选填）',
    ])
      expect(html).toContain(s);
    expect(html).not.toContain('<script');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('without the token the form is refused, and everything typed is kept', async () => {
    const { cookie } = await formToken();
    const res = await post(`/a/${code}/apply`, cookie, {
      ...good('forged-token-forged-token-forged-1234'),
      item1_description: '<b>我要的信息</b>',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('页面已过期');
    expect(res.body).toContain(`value="${NAME}"`);
    expect(res.body).toContain('&lt;b&gt;我要的信息&lt;/b&gt;');
    expect((await t.deps.db.selectFrom('requestApplications').select('id').execute()).length).toBe(0);
  });

  it('bad input re-renders the form with each field named in Chinese and the values kept', async () => {
    const { cookie, token } = await formToken();
    const res = await post(`/a/${code}/apply`, cookie, {
      ...good(token),
      idNumber: '110105194912310021',
      phone: '',
      item1_description: '',
      item2_description: '',
      item2_docNo: '',
      deliveryMethod: 'post',
    });
    expect(res.statusCode).toBe(400);
    for (const s of [
      '联系电话：不能为空',
      '所需信息的内容描述：至少填写一项申请事项',
      '通信地址：选择邮寄时必须填写',
    ])
      expect(res.body).toContain(s);
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain(`value="${NAME}"`);
    // the service's own check (GB 11643) comes back on the form too
    const res2 = await post(`/a/${code}/apply`, cookie, { ...good(token), idNumber: '110105194912310021' });
    expect(res2.statusCode).toBe(400);
    expect(res2.body).toContain('证件号码：居民身份证号码校验不通过');
    expect(res2.body).toContain('value="110105194912310021"');
  });

  it('submission gives the receipt with registration number and tracking code; the tracking page shows the status; a wrong code and an unknown number say the same', async () => {
    const { cookie, token, html } = await formToken();
    const submission = /name="_submission" value="([^"]+)"/.exec(html)![1]!;
    const posted = await post(`/a/${code}/apply`, cookie, { ...good(token), _submission: submission });
    expect(posted.statusCode).toBe(303);
    const res = await followReceipt(posted, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('登记回执');
    const regNo = new RegExp(`(${code}-2025-\\d{6})`).exec(res.body)![1]!;
    const tracking = /<dd class="receipt-code">([A-Z2-9]{10})<\/dd>/.exec(res.body)![1]!;
    // the receipt is the applicant's own: it names the applicant (the tracking page does not)
    expect(res.body).toContain(NAME);
    expect(res.body).not.toContain(ID);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = await t.deps.db
      .selectFrom('requestItems')
      .select(['description', 'docNo'])
      .orderBy('seq')
      .execute();
    expect(items).toEqual([
      { description: '2024年度行政复议案件办理情况统计', docNo: null },
      { description: '本局2025年部门预算', docNo: '司发〔2025〕3号' },
    ]);

    const receipt = await post('/track/receipt', cookie, {
      _csrf: token,
      registrationNo: regNo,
      trackingCode: tracking,
    });
    expect(receipt.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(receipt.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(regNo);
    expect(xml).toContain('登记回执');
    expect(xml).toContain(NAME);

    const found = await post('/track', cookie, {
      _csrf: token,
      registrationNo: regNo,
      trackingCode: tracking.toLowerCase(),
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('待确认收到');
    expect(found.body).toContain('待工作机构确认');
    expect(found.body).not.toContain(NAME);
    expect(found.body).not.toContain(ID);
    const wrong = await post('/track', cookie, {
      _csrf: token,
      registrationNo: regNo,
      trackingCode: 'ABCDEFGHJK',
    });
    const unknown = await post('/track', cookie, {
      _csrf: token,
      registrationNo: `${code}-2025-999999`,
      trackingCode: tracking,
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const msg = (b: string) => /<div class="errsummary" role="alert"><p>([^<]+)<\/p>/.exec(b)![1];
    expect(msg(wrong.body)).toBe(msg(unknown.body));
    expect(wrong.body).not.toContain('待确认收到');
  });

  it('attachments are checked by their bytes, not their name: a real PNG is kept, a text file named .pdf is refused', async () => {
    const { cookie, token } = await formToken();
    const boundary = '----gk-test-boundary';
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const multipart = (files: { name: string; type: string; data: Buffer }[]) => {
      const chunks: Buffer[] = [];
      for (const [k, v] of Object.entries(good(token)))
        chunks.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        );
      for (const f of files)
        chunks.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
          ),
          f.data,
          Buffer.from('\r\n'),
        );
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      return Buffer.concat(chunks);
    };
    const send = (files: { name: string; type: string; data: Buffer }[]) =>
      app.inject({
        method: 'POST',
        url: `/a/${code}/apply`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: multipart(files),
      });
    const bad = await send([
      { name: 'id.pdf', type: 'application/pdf', data: Buffer.from('just text, not a pdf') },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('不是 PDF、JPG 或 PNG 文件');
    expect(bad.body).toContain(`value="${NAME}"`);
    const ok = await send([{ name: '身份证.png', type: 'application/octet-stream', data: png }]);
    expect(ok.statusCode).toBe(303);
    const files = await t.deps.db
      .selectFrom('requestFiles')
      .select(['kind', 'mime', 'size', 'filename'])
      .execute();
    expect(files).toEqual([
      { kind: 'identity_proof', mime: 'image/png', size: png.length, filename: '身份证.png' },
    ]);
  });
});
