/**
 * Serving the letters (送达) through the staff API and the tracking page on both databases: posting
 * and the date of receipt, a returned letter served again by collection with its signed receipt, the
 * applicant's first download on the tracking page, the appeal periods from the date of service and
 * the appeal records measured against them, the to-do entry for a reply not served in time, every
 * change on the case's audit timeline, and who may record (the agency's disclosure office only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';
import { deliverDue, type Notifiers, type OutgoingMessage } from '../notifications/index.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

interface ServiceView {
  deliveryMethod: string;
  canRecord: boolean;
  letters: {
    letterId: number;
    kind: string;
    servedOn: string | null;
    dueOn: string | null;
    overdue: boolean;
    canStart: boolean;
    records: {
      id: number;
      method: string;
      state: string;
      servedOn: string | null;
      collectedBy: string | null;
      receiptFileId: number | null;
      downloadedAt: string | null;
    }[];
  }[];
  periods: {
    servedOn: string;
    reconsideration: { until: string; calendarChecked: boolean };
    litigation: { until: string; calendarChecked: boolean };
  } | null;
  appeals: { kind: string; periodUntil: string | null; filedInTime: boolean | null }[];
}

describe.each(dialects())('送达 service records (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;

  beforeEach(async () => {
    t = await makeTestDb(dialect, {
      now: AT('2026-03-02'),
      config: { sessionTtlHours: 24 * 365, publicPostRateLimitPerMinute: 1000 },
    });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    for (const [username, agencyId, role] of [
      ['officeA', county.deptA.id, 'disclosure_office'],
      ['headA', county.deptA.id, 'disclosure_office'],
      ['drafterA', county.deptA.id, 'drafter'],
      ['officeB', county.deptB.id, 'disclosure_office'],
      ['supervisor', county.gov.id, 'supervisor'],
    ] as const)
      await makeStaff(t.deps, [{ agencyId, role }], { username });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const login = async (u: string) => as(app, await loginAs(app, u));
  let person = 0;
  /** Applies online with `deliveryMethod`, and has the reply approved and sent on 2 March 2026. */
  async function replied(
    deliveryMethod: 'post' | 'collect' | 'online' | 'email',
    opts: { providedPdf?: boolean } = {},
  ) {
    person++;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: `申请人${'甲乙丙丁'[person % 4]}${person}`,
          idType: 'resident_id',
          idNumber: residentId(`53010219850612${String(100 + person)}`.slice(0, 17)),
          phone: '13912345678',
          address: '云岭县城关镇1号',
          ...(deliveryMethod === 'email' ? { email: `applicant${person}@example.cn` } : {}),
          postalCode: '650000',
        },
        items: [{ description: `本局2025年第${person}号文件` }],
        provisionForm: deliveryMethod === 'online' || deliveryMethod === 'email' ? 'electronic' : 'paper',
        deliveryMethod,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { registrationNo, trackingCode } = res.json() as { registrationNo: string; trackingCode: string };
    const { id } = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    const office = await login('officeA');
    expect(
      (await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2026-03-02' })).statusCode,
    ).toBe(200);
    const c = (await office.get(`/api/v1/admin/requests/${id}`)).json() as { items: { id: number }[] };
    for (const i of c.items)
      expect(
        (
          await office.put(`/api/v1/admin/requests/${id}/items/${i.id}/decision`, {
            code: 'disclosed',
            howToObtain: '见附件',
          })
        ).statusCode,
      ).toBe(200);
    if (opts.providedPdf)
      expect(
        (
          await office.post(`/api/v1/admin/requests/${id}/files`, {
            kind: 'provided',
            filename: '2025年第1号文件.pdf',
            contentBase64: Buffer.from('%PDF-1.4 provided').toString('base64'),
          })
        ).statusCode,
      ).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    expect(
      (await (await login('headA')).post(`/api/v1/admin/requests/${id}/approval`, { approve: true }))
        .statusCode,
    ).toBe(200);
    const sent = await office.post(`/api/v1/admin/requests/${id}/reply`);
    expect(sent.statusCode, sent.body).toBe(200);
    return { id, registrationNo, trackingCode, office };
  }
  const view = async (who: Awaited<ReturnType<typeof login>>, id: number) => {
    const r = await who.get(`/api/v1/admin/requests/${id}/service`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as ServiceView;
  };
  const replyOf = (v: ServiceView) => v.letters.find((l) => l.kind === 'reply')!;

  it('邮寄: posted with carrier and tracking number, served on the date of receipt; the appeal periods run from it (holidays move the end) and the appeals are measured against them; audited', async () => {
    const { id, office } = await replied('post');
    let v = await view(office, id);
    expect(v).toMatchObject({ deliveryMethod: 'post', canRecord: true, periods: null });
    const reply = replyOf(v);
    expect(reply).toMatchObject({ servedOn: null, overdue: false, canStart: true, records: [] });
    const postUrl = `/api/v1/admin/requests/${id}/letters/${reply.letterId}/service/post`;

    // bad input names the field; nobody outside the office records
    const early = await office.post(postUrl, {
      postedOn: '2026-03-01',
      carrier: '中国邮政EMS',
      trackingNo: 'EA123',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0]).toMatchObject({ field: 'postedOn', label: '寄出日期' });
    expect(
      (await office.post(postUrl, { postedOn: '2026-03-02', carrier: ' ', trackingNo: 'EA123' })).json()
        .fields[0].label,
    ).toBe('寄送单位');
    expect(
      (
        await (
          await login('drafterA')
        ).post(postUrl, { postedOn: '2026-03-02', carrier: 'EMS', trackingNo: 'EA1' })
      ).statusCode,
    ).toBe(403);
    expect((await (await login('officeB')).get(`/api/v1/admin/requests/${id}/service`)).statusCode).toBe(404);

    const posted = await office.post(postUrl, {
      postedOn: '2026-03-02',
      carrier: '中国邮政EMS',
      trackingNo: 'EA123456789CN',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const record = posted.json() as { id: number; state: string; methodLabel: string };
    expect(record).toMatchObject({ state: 'dispatched', methodLabel: '邮寄' });
    expect(
      (await office.post(postUrl, { postedOn: '2026-03-02', carrier: 'EMS', trackingNo: 'X' })).json().code,
    ).toBe('REQUEST_SERVICE_ALREADY_RECORDED');

    t.clock.set(AT('2026-03-06'));
    const received = (body: object) =>
      office.post(`/api/v1/admin/requests/${id}/service/${record.id}/received`, body);
    expect((await received({ receivedOn: '2026-03-07' })).json().fields[0]).toMatchObject({
      label: '签收日期',
      message: '不能晚于今天',
    });
    expect((await received({ receivedOn: '2026-03-05' })).statusCode).toBe(200);
    expect((await received({ receivedOn: '2026-03-05' })).json().code).toBe(
      'REQUEST_SERVICE_INVALID_TRANSITION',
    );

    v = await view(office, id);
    expect(replyOf(v)).toMatchObject({ servedOn: '2026-03-05', canStart: false });
    // 5 March + 60 days = 4 May (劳动节) → 6 May; + 6 months = Saturday 5 September → 7 September
    expect(v.periods).toMatchObject({
      servedOn: '2026-03-05',
      reconsideration: { until: '2026-05-06', calendarChecked: true },
      litigation: { until: '2026-09-07', calendarChecked: true },
    });

    t.clock.set(AT('2026-09-10'));
    const appeal = (kind: string, filedOn: string) =>
      office.post(`/api/v1/admin/requests/${id}/appeal`, { kind, filedOn, outcome: 'pending' });
    expect((await appeal('reconsideration', '2026-05-06')).statusCode).toBe(200);
    expect((await appeal('litigation_direct', '2026-09-08')).statusCode).toBe(200);
    v = await view(office, id);
    expect(v.appeals).toEqual([
      expect.objectContaining({ kind: 'reconsideration', periodUntil: '2026-05-06', filedInTime: true }),
      expect.objectContaining({ kind: 'litigation_direct', periodUntil: '2026-09-07', filedInTime: false }),
    ]);

    const timeline = (await office.get(`/api/v1/admin/requests/${id}`)).json().timeline as {
      action: string;
      label: string;
    }[];
    expect(timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['request.service_recorded', 'request.service_served']),
    );
    expect(timeline.find((e) => e.action === 'request.service_served')?.label).toBe('文书已送达');
  });

  it('a returned letter is served again by collection with the signed receipt (送达回证, checked by content); a supervising reader sees the collector masked', async () => {
    const { id, office } = await replied('collect');
    const reply = replyOf(await view(office, id));
    const posted = (
      await office.post(`/api/v1/admin/requests/${id}/letters/${reply.letterId}/service/post`, {
        postedOn: '2026-03-02',
        carrier: '中国邮政',
        trackingNo: 'XA1',
      })
    ).json() as { id: number };
    t.clock.set(AT('2026-03-04'));
    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/service/${posted.id}/returned`, {
          returnedOn: '2026-03-04',
          note: '查无此人',
        })
      ).statusCode,
    ).toBe(200);
    expect(replyOf(await view(office, id))).toMatchObject({ servedOn: null, canStart: true });

    const collected = await office.post(
      `/api/v1/admin/requests/${id}/letters/${reply.letterId}/service/collection`,
      {
        collectedOn: '2026-03-04',
        collectedBy: '张晓明',
      },
    );
    expect(collected.statusCode, collected.body).toBe(200);
    const rec = collected.json() as { id: number };
    const receiptUrl = `/api/v1/admin/requests/${id}/service/${rec.id}/receipt`;
    expect(
      (
        await office.post(receiptUrl, {
          filename: 'a.png',
          contentBase64: Buffer.from('not an image').toString('base64'),
        })
      ).json().code,
    ).toBe('REQUEST_FILE_REJECTED');
    const up = await office.post(receiptUrl, {
      filename: '送达回证.png',
      contentBase64: PNG.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(200);
    const fileId = (up.json() as { receiptFileId: number }).receiptFileId;
    const dl = await office.get(`/api/v1/admin/requests/${id}/files/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');

    const v = await view(office, id);
    expect(replyOf(v).records.map((r) => [r.method, r.state])).toEqual([
      ['post', 'failed'],
      ['collect', 'served'],
    ]);
    expect(replyOf(v).records[1]).toMatchObject({
      collectedBy: '张晓明',
      receiptFileId: fileId,
      servedOn: '2026-03-04',
    });
    expect(v.periods?.servedOn).toBe('2026-03-04');
    const sup = await login('supervisor');
    const masked = await view(sup, id);
    expect(masked.canRecord).toBe(false);
    expect(replyOf(masked).records[1]?.collectedBy).toBe('张**');
    expect(
      (
        await sup.post(`/api/v1/admin/requests/${id}/service/${posted.id}/received`, {
          receivedOn: '2026-03-04',
        })
      ).statusCode,
    ).toBe(403);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', String(id))
      .where('action', 'like', 'request.service_%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'request.service_recorded',
      'request.service_failed',
      'request.service_recorded',
      'request.service_receipt_attached',
    ]);
  });

  it('在线: the first download on the tracking page serves the letter; a second download changes nothing', async () => {
    const { id, office, registrationNo, trackingCode } = await replied('online');
    const page = await app.inject({ method: 'GET', url: '/track' });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const reply = replyOf(await view(office, id));
    const download = () =>
      app.inject({
        method: 'POST',
        url: '/track/letter',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: token,
          registrationNo,
          trackingCode,
          letterId: String(reply.letterId),
        }).toString(),
      });
    t.clock.set(AT('2026-03-03'));
    expect((await download()).statusCode).toBe(200);
    t.clock.set(AT('2026-03-04'));
    expect((await download()).statusCode).toBe(200);
    const v = await view(office, id);
    expect(replyOf(v).records).toEqual([
      expect.objectContaining({
        method: 'online',
        state: 'served',
        servedOn: '2026-03-03',
        downloadedAt: AT('2026-03-03'),
      }),
    ]);
    expect(v.periods?.servedOn).toBe('2026-03-03');
    // the public API serves the letter to the applicant too (a third-party app acting for them)
    const receipt = v.letters.find((l) => l.kind === 'receipt')!;
    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/track/letters/${receipt.letterId}?registrationNo=${registrationNo}&trackingCode=${trackingCode}`,
    });
    expect(api.statusCode).toBe(200);
    expect((await view(office, id)).letters.find((l) => l.kind === 'receipt')).toMatchObject({
      servedOn: '2026-03-04',
    });
  });

  it('to-do: a reply not served within the rule profile’s 5 working days is listed for the office, and leaves the list once served', async () => {
    const { id, office } = await replied('collect');
    const todo = async () =>
      (
        (await office.get('/api/v1/admin/todo')).json() as {
          groups: { key: string; items: { href: string; action: string; dueOn: string }[] }[];
        }
      ).groups
        .flatMap((g) => g.items.map((i) => ({ ...i, group: g.key })))
        .filter((i) => i.href === `/requests/${id}` && i.action.includes('送达'));
    t.clock.set(AT('2026-03-09'));
    expect(await todo()).toEqual([]);
    t.clock.set(AT('2026-03-10'));
    expect(await todo()).toEqual([expect.objectContaining({ group: 'cases', dueOn: '2026-03-09' })]);
    expect(replyOf(await view(office, id))).toMatchObject({ overdue: true, dueOn: '2026-03-09' });
    const reply = replyOf(await view(office, id));
    expect(
      (
        await office.post(`/api/v1/admin/requests/${id}/letters/${reply.letterId}/service/collection`, {
          collectedOn: '2026-03-10',
          collectedBy: '本人',
        })
      ).statusCode,
    ).toBe(200);
    expect(await todo()).toEqual([]);
  });

  /** A transport that keeps what it was given, or fails as told. */
  function capture(fail?: () => Error) {
    const sent: OutgoingMessage[] = [];
    const email = {
      channel: 'email' as const,
      send: async (m: OutgoingMessage) => {
        if (fail) throw fail();
        sent.push(m);
      },
    };
    return { sent, notifiers: { email, sms: email } as unknown as Notifiers };
  }
  const serviceAudit = async (id: number) =>
    (
      await t.deps.db
        .selectFrom('auditEvents')
        .select(['action', 'actorLabel'])
        .where('entityId', '=', String(id))
        .where('action', 'like', 'request.service_%')
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  it('电子邮件: the reply is e-mailed with the letters (DOCX) and the provided files attached by reference; the mail server accepting it serves them that day; audited', async () => {
    const { id, office, registrationNo } = await replied('email', { providedPdf: true });
    const outbox = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('channel', '=', 'email')
      .where('attachmentsJson', 'is not', null)
      .execute();
    expect(outbox).toHaveLength(1);
    const [mail] = outbox;
    expect(mail).toMatchObject({ recipient: expect.stringMatching(/@example\.cn$/), state: 'pending' });
    expect(mail!.title).toContain(registrationNo);
    const refs = JSON.parse(mail!.attachmentsJson!) as { kind: string; id: number }[];
    expect(refs.map((r) => r.kind)).toEqual([
      ...refs.filter((r) => r.kind === 'letter').map(() => 'letter'),
      'file',
    ]);
    let v = await view(office, id);
    expect(replyOf(v).records).toEqual([
      expect.objectContaining({ method: 'email', state: 'dispatched', emailOutcome: 'pending' }),
    ]);
    expect(v.periods).toBeNull();

    t.clock.set(AT('2026-03-03'));
    const { sent, notifiers } = capture();
    // the reply e-mail, and the progress notices (registered, reply ready) without attachments
    expect(await deliverDue(t.deps, notifiers, 3)).toBe(3);
    const served = sent.filter((m) => m.attachments?.length);
    expect(served).toHaveLength(1);
    const files = served[0]!.attachments!;
    expect(files[0]!.filename).toMatch(new RegExp(`^政府信息公开申请答复书.*-${registrationNo}\\.docx$`));
    const docx = unzipEntry(files[0]!.content, 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(docx).toContain('处理结果');
    expect(files.at(-1)).toMatchObject({ filename: '2025年第1号文件.pdf', contentType: 'application/pdf' });
    expect(files.at(-1)!.content.toString()).toBe('%PDF-1.4 provided');
    expect(served[0]!.body).toContain(registrationNo);

    v = await view(office, id);
    expect(replyOf(v).records).toEqual([
      expect.objectContaining({
        method: 'email',
        state: 'served',
        emailOutcome: 'accepted',
        servedOn: '2026-03-03',
      }),
    ]);
    expect(v.periods?.servedOn).toBe('2026-03-03');
    expect(v.letters.every((l) => l.servedOn === '2026-03-03')).toBe(true);
    expect(await serviceAudit(id)).toEqual(
      expect.arrayContaining(['request.service_recorded', 'request.service_served']),
    );
  });

  it('电子邮件: a bounce (5xx) fails the letters at once, without retries, and the office may serve them another way; a transport that keeps failing fails them after the last attempt', async () => {
    const bounced = await replied('email');
    const bounce = capture(() =>
      Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 }),
    );
    expect(await deliverDue(t.deps, bounce.notifiers, 3)).toBe(3);
    let v = await view(bounced.office, bounced.id);
    expect(replyOf(v)).toMatchObject({ servedOn: null, canStart: true });
    expect(replyOf(v).records[0]).toMatchObject({
      state: 'failed',
      emailOutcome: 'bounced',
      emailOutcomeLabel: '被退回',
    });
    const row = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('subjectId', '=', bounced.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await serviceAudit(bounced.id)).toContain('request.service_failed');

    const flaky = await replied('email');
    const down = capture(() => new Error('connect ECONNREFUSED 10.0.0.1:465'));
    for (let i = 0; i < 3; i++) {
      await deliverDue(t.deps, down.notifiers, 3);
      t.clock.advance(60 * 60_000);
      v = await view(flaky.office, flaky.id);
      expect(replyOf(v).records[0]!.state).toBe(i < 2 ? 'dispatched' : 'failed');
    }
    expect(replyOf(v).records[0]).toMatchObject({ emailOutcome: 'failed' });
  });

  it('notices to applicants: e-mail when an address is given, else SMS; on registration, correction, fee notice, extension and reply; only the registration number and the tracking link; each kind switched off per agency, audited', async () => {
    const notices = async (id: number) =>
      t.deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('subjectId', '=', id)
        .where('dedupeKey', 'like', '%:notice:%')
        .orderBy('id')
        .execute();
    const bySms = await replied('post');
    const sms = await notices(bySms.id);
    expect(sms.map((n) => [n.channel, n.dedupeKey.split(':')[3]])).toEqual([
      ['sms', 'registered'],
      ['sms', 'reply_ready'],
    ]);
    expect(sms[0]!.recipient).toBe('13912345678');
    const name = (
      await t.deps.db
        .selectFrom('requestApplications')
        .select('applicantName')
        .where('id', '=', bySms.id)
        .executeTakeFirstOrThrow()
    ).applicantName;
    for (const n of sms) {
      expect(n.body).toContain(bySms.registrationNo);
      expect(n.body).toContain(
        'http://localhost:3000/track'.replace(
          'http://localhost:3000',
          new URL(t.deps.config.publicBaseUrl).origin,
        ),
      );
      expect(n.body).not.toContain(name);
      expect(n.body).not.toContain(bySms.trackingCode);
      expect(n.body).not.toContain('2025年第');
    }
    expect((await notices((await replied('email')).id)).map((n) => n.channel)).toEqual(['email', 'email']);

    const url = `/api/v1/admin/requests/settings/${county.deptA.id}/notices`;
    const office = await login('officeA');
    const v = (await office.get(url)).json() as {
      canEdit: boolean;
      kinds: { kind: string; enabled: boolean; template: string }[];
    };
    expect(v.canEdit).toBe(true);
    expect(v.kinds.map((k) => [k.kind, k.enabled])).toEqual([
      ['registered', true],
      ['correction', true],
      ['fee_notice', true],
      ['extension', true],
      ['reply_ready', true],
    ]);
    expect((await (await login('drafterA')).put(url, { reply_ready: false })).statusCode).toBe(403);
    expect((await (await login('officeB')).get(url)).statusCode).toBe(404);
    expect((await office.put(url, { reply_ready: 'x' })).statusCode).toBe(400);
    const off = await office.put(url, { reply_ready: false, registered: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((off.json() as typeof v).kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual([
      'registered',
      'reply_ready',
    ]);
    expect(await notices((await replied('post')).id)).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('afterJson')
      .where('action', '=', 'request_settings.notices_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.afterJson!)).toEqual({ disabled: ['registered', 'reply_ready'] });
    expect(
      await t.deps.db
        .selectFrom('auditEvents')
        .select('id')
        .where('action', '=', 'request.applicant_noticed')
        .where('entityId', '=', String(bySms.id))
        .execute(),
    ).toHaveLength(2);
  });
});
