import type { Role } from './roles.ts';

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
