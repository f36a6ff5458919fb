import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../http/error-registry.ts';
import { AppError, errorEntry, registerErrorCatalog, validationError } from './app-error.ts';

describe('error catalog', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

  it('docs/errors.md lists every error code with its status', () => {
    const missing = Object.entries(ERROR_CATALOG).filter(
      ([code, e]) => !doc.includes(`| \`${code}\` | ${e.status} |`),
    );
    expect(missing.map(([c]) => c)).toEqual([]);
  });

  it('docs/errors.md lists no code that no longer exists', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((c) => !(c! in ERROR_CATALOG))).toEqual([]);
  });

  it('every message is Chinese and every status an HTTP error status', () => {
    for (const [code, e] of Object.entries(ERROR_CATALOG)) {
      expect(e.message, code).toMatch(/[\u4e00-\u9fff]/);
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.status, code).toBeLessThan(600);
    }
  });

  it('AppError carries code, status and the catalog message', () => {
    const e = new AppError('AGENCY_CODE_TAKEN');
    expect([e.code, e.status, e.message]).toEqual([
      'AGENCY_CODE_TAKEN',
      409,
      ERROR_CATALOG.AGENCY_CODE_TAKEN.message,
    ]);
  });

  it('a module’s code knows its status once http/error-registry.ts has registered the catalogs', () => {
    const e = new AppError('REQUEST_NOT_FOUND');
    expect([e.status, e.message]).toEqual([
      ERROR_CATALOG.REQUEST_NOT_FOUND.status,
      ERROR_CATALOG.REQUEST_NOT_FOUND.message,
    ]);
    for (const [code, entry] of Object.entries(ERROR_CATALOG)) expect(errorEntry(code), code).toEqual(entry);
  });

  it('a code no catalog registered is an internal error, never a client status', () => {
    expect(errorEntry('NO_SUCH_CODE')).toEqual(ERROR_CATALOG.INTERNAL);
  });

  it('one code cannot be registered twice with different meanings', () => {
    expect(() => registerErrorCatalog({ NOT_FOUND: { status: 410, message: '已删除' } })).toThrow(
      /NOT_FOUND/,
    );
    expect(() => registerErrorCatalog({ NOT_FOUND: ERROR_CATALOG.NOT_FOUND })).not.toThrow();
  });

  it('validationError names each field in Chinese', () => {
    const e = validationError([{ field: 'applicant.name', label: '姓名', message: '不能为空' }]);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain('姓名：不能为空');
    expect(e.fields?.[0]?.field).toBe('applicant.name');
  });
});
