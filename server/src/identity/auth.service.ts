/**
 * Staff login with argon2id, server-side sessions (only a SHA-256 of the token is stored), a CSRF
 * synchroniser token per session, lockout after repeated failures, and login history in the audit log.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { UserRow } from '../db/database.ts';
import { AppError, type ErrorCode } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { actorRef, type StaffActor, staffActorOf } from '../access/actor.ts';
import { dummyPasswordHash, hashPassword, isStrongEnough, verifyPassword } from './password.ts';
import type { Role } from '../access/roles.ts';
import { type SessionRow, userRepository } from './user.repository.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export type LoginOutcome =
  | { ok: true; token: string; csrfToken: string; user: UserRow }
  | { ok: false; code: ErrorCode };

/**
 * Runs inside a transaction and never throws for a failed login, so that the failure count, the
 * lock and the audit event are committed; the caller turns `ok: false` into the error.
 */
export async function login(
  deps: Deps,
  tx: DbOrTx,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const user = await userRepository.byUsername(tx, input.username.trim());
  const fail = async (code: ErrorCode, action: string, u: UserRow | undefined, extra: object = {}) => {
    await recordAudit(tx, deps, {
      actor: u
        ? { userId: u.id, label: `${u.displayName}（${u.username}）` }
        : { userId: null, label: `未知用户（${input.username.slice(0, 50)}）` },
      agencyId: null,
      entityType: 'user',
      entityId: u?.id ?? `username:${input.username.slice(0, 50)}`,
      action,
      after: { reason: code, ...extra },
      ip: input.ip,
    });
    return { ok: false as const, code };
  };

  if (!user) {
    // A user name of no account is counted and locked exactly like an account (same answers, same
    // work before them), so that lockout does not tell which user names exist.
    const key = input.username.trim();
    const seen = await userRepository.loginFailures(tx, key);
    if (seen?.lockedUntil && seen.lockedUntil > nowIso)
      return fail('AUTH_ACCOUNT_LOCKED', 'auth.login_failed', undefined, { lockedUntil: seen.lockedUntil });
    await verifyPassword(await dummyPasswordHash(), input.password);
    const failures = (seen?.failedLogins ?? 0) + 1;
    if (failures >= deps.config.loginMaxFailures) {
      const lockedUntil = new Date(now.getTime() + deps.config.loginLockMinutes * 60_000).toISOString();
      await userRepository.setLoginFailures(tx, {
        username: key,
        failedLogins: 0,
        lockedUntil,
        updatedAt: nowIso,
      });
      await fail('AUTH_INVALID_CREDENTIALS', 'auth.login_failed', undefined, { failures });
      return fail('AUTH_ACCOUNT_LOCKED', 'auth.locked', undefined, { lockedUntil, failures });
    }
    await userRepository.setLoginFailures(tx, {
      username: key,
      failedLogins: failures,
      lockedUntil: seen?.lockedUntil ?? null,
      updatedAt: nowIso,
    });
    return fail('AUTH_INVALID_CREDENTIALS', 'auth.login_failed', undefined, { failures });
  }
  if (user.lockedUntil && user.lockedUntil > nowIso) {
    return fail('AUTH_ACCOUNT_LOCKED', 'auth.login_failed', user, { lockedUntil: user.lockedUntil });
  }
  const good = await verifyPassword(user.passwordHash, input.password);
  if (!good) {
    // counted in the database row, atomically, so the limit holds across nodes (docs/deployment.md)
    const failures = await userRepository.addFailedLogin(tx, user.id, nowIso);
    if (failures >= deps.config.loginMaxFailures) {
      const lockedUntil = new Date(now.getTime() + deps.config.loginLockMinutes * 60_000).toISOString();
      await userRepository.update(tx, user.id, { failedLogins: 0, lockedUntil, updatedAt: nowIso });
      await fail('AUTH_INVALID_CREDENTIALS', 'auth.login_failed', user, { failures });
      return fail('AUTH_ACCOUNT_LOCKED', 'auth.locked', user, { lockedUntil, failures });
    }
    return fail('AUTH_INVALID_CREDENTIALS', 'auth.login_failed', user, { failures });
  }
  if (user.active !== 1) return fail('AUTH_ACCOUNT_DISABLED', 'auth.login_failed', user);

  await userRepository.update(tx, user.id, {
    failedLogins: 0,
    lockedUntil: null,
    lastLoginAt: nowIso,
    updatedAt: nowIso,
  });
  const token = newToken();
  const csrfToken = newToken();
  const grants = await userRepository.grantsOf(tx, [user.id]);
  const first = grants[0];
  await userRepository.insertSession(tx, {
    idHash: tokenHash(token),
    userId: user.id,
    csrfToken,
    activeAgencyId: first?.agencyId ?? null,
    activeRole: first?.role ?? null,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: nowIso,
    lastSeenAt: nowIso,
    expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000).toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: { userId: user.id, label: `${user.displayName}（${user.username}）` },
    agencyId: first?.agencyId ?? null,
    entityType: 'user',
    entityId: user.id,
    action: 'auth.login',
    after: { userAgent: input.userAgent?.slice(0, 120) ?? null },
    ip: input.ip,
  });
  return { ok: true, token, csrfToken, user };
}

