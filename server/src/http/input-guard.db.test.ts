/**
 * Regression tests for the hardened edge (issue "Trust" §5), each on SQLite and PostgreSQL; the fuzz
 * tier (edge.fuzz.test.ts) looks for what these do not name. What each test guards:
 * - NUL characters refused at the edge (input-guard.ts): PostgreSQL answered 22021 → 500;
 * - 1e309, page=1e19, ids past int4 (input-guard.ts bounds, Ajv strictNumbers): 500 on PostgreSQL;
 * - repeated query parameters (input-guard.ts): the portal's unschema'd pages called string methods
 *   on an array → 500;
 * - malformed URL, JSON and multipart (error-handler.ts, multipartParts): English framework answers
 *   or 500;
 * - input-caused database refusals (error-handler.ts): a foreign key to no row → 500;
 * - /a11y return= stays on this site (portal.pages.ts sameSitePath);
 * - lockout does not tell which user names exist (auth.service.ts, 0013_login_failures);
 * - cookies Secure under https (build-app.ts cookie defaults);
 * - Cache-Control: no-store on personal data and CSRF tokens (security-headers.ts noStore, form-csrf.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from './build-app.ts';
import { makeCounty, makeStaff, residentId, TEST_PASSWORD } from '../test-support/factories.ts';
import { multipart } from '../test-support/fuzz.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { NUL_MESSAGE, REPEATED_MESSAGE } from '../shared/input-guard.ts';

describe.each(dialects())('hardened edge (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect);
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const fields = (res: { json: () => { fields?: { field: string; label: string; message: string }[] } }) =>
    Object.fromEntries((res.json().fields ?? []).map((f) => [f.field, f]));

  async function formPage(code = county.deptA.code) {
    const page = await app.inject(`/a/${code}/apply`);
    return {
      page,
      cookie: String(page.headers['set-cookie']).split(';')[0]!,
      token: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
    };
  }

  it('NUL characters in a JSON body, a query, a path or a form are refused naming the field', async () => {
    const root = as(app, await loginAs(app, 'root'));
    const body = await root.post('/api/v1/admin/agencies', {
      kind: 'department',
      parentId: county.gov.id,
      name: '司法\u0000局',
      code: 'nul-test',
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().code).toBe('VALIDATION_FAILED');
    expect(fields(body).name).toEqual({ field: 'name', label: '机关名称', message: NUL_MESSAGE });
    expect(
      await t.deps.db.selectFrom('agencies').select('id').where('code', '=', 'nul-test').execute(),
    ).toEqual([]);

    const query = await app.inject('/api/v1/publication/search?q=%E6%94%BF%00');
    expect(query.statusCode).toBe(400);
    expect(fields(query).q).toMatchObject({ message: NUL_MESSAGE });
    expect(query.json().message).toContain('查询参数');

    const path = await root.get('/api/v1/admin/agencies/1%00');
    expect(path.statusCode).toBe(400);
    expect(fields(path).path).toMatchObject({ label: '网址', message: NUL_MESSAGE });

    // the portal application form: multipart (parsed inside the handler) and urlencoded
    const { cookie, token } = await formPage();
    const m = multipart([
      { name: '_csrf', value: token },
      { name: 'name', value: '张\u0000三' },
      { name: 'phone', value: '13800000000' },
    ]);
    const form = await app.inject({
      method: 'POST',
      url: `/a/${county.deptA.code}/apply`,
      headers: { cookie, 'content-type': m.contentType },
      payload: m.payload,
    });
    expect(form.statusCode).toBe(400);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expect(form.body).toContain(NUL_MESSAGE);
    const urlencoded = await app.inject({
      method: 'POST',
      url: '/track',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${token}&registrationNo=%00&trackingCode=x`,
    });
    expect(urlencoded.statusCode).toBe(400);
    expect(urlencoded.body).toContain(NUL_MESSAGE);
  });

  it('1e309, page=1e19 and ids beyond a 32-bit integer are refused as out of range, never reach the database', async () => {
    const root = as(app, await loginAs(app, 'root'));
    // JSON 1e309 parses to Infinity
    const infinite = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/agencies/${county.deptA.id}`,
      headers: {
        cookie: (await loginAs(app, 'root')).cookie,
        'x-csrf-token': (await loginAs(app, 'root')).csrf,
        'content-type': 'application/json',
      },
      payload: '{"parentId":1e309}',
    });
    expect(infinite.statusCode).toBe(400);
    expect(infinite.json().code).toBe('VALIDATION_FAILED');

    const page = await root.get('/api/v1/admin/audit?beforeId=1e19');
    expect(page.statusCode).toBe(400);
    expect(page.json().code).toBe('VALIDATION_FAILED');
    const huge = await root.get('/api/v1/admin/agencies/2147483648');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().message).toContain('不能大于 2147483647');
    const inf = await root.get('/api/v1/admin/agencies/1e309');
    expect(inf.statusCode).toBe(400);
    expect(fields(inf).id).toMatchObject({ message: '应为整数' });
    // the largest int4 is a valid id that is simply not there
    expect((await root.get('/api/v1/admin/agencies/2147483647')).statusCode).toBe(404);

    // the portal's own pages: a catalog page far past the end is an empty page, not an error
    const catalog = await app.inject(`/a/${county.deptA.code}/catalog?page=1e19&entry=1e309`);
    expect(catalog.statusCode).toBeLessThan(500);
    const search = await app.inject('/search?q=%E6%94%BF%E5%BA%9C&page=1e19&category=1e19&year=1e309');
    expect(search.statusCode).toBeLessThan(500);
  });

  it('a repeated query parameter is refused naming it, on the API and on portal pages', async () => {
    const api = await app.inject('/api/v1/publication/search?q=a&q=b');
    expect(api.statusCode).toBe(400);
    expect(fields(api).q).toMatchObject({ message: REPEATED_MESSAGE });
    for (const url of [
      '/search?q=a&q=b',
      '/a11y?mode=large&mode=contrast',
      `/a/${county.deptA.code}/apply?title=a&title=b`,
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(REPEATED_MESSAGE);
    }
    // once is fine
    expect((await app.inject('/search?q=a')).statusCode).toBe(200);
  });

  it('truncated and boundary-less multipart bodies on the portal forms are FORM_MALFORMED, not a server error', async () => {
    const { cookie, token } = await formPage();
    const parts = [
      { name: '_csrf', value: token },
      { name: 'name', value: '张三' },
      { name: 'item1_description', value: '本局2025年部门预算' },
    ];
    for (const url of [`/a/${county.deptA.code}/apply`, '/track', '/track/receipt']) {
      for (const opts of [{ cut: 20 }, { noBoundary: true }]) {
        const m = multipart(parts, opts);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': m.contentType },
          payload: m.payload,
        });
        expect(res.statusCode, `${url} ${JSON.stringify(opts)}`).toBe(400);
        expect(res.body).toContain('提交的表单数据不完整或格式不正确');
      }
    }
  });

  it('malformed URLs, overlong path parameters, broken JSON and wrong content types answer in Chinese', async () => {
    const root = await loginAs(app, 'root');
    const headers = { cookie: root.cookie, 'x-csrf-token': root.csrf };
    const badUrl = await app.inject({ url: '/api/v1/admin/agencies/%E4%B8', headers });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toMatchObject({ code: 'BAD_URL' });
    const long = await app.inject({ url: `/api/v1/admin/agencies/${'9'.repeat(200)}`, headers });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ code: 'URL_TOO_LONG', message: '网址中的参数过长' });
    const portalBadUrl = await app.inject('/a/%E4%B8/');
    expect(portalBadUrl.statusCode).toBe(400);
    expect(portalBadUrl.body).toContain('网址格式不正确');
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('JSON_MALFORMED');
    const type = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<name>x</name>',
    });
    expect(type.statusCode).toBe(415);
    expect(type.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求的内容类型不受支持' });
  });

  it('an id that points at no row is REFERENCE_NOT_FOUND, not a failed foreign key', async () => {
    const root = as(app, await loginAs(app, 'root'));
    const res = await root.get('/api/v1/admin/publication/imports/template?agencyId=1000000000');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('/a11y return= redirects only to a path on this site', async () => {
    const target = async (ret: string) =>
      (await app.inject(`/a11y?mode=large&return=${ret}`)).headers.location;
    for (const evil of [
      '//evil.example/',
      '/%5Cevil.example',
      '/%09/evil.example',
      '/%0A/evil.example',
      '/%0D%0A/evil.example',
      'https%3A%2F%2Fevil.example',
      '%2F%2Fevil.example',
      '/%20/evil.example',
    ])
      expect(await target(evil), evil).toBe('/');
    expect(await target(encodeURIComponent('/a/sfj/catalog?entry=3'))).toBe('/a/sfj/catalog?entry=3');
    // a Chinese path is sent percent-encoded (a raw one made the Location header throw: 500)
    const zh = await app.inject(`/a11y?mode=large&return=${encodeURIComponent('/搜索')}`);
    expect(zh.statusCode).toBe(303);
    expect(zh.headers.location).toBe('/%E6%90%9C%E7%B4%A2');
  });

  it('lockout answers an unknown user name exactly as a locked account', async () => {
    await makeStaff(t.deps, [], { username: 'zhao' });
    const login = (username: string, password = 'bad-password-x1') =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    const known: { status: number; body: string }[] = [];
    const unknown: { status: number; body: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await login('zhao');
      const b = await login('nobody-here');
      known.push({ status: a.statusCode, body: a.body });
      unknown.push({ status: b.statusCode, body: b.body });
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 423, 423]);
    // the right password of the real account is refused while locked; any password for the unknown name too
    expect((await login('zhao', TEST_PASSWORD)).body).toBe((await login('nobody-here', TEST_PASSWORD)).body);
    // both locks end together, and the count starts again
    t.clock.advance(16 * 60_000);
    expect((await login('zhao')).statusCode).toBe(401);
    expect((await login('nobody-here')).statusCode).toBe(401);
    expect((await login('zhao', TEST_PASSWORD)).statusCode).toBe(200);
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', 'username:nobody-here')
      .execute();
    expect(events.map((e) => e.action)).toContain('auth.locked');
  });

  it('the portal form cookie and the a11y cookie are Secure whenever the session cookie is', async () => {
    const https = await makeTestDb(dialect, { config: { publicBaseUrl: 'https://gk.example.gov.cn' } });
    const secureApp = await buildApp(https.deps);
    try {
      const c = await makeCounty(https.deps);
      await makeStaff(https.deps, [], { username: 'root2', platformAdmin: true });
      const login = await secureApp.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'root2', password: TEST_PASSWORD },
      });
      expect(String(login.headers['set-cookie'])).toMatch(/gk_sid=[^;]+;.*Secure/);
      const form = await secureApp.inject(`/a/${c.deptA.code}/apply`);
      expect(String(form.headers['set-cookie'])).toMatch(/gk_form=[^;]+;.*Secure/);
      const a11y = await secureApp.inject('/a11y?mode=large&return=/');
      expect(String(a11y.headers['set-cookie'])).toMatch(/gk_a11y=[^;]+;.*Secure/);
    } finally {
      await secureApp.close();
      await https.close();
    }
    // over plain http (development) neither is Secure, or the browser would drop them
    expect(String((await formPage()).page.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('Cache-Control: no-store on every response with personal data or a CSRF token', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'root', password: TEST_PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const root = as(app, await loginAs(app, 'root'));
    for (const url of [
      '/api/v1/auth/me',
      '/api/v1/admin/users',
      '/api/v1/admin/requests',
      '/api/v1/admin/audit',
    ])
      expect((await root.get(url)).headers['cache-control'], url).toBe('no-store');
    // an error of the staff API too: it may echo what was sent
    expect((await root.get('/api/v1/admin/agencies/999999')).headers['cache-control']).toBe('no-store');
    const track = await app.inject('/api/v1/applications/track?registrationNo=x&trackingCode=y');
    expect(track.headers['cache-control']).toBe('no-store');
    // portal pages with a form token, and the re-rendered form with what the applicant typed
    const { page, cookie, token } = await formPage();
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await app.inject('/track')).headers['cache-control']).toBe('no-store');
    const again = await app.inject({
      method: 'POST',
      url: `/a/${county.deptA.code}/apply`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        name: '张三',
        idNumber: residentId('53012119900307001'),
      }).toString(),
    });
    expect(again.statusCode).toBe(400);
    expect(again.headers['cache-control']).toBe('no-store');
    // public pages without personal data stay cacheable as before
    expect((await app.inject('/')).headers['cache-control']).toBe('public, max-age=60');
  });
});
