/**
 * Who may do what in publication (docs/product.md §1 roles, §2.3 pipeline: "谁主管、谁审批、谁负责").
 * Built on the relation model of access/access.ts (docs/access.md): every acting right needs a
 * role held on the item's own agency — a supervising office reads published and pipeline items but
 * drafts, reviews, approves, publishes and revokes nothing; the platform administrator takes no part.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { fillsAnotherStep, inScope, isOwnStaff, readableScope, scopeWithRole } from '../access/access.ts';
import type { Role } from '../access/roles.ts';
import type { ItemRow } from './publication.table.ts';

export const DRAFTING_ROLES: readonly Role[] = ['drafter', 'unit_head', 'disclosure_office'];

export const publicationPolicy = {
  canDraftIn(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, DRAFTING_ROLES), agencyId);
  },
  /** The drafter who created it, or the agency's disclosure office, edits a draft. */
  canEdit(actor: StaffActor, dir: AgencyDirectory, item: ItemRow): boolean {
    return (
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
   * Staff reading: the readable scope, except internal-only items (向机关内部公开, docs/access.md),
   * which only the agency's own staff see — neither a supervising agency, nor the parent government,
   * nor the platform administrator.
   */
  canRead(actor: StaffActor, dir: AgencyDirectory, item: Pick<ItemRow, 'agencyId' | 'scope'>): boolean {
    if (item.scope === 'internal') return isOwnStaff(actor, dir, item.agencyId);
    return inScope(readableScope(actor, dir), item.agencyId);
  },

  /**
   * Separation of duties (docs/access.md): the drafter (creator or submitter) of an item performs no
   * step of its confidentiality review (leader, review office) and no step of its approval chain; one
   * person fills one step of the review and one step of the approval chain of one round. The
   * confidentiality review and the approval chain are two procedures: the leader in charge may
   * review (step 2) and approve (谁主管、谁审批) the same item. A round starts at the last submission.
   */
  canFillStep(
    actorUserId: number,
    item: Pick<ItemRow, 'createdBy'>,
    reviews: readonly { stage: string; reviewerUserId: number | null }[],
    stage: string,
  ): boolean {
    const start = reviews.map((r) => r.stage).lastIndexOf('drafter');
    const round = start >= 0 ? reviews.slice(start) : reviews;
    const procedure = (s: string) =>
      s.startsWith('approval:') ? 'approval' : s === 'drafter' ? 'draft' : 'review';
    const earlier = round
      .filter((r) => r.stage === 'drafter' || (procedure(r.stage) === procedure(stage) && r.stage !== stage))
      .map((r) => r.reviewerUserId);
    return !fillsAnotherStep(actorUserId, [item.createdBy, ...earlier]);
  },
};
