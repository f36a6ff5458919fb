/**
 * Multi-agency isolation (docs/product.md §1: "Nothing crosses agencies unless a supervising relation
 * grants it"): tests that try to read and change another agency's records through the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('cross-agency access (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(
      t.deps,
      [
        { agencyId: county.deptA.id, role: 'agency_admin' },
        { agencyId: county.deptA.id, role: 'disclosure_office' },
      ],
      { username: 'a-admin' },
    );
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }], {
      username: 'a-drafter',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'drafter' }], { username: 'b-drafter' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'supervisor' }], {
      username: 'gov-supervisor',
    });
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it("staff of department A cannot see department B's agency record, in the list or by id", async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    const list = (await a.get('/api/v1/admin/agencies')).json().items.map((x: { id: number }) => x.id);
    expect(list).toContain(county.deptA.id);
    expect(list).toContain(county.unitA.id);
    expect(list).not.toContain(county.deptB.id);
    expect(list).not.toContain(county.unitB.id);
    const byId = await a.get(`/api/v1/admin/agencies/${county.deptB.id}`);
    expect(byId.statusCode).toBe(404);
    expect(byId.body).not.toContain(county.deptB.name);
  });

  it('an agency admin of A cannot change B, nor create a unit under B; a drafter cannot change even A', async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    expect((await a.patch(`/api/v1/admin/agencies/${county.deptB.id}`, { phone: '110' })).statusCode).toBe(
      404,
    );
    const unit = await a.post('/api/v1/admin/agencies', {
      kind: 'unit',
      parentId: county.deptB.id,
      name: '伪造科室',
      code: 'fake-unit',
    });
    expect(unit.statusCode).toBe(403);
    expect(
      (
        await a.post('/api/v1/admin/agencies', {
          kind: 'unit',
          parentId: county.deptA.id,
          name: '法治宣传股',
          code: 'a-fzxc',
        })
      ).statusCode,
    ).toBe(201);
    const d = as(app, await loginAs(app, 'a-drafter'));
    expect((await d.patch(`/api/v1/admin/agencies/${county.deptA.id}`, { phone: '110' })).statusCode).toBe(
      403,
    );
    const b = await t.deps.db
      .selectFrom('agencies')
      .select('phone')
      .where('id', '=', county.deptB.id)
      .executeTakeFirstOrThrow();
    expect(b.phone).toBeNull();
  });

  it('only the platform administrator changes structure (parent, kind, code, rule profile)', async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    const res = await a.patch(`/api/v1/admin/agencies/${county.deptA.id}`, { code: 'renamed' });
    expect(res.statusCode).toBe(403);
    const root = as(app, await loginAs(app, 'root'));
    expect(
      (await root.patch(`/api/v1/admin/agencies/${county.deptA.id}`, { code: 'renamed' })).statusCode,
    ).toBe(200);
  });

  it('a supervisor of the government sees the departments it supervises, but cannot edit them', async () => {
    const s = as(app, await loginAs(app, 'gov-supervisor'));
    const list = (await s.get('/api/v1/admin/agencies')).json().items.map((x: { id: number }) => x.id);
    expect(list).toEqual(expect.arrayContaining([county.gov.id, county.deptA.id, county.deptB.id]));
    expect(list).not.toContain(county.region.id);
    expect((await s.patch(`/api/v1/admin/agencies/${county.deptA.id}`, { phone: '1' })).statusCode).toBe(403);
  });

  it("an agency admin of A lists only A's staff and cannot grant roles in B or edit B's staff", async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    const names = (await a.get('/api/v1/admin/users'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['a-admin', 'a-drafter']));
    expect(names).not.toContain('b-drafter');
    expect(names).not.toContain('root');
    const bUser = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'b-drafter')
      .executeTakeFirstOrThrow();
    expect((await a.patch(`/api/v1/admin/users/${bUser.id}`, { displayName: '改名' })).statusCode).toBe(404);
    expect(
      (await a.post(`/api/v1/admin/users/${bUser.id}/reset-password`, { password: 'Hijacked-2026x' }))
        .statusCode,
    ).toBe(404);
    const aUser = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'a-drafter')
      .executeTakeFirstOrThrow();
    const grantInB = await a.post(`/api/v1/admin/users/${aUser.id}/roles`, {
      agencyId: county.deptB.id,
      role: 'principal',
      reason: '试图越权授予',
    });
    expect(grantInB.statusCode).toBe(403);
    const made = await a.post('/api/v1/admin/users', {
      username: 'newbie',
      displayName: '新同事',
      password: 'Initial-pass-1',
      isPlatformAdmin: true,
    });
    expect(made.statusCode).toBe(403);
  });

  it("audit events of B are not visible to A's staff", async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    await as(app, await loginAs(app, 'root')).patch(`/api/v1/admin/agencies/${county.deptB.id}`, {
      phone: '0878-999',
    });
    const items = (await a.get('/api/v1/admin/audit?limit=200')).json().items as {
      agencyId: number | null;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.agencyId === county.deptA.id || e.agencyId === county.unitA.id)).toBe(true);
    expect((await a.get(`/api/v1/admin/audit?agencyId=${county.deptB.id}`)).statusCode).toBe(403);
    const d = as(app, await loginAs(app, 'a-drafter'));
    expect((await d.get('/api/v1/admin/audit')).statusCode).toBe(403);
  });

  it('only the platform administrator edits the national calendar; an agency admin sets local holidays for its own agency only', async () => {
    const a = as(app, await loginAs(app, 'a-admin'));
    const national = await a.put('/api/v1/admin/calendar/days', {
      date: '2026-12-07',
      kind: 'holiday',
      name: '伪造假日',
    });
    expect(national.statusCode).toBe(403);
    const other = await a.put('/api/v1/admin/calendar/days', {
      date: '2026-12-07',
      kind: 'holiday',
      name: '火把节',
      agencyId: county.deptB.id,
    });
    expect(other.statusCode).toBe(403);
    const own = await a.put('/api/v1/admin/calendar/days', {
      date: '2026-12-07',
      kind: 'holiday',
      name: '火把节',
      agencyId: county.deptA.id,
    });
    expect(own.statusCode).toBe(200);
    const dueA = (
      await app.inject(`/api/v1/calendar/due?from=2026-12-04&days=1&agency=${county.deptA.code}`)
    ).json().due;
    const dueB = (
      await app.inject(`/api/v1/calendar/due?from=2026-12-04&days=1&agency=${county.deptB.code}`)
    ).json().due;
    expect([dueA, dueB]).toEqual(['2026-12-08', '2026-12-07']);
  });
});
