/** Test helper: the StaffActor of a user made by the factories (as resolveSession would build it). */
import type { StaffActor } from '../access/actor.ts';
import { isRole, type Role } from '../access/roles.ts';
import type { Deps } from '../shared/deps.ts';
import { makeStaff } from '../test-support/factories.ts';

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

/**
 * The four roles of the publication pipeline in one agency, as resolved actors: drafter (in
 * `drafterUnitId` when given), leader, confidentiality reviewer and disclosure office.
 */
export async function makePipelineActors(
  deps: Deps,
  agencyId: number,
  opts: { drafterUnitId?: number } = {},
): Promise<Record<'drafter' | 'leader' | 'reviewer' | 'office', StaffActor>> {
  const mk = async (role: Role, unitId?: number) =>
    resolveActorForTest(deps, await makeStaff(deps, [{ agencyId, role, unitId }]));
  return {
    drafter: await mk('drafter', opts.drafterUnitId),
    leader: await mk('leader'),
    reviewer: await mk('confidentiality_reviewer'),
    office: await mk('disclosure_office'),
  };
}

/** Logins for the pipeline roles of one agency: `ngr` drafter, `ld` leader, `bm` confidentiality reviewer, `gkb` disclosure office. */
export async function makePipelineLogins(deps: Deps, agencyId: number): Promise<void> {
  await makeStaff(deps, [{ agencyId, role: 'drafter' }], { username: 'ngr' });
  await makeStaff(deps, [{ agencyId, role: 'leader' }], { username: 'ld' });
  await makeStaff(deps, [{ agencyId, role: 'confidentiality_reviewer' }], { username: 'bm' });
  await makeStaff(deps, [{ agencyId, role: 'disclosure_office' }], { username: 'gkb' });
}
