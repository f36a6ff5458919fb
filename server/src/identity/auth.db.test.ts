import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff, TEST_PASSWORD } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

describe.each(dialects())('staff login, sessions and CSRF (%s)', (dialect) => {
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

  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const auditActions = async () =>
    (await t.deps.db.selectFrom('auditEvents').select(['action', 'entityId']).orderBy('id').execute()).map(
      (e) => e.action,
    );

  it('logs in with argon2id, sets an httpOnly session cookie and returns a CSRF token', async () => {
    const county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter' }], { username: 'li' });
    const hash = (
      await t.deps.db
        .selectFrom('users')
        .select('passwordHash')
        .where('username', '=', 'li')
        .executeTakeFirstOrThrow()
    ).passwordHash;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    const res = await login('li', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/gk_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = res.json();
    expect(me.csrfToken.length).toBeGreaterThan(30);
    expect(me.active).toMatchObject({
      agencyId: county.deptA.id,
      role: 'drafter',
      roleLabel: '拟稿人/承办人',
    });
    // the session id is stored only as a hash
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await t.deps.db.selectFrom('sessions').select('idHash').execute();
    expect(stored.map((s) => s.idHash)).not.toContain(token);
    expect(await auditActions()).toContain('auth.login');
  });

  it('a wrong password and an unknown user get the same answer, and both are in the login history', async () => {
    await makeStaff(t.deps, [], { username: 'wang' });
    const a = await login('wang', 'wrong-password-1');
    const b = await login('nobody', 'wrong-password-1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await auditActions()).filter((x) => x === 'auth.login_failed')).toHaveLength(2);
  });

  it('locks the account after 5 failures — even the right password is refused — until the lock expires', async () => {
    await makeStaff(t.deps, [], { username: 'zhao' });
    for (let i = 0; i < 4; i++)
      expect((await login('zhao', 'bad-password-x1')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const fifth = await login('zhao', 'bad-password-x1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('AUTH_ACCOUNT_LOCKED');
    expect((await login('zhao', TEST_PASSWORD)).statusCode).toBe(423);
    expect(await auditActions()).toContain('auth.locked');
    t.clock.advance(16 * 60_000);
    expect((await login('zhao', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an unauthenticated staff request is refused with 401', async () => {
    const res = await app.inject('/api/v1/admin/agencies');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('a state-changing request without the CSRF token, with a wrong one, or from another origin is refused', async () => {
    const county = await makeCounty(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'agency_admin' }], { username: 'chen' });
    const s = await loginAs(app, 'chen');
    const url = `/api/v1/admin/agencies/${county.deptA.id}`;
    const noToken = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: s.cookie },
      payload: { phone: '1' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_INVALID');
    const wrong = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf.slice(0, -1)}x` },
      payload: { phone: '1' },
    });
    expect(wrong.json().code).toBe('CSRF_INVALID');
    const foreign = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' },
      payload: { phone: '1' },
    });
    expect(foreign.json().code).toBe('CSRF_INVALID');
    const phone = (
      await t.deps.db
        .selectFrom('agencies')
        .select('phone')
        .where('id', '=', county.deptA.id)
        .executeTakeFirstOrThrow()
    ).phone;
    expect(phone).toBeNull();
    const ok = await as(app, s).patch(url, { phone: '0878-1234567' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().phone).toBe('0878-1234567');
  });

  it('changing the password ends the other sessions and enforces strength', async () => {
    await makeStaff(t.deps, [], { username: 'sun' });
    const s1 = await loginAs(app, 'sun');
    const s2 = await loginAs(app, 'sun');
    const weak = await as(app, s1).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'aaaaaaaaaaaa',
    });
    expect(weak.json().code).toBe('AUTH_PASSWORD_TOO_WEAK');
    const wrongCurrent = await as(app, s1).post('/api/v1/auth/password', {
      currentPassword: 'nope-nope-1',
      newPassword: 'Better-pass-2026',
    });
    expect(wrongCurrent.json().code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
    const ok = await as(app, s1).post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Better-pass-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(app, s1).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await as(app, s2).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('sun', 'Better-pass-2026')).statusCode).toBe(200);
    expect(await auditActions()).toContain('auth.password_changed');
  });

  it('logout ends the session; an expired session is rejected', async () => {
    await makeStaff(t.deps, [], { username: 'zhou' });
    const s = await loginAs(app, 'zhou');
    expect((await as(app, s).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
    const s2 = await loginAs(app, 'zhou');
    t.clock.advance(13 * 3_600_000);
    expect((await as(app, s2).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('switches the active agency and role only to ones the person holds', async () => {
    const county = await makeCounty(t.deps);
    await makeStaff(
      t.deps,
      [
        { agencyId: county.deptA.id, role: 'drafter' },
        { agencyId: county.deptB.id, role: 'leader' },
      ],
      { username: 'wu' },
    );
    const s = await loginAs(app, 'wu');
    const ok = await as(app, s).post('/api/v1/auth/context', { agencyId: county.deptB.id, role: 'leader' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toMatchObject({ agencyId: county.deptB.id, role: 'leader' });
    const bad = await as(app, s).post('/api/v1/auth/context', {
      agencyId: county.deptB.id,
      role: 'principal',
    });
    expect(bad.json().code).toBe('AUTH_ROLE_NOT_HELD');
  });

  it('rate-limits login attempts from one address', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await login('nobody', 'x')).statusCode;
    expect(last).toBe(429);
  });
});
