/**
 * The staff member behind a request, for route handlers of every module. `requireStaff`
 * (identity/staff-request.ts) resolves the session and sets `staffContext`; handlers read it here, so
 * a module's routes depend on this small reader and not on the session machinery.
 */
import type { FastifyRequest } from 'fastify';
import type { SessionContext } from '../identity/auth.service.ts';
import { AppError } from '../shared/app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staffContext?: SessionContext | null;
  }
}

export function staffOf(req: FastifyRequest): SessionContext {
  if (!req.staffContext) throw new AppError('UNAUTHENTICATED');
  return req.staffContext;
}

export function clientIp(req: FastifyRequest): string {
  return req.ip;
}
