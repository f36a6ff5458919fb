/**
 * The assign dialog's data (受理并分办) on both databases: the agency's units with the staff who
 * handle cases there, the office's own staff, and the reply due date (《政府信息公开条例》第三十三条);
 * only the disclosure office, which assigns, reads it — a supervising office and a unit's staff do not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeAgency, makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const AT = (date: string) => `${date}T02:00:00.000Z`;
const ID = '11010519491231002X';

describe.each(dialects())('依申请公开 assignees (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let caseId: number;
  const names: Record<string, string> = {};

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: AT('2025-09-26') });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    const unit2 = await makeAgency(t.deps, { kind: 'unit', parentId: county.deptA.id, name: '法治宣传股' });
    // the office's staff sit in a 科室 of their own (办公室), as in the demo county
    const office = await makeStaff(
      t.deps,
      [{ agencyId: county.deptA.id, role: 'disclosure_office', unitId: county.unitA.id }],
      { username: 'office' },
    );
    // a unit's staff: a role held on the agency with the unit as 所在科室
    const drafter = await makeStaff(
      t.deps,
      [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }],
      { username: 'drafter' },
    );
    const head = await makeStaff(
      t.deps,
      [{ agencyId: county.deptA.id, role: 'unit_head', unitId: unit2.id }],
      { username: 'head' },
    );
    // an archivist of the unit handles no case; staff of another agency's unit are never listed
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'archivist', unitId: county.unitA.id }], {
      username: 'archivist',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'drafter', unitId: county.unitB.id }], {
      username: 'otherDrafter',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'supervisor' }], { username: 'supervisor' });
    names.office = office.displayName;
    names.drafter = drafter.displayName;
    names.head = head.displayName;
    names.unit2 = String(unit2.id);

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: '王五',
          idType: 'resident_id',
          idNumber: ID,
          phone: '13900000000',
        },
        items: [{ description: '本机关2024年度政府采购合同目录' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', res.json().registrationNo)
      .executeTakeFirstOrThrow();
    caseId = row.id;
    const s = as(app, await loginAs(app, 'office'));
    const c = await s.post(`/api/v1/admin/requests/${caseId}/confirm`, { confirmedOn: '2025-09-26' });
    expect(c.statusCode).toBe(200);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('lists the units with their handlers and the office staff, with the due date', async () => {
    const s = as(app, await loginAs(app, 'office'));
    const res = await s.get(`/api/v1/admin/requests/${caseId}/assignees`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // received Friday 2025-09-26: 20 working days from the next day, the National Day week not counted
    expect(body.dueOn).toBe('2025-10-30');
    expect(body.unitId).toBeNull();
    type Unit = { name: string; handlers: { userId: number; name: string; roles: string[] }[] };
    const handlersOf = (name: string) => (body.units as Unit[]).find((u) => u.name === name)?.handlers;
    expect((body.units as Unit[]).map((u) => u.name).sort()).toEqual(['办公室', '法治宣传股'].sort());
    expect(handlersOf('办公室')).toEqual([
      expect.objectContaining({ name: names.drafter, roles: ['拟稿人/承办人'] }),
    ]);
    expect(handlersOf('法治宣传股')).toEqual([
      expect.objectContaining({ name: names.head, roles: ['科室负责人'] }),
    ]);
    expect(body.office.handlers.map((h: { name: string }) => h.name)).toEqual([names.office]);
    // and the office can assign to what it was shown
    const unit2 = Number(names.unit2);
    const handler = handlersOf('法治宣传股')?.[0]?.userId;
    const a = await s.post(`/api/v1/admin/requests/${caseId}/assign`, {
      unitId: unit2,
      handlerUserId: handler,
    });
    expect(a.statusCode).toBe(200);
    const after = (await s.get(`/api/v1/admin/requests/${caseId}/assignees`)).json();
    expect(after).toMatchObject({ unitId: unit2, handlerUserId: handler });
  });

  it('is refused to a supervising office and to a unit drafter, and 404 for an unknown case', async () => {
    const sup = as(app, await loginAs(app, 'supervisor'));
    expect((await sup.get(`/api/v1/admin/requests/${caseId}/assignees`)).statusCode).toBe(403);
    const drafter = as(app, await loginAs(app, 'drafter'));
    expect((await drafter.get(`/api/v1/admin/requests/${caseId}/assignees`)).statusCode).toBe(403);
    const other = as(app, await loginAs(app, 'otherDrafter'));
    expect((await other.get(`/api/v1/admin/requests/${caseId}/assignees`)).statusCode).toBe(404);
    const office = as(app, await loginAs(app, 'office'));
    expect((await office.get('/api/v1/admin/requests/999999/assignees')).statusCode).toBe(404);
  });
});
