/**
 * Who may do what in publication (domain.md §1 roles, §2.3 pipeline: "谁主管、谁审批、谁负责").
 * Built on identity/access.ts scopes; tested through the API tests.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../identity/actor.ts';
import { inScope, readableScope, scopeWithRole } from '../identity/access.ts';
import type { Role } from '../identity/roles.ts';
import type { ItemRow } from './publication.table.ts';

export const DRAFTING_ROLES: readonly Role[] = ['drafter', 'unit_head', 'disclosure_office'];

export const publicationPolicy = {
  canDraftIn(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, DRAFTING_ROLES), agencyId);
  },
  /** The drafter who created it, or the agency's disclosure office, edits a draft. */
  canEdit(actor: StaffActor, dir: AgencyDirectory, item: ItemRow): boolean {
    return (
      actor.isPlatformAdmin ||
      (item.createdBy === actor.userId && this.canDraftIn(actor, dir, item.agencyId)) ||
      inScope(scopeWithRole(actor, dir, ['disclosure_office']), item.agencyId)
    );
  },
  /** Step 2 of the confidentiality review: the leader in charge (or the principal). */
  canLeaderReview(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, ['leader', 'principal']), agencyId);
  },
  /** Step 3: the confidentiality review office's conclusion, and scan overrides. */
  canOfficeReview(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, ['confidentiality_reviewer']), agencyId);
  },
  canApproveAs(actor: StaffActor, dir: AgencyDirectory, agencyId: number, role: Role): boolean {
    return inScope(scopeWithRole(actor, dir, [role]), agencyId);
  },
  /** Revocation, validity changes, catalog, guide and settings belong to the disclosure office. */
  canManage(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, ['disclosure_office', 'agency_admin']), agencyId);
  },
  /**
   * Staff reading: the readable scope, except internal-only items (seed 000 art.5), which only the
   * agency's own staff see — a supervising agency does not.
   */
  canRead(actor: StaffActor, dir: AgencyDirectory, item: Pick<ItemRow, 'agencyId' | 'scope'>): boolean {
    if (actor.isPlatformAdmin) return true;
    if (item.scope === 'internal')
      return actor.grants.some((g) => dir.subtree(g.agencyId).includes(item.agencyId));
    return inScope(readableScope(actor, dir), item.agencyId);
  },
};
