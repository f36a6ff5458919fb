/**
 * Fuzz tier (README "Tests"), on SQLite and PostgreSQL, over the demo county (its rows are what the
 * generated ids point at):
 * - JSON API: every operation in /api/v1/openapi.json — public ones anonymously, staff ones with a
 *   logged-in session and its CSRF token — gets requests generated from its own schemas and then
 *   mutated (test-support/fuzz.ts); each answer is below 500 with `{code, message}` in Chinese.
 * - Portal: the server-rendered pages and their forms — the application form (multipart and
 *   urlencoded, with and without a valid form token), the tracking forms and downloads, search, the
 *   catalog, documents, feeds, guides, annual reports and the a11y switch — with generated and mutated
 *   query strings, path segments and bodies; each answer is below 500, an error page in Chinese.
 * A failure prints the route, its seed and the request; GONGKAI_FUZZ_SEED replays a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';
import {
  capturingLogger,
  FUZZ_RUNS,
  FUZZ_SEED,
  type FuzzRequest,
  fuzzRoute,
  type JsonSchema,
  multipart,
  mutate,
  nastyScalar,
  pct,
  queryString,
  rawQueryJunk,
  sendAndCheck,
  toJsonText,
  schemaValue,
} from '../test-support/fuzz.ts';
import { residentId } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { buildApp, type App } from './build-app.ts';

interface Param {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}

const PATH_JUNK = [
  '%00',
  '1%00',
  '1e19',
  '1e309',
  '-0',
  '99999999999',
  '2147483648',
  '-1',
  '0',
  '1.5',
  'abc',
  '%E4%B8%AD',
  '%ZZ',
  '%E4%B8',
  '..',
  '%2e%2e%2f',
  'x'.repeat(3000),
];

/** Staff who see different slices: the platform admin, a department's disclosure office, the supervising office. */
const STAFF = ['admin', 'sfj-gk', 'gkb', 'sfj-ng'];

const SEGMENT_JUNK = [
  '%00',
  '1e19',
  '1e309',
  '-0',
  '99999999999',
  '0',
  '-1',
  'abc',
  '%E4%B8',
  '%ZZ',
  '..',
  'x'.repeat(500),
];

/** Values typed into a form field: plausible ones and the ones that have broken servers. */
const fieldValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '张三',
      '13800000000',
      'a@b.cn',
      '650000',
      '2026年预算公开情况',
      '',
      'natural',
      'organization',
      'electronic',
      'online',
      'post',
      'email',
      'resident_id',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 2, arbitrary: nastyScalar.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
);

const APPLY_FIELDS = [
  'kind',
  'name',
  'phone',
  'email',
  'address',
  'postalCode',
  'idType',
  'idNumber',
  'orgType',
  'creditCode',
  'legalRepresentative',
  'contactPerson',
  'item1_description',
  'item1_title',
  'item1_docNo',
  'item2_description',
  'provisionForm',
  'deliveryMethod',
  'purpose',
];

