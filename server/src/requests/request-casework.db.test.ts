/**
 * The remaining case-management features of 依申请公开 against both databases: per-agency settings
 * (approval chain, letter templates, read back from the DOCX), registering an appeal's outcome later
 * (Table 四, reopening on 纠正), repeat and same-information requests (R.36(6), R.44), and the written
 * notice to a third party when disclosing over its objection (R.32).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';
import { R44_MIN_APPLICANTS } from './similar.ts';

const PENALTIES = '2024年本局行政处罚案件统计数据';
const AT = (date: string) => `${date}T02:00:00.000Z`;
const docxText = (buf: Buffer) => unzipEntry(buf, 'word/document.xml').replace(/<[^>]+>/g, '');

describe.each(dialects())('依申请公开 case work (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2026-01-20') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    const staff = [
      ['officeA', county.deptA.id, 'disclosure_office'],
      ['office2A', county.deptA.id, 'disclosure_office'],
      ['adminA', county.deptA.id, 'agency_admin'],
      ['drafterA', county.deptA.id, 'drafter'],
      ['officeB', county.deptB.id, 'disclosure_office'],
    ] as const;
    for (const [username, agencyId, role] of staff)
      await makeStaff(t.deps, [{ agencyId, role }], { username });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const login = async (u: string) => as(app, await loginAs(app, u));
  let person = 0;
  /** Applies online as a distinct natural person (or as `who` again) and returns the case id. */
  async function apply(
    items: { description: string; title?: string; docNo?: string }[],
    who?: { name: string; idNumber: string },
    agencyCode = county.deptA.code,
  ) {
    person++;
    const applicant = who ?? {
      name: `申请人${'甲乙丙丁戊己庚辛'[person % 8]}${person}`,
      idNumber: residentId(`530102198506${String(1000 + person).padStart(4, '0')}1`.slice(0, 17)),
    };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode,
        applicant: { kind: 'natural', idType: 'resident_id', phone: '13912345678', ...applicant },
        items,
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { registrationNo, trackingCode } = res.json() as { registrationNo: string; trackingCode: string };
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    return { id: row.id, registrationNo, trackingCode };
  }
  const settingsUrl = (agencyId: number) => `/api/v1/admin/requests/settings/${agencyId}`;

  it('settings: only the agency’s disclosure office or administrator edits, audited; other agencies neither read nor write; unknown placeholders are refused naming the paragraph; a generated letter uses the edited template (DOCX)', async () => {
    const office = await login('officeA');
    const view = (await office.get(settingsUrl(county.deptA.id))).json();
    expect(view).toMatchObject({
      canEdit: true,
      approvalChain: ['unit_head', 'disclosure_office'],
      approvalChainIsDefault: true,
    });
    expect(view.templates.map((x: { kind: string }) => x.kind)).toEqual([
      'receipt',
      'correction',
      'extension',
      'third_party_consultation',
      'third_party_disclosure',
      'fee_notice',
      'reply',
    ]);
    const receipt = view.templates[0];
    expect(receipt.placeholders.map((p: { name: string }) => p.name)).toContain('registrationNo');

    const officeB = await login('officeB');
    expect((await officeB.get(settingsUrl(county.deptA.id))).statusCode).toBe(404);
    const custom = {
      title: '依申请公开登记回执',
      paragraphs: [
        '{{applicant}}：',
        '云岭示范：本机关已登记您的申请 {{registrationNo}}，收到日期{{receivedOn}}。',
      ],
    };
    expect((await officeB.put(`${settingsUrl(county.deptA.id)}/templates/receipt`, custom)).statusCode).toBe(
      404,
    );
    const drafter = await login('drafterA');
    expect((await drafter.get(settingsUrl(county.deptA.id))).json().canEdit).toBe(false);
    expect((await drafter.put(`${settingsUrl(county.deptA.id)}/templates/receipt`, custom)).statusCode).toBe(
      403,
    );

    const bad = await office.put(`${settingsUrl(county.deptA.id)}/templates/receipt`, {
      ...custom,
      paragraphs: [...custom.paragraphs, '请于{{feeDueOn}}前缴费'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'paragraphs.2', label: '正文第3段' });
    expect(bad.json().message).toContain('{{feeDueOn}}');
    const preview = await office.post(`${settingsUrl(county.deptA.id)}/templates/receipt/preview`, custom);
    expect(preview.json().text.join('\n')).toContain('云岭示范：本机关已登记您的申请 SAMPLE-2026-000001');

    const admin = await login('adminA');
    expect((await admin.put(`${settingsUrl(county.deptA.id)}/templates/receipt`, custom)).statusCode).toBe(
      200,
    );
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'entityId'])
      .where('entityType', '=', 'request_settings')
      .execute();
    expect(audit).toEqual([{ action: 'request.settings.template_saved', entityId: String(county.deptA.id) }]);
    // another agency's letters are untouched
    expect((await officeB.get(settingsUrl(county.deptB.id))).json().templates[0].isDefault).toBe(true);

    const a = await apply([{ description: PENALTIES }]);
    expect(
      (await office.post(`/api/v1/admin/requests/${a.id}/confirm`, { confirmedOn: '2026-01-20' })).statusCode,
    ).toBe(200);
    const letters = (await office.get(`/api/v1/admin/requests/${a.id}`)).json().letters;
    expect(letters[0]).toMatchObject({ kind: 'receipt', title: '依申请公开登记回执' });
    const text = docxText(
      (await office.get(`/api/v1/admin/requests/${a.id}/letters/${letters[0].id}`)).rawPayload,
    );
    expect(text).toContain(`云岭示范：本机关已登记您的申请 ${a.registrationNo}，收到日期2026年1月20日。`);

    expect(
      (await office.delete(`${settingsUrl(county.deptA.id)}/templates/receipt`)).json().templates[0],
    ).toMatchObject({
      isDefault: true,
      title: '政府信息公开申请登记回执',
    });

    expect(
      (
        await office.put(`${settingsUrl(county.deptA.id)}/approval-chain`, { approvalChain: ['unit_head'] })
      ).json().fields[0].label,
    ).toBe('审批环节');
    expect(
      (
        await office.put(`${settingsUrl(county.deptA.id)}/approval-chain`, {
          approvalChain: ['disclosure_office', 'leader'],
        })
      ).statusCode,
    ).toBe(200);
    expect((await office.get(`/api/v1/admin/requests/${a.id}`)).json().approvalChain).toEqual([
      'disclosure_office',
      'leader',
    ]);
    expect(
      (await officeB.put(`${settingsUrl(county.deptA.id)}/approval-chain`, { approvalChain: ['leader'] }))
        .statusCode,
    ).toBe(404);
  });

  it('R.51 appeal outcome registered later: pending → 纠正 updates Table 四 and reopens the application; audited; once only; other agencies cannot', async () => {
    const office = await login('officeA');
    const a = await apply([{ description: PENALTIES }]);
    await t.deps.db
      .updateTable('requestApplications')
      .set({
        status: 'replied',
        receivedOn: '2025-03-03',
        repliedOn: '2025-03-20',
        reportCategory: 'disclosed',
      })
      .where('id', '=', a.id)
      .execute();
    expect(
      (
        await office.post(`/api/v1/admin/requests/${a.id}/appeal`, {
          kind: 'reconsideration',
          filedOn: '2025-04-01',
          outcome: 'pending',
        })
      ).statusCode,
    ).toBe(200);
    const c = (await office.get(`/api/v1/admin/requests/${a.id}`)).json();
    expect(c.appeals).toEqual([
      expect.objectContaining({ outcome: 'pending', outcomeLabel: '尚未审结', decidedOn: null }),
    ]);
    const appealId = c.appeals[0].id as number;
    const table4 = async () =>
      (await office.get(`/api/v1/admin/reports/${county.deptA.id}/2025`)).json().figures.table4
        .reconsideration;
    expect(await table4()).toMatchObject({ pending: 1, corrected: 0, total: 1 });

    const outcome = (body: object, who = office) =>
      who.post(`/api/v1/admin/requests/${a.id}/appeal/outcome`, { appealId, ...body });
    expect((await outcome({ outcome: 'corrected', decidedOn: '2025-03-31' })).json().fields[0].label).toBe(
      '决定或判决日期',
    );
    expect((await outcome({ outcome: 'corrected', decidedOn: '2026-01-21' })).json().code).toBe(
      'REQUEST_APPEAL_DATE_IN_FUTURE',
    );
    expect(
      (await outcome({ outcome: 'corrected', decidedOn: '2025-06-10' }, await login('officeB'))).statusCode,
    ).toBe(404);
    expect(
      (await outcome({ outcome: 'corrected', decidedOn: '2025-06-10', note: '复议机关责令重新答复' }))
        .statusCode,
    ).toBe(200);

    const after = (await office.get(`/api/v1/admin/requests/${a.id}`)).json();
    expect(after.status).toBe('in_progress');
    expect(after.appeals[0]).toMatchObject({
      outcome: 'corrected',
      decidedOn: '2025-06-10',
      note: '复议机关责令重新答复',
    });
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['request.appeal_recorded', 'request.appeal_decided', 'request.reopen']),
    );
    expect(await table4()).toMatchObject({ pending: 0, corrected: 1, total: 1 });
    expect((await outcome({ outcome: 'upheld', decidedOn: '2025-06-10' })).json().code).toBe(
      'REQUEST_APPEAL_ALREADY_DECIDED',
    );
  });

  it(`R.36(6) repeat request and R.44 same information from ${R44_MIN_APPLICANTS} applicants: warnings on the case page and the per-agency candidate list; nothing from other agencies; names masked`, async () => {
    const office = await login('officeA');
    const zhang = { name: '张晓明', idNumber: residentId('53010219850612341') };
    const first = await apply([{ description: PENALTIES }], zhang);
    await t.deps.db
      .updateTable('requestApplications')
      .set({ status: 'replied', repliedOn: '2026-01-10', receivedOn: '2026-01-05' })
      .where('id', '=', first.id)
      .execute();
    const again = await apply(
      [
        { description: '本局2024年的行政处罚案件统计数据。' },
        { description: '本局2025年法律援助经费预算执行情况' },
      ],
      zhang,
    );
    let c = (await office.get(`/api/v1/admin/requests/${again.id}`)).json();
    expect(c.repeats).toEqual([
      expect.objectContaining({
        itemId: c.items[0].id,
        applicationId: first.id,
        registrationNo: first.registrationNo,
        repliedOn: '2026-01-10',
      }),
    ]);
    expect(c.sameInformation).toEqual([]); // only the same applicant so far

    await apply([{ description: '2024年度本局行政处罚案件统计数据' }], undefined, county.deptB.code); // another agency
    const second = await apply([{ description: '请公开本局2024年行政处罚案件统计数据' }]);
    c = (await office.get(`/api/v1/admin/requests/${again.id}`)).json();
    expect(c.sameInformation).toEqual([
      expect.objectContaining({ itemId: c.items[0].id, applicants: 2, suggestProactive: false }),
    ]);
    await apply([{ description: '行政处罚案件统计数据（本局2024年）' }]);
    c = (await office.get(`/api/v1/admin/requests/${second.id}`)).json();
    expect(c.sameInformation[0]).toMatchObject({ applicants: 3, suggestProactive: true });
    expect(c.sameInformation[0].others.map((o: { registrationNo: string }) => o.registrationNo)).toContain(
      first.registrationNo,
    );

    const list = (await office.get(`/api/v1/admin/requests/same-information/${county.deptA.id}`)).json();
    expect(list).toMatchObject({ minApplicants: R44_MIN_APPLICANTS, windowMonths: 12, since: '2025-01-21' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ description: PENALTIES, applicants: 3, requests: 4 });
    expect(JSON.stringify(list)).not.toContain('张晓明');
    expect(
      (await (await login('officeB')).get(`/api/v1/admin/requests/same-information/${county.deptA.id}`))
        .statusCode,
    ).toBe(404);
  });

  it('R.32: disclosing over a third party’s objection — the reply cannot leave until the written notice to the third party is issued; the notice cites 第三十二条 and never reaches the tracking page', async () => {
    const office = await login('officeA');
    const a = await apply([{ description: '某科技有限公司的政府采购合同' }]);
    const post = (path: string, body?: object, who = office) =>
      who.post(`/api/v1/admin/requests/${a.id}/${path}`, body);
    await post('confirm', { confirmedOn: '2026-01-20' });
    expect((await post('consultation', { kind: 'third_party', party: '某科技有限公司' })).statusCode).toBe(
      200,
    );
    expect((await post('consultation/end', { opinion: 'object', note: '涉及商业秘密' })).statusCode).toBe(
      200,
    );
    let c = (await office.get(`/api/v1/admin/requests/${a.id}`)).json();
    expect(c.thirdPartyNoticesOwed).toEqual([]); // nothing decided yet
    const consultationId = c.consultations[0].id as number;
    await office.put(`/api/v1/admin/requests/${a.id}/items/${c.items[0].id}/decision`, {
      code: 'disclosed',
      howToObtain: '见附件',
    });
    c = (await office.get(`/api/v1/admin/requests/${a.id}`)).json();
    expect(c.thirdPartyNoticesOwed).toEqual([
      expect.objectContaining({ consultationId, party: '某科技有限公司' }),
    ]);
    await post('submit');
    // separation of duties (docs/access.md): who submitted the reply does not approve it
    expect((await post('approval', { approve: true }, await login('office2A'))).statusCode).toBe(200);
    const blocked = await post('reply');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('REQUEST_THIRD_PARTY_NOTICE_MISSING');

    const notice = {
      consultationId,
      disclosed: '合同金额和履约期限',
      reason: '涉及财政资金使用，不公开可能对公共利益造成重大影响',
    };
    expect((await post('third-party-notice', notice, await login('drafterA'))).statusCode).toBe(403);
    expect(
      (await post('third-party-notice', { ...notice, consultationId: consultationId + 99 })).json().code,
    ).toBe('REQUEST_THIRD_PARTY_NOTICE_NOT_NEEDED');
    expect((await post('third-party-notice', notice)).statusCode).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${a.id}`)).json();
    expect(c.thirdPartyNoticesOwed).toEqual([]);
    const letter = c.letters.find((l: { kind: string }) => l.kind === 'third_party_disclosure');
    const text = docxText(
      (await office.get(`/api/v1/admin/requests/${a.id}/letters/${letter.id}`)).rawPayload,
    );
    for (const s of [
      '某科技有限公司',
      '第三十二条',
      '合同金额和履约期限',
      '涉及财政资金使用',
      a.registrationNo,
    ])
      expect(text).toContain(s);
    expect((await post('third-party-notice', notice)).json().code).toBe(
      'REQUEST_THIRD_PARTY_NOTICE_NOT_NEEDED',
    );

    expect((await post('reply')).statusCode).toBe(200);
    const tracked = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/track?registrationNo=${encodeURIComponent(a.registrationNo)}&trackingCode=${a.trackingCode}`,
    });
    expect(tracked.json().letters.map((l: { kind: string }) => l.kind)).toEqual(['receipt', 'reply']);
  });
});
