/** Who may browse which audit events: the platform admin all; agency admins, disclosure offices and supervisors their readable scope. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../identity/actor.ts';
import { readableScope, type Scope } from '../identity/access.ts';

const AUDIT_ROLES = new Set(['agency_admin', 'disclosure_office', 'supervisor']);

export const auditPolicy = {
  browseScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    if (actor.isPlatformAdmin) return 'all';
    const withAuditRole: StaffActor = {
      ...actor,
      grants: actor.grants.filter((g) => AUDIT_ROLES.has(g.role)),
    };
    return readableScope(withAuditRole, dir);
  },
  canVerify(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
