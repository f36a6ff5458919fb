/**
 * Input refused at the edge, for every route at once, before any handler or database sees it:
 * - NUL characters (U+0000) anywhere in the URL, the query or a parsed body — PostgreSQL cannot store
 *   them in text and answers 22021, SQLite would store a string that ends early for C callers;
 * - repeated query parameters (`?q=a&q=b`) unless the route's schema asks for a list;
 * - numbers outside what the columns hold: integers beyond PostgreSQL's 32-bit `integer` (ids, pages,
 *   years, days) and non-finite numbers (JSON `1e309` parses to Infinity) — every integer and number
 *   in a route's request schema gets bounds when it has none, so Ajv names the field in Chinese.
 * Each refusal is a VALIDATION_FAILED naming the field, like any schema failure (docs/errors.md).
 */
import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, type FieldProblem, isAppError, validationError } from './app-error.ts';

/** PostgreSQL `integer` (int4): ids are `serial`, counts and years are `integer`. */
export const INT_MAX = 2_147_483_647;
export const INT_MIN = -2_147_483_648;
/** Larger than any amount of money, count or rate the platform holds; keeps Infinity out. */
export const NUMBER_LIMIT = 1e12;

export const NUL_MESSAGE = '不能包含空字符（U+0000）';
export const REPEATED_MESSAGE = '只能填写一次，不能重复出现';

interface SchemaNode {
  type?: string | string[];
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

const typesOf = (s: SchemaNode): string[] =>
  s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];

/** Adds bounds to every integer and number in a request schema that has none (idempotent: schemas are shared). */
export function boundNumbers(s: unknown, seen = new Set<unknown>()): void {
  if (!s || typeof s !== 'object' || seen.has(s)) return;
  seen.add(s);
  const node = s as SchemaNode;
  const t = typesOf(node);
  const limit = t.includes('integer')
    ? [INT_MIN, INT_MAX]
    : t.includes('number')
      ? [-NUMBER_LIMIT, NUMBER_LIMIT]
      : null;
  if (limit) {
    if (node.maximum === undefined && node.exclusiveMaximum === undefined) node.maximum = limit[1];
    if (node.minimum === undefined && node.exclusiveMinimum === undefined) node.minimum = limit[0];
  }
  for (const child of [
    ...Object.values(node.properties ?? {}),
    ...Object.values(node.patternProperties ?? {}),
    ...(typeof node.additionalProperties === 'object' ? [node.additionalProperties] : []),
    ...(Array.isArray(node.items) ? node.items : node.items ? [node.items] : []),
    ...(node.anyOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.allOf ?? []),
  ])
    boundNumbers(child, seen);
}

/** The schema of a property, looking through unions; undefined when the schema does not say. */
function propertySchema(s: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!s) return undefined;
  if (s.properties?.[key]) return s.properties[key];
  for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
    const found = propertySchema(b, key);
    if (found) return found;
  }
  return undefined;
}

function titleOf(s: SchemaNode | undefined): string | undefined {
  if (!s) return undefined;
  if (s.title) return s.title;
  for (const b of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) if (b.title) return b.title;
  return undefined;
}

function acceptsList(s: SchemaNode | undefined): boolean {
  if (!s) return false;
  if (typesOf(s).includes('array')) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(acceptsList);
}

/** Field problems for NUL characters and non-finite numbers in a parsed body, labelled from the schema. */
export function bodyProblems(body: unknown, schema: SchemaNode | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (v: unknown, path: string[], s: SchemaNode | undefined, depth: number) => {
    if (problems.length >= 20 || depth > 64) return;
    const field = path.join('.') || 'body';
    const label = titleOf(s) ?? field;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push({ field, label, message: NUL_MESSAGE });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ field, label, message: '数值超出允许范围' });
    } else if (Array.isArray(v)) {
      const item = s && !Array.isArray(s.items) ? s.items : undefined;
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, String(i)], item, depth + 1);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) {
          problems.push({
            field: [...path, k.replaceAll('\u0000', '\\0')].join('.'),
            label: '字段名',
            message: NUL_MESSAGE,
          });
          continue;
        }
        walk(x, [...path, k], propertySchema(s, k), depth + 1);
      }
    }
  };
  walk(body, [], schema, 0);
  return problems;
}

