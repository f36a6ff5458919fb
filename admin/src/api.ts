/**
 * Thin fetch wrapper for the same-origin JSON API under /api/v1. It sends the session cookie, adds the
 * CSRF token to every non-GET request, turns error bodies into ApiError and reports a lost session.
 */

export interface FieldProblem {
  /** dotted path of the field, e.g. `rules.replyDays` */
  field: string;
  label: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** A 401 that means "the session is gone", not "the password you typed is wrong". */
  get isSessionLost(): boolean {
    return this.status === 401 && this.code !== 'AUTH_INVALID_CREDENTIALS';
  }
}

const BASE = '/api/v1';

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the auth provider; invoked whenever a request finds the session gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Appends the non-empty query values to a path. */
export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** Normalises anything thrown by a request into an ApiError with a Chinese message. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'CLIENT_ERROR', '操作失败，请稍后重试');
}

interface RequestOptions {
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  const data = await readBody(res);
  if (!res.ok) {
    const error = errorFromBody(res.status, data);
    if (error.isSessionLost) unauthorizedHandler?.();
    throw error;
  }
  return data as T;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromBody(status: number, data: unknown): ApiError {
  if (data && typeof data === 'object') {
    const body = data as { code?: unknown; message?: unknown; fields?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      const fields = Array.isArray(body.fields) ? (body.fields as FieldProblem[]) : [];
      return new ApiError(status, body.code, body.message, fields);
    }
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 401) return '请先登录';
  if (status === 403) return '您没有权限执行此操作';
  if (status === 404) return '请求的内容不存在';
  if (status >= 500) return `服务器暂时无法处理请求（${status}），请稍后重试`;
  return `请求失败（${status}）`;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T = void>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T = void>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
