/** Serves the built staff SPA under /admin/ with a history fallback to index.html. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../shared/deps.ts';

export const DEFAULT_ADMIN_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../admin/dist',
);

export function adminSpa(_deps: Deps, dist = DEFAULT_ADMIN_DIST): FastifyPluginAsync {
  return async (app) => {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) {
      app.get('/admin/*', { schema: { hide: true } }, async (_req, reply) =>
        reply
          .status(503)
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台尚未构建</title><p>工作台尚未构建。请在项目目录运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。</p></html>',
          ),
      );
      app.get('/admin', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/'));
      return;
    }
    const indexHtml = fs.readFileSync(index, 'utf8');
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/admin/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // the build writes .br/.gz beside each asset (admin/vite.config.ts): sent as they are, no
      // per-request compression of the staff app's JavaScript
      preCompressed: true,
      setHeaders: (res, file) => {
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    app.get('/admin', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/'));
    app.get('/admin/', { schema: { hide: true } }, sendIndex);
    app.get('/admin/*', { schema: { hide: true } }, async (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      if (rel.startsWith('assets/') || /\.[a-z0-9]+$/i.test(rel))
        return reply.status(404).send({ code: 'NOT_FOUND', message: '文件不存在' });
      return sendIndex(req, reply);
    });
  };
}
