/**
 * Who may browse which audit events: the platform admin all; agency admins, disclosure offices and
 * supervisors those of their own agency. Audit events carry unmasked before/after snapshots
 * (applicants' names and numbers), so a supervising office reads a supervised agency's cases through
 * the masked case file, not through its audit log (docs/access.md).
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { type Scope, scopeWithRole } from '../access/access.ts';
import type { Role } from '../access/roles.ts';

const AUDIT_ROLES: readonly Role[] = ['agency_admin', 'disclosure_office', 'supervisor'];

export const auditPolicy = {
  browseScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    if (actor.isPlatformAdmin) return 'all';
    return scopeWithRole(actor, dir, AUDIT_ROLES);
  },
  canVerify(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
