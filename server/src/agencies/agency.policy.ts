/** Who may do what with agencies and rule profiles. */
import type { StaffActor } from '../access/actor.ts';
import { inScope, readableScope, scopeWithRole } from '../access/access.ts';
import type { AgencyKind } from './agency.ts';
import type { AgencyDirectory } from './agency-directory.ts';

export const agencyPolicy = {
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },

  /**
   * Platform admins edit any agency; an agency admin edits its own agency and its internal units —
   * not the departments below it, even as the government's admin (docs/access.md).
   */
  canEdit(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    if (actor.isPlatformAdmin) return true;
    return inScope(scopeWithRole(actor, dir, ['agency_admin']), agencyId);
  },

  /** Agency admins may only create internal units inside their scope; the platform admin anything. */
  canCreate(actor: StaffActor, dir: AgencyDirectory, parentId: number | null, kind: AgencyKind): boolean {
    if (actor.isPlatformAdmin) return true;
    return kind === 'unit' && parentId !== null && this.canEdit(actor, dir, parentId);
  },

  /** Structural fields (parent, kind, code, rule profile, supervision) are the platform admin's. */
  canRestructure(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },

  canManageRuleProfiles(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
