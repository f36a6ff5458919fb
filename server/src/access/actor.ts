import { isRole, type Role } from './roles.ts';

export interface RoleGrant {
  agencyId: number;
  role: Role;
  unitId: number | null;
}

/** The logged-in staff member as the policy layer sees them. */
export interface StaffActor {
  kind: 'staff';
  userId: number;
  username: string;
  displayName: string;
  isPlatformAdmin: boolean;
  grants: RoleGrant[];
  activeAgencyId: number | null;
  activeRole: Role | null;
}

export function actorRef(a: StaffActor | null): { userId: number | null; label: string } {
  return a
    ? { userId: a.userId, label: `${a.displayName}（${a.username}）` }
    : { userId: null, label: '公众' };
}

/**
 * The staff actor of a user row and its role assignments (assignments naming an unknown role are
 * ignored); `active` is the agency and role the session works in, if one is chosen.
 */
export function staffActorOf(
  user: { id: number; username: string; displayName: string; isPlatformAdmin: number },
  grants: { agencyId: number; role: string; unitId: number | null }[],
  active: { agencyId: number | null; role: string | null } | null,
): StaffActor {
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin === 1,
    grants: grants
      .filter((g) => isRole(g.role))
      .map((g) => ({ agencyId: g.agencyId, role: g.role as Role, unitId: g.unitId })),
    activeAgencyId: active?.agencyId ?? null,
    activeRole: active?.role && isRole(active.role) ? active.role : null,
  };
}
