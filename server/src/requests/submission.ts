/**
 * Submitting an application once (pure): idempotency keys, the fingerprint of what was submitted,
 * and the tracking code kept for a replay. The tracking code is otherwise stored only as a hash
 * (request.service.ts); to answer a retry with the same code it is encrypted (AES-256-GCM) with a key
 * derived from the idempotency key, which the server does not keep — only its holder can read it back.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Where a key was given: the JSON API's `Idempotency-Key` header or the portal form's submission key. */
export type SubmissionScope = 'api' | 'portal';

/** How long a key answers with the first registration (then it may be used again). */
export const SUBMISSION_TTL_HOURS = 24;

/** Visible ASCII, 8–128 characters: a UUID or any random token (the IETF Idempotency-Key draft). */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7e]{8,128}$';
const KEY_RE = new RegExp(IDEMPOTENCY_KEY_PATTERN);

export function isIdempotencyKey(s: unknown): s is string {
  return typeof s === 'string' && KEY_RE.test(s);
}

/** A fresh submission key for a portal form (hidden field). */
export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}

export function submissionKeyHash(scope: SubmissionScope, key: string): string {
  return createHash('sha256').update(`gongkai-submission:${scope}:${key}`).digest('hex');
}

/** JSON with object keys sorted, so that the same content always has the same fingerprint. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** What decides "the same submission": the input and the attachments' hashes. */
export function submissionFingerprint(input: unknown, attachmentSha256: readonly string[] = []): string {
  return createHash('sha256')
    .update(canonical({ input, attachments: [...attachmentSha256].sort() }))
    .digest('hex');
}

function codeKey(scope: SubmissionScope, key: string): Buffer {
  return createHash('sha256').update(`gongkai-tracking-code:${scope}:${key}`).digest();
}

export function sealTrackingCode(scope: SubmissionScope, key: string, code: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', codeKey(scope, key), iv);
  const body = Buffer.concat([c.update(code, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

/** The tracking code, or null when the key does not open it. */
export function openTrackingCode(scope: SubmissionScope, key: string, sealed: string): string | null {
  try {
    const b = Buffer.from(sealed, 'base64');
    const d = createDecipheriv('aes-256-gcm', codeKey(scope, key), b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
