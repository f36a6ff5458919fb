/**
 * The annual report computed from the platform's records (R.50; 国办公开办函〔2021〕30号): a fixture
 * year with carry-over in and out, multi-item applications (部分公开 precedence), organisations of each
 * sub-type and appeals; the approval workflow; publication on the portal; exports; the supervising
 * office's overview; access across agencies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';
import { application } from './reporting.test-support.ts';

describe.each(dialects())('annual report from records (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-01-20T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(
      t.deps,
      [{ agencyId: county.deptA.id, role: 'disclosure_office', unitId: county.unitA.id }],
      { username: 'a-gk' },
    );
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'leader' }], { username: 'a-fg' });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'b-gk' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], { username: 'gov-gk' });
    const db = t.deps.db;
    const A = county.deptA.id;
    // carried in from 2024: one answered in 2025, one still open at the end of 2025
    await application(db, {
      agencyId: A,
      receivedOn: '2024-12-16',
      closedOn: '2025-01-08',
      category: 'disclosed',
    });
    await application(db, {
      agencyId: county.unitA.id,
      kind: 'organization',
      orgType: 'commercial',
      receivedOn: '2024-12-30',
    });
    // closed in 2024: outside the 2025 report
    await application(db, {
      agencyId: A,
      receivedOn: '2024-05-06',
      closedOn: '2024-05-20',
      category: 'disclosed',
    });
    // new in 2025
    await application(db, {
      agencyId: A,
      receivedOn: '2025-03-03',
      closedOn: '2025-03-20',
      category: 'disclosed',
    });
    await application(db, {
      agencyId: A,
      kind: 'organization',
      orgType: 'legal_service',
      receivedOn: '2025-04-01',
      closedOn: '2025-04-25',
      category: 'partially_disclosed',
    });
    await application(db, {
      agencyId: A,
      kind: 'organization',
      orgType: 'research',
      receivedOn: '2025-05-06',
      closedOn: '2025-05-30',
      category: 'withheld_third_party',
    });
    await application(db, {
      agencyId: A,
      kind: 'organization',
      orgType: 'nonprofit',
      receivedOn: '2025-06-02',
      closedOn: '2025-06-10',
      category: 'unable_not_held',
    });
    await application(db, {
      agencyId: A,
      kind: 'organization',
      orgType: 'other',
      receivedOn: '2025-07-01',
      closedOn: '2025-07-30',
      category: 'other_no_correction',
    });
    await application(db, {
      agencyId: A,
      receivedOn: '2025-12-26',
      closedOn: '2026-01-15',
      category: 'disclosed',
    });
    // another department's application never counts for A
    await application(db, {
      agencyId: county.deptB.id,
      receivedOn: '2025-03-03',
      closedOn: '2025-03-20',
      category: 'disclosed',
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const url = (agencyId: number, year = 2025) => `/api/v1/admin/reports/${agencyId}/${year}`;

  it('Table 三: every cell of the fixture year, carry-over in and out, and the identities', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const r = (await gk.get(url(county.deptA.id))).json();
    const t3 = r.figures.table3;
    expect(t3.new).toEqual({
      natural: 2,
      commercial: 0,
      research: 1,
      nonprofit: 1,
      legal_service: 1,
      other: 1,
      total: 6,
    });
    expect(t3.carried_in).toEqual({
      natural: 1,
      commercial: 1,
      research: 0,
      nonprofit: 0,
      legal_service: 0,
      other: 0,
      total: 2,
    });
    expect(t3.disclosed.total).toBe(2);
    expect(t3.partial).toMatchObject({ legal_service: 1, total: 1 });
    expect(t3['withheld.4']).toMatchObject({ research: 1, total: 1 });
    expect(t3['unable.1']).toMatchObject({ nonprofit: 1, total: 1 });
    expect(t3['other.1']).toMatchObject({ other: 1, total: 1 });
    expect(t3.total.total).toBe(6);
    expect(t3.carried_out).toEqual({
      natural: 1,
      commercial: 1,
      research: 0,
      nonprofit: 0,
      legal_service: 0,
      other: 0,
      total: 2,
    });
    expect(r.problems).toEqual([]);
    expect(r.status).toBe('draft');
    expect(r.statusLabel).toBe('未编制');
    expect(r.dueOn).toBe('2026-01-31');
    expect(r.narrative.overview).toContain('新收政府信息公开申请6件');
  });

  it('draft → submit → approve (figures frozen) → publish; the portal then shows the national layout', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const fg = as(app, await loginAs(app, 'a-fg'));
    const save = await gk.put(`${url(county.deptA.id)}/draft`, {
      inputs: { licensing: 57, penalties: 3 },
      narrative: { overview: '总体情况正文。', problems: '问题与改进。', other: '本年度未收取信息处理费。' },
    });
    expect(save.statusCode).toBe(204);
    expect((await gk.post(`${url(county.deptA.id)}/actions/approve`)).statusCode).toBe(403);
    expect((await gk.post(`${url(county.deptA.id)}/actions/submit`)).json().status).toBe('submitted');
    expect((await gk.put(`${url(county.deptA.id)}/draft`, { inputs: { licensing: 1 } })).json().code).toBe(
      'REPORT_NOT_EDITABLE',
    );
    expect((await fg.post(`${url(county.deptA.id)}/actions/approve`)).json().status).toBe('approved');
    // a record changing after approval does not change the approved figures
    await application(t.deps.db, {
      agencyId: county.deptA.id,
      receivedOn: '2025-08-01',
      closedOn: '2025-08-05',
      category: 'disclosed',
    });
    expect((await gk.get(url(county.deptA.id))).json().figures.table3.new.total).toBe(6);
    expect((await app.inject(`/a/${county.deptA.code}/annual-reports/2025`)).statusCode).toBe(404);
    expect((await gk.post(`${url(county.deptA.id)}/actions/publish`)).json().status).toBe('published');

    const list = await app.inject(`/a/${county.deptA.code}/annual-reports`);
    expect(list.body).toContain('2025年政府信息公开工作年度报告');
    const page = await app.inject(`/a/${county.deptA.code}/annual-reports/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('rowspan="22"');
    expect(page.body).toContain('总体情况正文。');
    expect(page.body).toContain('<td class="num" colspan="3">57</td>');
    expect(page.body).not.toMatch(/申请人\d/); // no applicant's name or phone ever reaches a public page
    expect(page.body).not.toContain('13800000000');
    const docx = await app.inject(`/a/${county.deptA.code}/annual-reports/2025/report.docx`);
    expect(unzipEntry(docx.rawPayload, 'word/document.xml')).toContain('本年度未收取信息处理费。');
    const actions = (
      await t.deps.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'annual_report')
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'report.created',
        'report.draft_saved',
        'report.submitted',
        'report.approved',
        'report.published',
      ]),
    );
  });

  it('exports DOCX and XLSX to staff', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const x = await gk.get(`${url(county.deptA.id)}/export/xlsx`);
    expect(x.statusCode).toBe(200);
    // the same XLSX imports as a past year's report, figure for figure
    const imp = await gk.post(`/api/v1/admin/reports/${county.deptA.id}/import-xlsx`, {
      year: 2023,
      fileBase64: x.rawPayload.toString('base64'),
    });
    expect(imp.statusCode).toBe(201);
    const past = (await gk.get(url(county.deptA.id, 2023))).json();
    expect(past.source).toBe('imported');
    expect(past.figures.table3.new.total).toBe(6);
    expect(past.problems).toEqual([]);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain('年度报告.xlsx');
    const d = await gk.get(`${url(county.deptA.id)}/export/docx`);
    expect(unzipEntry(d.rawPayload, 'word/document.xml')).toContain('三、收到和处理政府信息公开申请情况');
  });

  it("another department's staff cannot read or edit A's report; the supervising office sees every department in its overview", async () => {
    const b = as(app, await loginAs(app, 'b-gk'));
    expect((await b.get(url(county.deptA.id))).statusCode).toBe(404);
    expect((await b.put(`${url(county.deptA.id)}/draft`, { inputs: { licensing: 1 } })).statusCode).toBe(404);
    const gov = as(app, await loginAs(app, 'gov-gk'));
    const items = (await gov.get('/api/v1/admin/reports/overview?year=2025')).json().items as {
      agencyId: number;
      newApplications: number;
      statusLabel: string;
      overdue: boolean;
    }[];
    const a = items.find((i) => i.agencyId === county.deptA.id)!;
    expect(a).toMatchObject({ newApplications: 6, statusLabel: '未编制', overdue: false });
    expect(items.find((i) => i.agencyId === county.deptB.id)?.newApplications).toBe(1);
    const bItems = (await b.get('/api/v1/admin/reports/overview?year=2025')).json().items as {
      agencyId: number;
    }[];
    expect(bItems.map((i) => i.agencyId)).toEqual([county.deptB.id]);
  });

  it('a past year entered by hand is published as entered, and a deliberately broken table is caught', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const row = (n: number) => ({
      natural: n,
      commercial: 0,
      research: 0,
      nonprofit: 0,
      legal_service: 0,
      other: 0,
      total: n,
    });
    const keys = [
      'new',
      'carried_in',
      'disclosed',
      'partial',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `withheld.${i}`),
      'unable.1',
      'unable.2',
      'unable.3',
      ...[1, 2, 3, 4, 5].map((i) => `not_processed.${i}`),
      'other.1',
      'other.2',
      'other.3',
      'total',
      'carried_out',
    ];
    const table3 = Object.fromEntries(keys.map((k) => [k, row(0)]));
    table3.new = row(5);
    table3.disclosed = row(4);
    table3.total = row(3); // broken: 4 outcomes but 总计 3, and 5 ≠ 3 + 0
    const block = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    const res = await gk.post(`/api/v1/admin/reports/${county.deptA.id}/import`, {
      year: 2024,
      format: '2021',
      source: 'entered',
      figures: {
        table2: {
          rules: { issued: 0, abolished: 0, inForce: 0 },
          normativeDocs: { issued: 1, abolished: 0, inForce: 4 },
          licensing: 10,
          penalties: 0,
          enforcement: 0,
          feesTenThousandYuan: 0,
        },
        table3,
        table4: { reconsideration: block, litigation_direct: block, litigation_after_reconsideration: block },
      },
      narrative: { overview: '2024年总体情况。', problems: '—', other: '—' },
    });
    expect(res.statusCode).toBe(201);
    const r = (await gk.get(url(county.deptA.id, 2024))).json();
    expect(r.source).toBe('entered');
    expect(r.problems.map((p: { identity: string }) => p.identity)).toEqual(
      expect.arrayContaining(['一+二=（七）+四', '（七）总计=各办理结果之和']),
    );
    expect(
      (
        await gk.post(`/api/v1/admin/reports/${county.deptA.id}/import`, {
          year: 2024,
          format: '2021',
          source: 'entered',
          figures: { table2: r.figures.table2, table3, table4: r.figures.table4 },
          narrative: r.narrative,
        })
      ).json().code,
    ).toBe('REPORT_EXISTS');
  });

  it('statistics match the annual report where they overlap, per agency and for the supervising office, and export as XLSX', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const report = (await gk.get(url(county.deptA.id))).json();
    const s = (await gk.get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2025`)).json();
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    expect(sum(s.byApplicantType)).toBe(report.figures.table3.new.total);
    expect(s.applicationsByMonth.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(
      report.figures.table3.new.total,
    );
    expect(sum(s.byOutcome)).toBe(report.figures.table3.total.total);
    expect(s.byOutcome.find((o: { key: string }) => o.key === 'partial').count).toBe(
      report.figures.table3.partial.total,
    );
    expect(s.timeliness.closed).toBe(report.figures.table3.total.total);
    expect(s.byChannel.find((c: { key: string }) => c.key === 'online').count).toBe(6);
    const gov = as(app, await loginAs(app, 'gov-gk'));
    const all = (
      await gov.get(`/api/v1/admin/statistics?agencyId=${county.gov.id}&year=2025&includeSupervised=true`)
    ).json();
    expect(all.agencies).toBe(3);
    expect(all.byAgency.find((a: { agencyId: number }) => a.agencyId === county.deptA.id).received).toBe(6);
    expect(all.byAgency.find((a: { agencyId: number }) => a.agencyId === county.deptB.id).received).toBe(1);
    // the supervising office's default includes the supervised agencies; it may still narrow to its own
    const byDefault = (await gov.get(`/api/v1/admin/statistics?agencyId=${county.gov.id}&year=2025`)).json();
    expect(byDefault).toMatchObject({ includeSupervised: true, agencies: 3 });
    expect(byDefault.byAgency).toEqual(all.byAgency);
    const own = (
      await gov.get(`/api/v1/admin/statistics?agencyId=${county.gov.id}&year=2025&includeSupervised=false`)
    ).json();
    expect(own).toMatchObject({ includeSupervised: false, agencies: 1 });
    // a department supervises nothing: its own figures only
    expect(s.includeSupervised).toBe(false);
    const b = as(app, await loginAs(app, 'b-gk'));
    expect((await b.get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2025`)).statusCode).toBe(
      404,
    );
    const x = await gk.get(`/api/v1/admin/statistics/export?agencyId=${county.deptA.id}&year=2025`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('the self-inspection report: figures from the records, entered figures, narrative prefilled and editable, DOCX', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const base = `/api/v1/admin/self-inspection/${county.deptA.id}/2025`;
    const r = (await gk.get(base)).json();
    expect(r.figures.applicationsReceived).toBe(6);
    expect(r.figures.partial).toBe(1);
    expect(r.narrative.overview).toContain('收到政府信息公开申请6件');
    expect(r.updatedAt).toBeNull();
    const bad = await gk.put(base, { inputs: { trainings: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].label).toBe('培训次数');
    expect((await gk.put(base, { inputs: { trainings: 4, pressConferences: 2 } })).statusCode).toBe(204);
    const after = (await gk.get(base)).json();
    expect(after.inputs).toMatchObject({ trainings: 4, pressConferences: 2 });
    expect(after.narrative.overview).toContain('组织政务公开培训4次');
    const docx = await gk.get(`${base}/export`);
    expect(unzipEntry(docx.rawPayload, 'word/document.xml')).toContain('四、下一步工作打算');
    const b = as(app, await loginAs(app, 'b-gk'));
    expect((await b.put(base, { inputs: { trainings: 9 } })).statusCode).toBe(404);
  });

  it('R.49: the dashboard reminds before 31 January and flags the report overdue after it, until it is published', async () => {
    let gk = as(app, await loginAs(app, 'a-gk'));
    const codes = async () =>
      ((await gk.get('/api/v1/admin/dashboard')).json().warnings as { code: string }[]).map((w) => w.code);
    expect(await codes()).toContain('ANNUAL_REPORT_DUE');
    t.clock.set('2026-02-02T02:00:00.000Z');
    gk = as(app, await loginAs(app, 'a-gk')); // the earlier session has expired
    expect(await codes()).toContain('ANNUAL_REPORT_OVERDUE');
    const fg = as(app, await loginAs(app, 'a-fg'));
    await gk.post(`${url(county.deptA.id)}/actions/submit`);
    await fg.post(`${url(county.deptA.id)}/actions/approve`);
    await gk.post(`${url(county.deptA.id)}/actions/publish`);
    const after = await codes();
    expect(after).not.toContain('ANNUAL_REPORT_OVERDUE');
    expect(after).not.toContain('ANNUAL_REPORT_DUE');
  });

  it('R.51 appeals recorded on an answered application feed Table 四; a corrected outcome reopens the application', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const { id } = await application(t.deps.db, {
      agencyId: county.deptA.id,
      receivedOn: '2025-02-03',
      closedOn: '2025-02-20',
      category: 'withheld_third_party',
    });
    const bad = await gk.post(`/api/v1/admin/requests/${id}/appeal`, {
      kind: 'reconsideration',
      filedOn: '2025-03-10',
      outcome: 'upheld',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].label).toBe('决定或判决日期');
    expect(
      (
        await gk.post(`/api/v1/admin/requests/${id}/appeal`, {
          kind: 'reconsideration',
          filedOn: '2025-03-10',
          outcome: 'upheld',
          decidedOn: '2025-05-06',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await gk.post(`/api/v1/admin/requests/${id}/appeal`, {
          kind: 'litigation_after_reconsideration',
          filedOn: '2025-06-01',
          outcome: 'corrected',
          decidedOn: '2025-11-20',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await gk.post(`/api/v1/admin/requests/${id}/appeal`, {
          kind: 'litigation_direct',
          filedOn: '2025-12-01',
          outcome: 'pending',
        })
      ).statusCode,
    ).toBe(200);
    const t4 = (await gk.get(url(county.deptA.id))).json().figures.table4;
    expect(t4.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(t4.litigation_after_reconsideration).toEqual({
      upheld: 0,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 1,
    });
    expect(t4.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    const status = (
      await t.deps.db
        .selectFrom('requestApplications')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
    expect(status).toBe('in_progress');
    const b = as(app, await loginAs(app, 'b-gk'));
    expect(
      (
        await b.post(`/api/v1/admin/requests/${id}/appeal`, {
          kind: 'reconsideration',
          filedOn: '2025-03-10',
          outcome: 'pending',
        })
      ).statusCode,
    ).toBe(404);
  });
});