describe.each(dialects())('fuzz: the HTTP edge never answers 5xx (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const log = capturingLogger();
  let addr = 0;
  const nextAddress = () => `10.77.${(++addr >> 8) & 255}.${addr & 255}`;
  let codes: string[] = [];
  let itemIds: number[] = [];
  let pressIds: number[] = [];
  let consultationIds: number[] = [];
  let form = { cookie: '', token: '' };
  let tracked = { registrationNo: '', trackingCode: '' };
  let adminDist = '';

  async function login(username: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD },
      remoteAddress: nextAddress(),
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const raw = String(res.headers['set-cookie']).split(';')[0]!;
    sessions.set(username, { cookie: raw, csrf: res.json().csrfToken });
  }

  /** The fuzz may log a session out, lock or deactivate its user, or reset its password: put it back. */
  async function restoreSessions(hash: string) {
    for (const u of STAFF) {
      const s = sessions.get(u)!;
      const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
      if (me.statusCode === 200) continue;
      await t.deps.db
        .updateTable('users')
        .set({ active: 1, lockedUntil: null, failedLogins: 0, passwordHash: hash })
        .where('username', '=', u)
        .execute();
      await login(u);
    }
  }

  beforeAll(async () => {
    t = await makeTestDb(dialect);
    await seedDemo(t.deps);
    // a built staff app is not what is fuzzed here: a stand-in index.html keeps /admin/ from answering 503
    adminDist = mkdtempSync(path.join(tmpdir(), 'gk-admin-'));
    writeFileSync(path.join(adminDist, 'index.html'), '<!doctype html><title>工作台</title>');
    app = await buildApp(t.deps, { loggerInstance: log.logger, adminDist });
    for (const u of STAFF) await login(u);
    const agencies = await t.deps.db
      .selectFrom('agencies')
      .select(['code', 'kind', 'acceptsApplications'])
      .where('active', '=', 1)
      .execute();
    codes = agencies.filter((a) => a.kind === 'government' || a.kind === 'department').map((a) => a.code);
    itemIds = (
      await t.deps.db
        .selectFrom('informationItems')
        .select('id')
        .where('status', '=', 'published')
        .limit(40)
        .execute()
    ).map((r) => r.id);
    consultationIds = (await t.deps.db.selectFrom('consultations').select('id').execute()).map((r) => r.id);
    pressIds = (await t.deps.db.selectFrom('pressEvents').select('id').execute()).map((r) => r.id);
    // one real application gives the tracking forms a registration number and code that exist
    const page = await app.inject({ url: '/a/sfj/apply' });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    form = { cookie, token };
    const m = multipart([
      { name: '_csrf', value: token },
      { name: 'kind', value: 'natural' },
      { name: 'name', value: '张三' },
      { name: 'idType', value: 'resident_id' },
      { name: 'idNumber', value: residentId('53012119900307001') },
      { name: 'phone', value: '13800000000' },
      { name: 'item1_description', value: '2026年本局部门预算' },
      { name: 'provisionForm', value: 'electronic' },
      { name: 'deliveryMethod', value: 'online' },
    ]);
    const posted = await app.inject({
      method: 'POST',
      url: '/a/sfj/apply',
      headers: { cookie, 'content-type': m.contentType },
      payload: m.payload,
    });
    // POST-redirect-GET: the filed form answers 303 to its receipt page, found through the receipt cookie
    expect(posted.statusCode, /class="errsummary"[\s\S]{0,600}/.exec(posted.body)?.[0]).toBe(303);
    const receiptCookie = [posted.headers['set-cookie']]
      .flat()
      .filter((c): c is string => typeof c === 'string')
      .map((c) => c.split(';')[0])
      .join('; ');
    const receipt = await app.inject({
      method: 'GET',
      url: String(posted.headers.location),
      headers: { cookie: [cookie, receiptCookie].filter(Boolean).join('; ') },
    });
    expect(receipt.statusCode).toBe(200);
    const codesOnReceipt = [...receipt.body.matchAll(/class="receipt-code">([^<]+)</g)].map((x) => x[1]!);
    tracked = { registrationNo: codesOnReceipt[0]!, trackingCode: codesOnReceipt[1]! };
    console.log(
      `fuzz seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs per route (GONGKAI_FUZZ_SEED / GONGKAI_FUZZ_RUNS)`,
    );
    // seeding the demo county takes over a minute on PostgreSQL (one statement at a time), seconds on SQLite
  }, 420_000);
  afterAll(async () => {
    if (adminDist) rmSync(adminDist, { recursive: true, force: true });
    await app?.close();
    await t?.close();
  });

  function requestFor(path: string, method: string, op: Operation): fc.Arbitrary<FuzzRequest> {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const staff = path.startsWith('/api/v1/admin/') || (op.security?.length ?? 0) > 0;

    const pathArb = fc.record(
      Object.fromEntries(
        pathParams.map((p) => [
          p.name,
          fc.oneof(
            { weight: 5, arbitrary: schemaValue(p.schema).map((v) => pct(String(v))) },
            { weight: 1, arbitrary: fc.constantFrom(...PATH_JUNK) },
          ),
        ]),
      ),
    );
    const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, schemaValue(p.schema)])), {
      requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
    });
    const bodyArb = bodySchema ? schemaValue(bodySchema) : fc.constant(undefined);
    const picks = fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 });
    const nasties = fc.array(nastyScalar, { minLength: 1, maxLength: 4 });

    return fc
      .record({
        pathValues: pathArb,
        query: queryArb,
        queryMode: fc.constantFrom('plain', 'plain', 'mutated', 'repeated', 'junk'),
        junk: rawQueryJunk,
        body: bodyArb,
        bodyMode: fc.constantFrom(
          'json',
          'json',
          'mutated',
          'mutated',
          'mutated',
          'raw-number',
          'broken-json',
          'text',
          'form',
          'multipart',
          'multipart-cut',
          'multipart-no-boundary',
          'empty',
        ),
        picks,
        nasties,
        who: fc.constantFrom(...STAFF, ...STAFF, 'anonymous', 'no-csrf'),
      })
      .map((g): FuzzRequest => {
        let url = path.replace(/\{(\w+)\}/g, (_m, n) => String(g.pathValues[n] ?? '1'));
        let q: Record<string, unknown> = g.query;
        if (g.queryMode === 'mutated') q = mutate(q, g.picks, g.nasties) as Record<string, unknown>;
        if (g.queryMode === 'repeated')
          q = Object.fromEntries(Object.entries({ q: 'a', ...q }).map(([k, v]) => [k, [v, v]]));
        let qs = queryString(q && typeof q === 'object' ? q : {});
        if (g.queryMode === 'junk') qs = qs ? `${qs}&${g.junk}` : g.junk;
        if (qs) url += `?${qs}`;

        const headers: Record<string, string> = {};
        if (staff && g.who !== 'anonymous') {
          const s = sessions.get(g.who === 'no-csrf' ? 'admin' : g.who)!;
          headers.cookie = s.cookie;
          if (g.who !== 'no-csrf' && method !== 'GET') headers['x-csrf-token'] = s.csrf;
        }
        let payload: string | Buffer | undefined;
        if (method !== 'GET' && method !== 'DELETE') {
          const value = g.body === undefined ? {} : g.body;
          const text = toJsonText(value);
          switch (g.bodyMode) {
            case 'json':
              payload = text;
              headers['content-type'] = 'application/json';
              break;
            case 'mutated':
              payload = toJsonText(mutate(value, g.picks, g.nasties));
              headers['content-type'] = 'application/json';
              break;
            case 'raw-number':
              payload = g.picks[0]! % 2 ? '1e309' : `{"id":1e19,"page":-0,"year":1e309}`;
              headers['content-type'] = 'application/json';
              break;
            case 'broken-json':
              payload = text.slice(0, Math.max(0, text.length - 1 - (g.picks[0]! % 5)));
              headers['content-type'] = 'application/json';
              break;
            case 'text':
              payload = text;
              headers['content-type'] = 'text/plain';
              break;
            case 'form':
              payload = queryString(
                value && typeof value === 'object' ? (value as Record<string, unknown>) : {},
              );
              headers['content-type'] = 'application/x-www-form-urlencoded';
              break;
            case 'empty':
              payload = '';
              headers['content-type'] = 'application/json';
              break;
            default: {
              const m = multipart(
                [{ name: 'file', value: text, filename: 'a.json', type: 'application/json' }],
                {
                  cut: g.bodyMode === 'multipart-cut' ? 7 : undefined,
                  noBoundary: g.bodyMode === 'multipart-no-boundary',
                },
              );
              payload = m.payload;
              headers['content-type'] = m.contentType;
            }
          }
        }
        return { method, url, headers, payload, remoteAddress: nextAddress() };
      });
  }

  it('JSON API: every operation, public and staff, answers bad input with a 4xx in Chinese', async () => {
    const spec = (await app.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const hash = (await t.deps.db
      .selectFrom('users')
      .select('passwordHash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow())!.passwordHash;
    const failures: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        operations++;
        const failure = await fuzzRoute(`${method} ${path}`, requestFor(path, method, op), (r) =>
          sendAndCheck(app, r, log.take),
        );
        if (failure) failures.push(failure);
        await restoreSessions(hash);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 900_000);

  const segment = (good: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: fc.constantFrom(...SEGMENT_JUNK) });
  const code = () => segment(fc.constantFrom(...codes));
  const id = () =>
    segment(fc.oneof(fc.constantFrom(...itemIds.map(String)), fc.integer({ min: 1, max: 500 }).map(String)));
  const year = () => segment(fc.integer({ min: 2007, max: 2031 }).map(String));

  /** A query string: generated values for the page's parameters, repeated or mixed with junk at times. */
  const query = (keys: string[], values: Record<string, fc.Arbitrary<string>> = {}) =>
    fc
      .record({
        q: fc.record(
          Object.fromEntries(
            keys.map((k) => [
              k,
              fc.oneof(
                { weight: 3, arbitrary: values[k] ?? fieldValue },
                { weight: 1, arbitrary: fc.array(values[k] ?? fieldValue, { minLength: 2, maxLength: 3 }) },
              ),
            ]),
          ),
          { requiredKeys: [] },
        ),
        junk: fc.option(rawQueryJunk, { nil: undefined }),
      })
      .map(({ q, junk }) => {
        const qs = [queryString(q), junk].filter(Boolean).join('&');
        return qs ? `?${qs}` : '';
      });

  const get = (urlArb: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> =>
    urlArb.map((url) => ({ method: 'GET', url, headers: {}, remoteAddress: nextAddress() }));

  const numberish = fc.oneof(
    fc.integer({ min: -3, max: 600 }).map(String),
    fc.constantFrom('1e19', '1e309', '-0', 'NaN', '0x1f', '1.5', ''),
  );

  /** A form body in one of the ways browsers and probes send them, with the form token or without. */
  const post = (urlArb: fc.Arbitrary<string>, fields: Record<string, fc.Arbitrary<string>>) =>
    fc
      .record({
        url: urlArb,
        values: fc.record(fields, { requiredKeys: [] }),
        token: fc.constantFrom('valid', 'valid', 'valid', 'missing', 'wrong'),
        encoding: fc.constantFrom(
          'multipart',
          'multipart',
          'urlencoded',
          'urlencoded',
          'cut',
          'no-boundary',
          'json',
          'text',
          'repeated',
        ),
        cut: fc.integer({ min: 1, max: 120 }),
        file: fc.option(fc.constantFrom('%PDF-1.4\n%%EOF', '\u0000\u0000', 'GIF89a', ''), { nil: undefined }),
      })
      .map((g): FuzzRequest => {
        const values = { ...g.values } as Record<string, string>;
        const headers: Record<string, string> = { cookie: form.cookie };
        if (g.token === 'valid') values._csrf = form.token;
        if (g.token === 'wrong') values._csrf = 'x'.repeat(32);
        let payload: string | Buffer;
        if (g.encoding === 'urlencoded' || g.encoding === 'repeated') {
          payload = queryString(
            g.encoding === 'repeated'
              ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [v, v]]))
              : values,
          );
          headers['content-type'] = 'application/x-www-form-urlencoded';
        } else if (g.encoding === 'json') {
          payload = JSON.stringify(values);
          headers['content-type'] = 'application/json';
        } else if (g.encoding === 'text') {
          payload = queryString(values);
          headers['content-type'] = 'text/plain';
        } else {
          const parts = Object.entries(values).map(([name, value]) => ({ name, value }));
          if (g.file !== undefined)
            parts.push({
              name: 'attachment',
              value: g.file,
              filename: '身份证.pdf',
              type: 'application/pdf',
            } as never);
          const m = multipart(parts, {
            cut: g.encoding === 'cut' ? g.cut : undefined,
            noBoundary: g.encoding === 'no-boundary',
          });
          payload = m.payload;
          headers['content-type'] = m.contentType;
        }
        return { method: 'POST', url: g.url, headers, payload, remoteAddress: nextAddress() };
      });

  it('portal: every page and form answers bad input with a 4xx page in Chinese', async () => {
    const search = query(['q', 'year', 'subject', 'docNo', 'validity', 'order', 'category', 'page'], {
      year: numberish,
      category: numberish,
      page: numberish,
      order: fc.constantFrom('relevance', 'date', 'x'),
    });
    const c = code();
    const returnPaths = fc.constantFrom(
      '/',
      '/a/sfj/',
      '//evil.example/',
      '/\\evil.example',
      '/%09/evil.example',
      'https://evil.example',
      '/\t/evil.example',
      '/政府',
      '/a?b=c#d',
      '',
    );
    const targets: [string, fc.Arbitrary<FuzzRequest>][] = [
      ['GET /', get(query(['q']).map((q) => `/${q}`))],
      ['GET /agencies', get(query(['page']).map((q) => `/agencies${q}`))],
      ['GET /a/:code/', get(fc.tuple(c, query(['x'])).map(([a, q]) => `/a/${a}/${q}`))],
      ['GET /a/:code', get(c.map((a) => `/a/${a}`))],
      [
        'GET /a/:code/:column',
        get(
          fc
            .tuple(
              c,
              segment(fc.constantFrom('guide', 'regimes', 'catalog', 'annual-reports', 'apply', 'nope')),
            )
            .map(([a, col]) => `/a/${a}/${col}`),
        ),
      ],
      [
        'GET /a/:code/catalog',
        get(
          fc
            .tuple(c, query(['entry', 'page'], { entry: numberish, page: numberish }))
            .map(([a, q]) => `/a/${a}/catalog${q}`),
        ),
      ],
      ['GET /search', get(search.map((q) => `/search${q}`))],
      ['GET /a/:code/search', get(fc.tuple(c, search).map(([a, q]) => `/a/${a}/search${q}`))],
      [
        'GET /d/:id',
        get(
          fc
            .tuple(id(), query(['print'], { print: fc.constantFrom('1', '0', '') }))
            .map(([i, q]) => `/d/${i}${q}`),
        ),
      ],
      ['GET /d/:id/files/:fileId', get(fc.tuple(id(), id()).map(([i, f]) => `/d/${i}/files/${f}`))],
      [
        'GET /a/:code/feed.xml',
        get(
          fc.tuple(c, query(['category'], { category: numberish })).map(([a, q]) => `/a/${a}/feed.xml${q}`),
        ),
      ],
      [
        'GET /a/:code/atom.xml',
        get(
          fc.tuple(c, query(['category'], { category: numberish })).map(([a, q]) => `/a/${a}/atom.xml${q}`),
        ),
      ],
      ['GET /a/:code/guide', get(c.map((a) => `/a/${a}/guide`))],
      [
        'GET /a/:code/guide/v/:version',
        get(
          fc
            .tuple(c, segment(fc.integer({ min: 0, max: 5 }).map(String)))
            .map(([a, v]) => `/a/${a}/guide/v/${v}`),
        ),
      ],
      ['GET /a/:code/annual-reports', get(c.map((a) => `/a/${a}/annual-reports`))],
      [
        'GET /a/:code/annual-reports/:year',
        get(fc.tuple(c, year()).map(([a, y]) => `/a/${a}/annual-reports/${y}`)),
      ],
      ['GET /inspections', get(query(['page']).map((q) => `/inspections${q}`))],
      [
        'GET /inspections/:id',
        get(segment(fc.integer({ min: 0, max: 40 }).map(String)).map((i) => `/inspections/${i}`)),
      ],
      [
        'GET /a/:code/annual-reports/:year/report.docx',
        get(fc.tuple(c, year()).map(([a, y]) => `/a/${a}/annual-reports/${y}/report.docx`)),
      ],
      [
        'GET /a11y',
        get(
          query(['mode', 'return'], {
            mode: fc.constantFrom('large', 'contrast', 'large,contrast', ''),
            return: returnPaths,
          }).map((q) => `/a11y${q}`),
        ),
      ],
      ['GET /a/:code/apply', get(fc.tuple(c, query(['title', 'ref'])).map(([a, q]) => `/a/${a}/apply${q}`))],
      ['GET /track', get(query(['registrationNo']).map((q) => `/track${q}`))],
      [
        'GET /sitemaps, robots',
        get(
          fc.constantFrom(
            '/sitemap.xml',
            '/sitemap-documents.xml',
            '/robots.txt',
            '/admin/',
            '/admin/x/%00',
            '/assets/portal.x.css',
          ),
        ),
      ],
      [
        'POST /a/:code/apply',
        post(
          c.map((a) => `/a/${a}/apply`),
          Object.fromEntries(APPLY_FIELDS.map((k) => [k, fieldValue])),
        ),
      ],
      [
        'POST /track',
        post(fc.constant('/track'), {
          registrationNo: fc.oneof(fc.constant(tracked.registrationNo), fieldValue),
          trackingCode: fc.oneof(fc.constant(tracked.trackingCode), fieldValue),
        }),
      ],
      ...(['letter', 'file', 'receipt'] as const).map((what): [string, fc.Arbitrary<FuzzRequest>] => [
        `POST /track/${what}`,
        post(fc.constant(`/track/${what}`), {
          registrationNo: fc.oneof(fc.constant(tracked.registrationNo), fieldValue),
          trackingCode: fc.oneof(fc.constant(tracked.trackingCode), fieldValue),
          letterId: numberish,
          fileId: numberish,
        }),
      ]),
      [
        'GET /a/:code/mailbox, receipt, replies',
        get(
          fc
            .tuple(
              c,
              fc.constantFrom('', '/receipt', '/replies'),
              query(['kind', 'page'], { page: numberish }),
            )
            .map(([a, p, q]) => `/a/${a}/mailbox${p}${q}`),
        ),
      ],
      [
        'POST /a/:code/mailbox',
        post(
          c.map((a) => `/a/${a}/mailbox`),
          Object.fromEntries(
            [
              'kind',
              'subject',
              'body',
              'senderName',
              'senderContact',
              'publishConsent',
              'score_content',
              'score_form',
              'score_system',
              'score_effect',
            ].map((k) => [
              k,
              k === 'kind' ? fc.oneof(fc.constantFrom('complaint', 'evaluation'), fieldValue) : fieldValue,
            ]),
          ),
        ),
      ],
      ['GET /mailbox/track', get(query(['trackingNo']).map((q) => `/mailbox/track${q}`))],
      ...(['track', 'rate'] as const).map((what): [string, fc.Arbitrary<FuzzRequest>] => [
        `POST /mailbox/${what}`,
        post(fc.constant(`/mailbox/${what}`), {
          trackingNo: fieldValue,
          trackingCode: fieldValue,
          satisfaction: fc.oneof(fc.constantFrom('satisfied', 'dissatisfied'), fieldValue),
          askReanswer: fieldValue,
          comment: fieldValue,
        }),
      ]),
      [
        'GET /a/:code/consultations[/:id[/track|/submitted]]',
        get(
          fc
            .tuple(
              c,
              segment(fc.oneof(fc.constantFrom(...consultationIds.map(String)), numberish)),
              fc.constantFrom('', '/track', '/submitted', '/x'),
            )
            .chain(([a, i, tail]) =>
              fc.constantFrom(`/a/${a}/consultations`, `/a/${a}/consultations/${i}${tail}`),
            ),
        ),
      ],
      [
        'POST /a/sfj/consultations/:id/comments',
        post(
          segment(fc.oneof(fc.constantFrom(...consultationIds.map(String)), numberish)).map(
            (i) => `/a/sfj/consultations/${i}/comments`,
          ),
          {
            articleId: numberish,
            body: fieldValue,
            name: fieldValue,
            contact: fieldValue,
            displayName: fieldValue,
          },
        ),
      ],
      [
        'POST /a/sfj/consultations/:id/track',
        post(
          segment(fc.oneof(fc.constantFrom(...consultationIds.map(String)), numberish)).map(
            (i) => `/a/sfj/consultations/${i}/track`,
          ),
          { commentNo: numberish, trackingCode: fieldValue },
        ),
      ],
      [
        'GET /a/:code/press[/:id]',
        get(
          fc
            .tuple(
              c,
              segment(fc.oneof(fc.constantFrom('1', ...pressIds.map(String)), numberish)),
              fc.constantFrom('', '?sent=1', '/x'),
            )
            .chain(([a, i, tail]) => fc.constantFrom(`/a/${a}/press`, `/a/${a}/press/${i}${tail}`)),
        ),
      ],
      [
        'POST /a/gov/press/:id/questions',
        post(
          segment(fc.oneof(fc.constantFrom('1', ...pressIds.map(String)), numberish)).map(
            (i) => `/a/gov/press/${i}/questions`,
          ),
          { body: fieldValue, name: fieldValue, contact: fieldValue },
        ),
      ],
      [
        'GET unknown and broken paths',
        get(fc.constantFrom(...SEGMENT_JUNK).map((s) => `/${s}/${pct('中文')}`)),
      ],
    ];
    const failures: string[] = [];
    for (const [key, arb] of targets) {
      const failure = await fuzzRoute(key, arb, (r) => sendAndCheck(app, r, log.take), FUZZ_RUNS * 2);
      if (failure) failures.push(failure);
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 900_000);
});
