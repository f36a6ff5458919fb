/**
 * Who may manage staff accounts and roles (docs/access.md): the platform administrator, or an agency
 * administrator (机关管理员) of *that* agency — never the parent government's admin, never a
 * supervising office — and nobody grants or revokes their own roles.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, type Scope, scopeWithRole } from '../access/access.ts';

export const userPolicy = {
  /** Agencies whose staff the actor manages: everything for the platform admin, else agency_admin scope. */
  managedScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    if (actor.isPlatformAdmin) return 'all';
    return scopeWithRole(actor, dir, ['agency_admin']);
  },
  canManageUsers(actor: StaffActor, dir: AgencyDirectory): boolean {
    const s = this.managedScope(actor, dir);
    return s === 'all' || s.size > 0;
  },
  /** A user can be edited by whoever manages every agency the user holds a role in. */
  canEditUser(
    actor: StaffActor,
    dir: AgencyDirectory,
    userAgencyIds: number[],
    targetIsPlatformAdmin: boolean,
  ): boolean {
    if (actor.isPlatformAdmin) return true;
    if (targetIsPlatformAdmin) return false;
    const s = this.managedScope(actor, dir);
    return userAgencyIds.length > 0 && userAgencyIds.every((a) => inScope(s, a));
  },
  canGrantIn(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(this.managedScope(actor, dir), agencyId);
  },
  /** Self-grants are refused to everyone, the platform administrator included. */
  isSelfGrant(actor: StaffActor, targetUserId: number): boolean {
    return actor.userId === targetUserId;
  },
  canMakePlatformAdmin(actor: StaffActor): boolean {
    return actor.isPlatformAdmin;
  },
};
