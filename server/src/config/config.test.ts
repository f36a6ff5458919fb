import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to an embedded SQLite database under ./data and port 3000', () => {
    const c = loadConfig({}, '/srv/gongkai');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('/srv/gongkai/data');
    expect(c.port).toBe(3000);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.mail)).toBe(true);
  });

  it('lists every problem at once, in plain words', () => {
    let err: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        MAIL_TRANSPORT: 'smtp',
        TRUST_PROXY: 'maybe',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('SESSION_SECRET');
    expect(problems).toContain('SMTP_URL');
    expect(problems).toContain('TRUST_PROXY');
    expect((err as ConfigError).problems.length).toBeGreaterThanOrEqual(5);
  });

  it('a read replica (DATABASE_READ_URL) is a PostgreSQL URL and needs the primary DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://ro@replica/gongkai' })).toThrow(
      /DATABASE_READ_URL.*DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://gk@db/gongkai', DATABASE_READ_URL: 'mysql://replica' }),
    ).toThrow(/DATABASE_READ_URL/);
    const c = loadConfig({
      DATABASE_URL: 'postgres://gk@db/gongkai',
      DATABASE_READ_URL: 'postgres://ro@replica/gongkai',
    });
    expect(c.databaseReadUrl).toBe('postgres://ro@replica/gongkai');
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
  });

  it('rejects a short session secret even outside production', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('accepts a PostgreSQL URL and a production setup', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://gk@db/gongkai',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_BASE_URL: 'https://xxgk.example.gov.cn/',
    });
    expect(c.databaseUrl).toBe('postgres://gk@db/gongkai');
    expect(c.publicBaseUrl).toBe('https://xxgk.example.gov.cn');
    expect(c.demoOnFirstStart).toBe(false);
  });

  it('DKIM: domain, selector and a parseable RSA/Ed25519 key together, or none; inline keys take \\n', () => {
    expect(loadConfig({}).mail.dkim).toBeUndefined();
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const c = loadConfig({
      SMTP_DKIM_DOMAIN: 'Example.gov.cn',
      SMTP_DKIM_SELECTOR: 'gk2026',
      SMTP_DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
    });
    expect(c.mail.dkim).toEqual({ domainName: 'example.gov.cn', keySelector: 'gk2026', privateKey: pem });
    let err: unknown;
    try {
      loadConfig({ SMTP_DKIM_DOMAIN: 'not a domain', SMTP_DKIM_PRIVATE_KEY: 'garbage' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toContain('SMTP_DKIM_DOMAIN');
    expect(problems).toContain('SMTP_DKIM_SELECTOR');
    expect(problems).toContain('不是有效的 PEM 私钥');
    expect(() => loadConfig({ SMTP_DKIM_DOMAIN: 'example.gov.cn', SMTP_DKIM_SELECTOR: 's1' })).toThrow(
      /SMTP_DKIM_PRIVATE_KEY/,
    );
    expect(() =>
      loadConfig({
        SMTP_DKIM_DOMAIN: 'example.gov.cn',
        SMTP_DKIM_SELECTOR: 's1',
        SMTP_DKIM_PRIVATE_KEY_FILE: '/nonexistent/key.pem',
      }),
    ).toThrow(/无法读取/);
  });

  it('the README configuration table documents every setting', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(CONFIG_KEYS.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });
});