export interface SessionContext {
  actor: StaffActor;
  session: SessionRow;
  user: UserRow;
}

const TOUCH_INTERVAL_MS = 5 * 60_000;

/** Resolves a session cookie to the staff actor, or null when absent, unknown or expired. */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<SessionContext | null> {
  if (!token || token.length > 100) return null;
  const idHash = tokenHash(token);
  const session = await userRepository.session(deps.db, idHash);
  const now = deps.clock.now();
  if (!session || session.expiresAt <= now.toISOString()) return null;
  const user = await userRepository.byId(deps.db, session.userId);
  if (user?.active !== 1) return null;
  const grants = await userRepository.grantsOf(deps.db, [user.id]);
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await userRepository.touchSession(deps.db, idHash, {
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000).toISOString(),
    });
  }
  const actor = staffActorOf(user, grants, { agencyId: session.activeAgencyId, role: session.activeRole });
  return { actor, session, user };
}

export async function logout(deps: Deps, tx: DbOrTx, ctx: SessionContext, ip: string | null): Promise<void> {
  await userRepository.deleteSession(tx, ctx.session.idHash);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'user',
    entityId: ctx.user.id,
    action: 'auth.logout',
    ip,
  });
}

export async function switchContext(
  deps: Deps,
  tx: DbOrTx,
  ctx: SessionContext,
  agencyId: number,
  role: Role,
  ip: string | null,
): Promise<void> {
  if (!ctx.actor.grants.some((g) => g.agencyId === agencyId && g.role === role))
    throw new AppError('AUTH_ROLE_NOT_HELD');
  await userRepository.touchSession(tx, ctx.session.idHash, { activeAgencyId: agencyId, activeRole: role });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'user',
    entityId: ctx.user.id,
    action: 'auth.context_switched',
    before: { agencyId: ctx.session.activeAgencyId, role: ctx.session.activeRole },
    after: { agencyId, role },
    ip,
  });
}

export async function changePassword(
  deps: Deps,
  tx: DbOrTx,
  ctx: SessionContext,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  if (!(await verifyPassword(ctx.user.passwordHash, input.currentPassword)))
    throw new AppError('AUTH_WRONG_CURRENT_PASSWORD');
  if (input.currentPassword === input.newPassword) throw new AppError('AUTH_PASSWORD_REUSED');
  if (!isStrongEnough(input.newPassword)) throw new AppError('AUTH_PASSWORD_TOO_WEAK');
  const nowIso = deps.clock.now().toISOString();
  await userRepository.update(tx, ctx.user.id, {
    passwordHash: await hashPassword(input.newPassword),
    passwordChangedAt: nowIso,
    mustChangePassword: 0,
    updatedAt: nowIso,
  });
  // other sessions of this user end: a changed password must lock out whoever knew the old one
  await userRepository.deleteSessionsOf(tx, ctx.user.id, ctx.session.idHash);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'user',
    entityId: ctx.user.id,
    action: 'auth.password_changed',
    ip,
  });
}

/**
 * The staff actor of a username outside any session (demo seeding, CLI, tests), working in its first
 * role assignment when `inFirstGrant`; null for an unknown username.
 */
export async function staffActorByUsername(
  db: DbOrTx,
  username: string,
  opts: { inFirstGrant?: boolean } = {},
): Promise<StaffActor | null> {
  const user = await userRepository.byUsername(db, username);
  if (!user) return null;
  const grants = await userRepository.grantsOf(db, [user.id]);
  const first = opts.inFirstGrant ? grants[0] : undefined;
  return staffActorOf(user, grants, first ? { agencyId: first.agencyId, role: first.role } : null);
}