/** Field problems of the query: NUL characters, and repeated parameters the schema does not ask to repeat. */
export function queryProblems(req: FastifyRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const q = req.query as Record<string, unknown> | null | undefined;
  const schema = (req.routeOptions?.schema as { querystring?: SchemaNode } | undefined)?.querystring;
  for (const [k, v] of Object.entries(q ?? {})) {
    const s = propertySchema(schema, k);
    const label = `查询参数 ${titleOf(s) ?? k}`;
    const field = k.replaceAll('\u0000', '\\0');
    const values = Array.isArray(v) ? v : [v];
    if (k.includes('\u0000') || values.some((x) => typeof x === 'string' && x.includes('\u0000')))
      problems.push({ field, label, message: NUL_MESSAGE });
    else if (Array.isArray(v) && !acceptsList(s)) problems.push({ field, label, message: REPEATED_MESSAGE });
  }
  return problems;
}

/** An integer field whose schema takes no text: its value in a URL must be written as a whole number. */
function integerOnly(s: SchemaNode | undefined): boolean {
  if (!s) return false;
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (branches.length > 0)
    return branches.some(integerOnly) && !branches.some((b) => typesOf(b).includes('string'));
  const t = typesOf(s);
  return t.includes('integer') && !t.includes('string');
}

/**
 * Path and query integers as text: Ajv would read `1e309` as Infinity and `1e19` as a whole number;
 * only digits (an optional sign) are a number here, and the schema's bounds then apply.
 */
export function integerTextProblems(
  values: unknown,
  schema: SchemaNode | undefined,
  prefix: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values || typeof values !== 'object') return problems;
  for (const [k, v] of Object.entries(values)) {
    const s = propertySchema(schema, k);
    if (typeof v === 'string' && integerOnly(s) && v.trim() !== '' && !/^[+-]?\d{1,15}$/.test(v.trim()))
      problems.push({ field: k, label: `${prefix}${titleOf(s) ?? k}`, message: '应为整数' });
  }
  return problems;
}

export function inputGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const s = route.schema as Record<string, unknown> | undefined;
    if (!s) return;
    for (const part of ['body', 'querystring', 'params', 'headers']) boundNumbers(s[part]);
  });

  app.addHook('onRequest', async (req) => {
    const qAt = req.url.indexOf('?');
    const path = qAt < 0 ? req.url : req.url.slice(0, qAt);
    if (/%00/i.test(path) || path.includes('\u0000'))
      throw validationError([{ field: 'path', label: '网址', message: NUL_MESSAGE }]);
    const problems = queryProblems(req);
    if (problems.length > 0) throw validationError(problems);
  });

  app.addHook('preValidation', async (req) => {
    const schemas = req.routeOptions?.schema as
      | { body?: SchemaNode; params?: SchemaNode; querystring?: SchemaNode }
      | undefined;
    const problems = [
      ...integerTextProblems(req.params, schemas?.params, '路径参数 '),
      ...integerTextProblems(req.query, schemas?.querystring, '查询参数 '),
      ...(req.body === undefined || req.body === null ? [] : bodyProblems(req.body, schemas?.body)),
    ];
    if (problems.length > 0) throw validationError(problems);
  });
}

/** Refuses NUL characters in fields read by hand (multipart forms are parsed inside the handler). */
export function refuseNul(fields: Record<string, unknown>): void {
  const problems = bodyProblems(fields, undefined);
  if (problems.length > 0) throw validationError(problems);
}

function malformed(e: unknown): unknown {
  if (isAppError(e)) return e;
  // the plugin's own limits (parts, files, fields: 413) keep their meaning; everything else the parser
  // throws — no boundary, cut short, bad part headers — is a body the sender broke
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  if (status === 413) return e;
  return new AppError('FORM_MALFORMED');
}

/** The parts of a multipart body; a body without boundary, cut short or malformed is FORM_MALFORMED. */
export async function* multipartParts(
  req: FastifyRequest,
  opts: Parameters<FastifyRequest['parts']>[0],
): AsyncGenerator<Multipart> {
  let it: AsyncIterator<Multipart>;
  try {
    it = req.parts(opts)[Symbol.asyncIterator]();
  } catch (e) {
    throw malformed(e);
  }
  for (;;) {
    let r: IteratorResult<Multipart>;
    try {
      r = await it.next();
    } catch (e) {
      throw malformed(e);
    }
    if (r.done) return;
    yield r.value;
  }
}
