/**
 * Who may do what with applications (domain.md §1, §3). Built on identity/access.ts scope rules:
 * - read: anyone whose readable scope covers the agency (supervisors see subordinate agencies);
 * - personal data: only staff handling the case — the disclosure office of the agency, the leaders
 *   who approve, the assigned handler, and the assigned unit's staff; everyone else sees it masked;
 * - register, confirm receipt, clock actions, letters: the disclosure office (政务公开工作机构);
 * - decide items and submit for approval: the office, the assigned handler, or the assigned unit;
 * - approve: the role of the current step of the agency's approval chain;
 * - approve an extension: the head of the disclosure office (R.33 ¶2) — here a disclosure-office,
 *   leader or principal role, never the person who asked for it;
 * - edit the agency's application settings (approval chain, letter templates): its disclosure office
 *   or its agency administrator; reading them needs read scope over the agency.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../identity/actor.ts';
import { inScope, readableScope, scopeWithRole } from '../identity/access.ts';
import type { Role } from '../identity/roles.ts';

export interface CaseRef {
  agencyId: number;
  unitId: number | null;
  handlerUserId: number | null;
}

const OFFICE: readonly Role[] = ['disclosure_office'];
const LEADERS: readonly Role[] = ['leader', 'principal'];
const SETTINGS_EDITORS: readonly Role[] = ['disclosure_office', 'agency_admin'];

function holdsIn(actor: StaffActor, dir: AgencyDirectory, roles: readonly Role[], agencyId: number): boolean {
  // platform admins operate the platform; they do not handle cases
  if (actor.isPlatformAdmin && actor.grants.length === 0) return false;
  const s = scopeWithRole({ ...actor, isPlatformAdmin: false }, dir, roles);
  return inScope(s, agencyId);
}

function inAssignedUnit(actor: StaffActor, c: CaseRef): boolean {
  return (
    c.unitId !== null &&
    actor.grants.some(
      (g) =>
        (g.role === 'drafter' || g.role === 'unit_head') &&
        (g.agencyId === c.unitId || g.unitId === c.unitId),
    )
  );
}

export const requestPolicy = {
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },

  canSeePersonalData(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    if (c.handlerUserId === actor.userId) return true;
    if (holdsIn(actor, dir, [...OFFICE, ...LEADERS], c.agencyId)) return true;
    return inAssignedUnit(actor, c);
  },

  canRegister(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return holdsIn(actor, dir, OFFICE, agencyId);
  },

  canManage(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    return holdsIn(actor, dir, OFFICE, c.agencyId);
  },

  canHandle(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    if (holdsIn(actor, dir, OFFICE, c.agencyId)) return true;
    if (c.handlerUserId === actor.userId) return true;
    return inAssignedUnit(actor, c);
  },

  canEditSettings(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return holdsIn(actor, dir, SETTINGS_EDITORS, agencyId);
  },

  canApproveExtension(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    return holdsIn(actor, dir, [...OFFICE, ...LEADERS], c.agencyId);
  },

  /** The current approval step's role, held on the case's agency (or, for unit heads, its assigned unit). */
  canApproveStep(actor: StaffActor, dir: AgencyDirectory, c: CaseRef, role: Role): boolean {
    if (role === 'unit_head' && c.unitId !== null)
      return actor.grants.some(
        (g) => g.role === 'unit_head' && (g.agencyId === c.unitId || g.unitId === c.unitId),
      );
    return holdsIn(actor, dir, [role], c.agencyId);
  },
};
