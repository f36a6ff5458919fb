/**
 * HTTP caching of public responses, so that a CDN or an nginx cache in front of Gongkai can serve and
 * revalidate the hot public pages (README.md, "Caching proxy / CDN"):
 * - a route opts in with `config: { publicCache: { maxAge } }` (PAGE_CACHE / FEED_CACHE below);
 * - a 200 answer to GET/HEAD gets a weak ETag computed from the bytes sent (so it changes whenever
 *   anything on the page changes: the item, its agency, the column, a withdrawn interpretation …) and
 *   `Cache-Control: public, max-age=N`; a request whose If-None-Match matches gets 304 and no body.
 *   If-Modified-Since is honoured only where the route sets a Last-Modified it can vouch for
 *   (attachments, whose bytes never change under one id) and no If-None-Match was sent (RFC 9110 §13.1.3);
 * - pages whose HTML depends on the accessibility cookie (gk_a11y) say `Vary: Cookie`;
 * - never for anything else: a response that sets a cookie, an error, a non-GET, or a route that did
 *   not opt in (personal data, CSRF tokens and staff answers stay uncached; those routes send no-store).
 * The ETag is weak because @fastify/compress may send the same representation gzip- or br-encoded.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface PublicCacheConfig {
  /** seconds a shared cache may serve the answer without revalidating */
  maxAge: number;
  /** the body depends on the accessibility-mode cookie (portal HTML pages) */
  varyCookie?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    publicCache?: PublicCacheConfig;
  }
}

/**
 * Public HTML pages: a minute, then revalidation (cheap: a 304 without a body). Short because a
 * withdrawn item must leave the caches soon (《条例》第二十条 lists what is public; withdrawal ends it).
 */
export const PAGE_CACHE = { publicCache: { maxAge: 60, varyCookie: true } };
/** Feeds, sitemaps, robots.txt and attachments: the same minute, no cookie dependence. */
export const FEED_CACHE = { publicCache: { maxAge: 60 } };

function etagOf(payload: string | Buffer): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
}

/** Weak comparison of If-None-Match against our ETag (RFC 9110 §13.1.2): `*` or any listed tag. */
function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const ours = etag.slice(2);
  for (const t of header.split(',')) {
    const tag = t.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === ours) return true;
  }
  return false;
}

export function publicCache(app: FastifyInstance): void {
  app.addHook('onSend', (req, reply, payload, done) => {
    const cfg = reply.routeOptions.config?.publicCache;
    if (
      !cfg ||
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      reply.statusCode !== 200 ||
      reply.hasHeader('set-cookie') ||
      reply.hasHeader('cache-control') ||
      (typeof payload !== 'string' && !Buffer.isBuffer(payload))
    )
      return done(null, payload);
    const etag = etagOf(payload);
    reply.header('etag', etag);
    reply.header('cache-control', `public, max-age=${cfg.maxAge}`);
    if (cfg.varyCookie) reply.header('vary', 'Cookie');
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const lastModified = reply.getHeader('last-modified');
    const fresh =
      inm !== undefined
        ? noneMatch(inm, etag)
        : ims !== undefined &&
          typeof lastModified === 'string' &&
          Date.parse(lastModified) <= Date.parse(ims);
    if (!fresh) return done(null, payload);
    reply.code(304);
    reply.removeHeader('content-length');
    done(null, '');
  });
}
