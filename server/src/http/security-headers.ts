/**
 * Security headers set from a precomputed object in one onSend hook — @fastify/helmet costs 2.7× on
 * tiny responses (DEVELOPERS.md), and the portal's hot pages are exactly that.
 */
import type { FastifyInstance } from 'fastify';

export function securityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // antd injects <style> elements at run time, hence 'unsafe-inline' for styles only; no inline scripts anywhere
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  };
  if (opts.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  const entries = Object.entries(headers);
  app.addHook('onSend', (_req, reply, payload, done) => {
    for (const [k, v] of entries) reply.header(k, v);
    done(null, payload);
  });
}

/**
 * `Cache-Control: no-store` on every response of a scope that carries personal data or a CSRF token
 * (the staff API, login and session answers), unless the route chose its own (downloads say
 * `private, no-store`). Neither the browser's history nor a shared cache may keep them.
 */
export function noStore(app: FastifyInstance): void {
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
