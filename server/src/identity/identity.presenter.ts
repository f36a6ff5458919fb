import type { Static } from 'typebox';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { UserRow } from '../db/database.ts';
import type { SessionContext } from './auth.service.ts';
import type { MeView, UserView } from './identity.schemas.ts';
import { isRole, ROLE_LABELS } from '../access/roles.ts';
import type { RoleAssignmentRow } from './user.repository.ts';

const roleLabel = (r: string | null) => (r && isRole(r) ? ROLE_LABELS[r] : r);

export function presentMe(
  ctx: SessionContext,
  dir: AgencyDirectory,
  csrfToken: string,
): Static<typeof MeView> {
  const { actor, session } = ctx;
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      isPlatformAdmin: actor.isPlatformAdmin,
      mustChangePassword: ctx.user.mustChangePassword === 1,
    },
    roles: actor.grants.map((g) => ({
      agencyId: g.agencyId,
      agencyName: dir.get(g.agencyId)?.name ?? `#${g.agencyId}`,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role],
      unitId: g.unitId,
      unitName: g.unitId !== null ? (dir.get(g.unitId)?.name ?? null) : null,
    })),
    active: {
      agencyId: session.activeAgencyId,
      agencyName: session.activeAgencyId !== null ? (dir.get(session.activeAgencyId)?.name ?? null) : null,
      role: session.activeRole,
      roleLabel: roleLabel(session.activeRole),
    },
    csrfToken,
  };
}

export function presentUser(
  u: UserRow,
  grants: RoleAssignmentRow[],
  dir: AgencyDirectory,
  nowIso: string,
): Static<typeof UserView> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    isPlatformAdmin: u.isPlatformAdmin === 1,
    active: u.active === 1,
    locked: u.lockedUntil !== null && u.lockedUntil > nowIso,
    lastLoginAt: u.lastLoginAt,
    roles: grants.map((g) => ({
      id: g.id,
      agencyId: g.agencyId,
      agencyName: dir.get(g.agencyId)?.name ?? `#${g.agencyId}`,
      role: g.role,
      roleLabel: roleLabel(g.role) ?? g.role,
      unitId: g.unitId,
      unitName: g.unitId !== null ? (dir.get(g.unitId)?.name ?? null) : null,
      grantedBy: g.grantedBy,
      reason: g.reason,
    })),
  };
}
