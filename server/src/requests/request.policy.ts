/**
 * Who may do what with applications (docs/access.md). Built on the relation model of
 * access/access.ts — every acting right below needs a role held on the case's own agency:
 * - read: the agency's own staff, a supervising office of the agency (case file masked), the
 *   platform administrator (masked); being the parent government grants nothing;
 * - personal data: only staff handling the case — the disclosure office of the agency, the leaders
 *   who approve, the assigned handler, and the assigned unit's staff; everyone else sees it masked,
 *   and identity proofs and scans are not downloadable for them;
 * - register, confirm receipt, clock actions, letters: the disclosure office (政务公开工作机构);
 * - decide items and submit for approval: the office, the assigned handler, or the assigned unit;
 * - approve: the role of the current step of the agency's approval chain;
 * - approve an extension: the head of the disclosure office (R.33 ¶2) — here a disclosure-office,
 *   leader or principal role, never the person who asked for it;
 * - edit the agency's application settings (approval chain, letter templates): its disclosure office
 *   or its agency administrator; reading them needs read scope over the agency.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { fillsAnotherStep, inScope, readableScope, scopeWithRole } from '../access/access.ts';
import { ROLES, type Role } from '../access/roles.ts';

export interface CaseRef {
  agencyId: number;
  unitId: number | null;
  handlerUserId: number | null;
}

const OFFICE: readonly Role[] = ['disclosure_office'];
/** any role on the agency: the assigned handler must still be its staff */
const ROLES_OF_STAFF: readonly Role[] = ROLES;
const LEADERS: readonly Role[] = ['leader', 'principal'];
const SETTINGS_EDITORS: readonly Role[] = ['disclosure_office', 'agency_admin'];

/** A role held on the case's own agency; the platform flag and supervising relations never count. */
function holdsIn(actor: StaffActor, dir: AgencyDirectory, roles: readonly Role[], agencyId: number): boolean {
  return inScope(scopeWithRole(actor, dir, roles), agencyId);
}

function inAssignedUnit(actor: StaffActor, c: CaseRef & { agencyId: number }): boolean {
  return (
    c.unitId !== null &&
    actor.grants.some(
      (g) =>
        (g.role === 'drafter' || g.role === 'unit_head') &&
        (g.agencyId === c.unitId || (g.agencyId === c.agencyId && g.unitId === c.unitId)),
    )
  );
}

export const requestPolicy = {
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },

  canSeePersonalData(actor: StaffActor, dir: AgencyDirectory, c: CaseRef): boolean {
    // an assigned handler who has since left the agency (role revoked) no longer sees it
    if (c.handlerUserId === actor.userId && holdsIn(actor, dir, ROLES_OF_STAFF, c.agencyId)) return true;
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
    if (c.handlerUserId === actor.userId && holdsIn(actor, dir, ROLES_OF_STAFF, c.agencyId)) return true;
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
        (g) =>
          g.role === 'unit_head' &&
          (g.agencyId === c.unitId || (g.agencyId === c.agencyId && g.unitId === c.unitId)),
      );
    return holdsIn(actor, dir, [role], c.agencyId);
  },

  /**
   * Separation of duties: the person who submitted the reply for approval (its drafter) and anyone
   * who already filled a step of the current round may not fill another step (docs/access.md).
   */
  canFillApprovalStep(
    actorUserId: number,
    round: { submittedBy: number | null; approvedBy: number[] },
  ): boolean {
    return !fillsAnotherStep(actorUserId, [round.submittedBy, ...round.approvedBy]);
  },

  /**
   * Identity proofs and scans of the application form carry personal data: only staff who see it
   * unmasked download them; files provided to the applicant are readable by whoever reads the case.
   */
  canDownloadFile(actor: StaffActor, dir: AgencyDirectory, c: CaseRef, kind: string): boolean {
    return kind === 'provided' || this.canSeePersonalData(actor, dir, c);
  },
};

/** Case actions a handler (承办人) takes; every other action is the disclosure office's. */
const HANDLER_ACTIONS = new Set([
  'request_correction',
  'receive_correction',
  'consult_third_party',
  'consult_agency',
  'end_consultation',
  'submit_for_approval',
  'extension',
]);

export interface CasePermissions {
  personalData: boolean;
  manage: boolean;
  handle: boolean;
  approveExtension: boolean;
  /** may fill the current approval step (its role, and not the drafter or an earlier step's approver) */
  approve: boolean;
}

/**
 * The action keys the case page offers this actor (the admin shows nothing else): the state's
 * transitions the actor's permissions cover, plus extension, its decision, approval, delay and
 * appeal when the case's state allows them. A supervising office gets an empty list.
 */
export function caseActionKeys(
  p: CasePermissions,
  c: { status: string; transitions: readonly string[]; extensionRequested: boolean },
): string[] {
  const may = (key: string) => (HANDLER_ACTIONS.has(key) ? p.handle : p.manage);
  const keys = c.transitions.filter((t) => t !== 'reject_approval' && t !== 'reopen' && may(t));
  const running = ['registered', 'in_progress', 'awaiting_approval'].includes(c.status);
  if (running && p.handle && !c.extensionRequested) keys.push('extension');
  if (c.extensionRequested && p.approveExtension) keys.push('extension_decision');
  if (c.status === 'awaiting_approval' && p.approve) keys.push('approval');
  if (running && p.manage) keys.push('delay');
  if (['replied', 'closed'].includes(c.status) && p.manage) keys.push('appeal');
  return keys;
}
