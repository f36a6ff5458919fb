/**
 * Configuration is parsed and validated once from the environment, then frozen and passed down
 * (house style rule 11). A wrong setting stops the start with a list of every problem.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** PostgreSQL connection string; when unset the embedded SQLite database under dataDir is used */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL streaming replica for public reads (cluster/read-replica.ts); needs databaseUrl */
  readonly databaseReadUrl: string | undefined;
  readonly sessionSecret: string;
  readonly sessionTtlHours: number;
  readonly publicBaseUrl: string;
  readonly trustProxy: boolean;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly publicPostRateLimitPerMinute: number;
  readonly demoOnFirstStart: boolean;
  readonly siteName: string;
  readonly siteIdCode: string | undefined;
  /** the marks a government site carries in its footer (国办发〔2017〕47号《政府网站发展指引》) */
  readonly siteMarks: {
    /** 主办单位; default: the county (top) government */
    readonly hostOrg: string | undefined;
    /** 承办单位; default: the host */
    readonly operator: string | undefined;
    /** ICP备案号, e.g. 滇ICP备12345678号 */
    readonly icp: string | undefined;
    /** 公安机关备案号, e.g. 滇公网安备53299902000001号 */
    readonly psb: string | undefined;
  };
  readonly mail: {
    readonly transport: 'outbox' | 'smtp';
    readonly smtpUrl: string | undefined;
    readonly from: string | undefined;
    /** DKIM signature of every outgoing e-mail (RFC 6376), when SMTP_DKIM_* are set */
    readonly dkim?:
      | { readonly domainName: string; readonly keySelector: string; readonly privateKey: string }
      | undefined;
  };
  readonly sms: {
    readonly transport: 'outbox' | 'http';
    readonly gatewayUrl: string | undefined;
    readonly signName: string | undefined;
  };
  /** e-mail/SMS delivery attempts before a notification is given up as failed (backoff in notifications/notification.ts) */
  readonly notifyMaxAttempts: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，无法启动：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'gongkai-development-secret-not-for-production';

