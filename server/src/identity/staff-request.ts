/**
 * Session and CSRF handling at the edge. Staff routes run `requireStaff` as a preHandler: it resolves
 * the session cookie, and on every state-changing request checks the synchroniser token header
 * against the session's token and the Origin header against our own origin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type SessionContext, safeEqual } from './auth.service.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import '../access/staff-of.ts';

export const SESSION_COOKIE = 'gk_sid';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function currentStaff(deps: Deps, req: FastifyRequest): Promise<SessionContext | null> {
  if (req.staffContext !== undefined) return req.staffContext;
  const token = req.cookies?.[SESSION_COOKIE];
  req.staffContext = await resolveSession(deps, token);
  return req.staffContext;
}

/** Rejects a cross-site state-changing request whose Origin is not ours (defence in depth beside tokens). */
export function checkOrigin(deps: Deps, req: FastifyRequest): void {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return;
  const host = req.headers.host;
  const ours = new URL(deps.config.publicBaseUrl).origin;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('CSRF_INVALID');
  }
  if (origin !== ours && originHost !== host) throw new AppError('CSRF_INVALID');
}

export function requireStaff(deps: Deps) {
  return async function requireStaffHook(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    checkOrigin(deps, req);
    const ctx = await currentStaff(deps, req);
    if (!ctx) throw new AppError('UNAUTHENTICATED');
    if (UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, ctx.session.csrfToken))
        throw new AppError('CSRF_INVALID');
    }
  };
}

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicBaseUrl.startsWith('https:'),
    path: '/',
    maxAge: deps.config.sessionTtlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
