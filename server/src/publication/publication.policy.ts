/**
 * Who may do what in publication (docs/domain.md §1 roles, §2.3 pipeline: "谁主管、谁审批、谁负责").
 * Built on the relation model of identity/access.ts (docs/access.md): every acting right needs a
 * role held on the item's own agency — a supervising office reads published and pipeline items but
 * drafts, reviews, approves, publishes and revokes nothing; the platform administrator takes no part.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../identity/actor.ts';
import { fillsAnotherStep, inScope, isOwnStaff, readableScope, scopeWithRole } from '../identity/access.ts';
import { isRole, type Role } from '../identity/roles.ts';
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

  /**
   * The action keys this actor may take on this item now (the item view's `actions`; the admin
   * page shows no other button, docs/access.md). Each key is the route suffix under
   * /items/:id/… ('edit' = PUT and attachments): the same role check, status and separation of
   * duties (canFillStep) as publication.service.ts, so a listed action passes the server's checks
   * of who and when (content checks such as the scan may still refuse it). A supervising office
   * and the platform administrator hold no role on the item's agency and get none.
   */
  itemActions(
    actor: StaffActor,
    dir: AgencyDirectory,
    item: ItemRow,
    reviews: readonly { stage: string; reviewerUserId: number | null }[],
  ): ItemActionKey[] {
    const out: ItemActionKey[] = [];
    const fill = (stage: string) => this.canFillStep(actor.userId, item, reviews, stage);
    const manage = this.canManage(actor, dir, item.agencyId);
    const edit = this.canEdit(actor, dir, item);
    switch (item.status) {
      case 'draft':
        if (edit) out.push('edit', 'submit');
        break;
      case 'leader_review':
        if (this.canLeaderReview(actor, dir, item.agencyId) && fill('leader')) out.push('leader-review');
        break;
      case 'office_review':
        if (this.canOfficeReview(actor, dir, item.agencyId) && fill('office'))
          out.push('office-review', 'override-scan');
        break;
      case 'referred':
      case 'deferred':
        if (this.canOfficeReview(actor, dir, item.agencyId) && fill('office')) out.push('resume-review');
        break;
      case 'approval': {
        // a scan override may still be recorded before the last approval (publication.service.ts)
        if (this.canOfficeReview(actor, dir, item.agencyId) && fill('office')) out.push('override-scan');
        const chain = (JSON.parse(item.approvalChainJson ?? '["leader"]') as string[]).filter(isRole);
        const role = chain[item.approvalStep] ?? 'leader';
        if (this.canApproveAs(actor, dir, item.agencyId, role) && fill(`approval:${role}`))
          out.push('approve');
        break;
      }
      case 'scheduled':
        if (manage) out.push('revoke');
        break;
      case 'published':
        if (manage) out.push('revoke', 'validity');
        break;
    }
    // joint consents are recorded until the item is public or closed (service: manage or edit)
    if (!['published', 'revoked', 'withheld'].includes(item.status) && (manage || edit))
      out.push('joint-consents');
    return out;
  },
};

export const ITEM_ACTION_KEYS = [
  'edit',
  'submit',
  'leader-review',
  'office-review',
  'override-scan',
  'resume-review',
  'approve',
  'revoke',
  'validity',
  'joint-consents',
] as const;
export type ItemActionKey = (typeof ITEM_ACTION_KEYS)[number];
