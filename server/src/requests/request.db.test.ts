/**
 * 依申请公开 end to end against both databases: the public JSON contract, the staff API through the
 * clock (R.30–R.35, 109号), dispositions, approval, letters read back from the DOCX, permissions
 * across agencies, and personal data never reaching a public page or response.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDay } from '../calendar/calendar.service.ts';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction } from '../shared/tx.ts';
import { isValidResidentId } from './request.service.ts';

const ID = residentId('53010219850612341');
const NAME = '张晓明';
const PHONE = '13912345678';

/** 2025-09-26 (Friday) 10:00 Beijing time. */
const AT = (date: string) => `${date}T02:00:00.000Z`;

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

function applyBody(agencyCode: string, items = 2) {
  return {
    agencyCode,
    applicant: {
      kind: 'natural',
      name: NAME,
      idType: 'resident_id',
      idNumber: ID,
      phone: PHONE,
      email: 'zxm@example.cn',
      address: '昆明市五华区人民中路1号',
    },
    items: Array.from({ length: items }, (_, i) => ({
      description: i === 0 ? '2024年本局行政处罚案件统计数据' : '本局2025年法律援助经费预算执行情况',
      title: i === 0 ? '行政处罚统计表' : undefined,
    })),
    provisionForm: 'electronic',
    deliveryMethod: 'online',
  };
}

