/**
 * Who may do what with the guide, filing, archive volumes and the hand-over log (docs/product.md §1: the
 * disclosure office keeps the guide and files; the archivist archives). Built on access/access.ts.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, readableScope, scopeList, scopeWithRole } from '../access/access.ts';
import type { Role } from '../access/roles.ts';

const GUIDE_ROLES: readonly Role[] = ['disclosure_office', 'agency_admin'];
const FILING_ROLES: readonly Role[] = ['disclosure_office', 'agency_admin', 'archivist'];
/** the supervising agency's 政务公开办 (or its 督查) receives and reviews what supervised agencies file — a supervision action */
const FILING_REVIEW_ROLES: readonly Role[] = ['disclosure_office', 'supervisor'];
const ARCHIVE_ROLES: readonly Role[] = ['disclosure_office', 'archivist', 'agency_admin'];

/**
 * The agency's own staff: a grant on the agency itself or one of its internal units. Neither the
 * parent government nor a supervising office counts — the archive holds internal and withheld items.
 * With `roles`, only a grant on the agency itself with one of them.
 */
function ownStaff(
  actor: StaffActor,
  dir: AgencyDirectory,
  agencyId: number,
  roles?: readonly Role[],
): boolean {
  // the platform administrator is not the agency's staff (docs/access.md)
  const owner = dir.owningAgency(agencyId)?.id ?? agencyId;
  return actor.grants.some((g) =>
    roles
      ? roles.includes(g.role) && g.agencyId === owner
      : (dir.owningAgency(g.agencyId)?.id ?? g.agencyId) === owner,
  );
}

export const archivePolicy = {
  canReadGuide(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },
  /** The agency's own disclosure office (not the parent government's) keeps its guide. */
  canEditGuide(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return ownStaff(actor, dir, agencyId, GUIDE_ROLES);
  },
  canFile(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return ownStaff(actor, dir, agencyId, FILING_ROLES);
  },
  /** Agencies whose filings the actor sees as the filer: those where it holds a filing or leading role. */
  filerScope(actor: StaffActor, dir: AgencyDirectory): number[] | 'all' {
    const roles: readonly Role[] = [...FILING_ROLES, 'leader', 'principal'];
    return [
      ...new Set(
        actor.grants
          .filter((g) => roles.includes(g.role))
          .map((g) => dir.owningAgency(g.agencyId)?.id ?? g.agencyId),
      ),
    ];
  },
  /** Supervising agencies on whose behalf the actor reviews filings. */
  reviewerScope(actor: StaffActor, dir: AgencyDirectory): number[] | 'all' {
    return scopeList(scopeWithRole(actor, dir, FILING_REVIEW_ROLES));
  },
  canReviewFiling(actor: StaffActor, dir: AgencyDirectory, supervisorId: number): boolean {
    return inScope(scopeWithRole(actor, dir, FILING_REVIEW_ROLES), supervisorId);
  },
  /** The archive holds internal-only and withheld items: only the agency's own staff read it. */
  canReadArchive(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return ownStaff(actor, dir, agencyId);
  },
  canManageArchive(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return ownStaff(actor, dir, agencyId, ARCHIVE_ROLES);
  },
};

/** The agencies an item's agency may file with: those that directly supervise it or one of its ancestors. */
export function supervisorsOf(dir: AgencyDirectory, agencyId: number): number[] {
  const chain = dir.ancestry(agencyId);
  return dir
    .all()
    .filter((a) => a.id !== agencyId && dir.directlySupervised(a.id).some((s) => chain.includes(s)))
    .map((a) => a.id);
}