export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const str = (k: string) => {
    const v = env[k];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (k: string, def: number, min: number, max: number): number => {
    const v = str(k);
    if (v === undefined) return def;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      problems.push(`${k}=${JSON.stringify(v)} 不是 ${min}–${max} 之间的整数`);
      return def;
    }
    return Number(v);
  };
  const bool = (k: string, def: boolean): boolean => {
    const v = str(k);
    if (v === undefined) return def;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    problems.push(`${k}=${JSON.stringify(v)} 应为 true 或 false`);
    return def;
  };
  const oneOf = <T extends string>(k: string, allowed: readonly T[], def: T): T => {
    const v = str(k);
    if (v === undefined) return def;
    if (!(allowed as readonly string[]).includes(v)) {
      problems.push(`${k}=${JSON.stringify(v)} 应为 ${allowed.join(' / ')} 之一`);
      return def;
    }
    return v as T;
  };
  const url = (k: string, protocols: string[]): string | undefined => {
    const v = str(k);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${k} 的协议应为 ${protocols.join(' 或 ')}（当前为 ${u.protocol}）`);
      }
    } catch {
      problems.push(`${k}=${JSON.stringify(v)} 不是有效的网址`);
    }
    return v;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST') ?? '127.0.0.1';
  const dataDir = path.resolve(cwd, str('DATA_DIR') ?? 'data');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseReadUrl = url('DATABASE_READ_URL', ['postgres:', 'postgresql:']);
  if (databaseReadUrl && !databaseUrl)
    problems.push('设置 DATABASE_READ_URL（只读副本）时必须同时设置 DATABASE_URL（主库）');

  let sessionSecret = str('SESSION_SECRET');
  if (sessionSecret === undefined) {
    if (nodeEnv === 'production')
      problems.push('生产环境必须设置 SESSION_SECRET（至少 32 个字符的随机字符串）');
    sessionSecret = DEV_SECRET;
  } else if (sessionSecret.length < 32) {
    problems.push(`SESSION_SECRET 太短（${sessionSecret.length} 个字符），至少需要 32 个字符`);
  }

  const publicBaseUrl = (url('PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  if (
    nodeEnv === 'production' &&
    publicBaseUrl.startsWith('http:') &&
    !/localhost|127\.0\.0\.1/.test(publicBaseUrl)
  ) {
    problems.push('生产环境的 PUBLIC_BASE_URL 应使用 https');
  }

  const mailTransport = oneOf('MAIL_TRANSPORT', ['outbox', 'smtp'] as const, 'outbox');
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  if (mailTransport === 'smtp' && !smtpUrl) problems.push('MAIL_TRANSPORT=smtp 时必须设置 SMTP_URL');
  const mailFrom = str('MAIL_FROM');
  if (mailFrom !== undefined && !/^[^@\s]+@[^@\s]+$/.test(mailFrom.replace(/^.*<|>$/g, ''))) {
    problems.push(`MAIL_FROM=${JSON.stringify(mailFrom)} 不是有效的邮件地址`);
  }
  const dkim = dkimOf(
    str('SMTP_DKIM_DOMAIN'),
    str('SMTP_DKIM_SELECTOR'),
    str('SMTP_DKIM_PRIVATE_KEY'),
    str('SMTP_DKIM_PRIVATE_KEY_FILE'),
    problems,
  );
  const smsTransport = oneOf('SMS_TRANSPORT', ['outbox', 'http'] as const, 'outbox');
  const smsGateway = url('SMS_GATEWAY_URL', ['http:', 'https:']);
  if (smsTransport === 'http' && !smsGateway) problems.push('SMS_TRANSPORT=http 时必须设置 SMS_GATEWAY_URL');

  const config: Config = {
    env: nodeEnv,
    host,
    port,
    dataDir,
    databaseUrl,
    databaseReadUrl,
    sessionSecret,
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    publicBaseUrl,
    trustProxy: bool('TRUST_PROXY', false),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    publicPostRateLimitPerMinute: int('PUBLIC_POST_RATE_LIMIT', 10, 1, 10_000),
    demoOnFirstStart: bool('DEMO_DATA', nodeEnv !== 'production'),
    siteName: str('SITE_NAME') ?? '政府信息公开平台',
    siteIdCode: str('SITE_ID_CODE'),
    siteMarks: {
      hostOrg: str('SITE_HOST_ORG'),
      operator: str('SITE_OPERATOR'),
      icp: str('SITE_ICP'),
      psb: str('SITE_PSB'),
    },
    mail: { transport: mailTransport, smtpUrl, from: mailFrom, dkim },
    sms: { transport: smsTransport, gatewayUrl: smsGateway, signName: str('SMS_SIGN_NAME') },
    notifyMaxAttempts: int('NOTIFY_MAX_ATTEMPTS', 6, 1, 20),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** The documented settings (README's configuration table is checked against this list by a test). */
export const CONFIG_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'SESSION_SECRET',
  'SESSION_TTL_HOURS',
  'PUBLIC_BASE_URL',
  'TRUST_PROXY',
  'LOGIN_MAX_FAILURES',
  'LOGIN_LOCK_MINUTES',
  'PUBLIC_POST_RATE_LIMIT',
  'DEMO_DATA',
  'SITE_NAME',
  'SITE_ID_CODE',
  'SITE_HOST_ORG',
  'SITE_OPERATOR',
  'SITE_ICP',
  'SITE_PSB',
  'MAIL_TRANSPORT',
  'SMTP_URL',
  'MAIL_FROM',
  'SMTP_DKIM_DOMAIN',
  'SMTP_DKIM_SELECTOR',
  'SMTP_DKIM_PRIVATE_KEY',
  'SMTP_DKIM_PRIVATE_KEY_FILE',
  'SMS_TRANSPORT',
  'SMS_GATEWAY_URL',
  'SMS_SIGN_NAME',
  'NOTIFY_MAX_ATTEMPTS',
] as const;

/**
 * DKIM (RFC 6376): domain, selector and the private key (PEM, inline with `\n` for line breaks, or a
 * file) all together or not at all; the key must parse as RSA or Ed25519 (RFC 8463).
 */
function dkimOf(
  domain: string | undefined,
  selector: string | undefined,
  keyInline: string | undefined,
  keyFile: string | undefined,
  problems: string[],
): Config['mail']['dkim'] {
  if (!domain && !selector && !keyInline && !keyFile) return undefined;
  const before = problems.length;
  if (!domain || !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domain))
    problems.push(`SMTP_DKIM_DOMAIN=${JSON.stringify(domain ?? '')} 不是有效的域名（设置 DKIM 时必填）`);
  if (!selector || !/^[a-z0-9]([a-z0-9._-]{0,62})$/i.test(selector))
    problems.push(
      `SMTP_DKIM_SELECTOR=${JSON.stringify(selector ?? '')} 不是有效的选择器（设置 DKIM 时必填）`,
    );
  if (keyInline && keyFile) problems.push('SMTP_DKIM_PRIVATE_KEY 与 SMTP_DKIM_PRIVATE_KEY_FILE 只能设置一个');
  let privateKey: string | undefined;
  if (keyFile) {
    try {
      privateKey = readFileSync(keyFile, 'utf8');
    } catch {
      problems.push(`SMTP_DKIM_PRIVATE_KEY_FILE=${JSON.stringify(keyFile)} 无法读取`);
    }
  } else if (keyInline) privateKey = keyInline.replace(/\\n/g, '\n');
  else problems.push('设置 DKIM 时必须提供 SMTP_DKIM_PRIVATE_KEY 或 SMTP_DKIM_PRIVATE_KEY_FILE');
  if (privateKey !== undefined) {
    try {
      const type = createPrivateKey(privateKey).asymmetricKeyType;
      if (type !== 'rsa' && type !== 'ed25519') problems.push('DKIM 私钥须为 RSA 或 Ed25519 密钥');
    } catch {
      problems.push('DKIM 私钥不是有效的 PEM 私钥');
    }
  }
  if (problems.length > before || !domain || !selector || !privateKey) return undefined;
  return { domainName: domain.toLowerCase(), keySelector: selector, privateKey };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false' });
  return deepFreeze({ ...base, ...overrides });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
