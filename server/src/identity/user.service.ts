import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { UserRow } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { scopeList } from '../access/access.ts';
import { hashPassword, isStrongEnough } from './password.ts';
import type { Role } from '../access/roles.ts';
import { userPolicy } from './user.policy.ts';
import { type RoleAssignmentRow, userRepository } from './user.repository.ts';

interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

export interface UserWithGrants {
  user: UserRow;
  grants: RoleAssignmentRow[];
}

export async function listUsers(
  deps: Deps,
  ctx: Ctx,
  f: { agencyId?: number; q?: string },
): Promise<UserWithGrants[]> {
  const dir = await agencyDirectory(deps);
  const scope = scopeList(userPolicy.managedScope(ctx.actor, dir));
  let agencyIds: number[] | 'all' = scope;
  if (f.agencyId !== undefined) {
    const wanted = dir.subtree(f.agencyId);
    agencyIds = scope === 'all' ? wanted : wanted.filter((a) => scope.includes(a));
  }
  const users = await userRepository.search(deps.db, { agencyIds, q: f.q, limit: 500 });
  const grants = await userRepository.grantsOf(
    deps.db,
    users.map((u) => u.id),
  );
  return users.map((user) => ({ user, grants: grants.filter((g) => g.userId === user.id) }));
}

export async function getUser(_deps: Deps, db: DbOrTx, id: number): Promise<UserWithGrants> {
  const user = await userRepository.byId(db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return { user, grants: await userRepository.grantsOf(db, [id]) };
}

async function assertCanEdit(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<UserWithGrants> {
  const dir = await agencyDirectory(deps, tx);
  const target = await getUser(deps, tx, id);
  if (
    !userPolicy.canEditUser(
      ctx.actor,
      dir,
      target.grants.map((g) => g.agencyId),
      target.user.isPlatformAdmin === 1,
    )
  ) {
    // do not confirm the user exists to someone who may not manage them
    throw new AppError('USER_NOT_FOUND');
  }
  return target;
}

export async function createUser(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx | null,
  input: {
    username: string;
    displayName: string;
    email?: string | null;
    phone?: string | null;
    password: string;
    isPlatformAdmin?: boolean;
    mustChangePassword?: boolean;
  },
): Promise<UserRow> {
  if (ctx) {
    const dir = await agencyDirectory(deps, tx);
    if (!userPolicy.canManageUsers(ctx.actor, dir)) throw new AppError('FORBIDDEN');
    if (input.isPlatformAdmin && !userPolicy.canMakePlatformAdmin(ctx.actor)) throw new AppError('FORBIDDEN');
  }
  if (!isStrongEnough(input.password)) throw new AppError('AUTH_PASSWORD_TOO_WEAK');
  if (await userRepository.byUsername(tx, input.username)) throw new AppError('USER_USERNAME_TAKEN');
  const now = deps.clock.now().toISOString();
  const user = await userRepository.insert(tx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    email: input.email ?? null,
    phone: input.phone ?? null,
    isPlatformAdmin: input.isPlatformAdmin ? 1 : 0,
    active: 1,
    mustChangePassword: (input.mustChangePassword ?? ctx !== null) ? 1 : 0,
    failedLogins: 0,
    lockedUntil: null,
    passwordChangedAt: now,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx?.actor ?? null),
    agencyId: null,
    entityType: 'user',
    entityId: user.id,
    action: 'user.created',
    after: user,
    ip: ctx?.ip ?? null,
  });
  return user;
}

export async function updateUser(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { displayName?: string; email?: string | null; phone?: string | null; active?: boolean },
): Promise<UserRow> {
  const before = await assertCanEdit(deps, tx, ctx, id);
  const patch: Partial<UserRow> = { updatedAt: deps.clock.now().toISOString() };
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.email !== undefined) patch.email = input.email || null;
  if (input.phone !== undefined) patch.phone = input.phone || null;
  if (input.active !== undefined) {
    if (id === ctx.actor.userId && !input.active)
      throw new AppError('FORBIDDEN', { message: '不能停用自己的账号' });
    patch.active = input.active ? 1 : 0;
  }
  const after = await userRepository.update(tx, id, patch);
  if (input.active === false) await userRepository.deleteSessionsOf(tx, id);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: before.grants[0]?.agencyId ?? null,
    entityType: 'user',
    entityId: id,
    action: 'user.updated',
    before: before.user,
    after,
    ip: ctx.ip ?? null,
  });
  return after;
}

