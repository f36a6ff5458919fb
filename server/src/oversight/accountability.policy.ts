/**
 * Who sees and handles accountability files (docs/access.md, built on access/access.ts):
 * - the case is the supervising office's own record: its 监督员 (supervisor, 督查室 — "监督检查、投诉、
 *   责任追究", access/roles.ts) and its 政务公开工作机构 (disclosure_office), holding the role on the
 *   supervising agency itself, open, investigate, decide, review and close cases against the agencies
 *   it supervises (agency_supervisions) — never acting inside the supervised agency;
 * - the persons concerned read their own case, state their defence and ask for review
 *   (《区督查问责办法》第十三条), nothing else;
 * - nobody else sees anything: not the supervised agency's other staff, not the tree's parent, not a
 *   supervising 考核员, and not the platform administrator's flag alone (accountability files are
 *   personnel matters). Every read is audited by the service.
 * - the review is decided by another person than the one who took the decision (access.ts
 *   fillsAnotherStep).
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { fillsAnotherStep } from '../access/access.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';

/** the supervising office's roles that handle accountability cases */
export const ACCOUNTABILITY_ROLES: readonly Role[] = ['supervisor', 'disclosure_office'];

export interface CaseRef {
  supervisorAgencyId: number;
  agencyId: number;
  personUserIds: readonly number[];
  decidedBy: number | null;
}

export const accountabilityPolicy = {
  /** Supervising agencies on whose behalf the actor handles cases. */
  officeAgencies(actor: StaffActor): number[] {
    return [
      ...new Set(actor.grants.filter((g) => ACCOUNTABILITY_ROLES.includes(g.role)).map((g) => g.agencyId)),
    ];
  },

  /** May the actor handle cases of `supervisorId` against `agencyId`? */
  canHandle(actor: StaffActor, dir: AgencyDirectory, supervisorId: number, agencyId: number): boolean {
    return (
      actor.grants.some((g) => g.agencyId === supervisorId && ACCOUNTABILITY_ROLES.includes(g.role)) &&
      supervisorId !== agencyId &&
      dir.supervisedScope(supervisorId).includes(agencyId)
    );
  },

  isConcerned(actor: StaffActor, c: CaseRef): boolean {
    return c.personUserIds.includes(actor.userId);
  },

  canRead(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    return (
      accountabilityPolicy.canHandle(actor, dir, c.supervisorAgencyId, c.agencyId) ||
      accountabilityPolicy.isConcerned(actor, c)
    );
  },

  /** The review is decided by someone other than the decision's author. */
  canDecideReview(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    return (
      accountabilityPolicy.canHandle(actor, dir, c.supervisorAgencyId, c.agencyId) &&
      !fillsAnotherStep(actor.userId, [c.decidedBy])
    );
  },
};