describe.each(dialects())('依申请公开 (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-26') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'headA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'unit_head', unitId: county.unitA.id }], {
      username: 'unitheadA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'supervisor' }], { username: 'supervisor' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  async function apply(items = 2) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: applyBody(county.deptA.code, items),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { registrationNo: string; trackingCode: string };
  }
  const track = (registrationNo: string, trackingCode: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/applications/track?registrationNo=${encodeURIComponent(registrationNo)}&trackingCode=${trackingCode}`,
    });
  async function idOf(registrationNo: string): Promise<number> {
    const r = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    return r.id;
  }
  const staff = async (u: string) => as(app, await loginAs(app, u));
  /** Moves the fake clock and logs in again (sessions expire after config.sessionTtlHours). */
  const moveTo = async (date: string, u = 'officeA') => {
    t.clock.set(AT(date));
    return staff(u);
  };

  it('public contract: the agency list has codes; apply → 201 with registration number and tracking code; tracking reveals nothing with a wrong code', async () => {
    const agencies = (await app.inject({ method: 'GET', url: '/api/v1/agencies' })).json().items as {
      code: string;
    }[];
    expect(agencies.map((a) => a.code)).toContain(county.deptA.code);
    const r = await apply();
    expect(r.registrationNo).toMatch(new RegExp(`^${county.deptA.code}-2025-\\d{6}$`));
    expect(r.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    const ok = await track(r.registrationNo, r.trackingCode);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'unconfirmed', receivedOn: null, dueOn: null, letters: [] });
    const wrongCode = await track(r.registrationNo, 'ABCDEFGHJK');
    const unknown = await track(`${county.deptA.code}-2025-999999`, r.trackingCode);
    expect(wrongCode.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongCode.json()).toEqual(unknown.json());
    expect(wrongCode.body).not.toContain('unconfirmed');
  });

  it('R.29: 400 names each bad field in Chinese; organisations need their type and credit code; nothing is saved', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: { kind: 'natural', phone: 'x' },
        items: [],
        provisionForm: 'fax',
        deliveryMethod: 'online',
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      (bad.json().fields as { field: string; label: string }[]).map((f) => [f.field, f.label]),
    );
    expect(fields['applicant.name']).toBe('姓名或名称');
    expect(fields['applicant.phone']).toBe('联系电话');
    expect(fields.items).toBe('申请事项');
    expect(fields.provisionForm).toBe('信息的提供形式');

    const badId = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1');
    const noId = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        ...applyBody(county.deptA.code),
        applicant: { kind: 'natural', name: NAME, phone: PHONE, idType: 'resident_id', idNumber: badId },
      },
    });
    expect(noId.statusCode).toBe(400);
    expect(noId.json().fields).toEqual([
      { field: 'applicant.idNumber', label: '证件号码', message: '居民身份证号码校验不通过，请核对' },
    ]);
    const org = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        ...applyBody(county.deptA.code),
        applicant: { kind: 'organization', name: '某律师事务所', phone: PHONE },
      },
    });
    expect(org.statusCode).toBe(400);
    expect((org.json().fields as { field: string }[]).map((f) => f.field)).toEqual([
      'applicant.orgType',
      'applicant.creditCode',
    ]);
    const unknownAgency = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: applyBody('no-such-agency'),
    });
    expect(unknownAgency.statusCode).toBe(400);
    expect(unknownAgency.json().fields[0]).toMatchObject({ field: 'agencyCode', label: '受理机关' });
    expect((await t.deps.db.selectFrom('requestApplications').select('id').execute()).length).toBe(0);
    expect(isValidResidentId(ID)).toBe(true);
  });

  it('R.31 + R.33: confirm receipt starts the 20-working-day clock across National Day; extension with the office head’s approval (20 + 20); dispositions; approval chain; reply letter on the tracking page and in the DOCX', async () => {
    const r = await apply();
    const id = await idOf(r.registrationNo);
    let office = await staff('officeA');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-27' })).statusCode,
    ).toBe(400); // in the future
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })).statusCode,
    ).toBe(200);
    let c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock).toMatchObject({ receivedOn: '2025-09-26', dueOn: '2025-10-30', workingDaysLeft: 20 });
    expect((await track(r.registrationNo, r.trackingCode)).json()).toMatchObject({
      status: 'registered',
      receivedOn: '2025-09-26',
      dueOn: '2025-10-30',
    });

    expect(
      (await office.post(`/api/v1/admin/requests/${id}/assign`, { unitId: county.unitA.id })).statusCode,
    ).toBe(200);
    const drafter = await staff('drafterA');
    expect(
      (
        await drafter.post(`/api/v1/admin/requests/${id}/extension`, { days: 21, reason: '需要调取档案' })
      ).json().code,
    ).toBe('REQUEST_EXTENSION_TOO_LONG');
    expect(
      (await drafter.post(`/api/v1/admin/requests/${id}/extension`, { days: 20, reason: '需要调取档案' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await drafter.post(`/api/v1/admin/requests/${id}/extension/decision`, { approve: true })).statusCode,
    ).toBe(403);
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/extension/decision`, { approve: true })).statusCode,
    ).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock).toMatchObject({ dueOn: '2025-11-27', extensionDays: 20 });

    const [item1, item2] = c.items as { id: number }[];
    expect((await drafter.post(`/api/v1/admin/requests/${id}/submit`)).json().code).toBe(
      'REQUEST_ITEMS_UNDECIDED',
    );
    const incomplete = await drafter.put(`/api/v1/admin/requests/${id}/items/${item2!.id}/decision`, {
      code: 'partially_disclosed',
    });
    expect(incomplete.statusCode).toBe(400);
    expect((incomplete.json().fields as { label: string }[]).map((f) => f.label)).toEqual([
      '理由',
      '获取方式、途径和时间',
      '不予公开的内容',
    ]);
    // R.36: the message names the field and what it must say, in Chinese
    expect(incomplete.json().fields[1]).toMatchObject({
      field: 'howToObtain',
      message: expect.stringContaining('获取该政府信息的方式、途径和时间'),
    });
    const noWay = await drafter.put(`/api/v1/admin/requests/${id}/items/${item1!.id}/decision`, {
      code: 'disclosed',
      howToObtain: ' ',
    });
    expect(noWay.statusCode).toBe(400);
    expect(noWay.json().fields.map((f: { field: string }) => f.field)).toEqual(['howToObtain']);
    expect(
      (
        await drafter.put(`/api/v1/admin/requests/${id}/items/${item1!.id}/decision`, {
          code: 'disclosed',
          howToObtain: '见本答复书附件',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await drafter.put(`/api/v1/admin/requests/${id}/items/${item2!.id}/decision`, {
          code: 'partially_disclosed',
          withheld: '受援人姓名和身份证号码',
          reasons: '涉及个人隐私，公开会损害第三方合法权益',
          howToObtain: '可以公开的部分随本答复书一并提供',
        })
      ).statusCode,
    ).toBe(200);
    expect((await drafter.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/reply`)).json().code).toBe(
      'REQUEST_APPROVAL_INCOMPLETE',
    );
    expect((await office.post(`/api/v1/admin/requests/${id}/approval`, { approve: true })).json().code).toBe(
      'REQUEST_APPROVAL_NOT_YOUR_STEP',
    );
    expect(
      (await (await staff('unitheadA')).post(`/api/v1/admin/requests/${id}/approval`, { approve: true }))
        .statusCode,
    ).toBe(200);
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/approval`, { approve: true, comment: '同意' }))
        .statusCode,
    ).toBe(200);
    office = await moveTo('2025-10-20');
    expect((await office.post(`/api/v1/admin/requests/${id}/reply`)).statusCode).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c).toMatchObject({
      status: 'replied',
      reportCategory: 'partially_disclosed',
      repliedOn: '2025-10-20',
    });
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'request.submitted',
        'request.confirm_receipt',
        'request.extended',
        'request.item_decided',
        'request.approved',
        'request.send_reply',
      ]),
    );

    const tr = (await track(r.registrationNo, r.trackingCode)).json();
    expect(tr.status).toBe('replied');
    expect(tr.letters.map((l: { kind: string }) => l.kind)).toEqual(['receipt', 'extension', 'reply']);
    const replyText = tr.letters[2].text.join('\n');
    expect(replyText).toContain('予以公开');
    expect(replyText).toContain('部分公开');
    expect(replyText).toContain('受援人姓名和身份证号码');
    expect(replyText).toContain('第三十七条');
    expect(replyText).toContain('60日内');
    expect(replyText).toContain('6个月内');
    expect(replyText).not.toContain(NAME);
    expect(tr.letters[1].text.join('')).toContain('2025年11月27日');

    const letterId = (c.letters as { id: number; kind: string }[]).find((l) => l.kind === 'reply')!.id;
    const docx = await office.get(`/api/v1/admin/requests/${id}/letters/${letterId}`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(docx.rawPayload);
    for (const s of [
      county.deptA.name,
      r.registrationNo,
      NAME,
      '2024年本局行政处罚案件统计数据',
      '处理结果：予以公开',
      '处理结果：部分公开',
      '第三十七条',
      `向${county.gov.name}申请行政复议`,
      '6个月内',
      '2025年10月20日',
    ])
      expect(text).toContain(s);
    const publicDocx = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/track/letters/${letterId}?registrationNo=${r.registrationNo}&trackingCode=${r.trackingCode}`,
    });
    const publicText = await docxText(publicDocx.rawPayload);
    expect(publicText).toContain('部分公开');
    // the applicant downloads the letter as served: the name in full (the tracking page masks it)
    expect(publicText).toContain(NAME);
  });

  it('permissions across agencies: another department sees nothing; the supervising government reads masked; the unit drafter cannot confirm', async () => {
    const r = await apply();
    const id = await idOf(r.registrationNo);
    const officeB = await staff('officeB');
    expect((await officeB.get(`/api/v1/admin/requests/${id}`)).statusCode).toBe(404);
    expect(
      (await officeB.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })).statusCode,
    ).toBe(404);
    expect((await officeB.get('/api/v1/admin/requests?queue=all')).json().total).toBe(0);
    const sup = await staff('supervisor');
    const c = (await sup.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.applicant).toMatchObject({ name: '张**', masked: true, phone: '139****5678' });
    expect(JSON.stringify(c)).not.toContain(ID);
    expect((await sup.get('/api/v1/admin/requests?queue=all')).json().items[0].applicantName).toBe('张**');
    expect(
      (await sup.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })).statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await staff('drafterA')
        ).post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' })
      ).statusCode,
    ).toBe(403);
    const office = (await (await staff('officeA')).get(`/api/v1/admin/requests/${id}`)).json();
    expect(office.applicant).toMatchObject({ name: NAME, idNumber: ID, masked: false });
  });

  it('R.31 per channel at staff intake: signed-for post, ordinary post awaiting confirmation, in person, and never a future date', async () => {
    const office = await staff('officeA');
    const base = { ...applyBody(county.deptA.code, 1) };
    const post = (extra: object) => office.post('/api/v1/admin/requests', { ...base, ...extra });
    const first = await post({ channel: 'registered_post', submittedOn: '2025-09-22' });
    expect(first.json().code, first.body).toBe('REQUEST_RECEIPT_DATE_REQUIRED');
    expect((await post({ channel: 'in_person', submittedOn: '2025-09-27' })).json().code).toBe(
      'REQUEST_RECEIPT_DATE_INVALID',
    );
    const reg = await post({
      channel: 'registered_post',
      submittedOn: '2025-09-22',
      signedForOn: '2025-09-24',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const regCase = (await office.get(`/api/v1/admin/requests/${reg.json().id}`)).json();
    expect(regCase).toMatchObject({ status: 'registered', clock: { receivedOn: '2025-09-24' } });
    const ordinary = await post({ channel: 'ordinary_post', submittedOn: '2025-09-22' });
    expect((await office.get(`/api/v1/admin/requests/${ordinary.json().id}`)).json().status).toBe(
      'unconfirmed',
    );
    const oral = await post({ channel: 'oral', submittedOn: '2025-09-25' });
    expect((await office.get(`/api/v1/admin/requests/${oral.json().id}`)).json().clock.receivedOn).toBe(
      '2025-09-25',
    );
    const q = (await office.get('/api/v1/admin/requests?queue=unconfirmed')).json();
    expect(q.items.map((i: { id: number }) => i.id)).toEqual([ordinary.json().id]);
    expect(q.counts.new).toBe(2);
    expect(
      (
        await (
          await staff('drafterA')
        ).post('/api/v1/admin/requests', { ...base, channel: 'in_person', submittedOn: '2025-09-25' })
      ).statusCode,
    ).toBe(403);
  });

  it('R.30: correction restarts the clock from the corrected application; no correction by the deadline → 其他处理 1', async () => {
    let office = await staff('officeA');
    const a = await apply(1);
    const b = await apply(1);
    for (const r of [a, b]) {
      const id = await idOf(r.registrationNo);
      await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' });
      expect(
        (
          await office.post(`/api/v1/admin/requests/${id}/correction`, {
            note: '请写明所需信息的年度',
            correctionDays: 5,
          })
        ).statusCode,
      ).toBe(200);
    }
    const ida = await idOf(a.registrationNo);
    const idb = await idOf(b.registrationNo);
    let c = (await office.get(`/api/v1/admin/requests/${ida}`)).json();
    expect(c.status).toBe('awaiting_correction');
    expect(c.clock.dueOn).toBeNull();
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'correction').dueDate).toBe('2025-10-10'); // 9-28, 9-29, 9-30, 10-09, 10-10
    office = await moveTo('2025-10-09');
    expect(
      (await office.post(`/api/v1/admin/requests/${ida}/correction-received`, { receivedOn: '2025-10-09' }))
        .statusCode,
    ).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${ida}`)).json();
    expect(c.clock).toMatchObject({ clockStart: '2025-10-09', dueOn: '2025-11-05' });
    expect((await office.post(`/api/v1/admin/requests/${idb}/correction-lapse`)).json().code).toBe(
      'REQUEST_INVALID_TRANSITION',
    );
    office = await moveTo('2025-10-13');
    expect((await office.post(`/api/v1/admin/requests/${idb}/correction-lapse`)).statusCode).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${idb}`)).json();
    expect(c).toMatchObject({ status: 'lapsed', reportCategory: 'other_no_correction' });
    expect(c.items[0].disposition).toBe('other_no_correction');
    expect(
      (await track(b.registrationNo, b.trackingCode)).json().letters.map((l: { kind: string }) => l.kind),
    ).toEqual(['receipt', 'correction']);
  });

  it('R.32/R.33 ¶3: consultation pauses the clock; 109号: fee notice pauses it and unpaid fees lapse; suspension and resumption', async () => {
    let office = await staff('officeA');
    const r = await apply(1);
    const id = await idOf(r.registrationNo);
    await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' }); // due 10-30
    office = await moveTo('2025-10-15');
    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/consultation`, {
          kind: 'third_party',
          party: '某科技有限公司',
        })
      ).statusCode,
    ).toBe(200);
    let c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.status).toBe('consulting_third_party');
    expect(c.deadlines.find((d: { kind: string }) => d.kind === 'third_party').dueDate).toBe('2025-11-05');
    expect((await office.get('/api/v1/admin/requests?queue=consultation')).json().total).toBe(1);
    office = await moveTo('2025-10-22'); // 5 working days paused
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/consultation/end`, { opinion: 'none' })).statusCode,
    ).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock).toMatchObject({ dueOn: '2025-11-06', pausedDays: 5 });

    expect(
      (await office.post(`/api/v1/admin/requests/${id}/fee`, { method: 'per_volume', units: 100 }))
        .statusCode,
    ).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.fees[0]).toMatchObject({ amount: 700, method: 'per_volume' });
    expect(c.status).toBe('awaiting_fee');
    office = await moveTo('2025-10-24'); // 2 working days
    expect((await office.post(`/api/v1/admin/requests/${id}/fee/settle`, {})).statusCode).toBe(400);
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/fee/settle`, { waiverReason: '申请人系低保户' }))
        .statusCode,
    ).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock).toMatchObject({ dueOn: '2025-11-10', pausedDays: 7 });
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/fee`, { method: 'per_piece', units: 12 })).json().code,
    ).toBe('REQUEST_FEE_METHOD_CONFLICT');

    expect(
      (await office.post(`/api/v1/admin/requests/${id}/suspend`, { reason: '地震导致档案室封闭' }))
        .statusCode,
    ).toBe(200);
    office = await moveTo('2025-10-28'); // 2 working days
    expect((await office.post(`/api/v1/admin/requests/${id}/resume`)).statusCode).toBe(200);
    c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock).toMatchObject({ dueOn: '2025-11-12', pausedDays: 9 });

    const other = await apply(1);
    const oid = await idOf(other.registrationNo);
    await office.post(`/api/v1/admin/requests/${oid}/confirm`, { confirmedOn: '2025-10-28' });
    await office.post(`/api/v1/admin/requests/${oid}/fee`, { method: 'per_piece', units: 12 });
    expect((await office.get(`/api/v1/admin/requests/${oid}`)).json().fees[0]).toMatchObject({
      amount: 200,
      priorUnits: 0,
    });
    office = await moveTo('2025-11-25');
    expect((await office.post(`/api/v1/admin/requests/${oid}/fee-lapse`)).json().code).toBe(
      'REQUEST_INVALID_TRANSITION',
    ); // due 11-25
    office = await moveTo('2025-11-26');
    expect((await office.post(`/api/v1/admin/requests/${oid}/fee-lapse`)).statusCode).toBe(200);
    expect((await office.get(`/api/v1/admin/requests/${oid}`)).json()).toMatchObject({
      status: 'lapsed',
      reportCategory: 'other_fee_unpaid',
    });
  });

  it('queues: due within 5 working days and overdue are flagged; a calendar change recomputes the reply deadline', async () => {
    let office = await staff('officeA');
    const r = await apply(1);
    const id = await idOf(r.registrationNo);
    await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' });
    office = await moveTo('2025-10-24');
    let q = (await office.get('/api/v1/admin/requests?queue=due_soon')).json();
    expect(q.items[0]).toMatchObject({ id, dueOn: '2025-10-30', workingDaysLeft: 4, overdue: false });
    office = await moveTo('2025-10-31');
    q = (await office.get('/api/v1/admin/requests?queue=overdue')).json();
    expect(q.items[0]).toMatchObject({ id, overdue: true, workingDaysLeft: -1 });
    // a local holiday on 10-29 pushes the due date by one working day
    const root = await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    expect(root.id).toBeGreaterThan(0);
    await inTransaction(t.deps, (tx) =>
      setDay(
        t.deps,
        tx,
        { actor: null },
        { date: '2025-10-29', kind: 'holiday', name: '地方节日', agencyId: county.deptA.id },
      ),
    );
    const c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(c.clock.dueOn).toBe('2025-10-31');
    expect((await office.get('/api/v1/admin/requests?queue=overdue')).json().total).toBe(0);
  });

  it('personal data never public: tracking page, API, portal pages and sitemap carry no name, identity number or phone', async () => {
    const r = await apply(1);
    const id = await idOf(r.registrationNo);
    const office = await staff('officeA');
    await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2025-09-26' });
    const api = await track(r.registrationNo, r.trackingCode);
    const home = await app.inject({ method: 'GET', url: '/' });
    const apply1 = await app.inject({ method: 'GET', url: `/a/${county.deptA.code}/apply` });
    const sitemap = await app.inject({ method: 'GET', url: '/sitemap.xml' });
    const agencies = await app.inject({ method: 'GET', url: '/api/v1/agencies' });
    for (const res of [api, home, apply1, sitemap, agencies]) {
      for (const secret of [NAME, ID, PHONE, 'zxm@example.cn', '人民中路'])
        expect(res.body).not.toContain(secret);
    }
  });
});