export async function resetPassword(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  password: string,
): Promise<void> {
  const before = await assertCanEdit(deps, tx, ctx, id);
  if (!isStrongEnough(password)) throw new AppError('AUTH_PASSWORD_TOO_WEAK');
  const now = deps.clock.now().toISOString();
  await userRepository.update(tx, id, {
    passwordHash: await hashPassword(password),
    mustChangePassword: 1,
    passwordChangedAt: now,
    failedLogins: 0,
    lockedUntil: null,
    updatedAt: now,
  });
  await userRepository.deleteSessionsOf(tx, id);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: before.grants[0]?.agencyId ?? null,
    entityType: 'user',
    entityId: id,
    action: 'user.password_reset',
    ip: ctx.ip ?? null,
  });
}

export async function unlockUser(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<void> {
  const before = await assertCanEdit(deps, tx, ctx, id);
  await userRepository.update(tx, id, {
    failedLogins: 0,
    lockedUntil: null,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: before.grants[0]?.agencyId ?? null,
    entityType: 'user',
    entityId: id,
    action: 'user.unlocked',
    before: { lockedUntil: before.user.lockedUntil },
    ip: ctx.ip ?? null,
  });
}

export async function grantRole(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx | null,
  userId: number,
  input: { agencyId: number; role: Role; unitId?: number | null; reason?: string | null },
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  const agency = dir.get(input.agencyId);
  if (!agency) throw new AppError('AGENCY_NOT_FOUND');
  if (agency.kind === 'unit' || agency.kind === 'region') {
    throw new AppError('USER_ROLE_INVALID', {
      message: '角色应授予在机关（人民政府或部门）上；内设机构请在“所在科室”中选择',
    });
  }
  if (input.unitId != null) {
    const unit = dir.get(input.unitId);
    if (unit?.kind !== 'unit' || !dir.subtree(input.agencyId).includes(input.unitId)) {
      throw new AppError('USER_ROLE_INVALID', { message: '所选科室不属于该机关' });
    }
  }
  const reason = input.reason?.trim() || null;
  if (ctx) {
    // only the platform administrator or an agency administrator of *that* agency (docs/access.md)
    if (!userPolicy.canGrantIn(ctx.actor, dir, input.agencyId)) throw new AppError('FORBIDDEN');
    if (userPolicy.isSelfGrant(ctx.actor, userId)) throw new AppError('USER_SELF_GRANT');
    if (!reason) throw new AppError('USER_GRANT_REASON_REQUIRED');
    const target = await userRepository.byId(tx, userId);
    if (!target) throw new AppError('USER_NOT_FOUND');
    if (target.isPlatformAdmin === 1 && !ctx.actor.isPlatformAdmin) throw new AppError('USER_NOT_FOUND');
  }
  const row = await userRepository.grant(tx, {
    userId,
    agencyId: input.agencyId,
    role: input.role,
    unitId: input.unitId ?? null,
    createdAt: deps.clock.now().toISOString(),
    grantedBy: ctx?.actor.userId ?? null,
    reason,
  });
  if (row) {
    await recordAudit(tx, deps, {
      actor: actorRef(ctx?.actor ?? null),
      agencyId: input.agencyId,
      entityType: 'user',
      entityId: userId,
      action: 'user.role_granted',
      after: row,
      ip: ctx?.ip ?? null,
    });
  }
}

export async function revokeRole(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  userId: number,
  assignmentId: number,
  input: { reason?: string | null } = {},
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  const row = await userRepository.assignment(tx, assignmentId);
  if (!row || row.userId !== userId || !userPolicy.canGrantIn(ctx.actor, dir, row.agencyId))
    throw new AppError('NOT_FOUND');
  if (userPolicy.isSelfGrant(ctx.actor, userId)) throw new AppError('USER_SELF_GRANT');
  const reason = input.reason?.trim() || null;
  if (!reason) throw new AppError('USER_GRANT_REASON_REQUIRED');
  await userRepository.revoke(tx, assignmentId);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: row.agencyId,
    entityType: 'user',
    entityId: userId,
    action: 'user.role_revoked',
    before: row,
    after: { reason, revokedBy: ctx.actor.userId },
    ip: ctx.ip ?? null,
  });
}
