import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOG, validationError } from './app-error.ts';

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

  it('validationError names each field in Chinese', () => {
    const e = validationError([{ field: 'applicant.name', label: '姓名', message: '不能为空' }]);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain('姓名：不能为空');
    expect(e.fields?.[0]?.field).toBe('applicant.name');
  });
});
