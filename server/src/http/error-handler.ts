/**
 * One place maps errors to HTTP: AppError codes via the registry (error-registry.ts), schema validation failures to
 * VALIDATION_FAILED naming each field in Chinese, everything else to INTERNAL without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem, isAppError } from '../shared/app-error.ts';
import { isRetryableConflict } from '../shared/tx.ts';
import { ERROR_CATALOG, type ErrorCode } from './error-registry.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: { title?: string; properties?: Record<string, { title?: string }> };
  schema?: unknown;
}

const CONTEXT_LABEL: Record<string, string> = {
  body: '',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

function fieldMessage(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return '不能为空';
    case 'minLength':
      return p.limit === 1 ? '不能为空' : `至少 ${p.limit} 个字符`;
    case 'maxLength':
      return `不能超过 ${p.limit} 个字符`;
    case 'minItems':
      return p.limit === 1 ? '至少填写一项' : `至少 ${p.limit} 项`;
    case 'maxItems':
      return `最多 ${p.limit} 项`;
    case 'minimum':
      return `不能小于 ${p.limit}`;
    case 'maximum':
      return `不能大于 ${p.limit}`;
    case 'pattern':
    case 'format':
      return '格式不正确';
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return '取值不在允许范围内';
    case 'type':
      return p.type === 'integer' || p.type === 'number'
        ? '应为数字'
        : p.type === 'boolean'
          ? '应为是/否'
          : p.type === 'array'
            ? '应为列表'
            : '类型不正确';
    case 'additionalProperties':
      return `不允许的字段“${String(p.additionalProperty)}”`;
    default:
      return '内容不正确';
  }
}

export function validationProblems(errors: AjvError[], context: string | undefined): FieldProblem[] {
  // A union (anyOf) fails once per branch and once as a whole; the whole carries the title and the useful message.
  const byField = new Map<string, { label?: string; error: AjvError }>();
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let field = base;
    let label: string | undefined;
    if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty);
      field = base ? `${base}.${missing}` : missing;
      label = e.parentSchema?.properties?.[missing]?.title;
    } else {
      label = e.parentSchema?.title;
    }
    if (!field) field = context ?? 'body';
    const seen = byField.get(field);
    if (!seen) byField.set(field, { label, error: e });
    else {
      if (!seen.label && label) seen.label = label;
      if (e.keyword === 'anyOf' || e.keyword === 'oneOf') seen.error = e;
    }
  }
  const prefix = context && CONTEXT_LABEL[context] ? `${CONTEXT_LABEL[context]} ` : '';
  return [...byField.entries()].map(([field, v]) => ({
    field,
    label: prefix + (v.label ?? field),
    message: fieldMessage(v.error),
  }));
}

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldProblem[];
}

export function errorBody(err: AppError): ErrorBody {
  const body: ErrorBody = { code: err.code, message: err.message };
  if (err.fields) body.fields = err.fields;
  return body;
}

/**
 * Database refusals that only input can cause, on either dialect: an id that points at no row (a
 * foreign key), a duplicate of a unique value, a value the column cannot hold. The edge guards
 * (input-guard.ts) stop most of these earlier; this keeps the rest from reading as a server fault.
 */
const DATABASE_REFUSALS: Record<string, ErrorCode> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'REFERENCE_NOT_FOUND',
  '23503': 'REFERENCE_NOT_FOUND',
  SQLITE_CONSTRAINT_UNIQUE: 'DUPLICATE',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'DUPLICATE',
  '23505': 'DUPLICATE',
  SQLITE_CONSTRAINT_CHECK: 'DATA_REJECTED',
  SQLITE_MISMATCH: 'DATA_REJECTED',
  SQLITE_TOOBIG: 'DATA_REJECTED',
  '23514': 'DATA_REJECTED',
  '22001': 'DATA_REJECTED',
  '22003': 'DATA_REJECTED',
  '22007': 'DATA_REJECTED',
  '22008': 'DATA_REJECTED',
  '22021': 'DATA_REJECTED',
  '22P02': 'DATA_REJECTED',
  '54000': 'DATA_REJECTED',
};

function databaseRefusal(error: unknown): ErrorCode | undefined {
  const e = error as { code?: unknown } | null;
  if (typeof e?.code !== 'string') return undefined;
  // pg's DatabaseError and better-sqlite3's SqliteError only; never a framework error (FST_…)
  const kind = (error as object).constructor?.name;
  if (kind !== 'SqliteError' && kind !== 'DatabaseError') return undefined;
  return DATABASE_REFUSALS[e.code];
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isRetryableConflict(error)) return new AppError('DATABASE_BUSY');
  const refused = databaseRefusal(error);
  if (refused) return new AppError(refused);
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe?.validation) {
    const fields = validationProblems(fe.validation, fe.validationContext);
    return new AppError('VALIDATION_FAILED', {
      message: `请检查以下内容：${fields.map((f) => `${f.label}：${f.message}`).join('；')}`,
      fields,
    });
  }
  switch (fe?.code) {
    case 'FST_ERR_BAD_URL':
      return new AppError('BAD_URL');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URL_TOO_LONG');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('JSON_MALFORMED');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  switch (fe?.statusCode) {
    case 400:
      return new AppError('BAD_REQUEST');
    case 404:
      return new AppError('NOT_FOUND');
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE');
    case 415:
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 429:
      return new AppError('RATE_LIMITED');
  }
  // any other client error from the framework or a plugin (406, 414, 431 …) stays a client error
  const status = fe?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('BAD_REQUEST');
  return new AppError('INTERNAL');
}

export function makeErrorHandler(
  renderHtml?: (req: FastifyRequest, reply: FastifyReply, err: AppError) => unknown,
) {
  return function errorHandler(this: unknown, error: unknown, req: FastifyRequest, reply: FastifyReply) {
    const app = toAppError(error);
    if (app.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    else if (error !== app && !isAppError(error) && app.status < 500) req.log.warn({ err: error }, app.code);
    else if (app.status >= 500) req.log.warn({ err: error }, app.code);
    reply.status(app.status);
    if (app.code === 'DATABASE_BUSY') reply.header('retry-after', '1');
    if (renderHtml && !req.url.startsWith('/api/') && !req.url.startsWith('/healthz'))
      return renderHtml(req, reply, app);
    return reply.send(errorBody(app));
  };
}

export { ERROR_CATALOG };
