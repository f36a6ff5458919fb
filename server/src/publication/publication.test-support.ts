/** Test helper: the StaffActor of a user made by the factories (as resolveSession would build it). */
import type { StaffActor } from '../identity/actor.ts';
import { isRole, type Role } from '../identity/roles.ts';
import type { Deps } from '../shared/deps.ts';

export async function resolveActorForTest(deps: Deps, user: { id: number }): Promise<StaffActor> {
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
  const grants = await deps.db
    .selectFrom('roleAssignments')
    .selectAll()
    .where('userId', '=', user.id)
    .execute();
  return {
    kind: 'staff',
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    isPlatformAdmin: u.isPlatformAdmin === 1,
    grants: grants
      .filter((g) => isRole(g.role))
      .map((g) => ({ agencyId: g.agencyId, role: g.role as Role, unitId: g.unitId })),
    activeAgencyId: null,
    activeRole: null,
  };
}
