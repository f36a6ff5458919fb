import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import {
  checkOrigin,
  clearSessionCookie,
  currentStaff,
  requireStaff,
  setSessionCookie,
} from './staff-request.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { changePassword, login, logout, resolveSession, switchContext } from './auth.service.ts';
import { ContextBody, LoginBody, MeView, PasswordBody } from './identity.schemas.ts';
import { presentMe } from './identity.presenter.ts';

const TAG = ['登录与会话'];

export function authApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const staffOnly = requireStaff(deps);

    app.post(
      '/api/v1/auth/login',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: TAG,
          summary: '工作人员登录',
          body: LoginBody,
          response: { 200: MeView, ...errorResponses, 423: errorResponses[401] },
        },
      },
      async (req, reply) => {
        checkOrigin(deps, req);
        const outcome = await inTransaction(deps, (tx) =>
          login(deps, tx, { ...req.body, ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null }),
        );
        if (!outcome.ok) throw new AppError(outcome.code);
        setSessionCookie(deps, reply, outcome.token);
        const ctx = await resolveSession(deps, outcome.token);
        if (!ctx) throw new AppError('INTERNAL');
        return presentMe(ctx, await agencyDirectory(deps), outcome.csrfToken);
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: TAG,
          summary: '当前登录信息（含 CSRF 令牌）',
          response: { 200: MeView, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = await currentStaff(deps, req);
        if (!ctx) throw new AppError('UNAUTHENTICATED');
        return presentMe(ctx, await agencyDirectory(deps), ctx.session.csrfToken);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        preHandler: staffOnly,
        schema: { tags: TAG, summary: '退出登录', response: { 204: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        const ctx = staffOf(req);
        await inTransaction(deps, (tx) => logout(deps, tx, ctx, clientIp(req)));
        clearSessionCookie(reply);
        reply.status(204);
      },
    );

    app.post(
      '/api/v1/auth/context',
      {
        preHandler: staffOnly,
        schema: {
          tags: TAG,
          summary: '切换当前机关和角色',
          body: ContextBody,
          response: { 200: MeView, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = staffOf(req);
        await inTransaction(deps, (tx) =>
          switchContext(deps, tx, ctx, req.body.agencyId, req.body.role, clientIp(req)),
        );
        const fresh = await resolveSession(deps, req.cookies.gk_sid);
        if (!fresh) throw new AppError('UNAUTHENTICATED');
        return presentMe(fresh, await agencyDirectory(deps), fresh.session.csrfToken);
      },
    );

    app.post(
      '/api/v1/auth/password',
      {
        preHandler: staffOnly,
        schema: {
          tags: TAG,
          summary: '修改本人密码',
          body: PasswordBody,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const ctx = staffOf(req);
        await inTransaction(deps, (tx) => changePassword(deps, tx, ctx, req.body, clientIp(req)));
        reply.status(204);
      },
    );
  };
}
