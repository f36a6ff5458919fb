/** Who may do what with annual reports. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, readableScope, SUPERVISING_ROLES, scopeWithRole } from '../access/access.ts';

export const reportingPolicy = {
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },
  /** The disclosure office compiles the report (R.4: 工作机构 编制年度报告). */
  canEdit(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, ['disclosure_office']), agencyId);
  },
  /** Approval by the leader in charge (30号: 分管领导为第一责任人) or the principal. */
  canApprove(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, ['leader', 'principal']), agencyId);
  },
  /**
   * The supervising office's default view of its statistics: an actor holding a supervising role
   * (政务公开办, 督查, 考核) on an agency that supervises others sees them included (docs/access.md).
   */
  supervisesFrom(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return (
      dir.supervisedScope(agencyId).length > 0 &&
      actor.grants.some((g) => g.agencyId === agencyId && SUPERVISING_ROLES.includes(g.role))
    );
  },
  canPublish(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return this.canEdit(actor, dir, agencyId);
  },
};
