/**
 * Who may do what with contacts (docs/access.md), on identity/access.ts:
 * - read: the handling agency's own staff, a supervising office of it and the platform administrator
 *   — the last two with the sender's name and contact masked; the tree's parent grants nothing;
 * - personal data: the agency's disclosure office, its leaders, and the staff of the assigned unit;
 * - register, assign to a unit, transfer, close: the agency's disclosure office (政务公开工作机构);
 * - draft the reply: the disclosure office or the assigned unit's staff (拟稿人、科室负责人);
 * - approve the reply before it leaves: the disclosure office, never the person who drafted it.
 * A supervising office never acts inside the supervised agency.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { fillsAnotherStep, inScope, readableScope, scopeWithRole } from '../access/access.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { type ContactAction, type ContactStatus, nextStatus } from './contact.ts';

export interface ContactRef {
  agencyId: number;
  unitId: number | null;
  status: ContactStatus;
  replyDraftedBy: number | null;
}

const OFFICE: readonly Role[] = ['disclosure_office'];
const LEADERS: readonly Role[] = ['leader', 'principal'];
const UNIT_STAFF: readonly Role[] = ['drafter', 'unit_head'];

function holdsIn(actor: StaffActor, dir: AgencyDirectory, roles: readonly Role[], agencyId: number): boolean {
  return inScope(scopeWithRole(actor, dir, roles), agencyId);
}

function inAssignedUnit(actor: StaffActor, c: ContactRef): boolean {
  return (
    c.unitId !== null &&
    actor.grants.some(
      (g) =>
        UNIT_STAFF.includes(g.role) &&
        (g.agencyId === c.unitId || (g.agencyId === c.agencyId && g.unitId === c.unitId)),
    )
  );
}

export type ContactStaffAction = Exclude<ContactAction, 'rate' | 'reanswer'>;

export const contactPolicy = {
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },

  canSeePersonalData(actor: StaffActor, dir: AgencyDirectory, c: ContactRef): boolean {
    return holdsIn(actor, dir, [...OFFICE, ...LEADERS], c.agencyId) || inAssignedUnit(actor, c);
  },

  canRegister(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return holdsIn(actor, dir, OFFICE, agencyId);
  },

  /** Whether the actor may take `action` now (role and status; separation of duties for approval). */
  may(actor: StaffActor, dir: AgencyDirectory, c: ContactRef, action: ContactStaffAction): boolean {
    if (nextStatus(c.status, action) === null) return false;
    const office = holdsIn(actor, dir, OFFICE, c.agencyId);
    switch (action) {
      case 'assign':
      case 'transfer':
      case 'close':
      case 'return':
        return office;
      case 'draft_reply':
        return office || inAssignedUnit(actor, c);
      case 'approve':
        return office && !fillsAnotherStep(actor.userId, [c.replyDraftedBy]);
    }
  },

  actions(actor: StaffActor, dir: AgencyDirectory, c: ContactRef): ContactStaffAction[] {
    const all: ContactStaffAction[] = ['assign', 'transfer', 'draft_reply', 'approve', 'return', 'close'];
    return all.filter((a) => contactPolicy.may(actor, dir, c, a));
  },
};
