/**
 * The applicant's side of 依申请公开 on both databases: the provided file stays hidden until the
 * reply is sent (R.36: the reply is the decision), one submission per Idempotency-Key and per portal
 * form (POST-redirect-GET), the letters the applicant downloads are the letters served (full name and
 * address), the 登记回执 DOCX states what was asked and by whom, registration numbers are looked up
 * case-insensitively, file names are masked in masked views, and the form lists every problem at once
 * and keeps the attachments while it is corrected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';

const NAME = '李秀英';
const ID = residentId('11010519491231002');
const ADDRESS = '昆明市五华区人民中路18号';
const POSTAL = '650021';
const ITEM1 = '2024年度行政复议案件办理情况统计';
const ITEM2 = '本局2025年部门预算';
const DOC_NO = '司发〔2025〕3号';
/** Friday 2025-09-26, 10:00 Beijing time. */
const AT = (date: string) => `${date}T02:00:00.000Z`;
const docxText = (buf: Buffer) => unzipEntry(buf, 'word/document.xml').replace(/<[^>]+>/g, '');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function body(overrides: Record<string, unknown> = {}) {
  return {
    agencyCode: '',
    applicant: {
      kind: 'natural',
      name: NAME,
      idType: 'resident_id',
      idNumber: ID,
      phone: '13912345678',
      address: ADDRESS,
      postalCode: POSTAL,
    },
    items: [{ description: ITEM1 }, { description: ITEM2, docNo: DOC_NO }],
    provisionForm: 'electronic',
    deliveryMethod: 'post',
    ...overrides,
  };
}

