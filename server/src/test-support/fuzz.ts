/**
 * The fuzz tier's generators (`*.fuzz.test.ts`, run on SQLite and PostgreSQL): requests built from
 * the OpenAPI schemas the routes publish, then mutated the way a careless client or a hostile probe
 * would — NUL bytes, 1e309 and 1e19, -0, arrays for scalars, repeated query parameters, overlong
 * strings, broken JSON, wrong content types, truncated or boundary-less multipart bodies — and the
 * one property every answer must have: a status below 500 and, for an error, a JSON (API) or HTML
 * (portal) body with a Chinese message (docs/errors.md).
 *
 * Runs are seeded: GONGKAI_FUZZ_SEED reproduces a run, GONGKAI_FUZZ_RUNS sets the runs per route.
 */
import fc from 'fast-check';
import type { FastifyBaseLogger } from 'fastify';
import type { App } from '../http/build-app.ts';

export const FUZZ_SEED = Number(process.env.GONGKAI_FUZZ_SEED ?? 20261203);
export const FUZZ_RUNS = Number(process.env.GONGKAI_FUZZ_RUNS ?? 16);

/** A stable per-route seed, so one route's failure reproduces without replaying every route before it. */
export function seedFor(key: string): number {
  let h = FUZZ_SEED | 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/** JSON text spliced in as is, for what JSON.stringify cannot write: 1e309, -0, 1e19 as written. */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJsonText(v: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(v, (_k, x) => {
    if (x instanceof RawJson) {
      raws.push(x.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return x;
  });
  return (text ?? 'null').replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i) => raws[Number(i)]!);
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  title?: string;
}

/** Strings that have broken servers: NUL, control and bidi characters, lone surrogates, markup, SQL, paths. */
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '申请\u0000内容',
  '',
  ' ',
  '\t\r\n',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𠀀𪚥😀',
  '<script>alert(1)</script>',
  "'; DROP TABLE agencies; --",
  '%00',
  '%',
  '../../etc/passwd',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '2026-02-30',
  '2026-13-45',
  '0000-00-00',
  '9999-99-99',
  '99999999999999999999',
  '１２３',
  'null',
];

const NASTY_NUMBERS: unknown[] = [
  new RawJson('1e309'),
  new RawJson('-1e309'),
  new RawJson('-0'),
  new RawJson('1e19'),
  new RawJson('1E400'),
  new RawJson('0.0000000000000000000000000001'),
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  1.5,
  1e15,
];

export const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, {}, [], [1, 2], ['a', 'b'], { a: '\u0000' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 64 }).map((n) => 'x'.repeat(n * 1000)),
);

