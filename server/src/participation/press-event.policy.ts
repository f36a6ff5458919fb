/**
 * Who may do what with press conferences and online interviews (docs/access.md, on access/access.ts):
 * the agency's own disclosure office and leaders plan, announce and hold them, moderate the questions
 * and publish the transcript; a supervising office reads (questioners' names and contacts masked) and
 * acts on nothing inside the supervised agency; the parent in the tree grants nothing.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { inScope, readableScope, relationTo, type Scope, scopeWithRole } from '../access/access.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';

export const PRESS_EVENT_ROLES: readonly Role[] = ['leader', 'principal', 'disclosure_office'];

export interface PressEventPermissions {
  edit: boolean;
  moderate: boolean;
  /** sees questioners' names and contacts unmasked */
  seesPersonalData: boolean;
}

export const pressEventPolicy = {
  readScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    return readableScope(actor, dir);
  },
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },
  manageScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    return scopeWithRole(actor, dir, PRESS_EVENT_ROLES);
  },
  canManage(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, PRESS_EVENT_ROLES), agencyId);
  },
  seesPersonalData(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return relationTo(actor, dir, agencyId) === 'own' && this.canManage(actor, dir, agencyId);
  },
  permissions(actor: StaffActor, dir: AgencyDirectory, agencyId: number): PressEventPermissions {
    const manage = this.canManage(actor, dir, agencyId);
    return { edit: manage, moderate: manage, seesPersonalData: this.seesPersonalData(actor, dir, agencyId) };
  },
};
