/** The national calendar is the platform admin's; an agency admin keeps its agency's local holidays. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, scopeWithRole } from '../access/access.ts';

export const calendarPolicy = {
  canEditDay(actor: StaffActor, dir: AgencyDirectory, agencyId: number | null): boolean {
    if (actor.isPlatformAdmin) return true;
    return agencyId !== null && inScope(scopeWithRole(actor, dir, ['agency_admin']), agencyId);
  },
  canManageYears(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