function types(s: JsonSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

function safeRegex(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

/** Values that satisfy (or nearly satisfy) a schema, leaning towards ids that exist in the demo data. */
export function schemaValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union && union.length > 0) return fc.oneof(...union.map((b) => schemaValue(b, depth)));
  if (s.allOf && s.allOf.length > 0) return schemaValue(s.allOf[0]!, depth);
  const t = types(s);
  if (t.includes('null') && t.length === 1) return fc.constant(null);
  const ty = t.find((x) => x !== 'null') ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
  switch (ty) {
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
      const lo = Math.max(min, -1e9);
      const hi = Math.min(Math.max(max, lo), 1e9);
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.integer({ min: Math.max(lo, 1), max: Math.max(Math.min(hi, 40), lo, 1) }),
        },
        { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
        { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
      );
    }
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = s.items ? schemaValue(s.items, depth + 1) : fc.string();
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    }
    case 'object': {
      if (depth > 4 || !s.properties) return fc.constant({});
      const props = Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, schemaValue(v, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default: {
      const min = s.minLength ?? 0;
      const max = Math.max(min, Math.min(s.maxLength ?? 40, 60));
      const fromPattern = s.pattern ? safeRegex(s.pattern) : null;
      const dates = fc
        .date({ min: new Date('2008-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
      const base = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
      if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
        return fc.oneof({ weight: 4, arbitrary: dates }, { weight: 1, arbitrary: fromPattern ?? base });
      if (fromPattern) return fromPattern;
      if (s.format === 'email') return fc.emailAddress();
      return fc.oneof(
        base,
        fc.constantFrom('测试', '政府信息公开', '2026', 'sfj', 'a'.repeat(Math.max(min, 1))),
      );
    }
  }
}

/** Replaces values deep inside `v` (chosen by `picks`) with nasty ones; adds unknown keys too. */
export function mutate(v: unknown, picks: number[], nasty: unknown[]): unknown {
  let i = 0;
  const walk = (x: unknown, depth: number): unknown => {
    const pick = picks[i % picks.length]!;
    const bad = nasty[i % nasty.length];
    i++;
    if (pick % 7 === 0 || depth > 5) return bad;
    if (Array.isArray(x)) return x.map((y) => walk(y, depth + 1));
    if (x && typeof x === 'object' && !(x instanceof RawJson)) {
      const out: Record<string, unknown> = {};
      for (const [k, y] of Object.entries(x)) out[k] = pick % 3 === 0 ? walk(y, depth + 1) : y;
      if (pick % 11 === 0) out['extra\u0000key'] = bad;
      return out;
    }
    return pick % 2 === 0 ? bad : x;
  };
  return walk(v, 0);
}

/** Percent-encodes like encodeURIComponent, also for lone surrogates (sent as the UTF-8 of U+FFFD). */
export function pct(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

/** A query string from a value map; arrays become repeated parameters (`?q=a&q=b`). */
export function queryString(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    const vs = Array.isArray(v) ? v : [v];
    for (const x of vs) {
      const s = x instanceof RawJson ? x.text : typeof x === 'object' ? JSON.stringify(x) : String(x);
      parts.push(`${pct(k)}=${pct(s)}`);
    }
  }
  return parts.join('&');
}

/** Raw query fragments no encoder would write: bad percent escapes, brackets, bare keys. */
export const rawQueryJunk = fc.constantFrom(
  '',
  '&',
  '=',
  '%',
  '%zz=1',
  'q=%E4%B8',
  'q=%00',
  'page=1e19',
  'page=1e309',
  'page=-0',
  'page=NaN',
  'page=0x10',
  'q[]=a&q[]=b',
  'q[a]=b',
  'a=1&a=2&a=3',
  `q=${'%41'.repeat(3000)}`,
);

export interface MultipartPart {
  name: string;
  value: string;
  filename?: string;
  type?: string;
}

/** A multipart body; `cut` truncates it (no closing boundary), `noBoundary` drops the boundary parameter. */
export function multipart(
  parts: MultipartPart[],
  opts: { cut?: number; noBoundary?: boolean } = {},
): { payload: Buffer; contentType: string } {
  const boundary = '----gongkaiFuzzBoundary7MA4YWxk';
  const chunks: string[] = [];
  for (const p of parts) {
    chunks.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n${p.value}\r\n`,
    );
  }
  chunks.push(`--${boundary}--\r\n`);
  let payload = Buffer.from(chunks.join(''), 'utf8');
  if (opts.cut !== undefined) payload = payload.subarray(0, Math.max(0, payload.length - opts.cut));
  return {
    payload,
    contentType: opts.noBoundary ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`,
  };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress: string;
}

export function describeRequest(r: FuzzRequest): string {
  const body =
    r.payload === undefined
      ? ''
      : `\n  body: ${(Buffer.isBuffer(r.payload) ? r.payload.toString('utf8') : r.payload).slice(0, 600)}`;
  const headers = Object.entries(r.headers)
    .filter(([k]) => k !== 'cookie' && k !== 'x-csrf-token')
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return `${r.method} ${r.url.slice(0, 400)}\n  headers: ${headers}${body}`;
}

/** A logger that keeps what the error handler logs at error level, so a 5xx report shows its cause. */
export function capturingLogger(): { logger: FastifyBaseLogger; take: () => unknown } {
  let last: unknown;
  const keep = (obj: unknown) => {
    last = (obj as { err?: unknown } | null)?.err ?? obj;
  };
  const quiet = () => {};
  const logger = {
    level: 'error',
    fatal: keep,
    error: keep,
    warn: quiet,
    info: quiet,
    debug: quiet,
    trace: quiet,
    silent: quiet,
    child: () => logger,
  } as unknown as FastifyBaseLogger;
  return {
    logger,
    take: () => {
      const e = last;
      last = undefined;
      return e;
    },
  };
}

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The property: no 5xx, and every error says what is wrong in Chinese — as `{code, message}` JSON on
 * the API, as an HTML page on the portal.
 */
export async function sendAndCheck(app: App, r: FuzzRequest, cause?: () => unknown): Promise<void> {
  cause?.();
  const res = await app.inject({
    method: r.method as 'GET',
    url: r.url,
    headers: r.headers,
    remoteAddress: r.remoteAddress,
    ...(r.payload === undefined ? {} : { payload: r.payload }),
  });
  const where = () => `${describeRequest(r)}\n  → ${res.statusCode} ${res.body.slice(0, 400)}`;
  if (res.statusCode >= 500) {
    const e = cause?.();
    const why = e instanceof Error ? `\n  cause: ${e.stack?.split('\n').slice(0, 6).join('\n    ')}` : '';
    throw new Error(`server error\n  ${where()}${why}`);
  }
  if (res.statusCode < 400) return;
  if (r.url.startsWith('/api/')) {
    let body: { code?: unknown; message?: unknown };
    try {
      body = res.json();
    } catch {
      throw new Error(`error answer is not JSON\n  ${where()}`);
    }
    if (typeof body.code !== 'string' || typeof body.message !== 'string' || !CHINESE.test(body.message))
      throw new Error(`error answer lacks {code, message in Chinese}\n  ${where()}`);
  } else if (!CHINESE.test(res.body)) {
    throw new Error(`error page lacks a Chinese message\n  ${where()}`);
  }
}

/** Runs one property for a route with its own seed; returns a report line when it fails. */
export async function fuzzRoute(
  key: string,
  arb: fc.Arbitrary<FuzzRequest>,
  send: (r: FuzzRequest) => Promise<void>,
  runs = FUZZ_RUNS,
): Promise<string | null> {
  const seed = seedFor(key);
  const details = await fc.check(
    fc.asyncProperty(arb, async (r) => {
      await send(r);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  if (!details.failed) return null;
  const err =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${key} (seed ${seed}, path ${details.counterexamplePath}):\n  ${err}`;
}
