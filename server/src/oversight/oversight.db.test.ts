/**
 * Inspections and rectification against both databases, through the HTTP API with a fixed clock:
 * access both ways (the supervising office inspects and accepts, never reports; the agency reports,
 * never accepts its own), working-day deadlines on the agency's calendar, transitions, overdue,
 * publication after approval by another person, audit events, and 4xx on bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeAgency, makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

/** 10:00 Beijing time on a date. */
const AT = (date: string) => `${date}T02:00:00.000Z`;
const BASE = '/api/v1/admin/oversight';

describe.each(dialects())('oversight: inspections and rectification (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let deptC: { id: number; code: string };

  beforeEach(async () => {
    // Monday 2 March 2026
    t = await makeTestDb(dialect, { now: AT('2026-03-02') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    deptC = await makeAgency(t.deps, { kind: 'department', parentId: county.gov.id, name: '测试县教育局' });
    const g = county.gov.id;
    await makeStaff(t.deps, [{ agencyId: g, role: 'disclosure_office' }], { username: 'govOffice' });
    await makeStaff(t.deps, [{ agencyId: g, role: 'supervisor' }], { username: 'govSupervisor' });
    await makeStaff(t.deps, [{ agencyId: g, role: 'leader' }], { username: 'govLeader' });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'officeA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'drafterA',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
      username: 'officeB',
    });
    await makeStaff(t.deps, [{ agencyId: deptC.id, role: 'disclosure_office' }], { username: 'officeC' });
    await makeStaff(t.deps, [], { username: 'sysadmin', platformAdmin: true });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const staff = async (u: string) => as(app, await loginAs(app, u));
  const at = (date: string) => t.clock.set(AT(date));
  const actions = async () =>
    (await t.deps.db.selectFrom('auditEvents').select('action').orderBy('id').execute())
      .map((r) => r.action)
      .filter((a) => a.startsWith('oversight.'));
  const planBody = (over: Record<string, unknown> = {}) => ({
    organizerAgencyId: county.gov.id,
    kind: 'supervision',
    title: '2026年度政务公开工作督查',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    regular: true,
    mutual: false,
    sampling: true,
    agencyIds: [county.deptA.id, county.deptB.id],
    ...over,
  });
  const findingBody = (agencyId: number, over: Record<string, unknown> = {}) => ({
    agencyId,
    checkPoint: 'guide_catalog',
    description: '政府信息公开指南未按年度更新，联系电话已变更',
    evidence: [{ kind: 'url', ref: 'https://www.example.gov.cn/zwgk/guide', note: '门户指南页面' }],
    requirement: '更新政府信息公开指南并在门户公开',
    workingDays: 10,
    ...over,
  });

  async function supervisionPlan(): Promise<number> {
    const office = await staff('govOffice');
    const res = await office.post(`${BASE}/plans`, planBody());
    expect(res.statusCode, res.body).toBe(201);
    return res.json().plan.id as number;
  }

  it('the supervising office plans a supervision of the agencies it supervises; agencies cannot, nor beyond the supervised scope', async () => {
    const office = await staff('govOffice');
    const res = await office.post(`${BASE}/plans`, planBody());
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view.plan).toMatchObject({
      kind: 'supervision',
      kindLabel: '督查',
      status: 'open',
      attributesLabel: '定期检查 · 督查 · 抽查',
      organizer: { id: county.gov.id },
    });
    expect(view.plan.agencies.map((a: { id: number }) => a.id)).toEqual([county.deptA.id, county.deptB.id]);
    expect(view.actions).toEqual(['record_finding', 'conclude']);

    // a department organizes no supervision on behalf of the government
    const officeA = await staff('officeA');
    expect((await officeA.post(`${BASE}/plans`, planBody())).json().code).toBe('FORBIDDEN');
    // nor of a sibling it does not supervise
    const sib = await officeA.post(
      `${BASE}/plans`,
      planBody({ organizerAgencyId: county.deptA.id, agencyIds: [county.deptB.id] }),
    );
    expect(sib.statusCode).toBe(400);
    expect(sib.json().fields[0]).toMatchObject({ field: 'agencyIds', label: '检查范围' });
    // the government inspects no agency outside its supervision rows (deptC is only its child)
    const c = await office.post(`${BASE}/plans`, planBody({ agencyIds: [deptC.id] }));
    expect(c.statusCode).toBe(400);
    expect(c.json().fields[0].message).toBe('只能检查本机关监督的机关');
    // the drafter of the government holds no inspector role
    const leader = await staff('govLeader');
    expect((await leader.post(`${BASE}/plans`, planBody())).statusCode).toBe(403);
    expect(await actions()).toEqual(['oversight.plan_created']);
  });

  it('bad input is a 4xx naming the field, never a 5xx', async () => {
    const office = await staff('govOffice');
    const bad = [
      planBody({ periodStart: '2026-02-30' }),
      planBody({ periodEnd: '2026-02-01' }),
      planBody({ kind: 'audit' }),
      planBody({ agencyIds: [] }),
      planBody({ agencyIds: [999999] }),
      planBody({ title: '   ' }),
      planBody({ organizerAgencyId: 999999 }),
      planBody({ organizerAgencyId: county.unitA.id }),
    ];
    for (const b of bad) {
      const r = await office.post(`${BASE}/plans`, b);
      expect(r.statusCode, `${JSON.stringify(b)} → ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
    }
    const d = await office.post(`${BASE}/plans`, planBody({ periodStart: '2026-02-30' }));
    expect(d.json().fields).toEqual([
      expect.objectContaining({ field: 'periodStart', label: '检查期间（起）' }),
    ]);

    const planId = await supervisionPlan();
    const badFindings: [Record<string, unknown>, string][] = [
      [findingBody(county.deptA.id, { checkPoint: 'nope' }), 'checkPoint'],
      [findingBody(deptC.id), 'agencyId'],
      [findingBody(county.deptA.id, { description: '  ' }), 'description'],
      [findingBody(county.deptA.id, { requirement: ' ' }), 'requirement'],
      [
        findingBody(county.deptA.id, { evidence: [{ kind: 'url', ref: 'javascript:alert(1)' }] }),
        'evidence.0.ref',
      ],
      [findingBody(county.deptA.id, { evidence: [{ kind: 'item', ref: '424242' }] }), 'evidence.0.ref'],
      [
        findingBody(county.deptA.id, { evidence: [{ kind: 'application', ref: '99999999999' }] }),
        'evidence.0.ref',
      ],
    ];
    for (const [b, field] of badFindings) {
      const r = await office.post(`${BASE}/plans/${planId}/findings`, b);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    for (const days of [0, 61, 1.5, 'ten']) {
      const r = await office.post(
        `${BASE}/plans/${planId}/findings`,
        findingBody(county.deptA.id, { workingDays: days }),
      );
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await office.get(`${BASE}/plans/0`)).statusCode).toBe(400);
    expect((await office.get(`${BASE}/plans/987654`)).json().code).toBe('OVERSIGHT_PLAN_NOT_FOUND');
    expect((await office.get(`${BASE}/rectifications/987654`)).statusCode).toBe(404);
    const noNote = await office.post(`${BASE}/plans/${planId}/conclude`, { summary: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].field).toBe('summary');
  });

  it('finding → rectification due in working days on the agency calendar; each agency sees only its own findings', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    const a = await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id));
    expect(a.statusCode, a.body).toBe(201);
    // ordered Monday 2026-03-02; 10 working days (Civil Code art. 201: the order day not counted)
    expect(a.json().finding.rectification).toMatchObject({
      orderedOn: '2026-03-02',
      workingDays: 10,
      dueOn: '2026-03-16',
      status: 'open',
      statusLabel: '整改中',
      overdue: false,
      owner: { id: county.deptA.id },
    });
    expect(a.json().finding.checkPointLabel).toBe('指南和目录更新');
    expect(a.json().finding.evidence[0]).toMatchObject({
      kind: 'url',
      href: 'https://www.example.gov.cn/zwgk/guide',
    });
    // a local holiday of department B moves its deadline by one working day
    await t.deps.db
      .insertInto('calendarDays')
      .values({
        date: '2026-03-04',
        year: 2026,
        kind: 'holiday',
        name: '地方节日',
        agencyId: county.deptB.id,
        note: null,
        createdAt: AT('2026-03-01'),
        updatedAt: AT('2026-03-01'),
      })
      .execute();
    const b = await office.post(
      `${BASE}/plans/${planId}/findings`,
      findingBody(county.deptB.id, { checkPoint: 'timely', workingDays: 3 }),
    );
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().finding.rectification.dueOn).toBe('2026-03-06');

    const officeA = await staff('officeA');
    const seenA = (await officeA.get(`${BASE}/plans/${planId}`)).json();
    expect(seenA.findings.map((f: { agency: { id: number } }) => f.agency.id)).toEqual([county.deptA.id]);
    expect(seenA.plan.agencies.map((x: { id: number }) => x.id)).toEqual([county.deptA.id]);
    expect(seenA.actions).toEqual([]);
    const officeB = await staff('officeB');
    expect((await officeB.get(`${BASE}/plans/${planId}`)).json().findings).toHaveLength(1);
    const officeC = await staff('officeC');
    expect((await officeC.get(`${BASE}/plans/${planId}`)).statusCode).toBe(404);
    expect((await officeC.get(`${BASE}/plans`)).json().total).toBe(0);
    const listA = (await officeA.get(`${BASE}/plans`)).json().items[0];
    expect(listA.findingCount).toBe(1);
    // the inspected agency is not told which other agencies were inspected
    expect(listA.agencies.map((x: { id: number }) => x.id)).toEqual([county.deptA.id]);
    expect((await office.get(`${BASE}/plans`)).json().items[0].findingCount).toBe(2);
    // the agency records no finding in the supervising office's inspection
    const own = await officeA.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id));
    expect(own.statusCode).toBe(403);
    // the platform administrator reads, but inspects nothing
    const admin = await staff('sysadmin');
    expect((await admin.get(`${BASE}/plans/${planId}`)).json().findings).toHaveLength(2);
    expect(
      (await admin.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id))).statusCode,
    ).toBe(403);
  });

  it('report → returned → resubmitted → accepted; the supervisor never reports, the agency never accepts its own', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    const f = (await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id))).json()
      .finding;
    const id = f.rectification.id as number;
    const officeA = await staff('officeA');

    // the supervising office does not write the agency's report
    expect((await office.post(`${BASE}/rectifications/${id}/report`, { body: '已整改' })).statusCode).toBe(
      403,
    );
    // a drafter of the agency is not the one who reports for it
    const drafter = await staff('drafterA');
    expect((await drafter.post(`${BASE}/rectifications/${id}/report`, { body: '已整改' })).statusCode).toBe(
      403,
    );
    // nothing to decide before a report
    expect(
      (await office.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' })).statusCode,
    ).toBe(409);

    const own = await officeA.get(`${BASE}/rectifications/${id}`);
    expect(own.json().actions).toEqual(['submit_report']);
    expect((await officeA.post(`${BASE}/rectifications/${id}/report`, { body: ' ' })).statusCode).toBe(400);
    at('2026-03-05');
    // sessions end after idle hours: log in again on the later day
    const officeA2 = await staff('officeA');
    const supervisor2 = await staff('govSupervisor');
    const sub = await officeA2.post(`${BASE}/rectifications/${id}/report`, {
      body: '已更新指南并于3月5日公开。',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().rectification.status).toBe('submitted');
    expect(sub.json().actions).toEqual([]);
    expect(
      (await officeA2.post(`${BASE}/rectifications/${id}/report`, { body: '再次提交' })).statusCode,
    ).toBe(409);

    // the agency accepts nothing of its own
    const self = await officeA2.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('OVERSIGHT_OWN_RECTIFICATION');
    // another agency neither
    const officeB = await staff('officeB');
    expect(
      (await officeB.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' })).statusCode,
    ).toBe(404);

    expect((await supervisor2.get(`${BASE}/rectifications/${id}`)).json().actions).toEqual([
      'accept',
      'return',
    ]);
    const noNote = await supervisor2.post(`${BASE}/rectifications/${id}/decision`, { decision: 'return' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].field).toBe('note');
    const ret = await supervisor2.post(`${BASE}/rectifications/${id}/decision`, {
      decision: 'return',
      note: '联系电话仍未更新',
      workingDays: 5,
    });
    expect(ret.statusCode, ret.body).toBe(200);
    // five working days from Thursday 2026-03-05
    expect(ret.json().rectification).toMatchObject({
      status: 'returned',
      dueOn: '2026-03-12',
      workingDays: 5,
    });
    expect(ret.json().reports[0]).toMatchObject({
      round: 1,
      decision: 'returned',
      decisionNote: '联系电话仍未更新',
    });

    const again = await officeA2.post(`${BASE}/rectifications/${id}/report`, { body: '联系电话已更新。' });
    expect(again.json().rectification.status).toBe('submitted');
    at('2026-03-09');
    const office3 = await staff('govOffice');
    const ok = await office3.post(`${BASE}/rectifications/${id}/decision`, {
      decision: 'accept',
      note: '整改到位',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rectification).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-09',
      statusLabel: '已验收',
    });
    expect(ok.json().reports.map((r: { round: number; decision: string }) => [r.round, r.decision])).toEqual([
      [1, 'returned'],
      [2, 'accepted'],
    ]);
    expect(
      (await office3.post(`${BASE}/rectifications/${id}/decision`, { decision: 'return', note: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(await actions()).toEqual([
      'oversight.plan_created',
      'oversight.finding_recorded',
      'oversight.report_submitted',
      'oversight.rectification_returned',
      'oversight.report_submitted',
      'oversight.rectification_accepted',
    ]);
    // the report is in the owner agency's chain, the decisions in the supervising office's
    const chains = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'agencyId'])
      .where('action', 'like', 'oversight.%')
      .execute();
    expect(chains.find((c) => c.action === 'oversight.report_submitted')?.agencyId).toBe(county.deptA.id);
    expect(chains.find((c) => c.action === 'oversight.rectification_accepted')?.agencyId).toBe(county.gov.id);
  });

  it('overdue: listed for the supervisor and flagged in the agency list; a pending report is not overdue', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    const a = (
      await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id, { workingDays: 3 }))
    ).json().finding.rectification;
    const b = (
      await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptB.id, { workingDays: 3 }))
    ).json().finding.rectification;
    expect(a.dueOn).toBe('2026-03-05');
    at('2026-03-05');
    const officeB = await staff('officeB');
    expect((await officeB.post(`${BASE}/rectifications/${b.id}/report`, { body: '已整改' })).statusCode).toBe(
      200,
    );
    at('2026-03-06');
    const office2 = await staff('govOffice');
    const overdue = (await office2.get(`${BASE}/rectifications/overdue`)).json();
    expect(overdue.items.map((e: { rectification: { id: number } }) => e.rectification.id)).toEqual([a.id]);
    expect(overdue.byAgency).toEqual([
      { agency: { id: county.deptA.id, name: county.deptA.name }, overdue: 1 },
    ]);
    expect(overdue.items[0].rectification.statusLabel).toBe('逾期未整改');
    const officeA = await staff('officeA');
    // the dashboard escalates: the supervisor sees the supervised agency's overdue task, the agency its own
    const codes = async (s: Awaited<ReturnType<typeof staff>>) =>
      (
        (await s.get('/api/v1/admin/dashboard')).json().warnings as { code: string; message: string }[]
      ).filter((w) => w.code.startsWith('RECTIFICATION_'));
    const sup = await codes(office2);
    expect(sup.map((w) => w.code)).toEqual(['RECTIFICATION_OVERDUE_SUPERVISED']);
    expect(sup[0]!.message).toContain(`${county.deptA.name} 1 项`);
    expect((await codes(officeA)).map((w) => w.code)).toEqual(['RECTIFICATION_OVERDUE']);
    expect(await codes(await staff('officeB'))).toEqual([]);
    const mine = (await officeA.get(`${BASE}/rectifications`)).json();
    expect(mine.items.map((e: { rectification: { overdue: boolean } }) => e.rectification.overdue)).toEqual([
      true,
    ]);
    // the agency supervises nobody
    expect((await officeA.get(`${BASE}/rectifications/overdue`)).json().total).toBe(0);
    expect((await officeA.get(`${BASE}/rectifications?scope=supervised`)).json().total).toBe(0);
    expect((await office2.get(`${BASE}/rectifications?scope=supervised&status=submitted`)).json().total).toBe(
      1,
    );
    expect((await office2.get(`${BASE}/rectifications?scope=own`)).json().total).toBe(0);
  });

  it('conclusion, approval by another person, publication; no findings after', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id));
    expect((await office.post(`${BASE}/plans/${planId}/publish`)).statusCode).toBe(409);
    const c = await office.post(`${BASE}/plans/${planId}/conclude`, {
      summary: '检查了2个部门，发现问题1个。',
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().plan.status).toBe('concluded');
    expect(c.json().actions).toEqual(['reopen']);
    const late = await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptB.id));
    expect(late.json().code).toBe('OVERSIGHT_PLAN_NOT_OPEN');
    // whoever concluded does not approve the result
    const selfApprove = await office.post(`${BASE}/plans/${planId}/publish`);
    expect(selfApprove.json().code).toBe('SEPARATION_OF_DUTIES');
    // the inspected agency does not approve it either
    const officeA = await staff('officeA');
    expect((await officeA.post(`${BASE}/plans/${planId}/publish`)).statusCode).toBe(403);
    const leader = await staff('govLeader');
    expect((await leader.get(`${BASE}/plans/${planId}`)).json().actions).toEqual(['publish']);
    const p = await leader.post(`${BASE}/plans/${planId}/publish`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().plan).toMatchObject({ status: 'published', statusLabel: '已审批公开' });
    expect((await leader.post(`${BASE}/plans/${planId}/reopen`)).statusCode).toBe(403);
    expect((await office.post(`${BASE}/plans/${planId}/reopen`)).statusCode).toBe(409);
    expect(await actions()).toEqual([
      'oversight.plan_created',
      'oversight.finding_recorded',
      'oversight.plan_concluded',
      'oversight.plan_published',
    ]);
  });

  it('self-inspection: the agency plans and records for itself; a supervising office accepts its rectification', async () => {
    const officeA = await staff('officeA');
    const body = planBody({
      organizerAgencyId: county.deptA.id,
      kind: 'self',
      title: '2026年上半年政务公开自查',
      sampling: false,
      agencyIds: [county.deptA.id],
    });
    const other = await officeA.post(`${BASE}/plans`, { ...body, agencyIds: [county.deptB.id] });
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].message).toBe('自查的范围只能是本机关');
    // the supervising office does not run the agency's self-inspection
    const office = await staff('govOffice');
    expect((await office.post(`${BASE}/plans`, body)).statusCode).toBe(403);
    const res = await officeA.post(`${BASE}/plans`, body);
    expect(res.statusCode, res.body).toBe(201);
    const planId = res.json().plan.id;
    const f = await officeA.post(
      `${BASE}/plans/${planId}/findings`,
      findingBody(county.deptA.id, { checkPoint: 'confidentiality' }),
    );
    expect(f.statusCode, f.body).toBe(201);
    const id = f.json().finding.rectification.id;
    expect(
      (await officeA.post(`${BASE}/rectifications/${id}/report`, { body: '已补做保密审查' })).statusCode,
    ).toBe(200);
    expect(
      (await officeA.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' })).json().code,
    ).toBe('OVERSIGHT_OWN_RECTIFICATION');
    // the self-inspection is reported to the supervising office (art. 7), which reads and accepts it
    expect((await office.get(`${BASE}/plans/${planId}`)).json().findings).toHaveLength(1);
    const officeC = await staff('officeC');
    expect(
      (await officeC.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' })).statusCode,
    ).toBe(404);
    const ok = await office.post(`${BASE}/rectifications/${id}/decision`, { decision: 'accept' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rectification.status).toBe('accepted');
  });

  it('the portal publishes approved results only, with findings and status per agency and no personal data', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    await office.post(
      `${BASE}/plans/${planId}/findings`,
      findingBody(county.deptA.id, { description: '主动公开信息超过20个工作日才公开' }),
    );
    expect((await app.inject('/inspections')).body).not.toContain('2026年度政务公开工作督查');
    expect((await app.inject(`/inspections/${planId}`)).statusCode).toBe(404);
    await office.post(`${BASE}/plans/${planId}/conclude`, {
      summary: '本次督查覆盖2个部门。\n发现问题1个。',
    });
    expect((await app.inject(`/inspections/${planId}`)).statusCode).toBe(404);
    await (await staff('govLeader')).post(`${BASE}/plans/${planId}/publish`);

    const list = await app.inject('/inspections');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('lang="zh-CN"');
    expect(list.body).toContain(`href="/inspections/${planId}"`);
    const page = await app.inject(`/inspections/${planId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>2026年度政务公开工作督查</h1>');
    expect(page.body).toContain('本次督查覆盖2个部门。');
    expect(page.body).toContain('主动公开信息超过20个工作日才公开');
    expect(page.body).toContain('整改中');
    expect(page.body).toContain(county.deptB.name);
    expect(page.body).toContain('未发现问题');
    // nobody is named: neither the inspector, the approver nor evidence links
    for (const who of ['测试用户', 'govOffice', 'govLeader', 'example.gov.cn/zwgk/guide'])
      expect(page.body).not.toContain(who);
    for (const bad of ['/inspections/0', '/inspections/abc', '/inspections/99999999999', '/inspections/%00'])
      expect((await app.inject(bad)).statusCode, bad).toBe(bad.includes('%00') ? 400 : 404);
    // overdue shows as such on the public page
    at('2026-03-20');
    expect((await app.inject(`/inspections/${planId}`)).body).toContain('逾期未整改');
    expect((await app.inject('/')).body).toContain('href="/inspections"');
  });

  it("to-do: the agency's office sees its tasks due soon and overdue; the supervisor sees reports to accept", async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    const soon = (
      await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id, { workingDays: 3 }))
    ).json().finding.rectification;
    const later = (
      await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id, { workingDays: 20 }))
    ).json().finding.rectification;
    const todo = async (u: string) => (await (await staff(u)).get('/api/v1/admin/todo')).json();
    const group = (t: { groups: { key: string; items: { href: string }[] }[] }, key: string) =>
      t.groups.find((g) => g.key === key)!.items.map((i) => i.href);
    const a = await todo('officeA');
    expect(group(a, 'rectifications')).toEqual([`/oversight/rectifications/${soon.id}`]);
    expect(group(a, 'rectifications')).not.toContain(`/oversight/rectifications/${later.id}`);
    at('2026-03-06');
    const a2 = await todo('officeA');
    expect(group(a2, 'overdue')).toContain(`/oversight/rectifications/${soon.id}`);
    await (await staff('officeA')).post(`${BASE}/rectifications/${soon.id}/report`, { body: '已整改' });
    const g = await todo('govOffice');
    expect(group(g, 'rectifications')).toEqual([`/oversight/rectifications/${soon.id}`]);
    // the agency does not see its own report as something to accept
    expect(group(await todo('officeA'), 'rectifications')).toEqual([]);
  });

  it('evidence files: the inspectors upload (type by content), the inspected agency downloads its own, others get 404', async () => {
    const planId = await supervisionPlan();
    const office = await staff('govOffice');
    const f = (await office.post(`${BASE}/plans/${planId}/findings`, findingBody(county.deptA.id))).json()
      .finding;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]);
    const up = await office.post(`${BASE}/findings/${f.id}/files`, {
      filename: '服务窗口照片.png',
      contentBase64: png.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ filename: '服务窗口照片.png', mime: 'image/png', size: png.length });
    // a PDF name over PNG bytes, or a script, is refused
    for (const bad of [
      { filename: '通知.pdf', contentBase64: png.toString('base64') },
      { filename: 'x.html', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') },
    ]) {
      const r = await office.post(`${BASE}/findings/${f.id}/files`, bad);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('OVERSIGHT_FILE_REJECTED');
    }
    const officeA = await staff('officeA');
    expect(
      (
        await officeA.post(`${BASE}/findings/${f.id}/files`, {
          filename: 'a.png',
          contentBase64: png.toString('base64'),
        })
      ).statusCode,
    ).toBe(403);
    const detail = (await officeA.get(`${BASE}/plans/${planId}`)).json();
    expect(detail.findings[0].files.map((x: { id: number }) => x.id)).toEqual([file.id]);
    const dl = await officeA.get(file.href);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.rawPayload.equals(png)).toBe(true);
    expect((await (await staff('officeB')).get(file.href)).statusCode).toBe(404);
    expect((await office.get(`${BASE}/findings/${f.id}/files/${file.id + 1000}`)).statusCode).toBe(404);
    expect(await actions()).toContain('oversight.evidence_uploaded');
  });
});