describe.each(dialects())("the applicant's side (%s)", (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-26') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    const staff = [
      ['officeA', county.deptA.id, 'disclosure_office', null],
      ['unitheadA', county.deptA.id, 'unit_head', county.unitA.id],
      ['drafterA', county.deptA.id, 'drafter', county.unitA.id],
      ['supervisor', county.gov.id, 'supervisor', null],
    ] as const;
    for (const [username, agencyId, role, unitId] of staff)
      await makeStaff(t.deps, [{ agencyId, role, unitId }], { username });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const login = async (u: string) => as(app, await loginAs(app, u));
  const applications = async () =>
    (await t.deps.db.selectFrom('requestApplications').select(['id', 'registrationNo']).execute()).length;

  async function applyApi(headers: Record<string, string> = {}, overrides: Record<string, unknown> = {}) {
    return app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers,
      payload: body({ agencyCode: county.deptA.code, ...overrides }),
    });
  }
  async function apply() {
    const res = await applyApi();
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as { registrationNo: string; trackingCode: string };
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', r.registrationNo)
      .executeTakeFirstOrThrow();
    return { ...r, id: row.id };
  }
  const track = (registrationNo: string, trackingCode: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/applications/track?registrationNo=${encodeURIComponent(registrationNo)}&trackingCode=${trackingCode}`,
    });

  /** A portal session: the form's CSRF cookie and token and its submission key. */
  async function portalForm() {
    const res = await app.inject({ method: 'GET', url: `/a/${county.deptA.code}/apply` });
    expect(res.statusCode).toBe(200);
    return {
      cookie: String(res.headers['set-cookie']).split(';')[0]!,
      token: /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!,
      submission: /name="_submission" value="([^"]+)"/.exec(res.body)![1]!,
      html: res.body,
    };
  }
  const formPost = (url: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const boundary = '----gk-applicant-boundary';
  const multipartPost = (
    url: string,
    cookie: string,
    fields: Record<string, string>,
    files: { name: string; data: Buffer }[],
  ) => {
    const chunks: Buffer[] = [];
    for (const [k, v] of Object.entries(fields))
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
    for (const f of files)
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(chunks),
    });
  };
  function formFields(token: string, submission: string): Record<string, string> {
    return {
      _csrf: token,
      _submission: submission,
      kind: 'natural',
      name: NAME,
      idType: 'resident_id',
      idNumber: ID,
      phone: '13912345678',
      address: ADDRESS,
      postalCode: POSTAL,
      item1_description: ITEM1,
      item2_description: ITEM2,
      item2_docNo: DOC_NO,
      provisionForm: 'electronic',
      deliveryMethod: 'post',
    };
  }
  const receiptCookieOf = (res: { headers: Record<string, unknown> }) => {
    const raw = res.headers['set-cookie'];
    const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    return list.map((c) => c.split(';')[0]!).find((c) => c.startsWith('gk_receipt='))!;
  };

  /** confirm → assign → decide (予以公开, 部分公开) → provided file → approvals; returns the sessions. */
  async function throughApproval(id: number) {
    const office = await login('officeA');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })).statusCode,
    ).toBe(200);
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/assign`, { unitId: county.unitA.id })).statusCode,
    ).toBe(200);
    const drafter = await login('drafterA');
    const c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    const [i1, i2] = c.items as { id: number }[];
    expect(
      (
        await drafter.put(`/api/v1/admin/requests/${id}/items/${i1!.id}/decision`, {
          code: 'disclosed',
          howToObtain: '见所附文件',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await drafter.put(`/api/v1/admin/requests/${id}/items/${i2!.id}/decision`, {
          code: 'partially_disclosed',
          withheld: '个人身份信息',
          reasons: '涉及个人隐私',
          howToObtain: '可以公开的部分随本答复书一并提供',
        })
      ).statusCode,
    ).toBe(200);
    const up = await drafter.post(`/api/v1/admin/requests/${id}/files`, {
      kind: 'provided',
      filename: '2024年行政复议统计.pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(200);
    expect((await drafter.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    expect(
      (await (await login('unitheadA')).post(`/api/v1/admin/requests/${id}/approval`, { approve: true }))
        .statusCode,
    ).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/approval`, { approve: true })).statusCode).toBe(
      200,
    );
    return { office, drafter, fileId: (up.json() as { id: number }).id };
  }

  it('R.36: the provided file is hidden on the tracking page, the JSON API and the download until the reply is sent, then visible', async () => {
    const r = await apply();
    const { fileId } = await throughApproval(r.id);
    const portal = await portalForm();
    const trackPage = () =>
      formPost('/track', portal.cookie, {
        _csrf: portal.token,
        registrationNo: r.registrationNo,
        trackingCode: r.trackingCode,
      });
    const apiFile = () =>
      app.inject({
        method: 'GET',
        url: `/api/v1/applications/track/files/${fileId}?registrationNo=${r.registrationNo}&trackingCode=${r.trackingCode}`,
      });
    const pageFile = () =>
      formPost('/track/file', portal.cookie, {
        _csrf: portal.token,
        registrationNo: r.registrationNo,
        trackingCode: r.trackingCode,
        fileId: String(fileId),
      });

    // approved, not yet sent
    expect((await track(r.registrationNo, r.trackingCode)).json().files).toEqual([]);
    const before = await trackPage();
    expect(before.body).not.toContain('2024年行政复议统计.pdf');
    expect(before.body).toContain('暂无文件');
    expect((await apiFile()).statusCode).toBe(404);
    expect((await pageFile()).statusCode).toBe(404);

    t.clock.set(AT('2025-10-09'));
    // sessions expire (config.sessionTtlHours): log in again after moving the clock
    const sent = await (await login('officeA')).post(`/api/v1/admin/requests/${r.id}/reply`);
    expect(sent.statusCode, sent.body).toBe(200);
    const tr = (await track(r.registrationNo, r.trackingCode)).json();
    expect(tr.files).toEqual([{ id: fileId, filename: '2024年行政复议统计.pdf', size: PDF.length }]);
    expect((await trackPage()).body).toContain('2024年行政复议统计.pdf');
    const got = await apiFile();
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await pageFile()).rawPayload.equals(PDF)).toBe(true);
  });

  it('Idempotency-Key: the same key and body returns the first registration; a different body with the same key is refused 422 in Chinese; a malformed key 400', async () => {
    const key = 'c7a4d0a2-5b1e-4c39-9f0e-6a2b8f1d3e47';
    const first = await applyApi({ 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const again = await applyApi({ 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await applications()).toBe(1);
    // the tracking code given back still opens the tracking page
    expect((await track(first.json().registrationNo, again.json().trackingCode)).statusCode).toBe(200);

    const changed = await applyApi({ 'idempotency-key': key }, { purpose: '科研' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ code: 'REQUEST_IDEMPOTENCY_KEY_REUSED' });
    expect(changed.json().message).toContain('Idempotency-Key 已用于一份内容不同的申请');
    expect(await applications()).toBe(1);

    const bad = await applyApi({ 'idempotency-key': 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('幂等键');
    // without a key every request files an application (the contract before keys)
    expect((await applyApi()).statusCode).toBe(201);
    const other = await applyApi({ 'idempotency-key': `${key}-2` });
    expect(other.json().registrationNo).not.toBe(first.json().registrationNo);
    expect(await applications()).toBe(3);

    // after 24 hours a key is forgotten and files a new application
    t.clock.set('2025-09-27T02:00:01.000Z');
    const later = await applyApi({ 'idempotency-key': key });
    expect(later.statusCode).toBe(201);
    expect(later.json().registrationNo).not.toBe(first.json().registrationNo);
  });

  it('POST-redirect-GET: the form answers 303 → the receipt page (GET); reloading it, or sending the same form again, files no second application; a changed form says it was sent', async () => {
    const f = await portalForm();
    const posted = await formPost(
      `/a/${county.deptA.code}/apply`,
      f.cookie,
      formFields(f.token, f.submission),
    );
    expect(posted.statusCode, posted.body).toBe(303);
    expect(posted.headers.location).toBe(`/a/${county.deptA.code}/apply/receipt`);
    const cookie = `${f.cookie}; ${receiptCookieOf(posted)}`;
    const get = () =>
      app.inject({ method: 'GET', url: `/a/${county.deptA.code}/apply/receipt`, headers: { cookie } });
    const page = await get();
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const regNo = /<dd class="receipt-code">([a-z0-9-]+-2025-\d{6})<\/dd>/.exec(page.body)![1]!;
    const code = /<dd class="receipt-code">([A-Z2-9]{10})<\/dd>/.exec(page.body)![1]!;
    // the receipt: applicant, agency, requested items and the tracking code
    for (const s of [NAME, county.deptA.name, ITEM1, ITEM2, DOC_NO, code, '2025年9月26日'])
      expect(page.body).toContain(s);
    expect(page.body).not.toContain(ID);

    const reload = await get();
    expect(reload.body).toContain(regNo);
    expect(reload.body).toContain(code);
    const resent = await formPost(
      `/a/${county.deptA.code}/apply`,
      f.cookie,
      formFields(f.token, f.submission),
    );
    expect(resent.statusCode).toBe(303);
    const resentPage = await app.inject({
      method: 'GET',
      url: `/a/${county.deptA.code}/apply/receipt`,
      headers: { cookie: `${f.cookie}; ${receiptCookieOf(resent)}` },
    });
    expect(resentPage.body).toContain(regNo);
    expect(await applications()).toBe(1);
    expect((await track(regNo, code)).statusCode).toBe(200);

    // back button, edited, sent again with the same key: not filed, told why, with a new key
    const edited = await formPost(`/a/${county.deptA.code}/apply`, f.cookie, {
      ...formFields(f.token, f.submission),
      item1_description: '另一项信息',
    });
    expect(edited.statusCode).toBe(409);
    expect(edited.body).toContain('这份申请表已经提交过一次');
    const newKey = /name="_submission" value="([^"]+)"/.exec(edited.body)![1]!;
    expect(newKey).not.toBe(f.submission);
    expect(await applications()).toBe(1);
    const second = await formPost(`/a/${county.deptA.code}/apply`, f.cookie, {
      ...formFields(f.token, newKey),
      item1_description: '另一项信息',
    });
    expect(second.statusCode).toBe(303);
    expect(await applications()).toBe(2);

    // no receipt cookie (another browser, or later): no receipt, no tracking code, a way on
    const gone = await app.inject({ method: 'GET', url: `/a/${county.deptA.code}/apply/receipt` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('查询办理进度');
    expect(gone.body).not.toContain(code);
  });

  it('letters the applicant downloads are the letters served (full name and address); the tracking page masks; the receipt DOCX states who asked what, the agency and the tracking code', async () => {
    const r = await apply();
    const portal = await portalForm();
    const receipt = await formPost('/track/receipt', portal.cookie, {
      _csrf: portal.token,
      registrationNo: r.registrationNo,
      trackingCode: r.trackingCode,
    });
    expect(receipt.statusCode).toBe(200);
    let text = docxText(receipt.rawPayload);
    for (const s of [
      '政府信息公开申请登记回执',
      county.deptA.name,
      r.registrationNo,
      `申请人：${NAME}`,
      `通信地址：${ADDRESS}（邮政编码 ${POSTAL}）`,
      `申请事项一：${ITEM1}`,
      `申请事项二：${ITEM2}`,
      `文号或索引号：${DOC_NO}`,
      `查询码：${r.trackingCode}`,
      '待工作机构确认',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(ID);

    await throughApproval(r.id);
    t.clock.set(AT('2025-10-09'));
    expect((await (await login('officeA')).post(`/api/v1/admin/requests/${r.id}/reply`)).statusCode).toBe(
      200,
    );
    const tr = (await track(r.registrationNo, r.trackingCode)).json();
    const reply = (tr.letters as { id: number; kind: string; text: string[] }[]).find(
      (l) => l.kind === 'reply',
    )!;
    // the tracking page itself keeps masking
    expect(reply.text.join('\n')).toContain('李**');
    expect(JSON.stringify(tr)).not.toContain(NAME);
    expect(JSON.stringify(tr)).not.toContain('人民中路');
    const page = await formPost('/track', portal.cookie, {
      _csrf: portal.token,
      registrationNo: r.registrationNo,
      trackingCode: r.trackingCode,
    });
    expect(page.body).not.toContain(NAME);
    expect(page.body).not.toContain('人民中路');

    const staffCopy = docxText(
      (await (await login('officeA')).get(`/api/v1/admin/requests/${r.id}/letters/${reply.id}`)).rawPayload,
    );
    const apiCopy = docxText(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/applications/track/letters/${reply.id}?registrationNo=${r.registrationNo}&trackingCode=${r.trackingCode}`,
        })
      ).rawPayload,
    );
    const pageCopy = docxText(
      (
        await formPost('/track/letter', portal.cookie, {
          _csrf: portal.token,
          registrationNo: r.registrationNo,
          trackingCode: r.trackingCode,
          letterId: String(reply.id),
        })
      ).rawPayload,
    );
    for (const copy of [staffCopy, apiCopy, pageCopy]) {
      expect(copy).toContain(`${NAME}：`);
      expect(copy).toContain(`通信地址：${ADDRESS}（邮政编码 ${POSTAL}）`);
      expect(copy).toContain('处理结果：部分公开');
    }
    expect(apiCopy).toBe(staffCopy);
    expect(pageCopy).toBe(staffCopy);

    // after confirmation the receipt sent then is the one downloaded, with the date of receipt
    text = docxText(
      (
        await formPost('/track/receipt', portal.cookie, {
          _csrf: portal.token,
          registrationNo: r.registrationNo,
          trackingCode: r.trackingCode,
        })
      ).rawPayload,
    );
    expect(text).toContain('收到申请日期：2025年9月26日');
    expect(text).toContain(`申请人：${NAME}`);
    expect(text).toContain(`申请事项一：${ITEM1}`);
    expect(text).toContain(`查询码：${r.trackingCode}`);
  });

  it('registration numbers are looked up case-insensitively (and with full-width characters) on the API and the tracking page; the tracking page lists the items, the steps in words and the reply date', async () => {
    const r = await apply();
    const upper = r.registrationNo.toUpperCase();
    expect(upper).not.toBe(r.registrationNo);
    expect((await track(upper, r.trackingCode)).statusCode).toBe(200);
    const fullWidth = upper.replace(/[A-Z0-9-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    expect((await track(` ${fullWidth} `, r.trackingCode.toLowerCase())).statusCode).toBe(200);
    const portal = await portalForm();
    const page = await formPost('/track', portal.cookie, {
      _csrf: portal.token,
      registrationNo: upper,
      trackingCode: r.trackingCode,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ITEM1);
    expect(page.body).toContain(DOC_NO);
    expect(page.body).toContain('提交申请');
    expect(page.body).not.toContain('答复日期');
    expect(
      (await track(r.registrationNo.replace(/\d{6}$/, '999999').toUpperCase(), r.trackingCode)).statusCode,
    ).toBe(404);

    await throughApproval(r.id);
    t.clock.set(AT('2025-10-09'));
    expect((await (await login('officeA')).post(`/api/v1/admin/requests/${r.id}/reply`)).statusCode).toBe(
      200,
    );
    const after = await formPost('/track', portal.cookie, {
      _csrf: portal.token,
      registrationNo: upper,
      trackingCode: r.trackingCode,
    });
    const history = /<ol class="gk-history">([\s\S]*?)<\/ol>/.exec(after.body)![1]!;
    const steps = [...history.matchAll(/<span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(steps).toEqual([
      '提交申请',
      '确认收到申请（收到申请之日，条例第三十一条）',
      '受理，开始办理',
      '发出答复书',
    ]);
    // internal steps (decisions, approvals, uploads) are not shown
    expect(history).not.toContain('审批');
    expect(after.body).toContain('<dt>答复日期</dt><dd>2025年10月9日</dd>');
    // the JSON contract says the same
    const json = (await track(upper, r.trackingCode)).json();
    expect(json.repliedOn).toBe('2025-10-09');
    expect(json.items).toEqual([
      { seq: 1, description: ITEM1, title: null, docNo: null },
      { seq: 2, description: ITEM2, title: null, docNo: DOC_NO },
    ]);
    expect(json.history.map((h: { step: string }) => h.step)).toEqual(steps);
    expect(json.history.at(-1)).toEqual({ on: '2025-10-09', step: '发出答复书' });
  });

  it('the masked view masks file names: an ID number or the applicant name in an uploaded name never reaches the supervisor (list, timeline, audit log, download header)', async () => {
    const r = await apply();
    const drafter = await login('officeA');
    const up = await drafter.post(`/api/v1/admin/requests/${r.id}/files`, {
      kind: 'provided',
      filename: `${NAME}${ID}答复材料.pdf`,
      contentBase64: PDF.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(200);
    const fileId = (up.json() as { id: number }).id;
    const handling = (await drafter.get(`/api/v1/admin/requests/${r.id}`)).json();
    expect(handling.files[0].filename).toBe(`${NAME}${ID}答复材料.pdf`);

    const sup = await login('supervisor');
    const masked = await sup.get(`/api/v1/admin/requests/${r.id}`);
    expect(masked.statusCode).toBe(200);
    const c = masked.json();
    expect(c.permissions.personalData).toBe(false);
    expect(c.files[0].filename).toBe('提供的政府信息（文件名已隐去）');
    expect(masked.body).not.toContain(ID);
    expect(masked.body).not.toContain(NAME);
    const event = (c.timeline as { action: string; detail: { filename?: string } }[]).find(
      (e) => e.action === 'request.file_attached',
    )!;
    expect(event.detail.filename).toBeUndefined();
    // the audit event itself keeps only the masked name (the raw trail is read by the platform's
    // auditors; a supervising office does not browse a department's audit log — docs/access.md)
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select('afterJson')
      .where('action', '=', 'request.file_attached')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.afterJson ?? '').not.toContain(ID);
    const download = await sup.get(`/api/v1/admin/requests/${r.id}/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(decodeURIComponent(String(download.headers['content-disposition']))).not.toContain(ID);
  });

  it('the form lists every problem at once in a summary that takes focus, marks the required fields, and keeps attachments while it is corrected', async () => {
    const f = await portalForm();
    for (const s of ['证件类型（自然人）', '证件号码（自然人）'])
      expect(f.html).toMatch(
        new RegExp(`${s.replace(/[()（）]/g, '.')} <span class="req">（自然人必填）</span>`),
      );
    const url = `/a/${county.deptA.code}/apply`;
    const bad = await multipartPost(
      url,
      f.cookie,
      {
        ...formFields(f.token, f.submission),
        phone: '',
        idNumber: '110105194912310021',
        item1_description: '',
        item2_description: '',
        item2_docNo: '',
      },
      [{ name: '身份证.png', data: PNG }],
    );
    expect(bad.statusCode).toBe(400);
    const summary = /<div class="errsummary" id="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(bad.body)!;
    expect(summary[0]).toContain('tabindex="-1"');
    expect(summary[0]).toContain('autofocus');
    // the form's own checks and the service's identity check (GB 11643), all at once
    for (const s of [
      '联系电话：不能为空',
      '所需信息的内容描述：至少填写一项申请事项',
      '证件号码：居民身份证号码校验不通过',
    ])
      expect(summary[1]).toContain(s);
    expect(bad.body).toContain('已上传的材料（已保留，无需重新选择）');
    expect(bad.body).toContain('身份证.png');
    expect(await applications()).toBe(0);

    // corrected without choosing the file again: the kept file goes with the application
    const ok = await formPost(url, f.cookie, formFields(f.token, f.submission));
    expect(ok.statusCode, ok.body).toBe(303);
    const files = await t.deps.db.selectFrom('requestFiles').select(['kind', 'filename', 'size']).execute();
    expect(files).toEqual([{ kind: 'identity_proof', filename: '身份证.png', size: PNG.length }]);
    expect(await t.deps.db.selectFrom('requestPendingFiles').select('id').execute()).toEqual([]);

    // a kept file can be removed
    const g = await portalForm();
    const withFile = await multipartPost(url, g.cookie, { ...formFields(g.token, g.submission), phone: '' }, [
      { name: 'a.png', data: PNG },
    ]);
    const keptId = /name="drop_(\d+)"/.exec(withFile.body)![1]!;
    const dropped = await formPost(url, g.cookie, {
      ...formFields(g.token, g.submission),
      [`drop_${keptId}`]: '1',
    });
    expect(dropped.statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('requestFiles').select('id').execute()).length).toBe(1);
  });
});
