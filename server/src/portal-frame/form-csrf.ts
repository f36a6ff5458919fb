/**
 * CSRF protection for the public portal's plain HTML forms (no login, no JavaScript): a double-submit
 * token — a random value in an httpOnly SameSite=Lax cookie and the same value in a hidden field.
 * A cross-site form cannot read the cookie, so it cannot send the matching field.
 *
 * The cookie is Secure whenever the site is served over https (http/build-app.ts cookie defaults).
 *
 *   GET:  const token = issueFormToken(req, reply);  html`<input type="hidden" name="_csrf" value="${token}">`
 *   POST: if (!checkFormToken(req, body._csrf)) → re-render the form with the typed values and FORM_EXPIRED_MESSAGE
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../identity/auth.service.ts';

export const FORM_COOKIE = 'gk_form';
export const FORM_FIELD = '_csrf';
export const FORM_EXPIRED_MESSAGE = '页面已过期或来源无法验证，请核对内容后重新提交（您填写的内容已保留）';

export function issueFormToken(req: FastifyRequest, reply: FastifyReply): string {
  // a page with a form token (and, after a failed submission, the typed personal data) is kept by no cache
  reply.header('cache-control', 'no-store');
  const existing = req.cookies?.[FORM_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(FORM_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600 });
  return token;
}

export function checkFormToken(req: FastifyRequest, submitted: unknown): boolean {
  const cookie = req.cookies?.[FORM_COOKIE];
  return (
    typeof submitted === 'string' &&
    typeof cookie === 'string' &&
    cookie.length >= 32 &&
    safeEqual(submitted, cookie)
  );
}
