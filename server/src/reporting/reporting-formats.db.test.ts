/**
 * Past years in the 2019 trial format (国办公开办函〔2019〕60号) through the API: XLSX import and manual
 * entry stored with the format tag, the portal page and the exports in the 2019 layout, year-on-year
 * history across a 2019 year and a 2021 year (only the comparable figures); and the records behind a
 * Table 三 row, fetched on demand (the report itself is aggregated in SQL).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { unzipEntry } from '../test-support/zip.ts';
import { type AnnualReport2019, emptyTable2Of2019, table3Rows, emptyTable3Row } from './annual-report.ts';
import { annualReportXlsx } from './annual-report.export.ts';
import { application } from './reporting.test-support.ts';

const nat = (n: number) => ({ ...emptyTable3Row(), natural: n, total: n });
const block = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });

/** A balanced 2019-format year: 8 new + 1 carried in = 7 handled (incl. 2 （六）其他处理) + 2 carried out. */
function report2024(): AnnualReport2019 {
  const t3 = Object.fromEntries(
    table3Rows('2019').map((r) => [r, emptyTable3Row()]),
  ) as AnnualReport2019['table3'];
  t3.new = nat(8);
  t3.carried_in = nat(1);
  t3.disclosed = nat(4);
  t3.partial = nat(1);
  t3.other = nat(2);
  t3.total = nat(7);
  t3.carried_out = nat(2);
  return {
    format: '2019',
    agencyName: '甲局',
    year: 2024,
    table2: {
      ...emptyTable2Of2019(),
      normativeDocs: { made: 3, published: 3, totalPublic: 20 },
      licensing: { previous: 10, change: -1, decisions: 44 },
      procurement: { projects: 2, amount: 18.5 },
    },
    table3: t3,
    table4: {
      reconsideration: { ...block(), corrected: 1, total: 1 },
      litigation_direct: block(),
      litigation_after_reconsideration: block(),
    },
    narrative: { overview: '2024年总体情况。', problems: '—', other: '—' },
  };
}

