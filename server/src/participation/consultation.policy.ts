/**
 * Who may do what with consultations (docs/access.md, built on identity/access.ts):
 * - the agency's own staff in a drafting or disclosure role prepare, open and close consultations,
 *   enter comments received by letter or at meetings, moderate and keep the adoption ledger;
 * - publishing the adoption summary is for the disclosure office and the leaders (it speaks for the
 *   agency, 《重大行政决策程序暂行条例》第十五条);
 * - a supervising office reads (commenters' names and contacts masked) and acts on nothing inside
 *   the supervised agency; the parent in the tree grants nothing; the platform administrator reads
 *   (masked) only.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { inScope, readableScope, relationTo, type Scope, scopeWithRole } from '../access/access.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';

export const CONSULTATION_ROLES: readonly Role[] = [
  'drafter',
  'unit_head',
  'leader',
  'principal',
  'disclosure_office',
];
export const SUMMARY_ROLES: readonly Role[] = ['leader', 'principal', 'disclosure_office'];

export interface ConsultationPermissions {
  edit: boolean;
  moderate: boolean;
  publishSummary: boolean;
  /** sees commenters' names and contacts unmasked */
  seesPersonalData: boolean;
}

export const consultationPolicy = {
  readScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    return readableScope(actor, dir);
  },
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },
  manageScope(actor: StaffActor, dir: AgencyDirectory): Scope {
    return scopeWithRole(actor, dir, CONSULTATION_ROLES);
  },
  canManage(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, CONSULTATION_ROLES), agencyId);
  },
  canPublishSummary(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, SUMMARY_ROLES), agencyId);
  },
  seesPersonalData(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return relationTo(actor, dir, agencyId) === 'own' && this.canManage(actor, dir, agencyId);
  },
  permissions(actor: StaffActor, dir: AgencyDirectory, agencyId: number): ConsultationPermissions {
    const manage = this.canManage(actor, dir, agencyId);
    return {
      edit: manage,
      moderate: manage,
      publishSummary: this.canPublishSummary(actor, dir, agencyId),
      seesPersonalData: this.seesPersonalData(actor, dir, agencyId),
    };
  },
};
