import type { ErrorCode } from '../http/error-registry.ts';
import type { ErrorEntry } from './error-entry.ts';

export type { ErrorCode };

/**
 * Errors are codes, not HTTP statuses (house style rule 7). Services throw `new AppError('CODE')`;
 * the HTTP error handler maps the code to a status and a Chinese message. Each module keeps its own
 * catalog (e.g. requests/requests.errors.ts); the registry of all of them is assembled at the top, in
 * http/error-registry.ts, which registers them here — so this base module imports no module above
 * it (the `ErrorCode` union is a type-only import, erased at runtime). docs/errors.md must list every
 * code — a test enforces it.
 */
/** Platform-wide codes. */
export const CORE_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后重新提交' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  NOT_FOUND: { status: 404, message: '您访问的内容不存在或尚未公开' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有权限执行此操作' },
  CSRF_INVALID: { status: 403, message: '页面已过期或请求来源无法验证，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  BAD_URL: { status: 400, message: '网址格式不正确：含有无法识别的编码，请检查后重试' },
  URL_TOO_LONG: { status: 414, message: '网址中的参数过长' },
  JSON_MALFORMED: { status: 400, message: '提交的内容不是有效的 JSON，或内容为空' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求的内容类型不受支持' },
  REFERENCE_NOT_FOUND: { status: 400, message: '所引用的机关、人员或其他记录不存在，请检查后重试' },
  DUPLICATE: { status: 409, message: '与已有记录重复，或已被他人同时提交' },
  DATA_REJECTED: { status: 400, message: '提交的数据超出允许范围（数值、日期或长度），请检查后重试' },
  FORM_MALFORMED: { status: 400, message: '提交的表单数据不完整或格式不正确，请返回表单重新提交' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试；如持续出现请联系管理员' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂时无法访问' },
  DATABASE_BUSY: { status: 503, message: '系统繁忙，请稍后重试；您提交的内容未被保存' },

  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码不正确' },
  AUTH_ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  AUTH_PASSWORD_TOO_WEAK: { status: 400, message: '新密码不符合要求：至少 10 位，且同时包含字母和数字' },
  AUTH_PASSWORD_REUSED: { status: 400, message: '新密码不能与当前密码相同' },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码不正确' },
  AUTH_ROLE_NOT_HELD: { status: 403, message: '您在该机关没有此角色' },

  AGENCY_NOT_FOUND: { status: 404, message: '机关不存在' },
  AGENCY_CODE_TAKEN: { status: 409, message: '机关简码已被使用' },
  AGENCY_INVALID_PARENT: { status: 400, message: '上级机关不符合层级要求' },
  AGENCY_HAS_CHILDREN: { status: 409, message: '该机关下仍有下级机关或内设机构，不能停用' },
  AGENCY_INVALID_OFFICIAL_CODE: { status: 400, message: '统一社会信用代码或组织机构代码校验不通过' },
  AGENCY_SUPERVISION_CYCLE: { status: 400, message: '监督关系不能形成循环，也不能监督自身' },
  RULE_PROFILE_NOT_FOUND: { status: 404, message: '规则配置不存在' },
  RULE_PROFILE_IN_USE: { status: 409, message: '该规则配置仍被机关使用，不能删除' },

  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  USER_USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  USER_ROLE_INVALID: { status: 400, message: '该角色不能在此类机关中担任' },
  USER_SELF_GRANT: {
    status: 403,
    message: '不能给自己授予或撤销角色，请由本机关的其他机关管理员或平台管理员办理',
  },
  USER_GRANT_REASON_REQUIRED: { status: 400, message: '授予或撤销角色必须写明理由（如任职文件、岗位调整）' },
  SEPARATION_OF_DUTIES: {
    status: 403,
    message: '同一事项中，拟稿人不能审查或审批本人起草的内容，同一人也不能担任审查审批流程中的两个环节',
  },

  CALENDAR_YEAR_MISSING: {
    status: 422,
    message:
      '该年度的法定节假日安排尚未录入，无法计算工作日期限；请管理员先导入或录入国务院办公厅当年的节假日安排通知',
  },
  CALENDAR_YEAR_EXISTS: { status: 409, message: '该年度的节假日安排已存在' },
  CALENDAR_DAY_OUT_OF_YEAR: { status: 400, message: '日期不在所选年度内' },
  CALENDAR_DAY_NOT_FOUND: { status: 404, message: '该日期没有特别安排' },
  CALENDAR_INVALID_DATE: { status: 400, message: '日期格式不正确，应为 YYYY-MM-DD' },

  AUDIT_CHAIN_BROKEN: { status: 500, message: '审计日志校验失败：存在被修改或删除的记录' },
} as const satisfies Record<string, ErrorEntry>;

const registry = new Map<string, ErrorEntry>(Object.entries(CORE_ERRORS));

/** Adds a module's catalog to the registry (http/error-registry.ts does it for every module at load). */
export function registerErrorCatalog(catalog: Readonly<Record<string, ErrorEntry>>): void {
  for (const [code, entry] of Object.entries(catalog)) {
    const known = registry.get(code);
    if (known && (known.status !== entry.status || known.message !== entry.message))
      throw new Error(`error code ${code} is defined twice with different meanings`);
    registry.set(code, entry);
  }
}

/** The status and message of a code; a code no catalog registered counts as an internal error. */
export function errorEntry(code: string): ErrorEntry {
  return registry.get(code) ?? CORE_ERRORS.INTERNAL;
}

export interface FieldProblem {
  /** dotted path of the field, e.g. `applicant.name` */
  field: string;
  /** Chinese label of the field, e.g. 姓名 */
  label: string;
  /** what is wrong, in Chinese */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldProblem[] | undefined;
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldProblem[]; detail?: Record<string, unknown> } = {},
  ) {
    const entry = errorEntry(code);
    super(options.message ?? entry.message);
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.fields = options.fields;
    this.detail = options.detail;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A validation failure naming each bad field in Chinese. */
export function validationError(fields: FieldProblem[]): AppError {
  const summary = fields.map((f) => `${f.label}：${f.message}`).join('；');
  return new AppError('VALIDATION_FAILED', { message: `请检查以下内容：${summary}`, fields });
}
