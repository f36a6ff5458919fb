/** The HTTP edge: validation errors in Chinese naming the field, nothing saved on bad input, OpenAPI, headers, health. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App, routesOf } from './build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('HTTP edge (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
    app = await buildApp(t.deps);
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  it('bad input is refused with every bad field named in Chinese, and nothing is saved', async () => {
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    const root = as(app, await loginAs(app, 'root'));
    const before = (await t.deps.db.selectFrom('agencies').select('id').execute()).length;
    const res = await root.post('/api/v1/admin/agencies', {
      kind: 'ministry',
      name: '',
      code: 'Bad Code!',
      email: 'not-an-email',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(
      body.fields.map((f: { field: string; label: string; message: string }) => [f.field, f]),
    );
    expect(byField.kind.label).toBe('机关类型');
    expect(byField.name).toMatchObject({ label: '机关名称', message: '不能为空' });
    expect(byField.code).toMatchObject({ label: '机关简码', message: '格式不正确' });
    expect(byField.email.label).toBe('电子邮箱');
    expect(body.message).toContain('机关名称：不能为空');
    expect((await t.deps.db.selectFrom('agencies').select('id').execute()).length).toBe(before);
  });

  it('domain errors come back as codes with Chinese messages (duplicate code, wrong parent, bad check digit)', async () => {
    const county = await makeCounty(t.deps);
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    const root = as(app, await loginAs(app, 'root'));
    const dup = await root.post('/api/v1/admin/agencies', {
      kind: 'department',
      parentId: county.gov.id,
      name: '重复',
      code: county.deptA.code,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'AGENCY_CODE_TAKEN', message: '机关简码已被使用' });
    const parent = await root.post('/api/v1/admin/agencies', {
      kind: 'government',
      parentId: county.deptA.id,
      name: '错层级',
      code: 'wrong-level',
    });
    expect(parent.json().code).toBe('AGENCY_INVALID_PARENT');
    const check = await root.post('/api/v1/admin/agencies', {
      kind: 'department',
      parentId: county.gov.id,
      name: '校验',
      code: 'chk',
      officialCode: '11532999MB12345670',
    });
    expect(check.json().code).toBe('AGENCY_INVALID_OFFICIAL_CODE');
    const cycle = await root.post(`/api/v1/admin/agencies/${county.deptA.id}/supervisions`, {
      supervisedId: county.gov.id,
    });
    expect(cycle.json().code).toBe('AGENCY_SUPERVISION_CYCLE');
  });

  it('every JSON route under /api/v1 is described in the OpenAPI document with its schemas', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    const json = routesOf(app).filter(
      (r) => r.url.startsWith('/api/v1/') && !r.hidden && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );
    expect(json.length).toBeGreaterThan(100);
    const missing = json.filter((r) => {
      const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return !op?.responses || Object.keys(op.responses).length === 0;
    });
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(paths.every((p) => p.startsWith('/api/'))).toBe(true);
    expect(
      doc.paths['/api/v1/admin/agencies'].post.requestBody.content['application/json'].schema.properties.name
        .title,
    ).toBe('机关名称');
  });

  it('sets security headers on API and portal responses', async () => {
    for (const url of ['/', '/api/v1/agencies']) {
      const res = await app.inject(url);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });

  it('/healthz checks the database', async () => {
    const res = await app.inject('/healthz');
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('GET /api/v1/calendar/due answers the due date and refuses a year without data with a clear message', async () => {
    expect((await app.inject('/api/v1/calendar/due?from=2025-09-26&days=5')).json()).toEqual({
      due: '2025-10-10',
    });
    const missing = await app.inject('/api/v1/calendar/due?from=2026-12-20&days=20');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('CALENDAR_YEAR_MISSING');
    expect(missing.json().message).toContain('2027 年');
    const bad = await app.inject('/api/v1/calendar/due?from=2025-02-30&days=5');
    expect(bad.json().code).toBe('CALENDAR_INVALID_DATE');
    expect((await app.inject('/api/v1/calendar/due?from=2025-09-26&days=5&agency=nope')).statusCode).toBe(
      404,
    );
  });

  it('the public agency list shows only active agencies that accept applications, with public fields only', async () => {
    const county = await makeCounty(t.deps);
    const items = (await app.inject('/api/v1/agencies')).json().items as Record<string, unknown>[];
    const codes = items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining([county.gov.code, county.deptA.code, county.deptB.code]));
    expect(codes).not.toContain(county.unitA.code);
    expect(codes).not.toContain(county.region.code);
    expect(Object.keys(items[0]!).sort()).toEqual([
      'acceptsApplications',
      'address',
      'code',
      'email',
      'fax',
      'kind',
      'name',
      'officeHours',
      'parentCode',
      'phone',
      'portalUrl',
      'shortName',
    ]);
  });
});