describe.each(dialects())('annual report formats and drill-down (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let partialApp: { id: number; registrationNo: string };
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-01-20T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], { username: 'a-gk' });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'b-gk' });
    const A = county.deptA.id;
    await application(t.deps.db, {
      agencyId: A,
      receivedOn: '2025-03-03',
      closedOn: '2025-03-20',
      category: 'disclosed',
    });
    partialApp = await application(t.deps.db, {
      agencyId: A,
      kind: 'organization',
      orgType: 'legal_service',
      receivedOn: '2025-04-01',
      closedOn: '2025-04-25',
      category: 'partially_disclosed',
    });
    await application(t.deps.db, {
      agencyId: A,
      receivedOn: '2025-07-01',
      closedOn: '2025-07-30',
      category: 'other_no_correction',
    });
    await application(t.deps.db, { agencyId: A, receivedOn: '2025-12-20' });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const base = (agencyId: number) => `/api/v1/admin/reports/${agencyId}`;

  it('imports a 2019-format XLSX: stored as 2019, shown on the portal and exported in the 2019 layout', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const A = county.deptA.id;
    const file = (await annualReportXlsx(report2024())).toString('base64');
    // staff said 2021 but the file is a 2019 table: refused, naming the file field
    const wrong = await gk.post(`${base(A)}/import-xlsx`, { year: 2024, format: '2021', fileBase64: file });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('2019 格式');
    const res = await gk.post(`${base(A)}/import-xlsx`, { year: 2024, fileBase64: file });
    expect(res.statusCode).toBe(201);
    const stored = await t.deps.db
      .selectFrom('annualReports')
      .select(['format', 'source', 'status'])
      .where('agencyId', '=', A)
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ format: '2019', source: 'imported', status: 'published' });
    const v = (await gk.get(`${base(A)}/2024`)).json();
    expect(v.format).toBe('2019');
    expect(v.formatLabel).toContain('〔2019〕60号');
    expect(v.figures.table2.licensing).toEqual({ previous: 10, change: -1, decisions: 44 });
    expect(v.figures.table2.procurement).toEqual({ projects: 2, amount: 18.5 });
    expect(v.figures.table3.other.natural).toBe(2);
    expect(v.figures.table3['other.1']).toBeUndefined();
    expect(v.problems).toEqual([]);

    const page = await app.inject(`/a/${county.deptA.code}/annual-reports/2024`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('rowspan="20"');
    expect(page.body).toContain('第二十条第（九）项');
    expect(page.body).toContain('本年新制作数量');
    expect(page.body).not.toContain('本年制发件数');
    const docx = await gk.get(`${base(A)}/2024/export/docx`);
    const text = unzipEntry(docx.rawPayload, 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(text).toContain('其他对外管理服务事项');
    expect(text).toContain('（六）其他处理');
    // the staff XLSX export of the stored year imports again as 2019, figure for figure
    const x = await gk.get(`${base(A)}/2024/export/xlsx`);
    const again = await gk.post(`${base(A)}/import-xlsx`, {
      year: 2023,
      fileBase64: x.rawPayload.toString('base64'),
    });
    expect(again.statusCode).toBe(201);
    const v23 = (await gk.get(`${base(A)}/2023`)).json();
    expect(v23.format).toBe('2019');
    expect(v23.figures.table3).toEqual(v.figures.table3);
    expect(v23.figures.table2).toEqual(v.figures.table2);
  });

  it('manual entry per format: 2021 rows in a 2019 report are refused by name; a broken 2019 table is caught by the 2019 identities', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const A = county.deptA.id;
    const r = report2024();
    const { format: _f, agencyName: _a, year: _y, narrative, ...figures } = r;
    const with2021Rows = { ...figures, table3: { ...figures.table3, 'other.1': emptyTable3Row() } };
    const bad = await gk.post(`${base(A)}/import`, {
      year: 2024,
      format: '2019',
      source: 'entered',
      figures: with2021Rows,
      narrative,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('other.1');
    const broken = { ...figures, table3: { ...figures.table3, other: nat(5) } };
    const ok = await gk.post(`${base(A)}/import`, {
      year: 2024,
      format: '2019',
      source: 'entered',
      figures: broken,
      narrative,
    });
    expect(ok.statusCode).toBe(201);
    const v = (await gk.get(`${base(A)}/2024`)).json();
    expect(v.source).toBe('entered');
    expect(v.problems.map((p: { identity: string }) => p.identity)).toContain('（七）总计=各办理结果之和');
  });

  it('history across a 2019-format year and a 2021-format year compares only the comparable figures, labelled', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const A = county.deptA.id;
    const file = (await annualReportXlsx(report2024())).toString('base64');
    expect((await gk.post(`${base(A)}/import-xlsx`, { year: 2024, fileBase64: file })).statusCode).toBe(201);
    const h = (await gk.get(`${base(A)}/history?years=3`)).json();
    const y24 = h.items.find((i: { year: number }) => i.year === 2024);
    const y25 = h.items.find((i: { year: number }) => i.year === 2025);
    expect(y24).toMatchObject({
      format: '2019',
      source: 'imported',
      newApplications: 8,
      carriedIn: 1,
      otherHandling: 2,
      handled: 7,
      carriedOut: 2,
      normativeIssued: 3,
      licensingDecisions: 44,
      appeals: 1,
      appealsCorrected: 1,
    });
    // 2025 computed from the records in the 2021 format: its （六）1 counts in the same group total
    expect(y25).toMatchObject({
      format: '2021',
      source: 'computed',
      newApplications: 4,
      disclosed: 1,
      partial: 1,
      otherHandling: 1,
      handled: 3,
      carriedOut: 1,
    });
    expect(h.mixedFormats).toBe(true);
    expect(h.notComparable.join()).toContain('（六）其他处理');
    expect(h.notComparable.join()).toContain('行政事业性收费');
    expect(h.figures.map((f: { key: string }) => f.key)).not.toContain('feesTenThousandYuan');
  });

  it('the records behind a Table 三 row on demand, per column; never across agencies', async () => {
    const gk = as(app, await loginAs(app, 'a-gk'));
    const A = county.deptA.id;
    const view = (await gk.get(`${base(A)}/2025`)).json();
    expect(view.contributors).toBeUndefined(); // no longer fetched with every report
    const partial = (await gk.get(`${base(A)}/2025/rows/partial`)).json();
    expect(partial.label).toContain('部分公开');
    expect(partial.items).toEqual([{ ...partialApp, column: 'legal_service' }]);
    const newNatural = (await gk.get(`${base(A)}/2025/rows/new?column=natural`)).json();
    expect(newNatural.items).toHaveLength(3);
    expect((await gk.get(`${base(A)}/2025/rows/carried_out`)).json().items).toHaveLength(1);
    expect((await gk.get(`${base(A)}/2025/rows/nonsense`)).json().code).toBe('REPORT_ROW_UNKNOWN');
    const b = as(app, await loginAs(app, 'b-gk'));
    expect((await b.get(`${base(A)}/2025/rows/partial`)).statusCode).toBe(404);
  });
});
