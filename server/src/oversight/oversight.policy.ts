/**
 * Who may do what with inspections and rectification (docs/access.md, built on identity/access.ts):
 * - a supervision or special inspection is the supervising office's own record about the agencies
 *   it supervises (agency_supervisions): its 政务公开办 or 督查 plan it, record findings and order
 *   rectification, and accept or return the reports — never acting inside the supervised agency;
 * - a self-inspection (自查, district supervision measures art. 7) is planned and recorded by the
 *   agency's own office for itself; its rectification is still accepted by a supervising office;
 * - the rectification report is written by the owner agency's own staff only, and the agency never
 *   accepts its own rectification;
 * - the plan's approval for publication is another person than the one who concluded it.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, readableScope, relationTo, scopeWithRole } from '../access/access.ts';
import type { Role } from '../access/roles.ts';
import type { InspectionKind } from './inspection.ts';

/** the supervising agency's roles that inspect (政务公开办, 督查室) */
export const INSPECTOR_ROLES: readonly Role[] = ['disclosure_office', 'supervisor'];
/** the agency's own roles that run its self-inspection (art. 5: a unit charged with supervision) */
export const SELF_INSPECTION_ROLES: readonly Role[] = ['disclosure_office', 'supervisor', 'agency_admin'];
/** who approves an inspection result for publication: the leaders and the inspectors of the organizer */
export const APPROVER_ROLES: readonly Role[] = ['leader', 'principal', 'disclosure_office', 'supervisor'];
/** the owner agency's staff who write and submit its rectification report */
export const REPORT_ROLES: readonly Role[] = [
  'disclosure_office',
  'supervisor',
  'agency_admin',
  'leader',
  'principal',
];

interface PlanRef {
  organizerAgencyId: number;
  kind: InspectionKind;
  agencyIds: readonly number[];
}

/** A grant with one of `roles` held on the agency itself (not on one of its units). */
function holdsOn(actor: StaffActor, agencyId: number, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => g.agencyId === agencyId && roles.includes(g.role));
}

/** Agencies supervised through a grant with an inspector role held on `supervisorId`. */
function supervisesAs(actor: StaffActor, dir: AgencyDirectory, supervisorId: number, agencyId: number) {
  return (
    holdsOn(actor, supervisorId, INSPECTOR_ROLES) && dir.supervisedScope(supervisorId).includes(agencyId)
  );
}

export const oversightPolicy = {
  /** May the actor organize an inspection of this kind on behalf of `organizerId`? */
  canOrganize(actor: StaffActor, organizerId: number, kind: InspectionKind): boolean {
    return holdsOn(actor, organizerId, kind === 'self' ? SELF_INSPECTION_ROLES : INSPECTOR_ROLES);
  },

  /** Records findings and orders rectification in the plan (its organizer's inspectors). */
  canInspect(actor: StaffActor, plan: PlanRef): boolean {
    return oversightPolicy.canOrganize(actor, plan.organizerAgencyId, plan.kind);
  },

  /** Approves the result for publication (the organizer's leaders and inspectors). */
  canApprove(actor: StaffActor, plan: PlanRef): boolean {
    return holdsOn(actor, plan.organizerAgencyId, APPROVER_ROLES);
  },

  /**
   * Reads the plan: the organizer's own staff, the agencies in its scope (their own findings only —
   * `visibleAgencies`), the supervising offices of the organizer (a self-inspection is reported to
   * them, art. 7) and the platform administrator.
   */
  canRead(actor: StaffActor, dir: AgencyDirectory, plan: PlanRef): boolean {
    return oversightPolicy.visibleAgencies(actor, dir, plan).length > 0;
  },

  /** The agencies of the plan's scope whose findings the actor sees. */
  visibleAgencies(actor: StaffActor, dir: AgencyDirectory, plan: PlanRef): number[] {
    if (actor.isPlatformAdmin) return [...plan.agencyIds];
    const organizerSide = relationTo(actor, dir, plan.organizerAgencyId) !== 'none';
    if (organizerSide) return [...plan.agencyIds];
    const readable = readableScope(actor, dir);
    return plan.agencyIds.filter((a) => inScope(readable, a));
  },

  /** Writes and submits the rectification report: the owner agency's own staff only. */
  canReport(actor: StaffActor, dir: AgencyDirectory, ownerAgencyId: number): boolean {
    return inScope(scopeWithRole(actor, dir, REPORT_ROLES), ownerAgencyId);
  },

  /**
   * Accepts or returns a report: an inspector of the plan's organizer (a supervision or special
   * inspection) or of any agency supervising the owner (a self-inspection, reported to the
   * supervising office) — and never someone of the owner agency itself.
   */
  canDecide(actor: StaffActor, dir: AgencyDirectory, plan: PlanRef, ownerAgencyId: number): boolean {
    if (relationTo(actor, dir, ownerAgencyId) === 'own') return false;
    if (plan.kind !== 'self') return supervisesAs(actor, dir, plan.organizerAgencyId, ownerAgencyId);
    return actor.grants.some((g) => supervisesAs(actor, dir, g.agencyId, ownerAgencyId));
  },

  /** Is the actor on the owner agency's side (for the "never accepts its own" error)? */
  isOwner(actor: StaffActor, dir: AgencyDirectory, ownerAgencyId: number): boolean {
    return relationTo(actor, dir, ownerAgencyId) === 'own';
  },

  /** Agencies whose rectification tasks the actor may list as the owner. */
  ownerScope(actor: StaffActor, dir: AgencyDirectory): number[] {
    const s = scopeWithRole(actor, dir, REPORT_ROLES);
    return s === 'all' ? [] : [...s];
  },

  /** Agencies whose rectification the actor follows as a supervising office (inspector roles). */
  supervisedScope(actor: StaffActor, dir: AgencyDirectory): number[] {
    const out = new Set<number>();
    for (const g of actor.grants)
      if (INSPECTOR_ROLES.includes(g.role)) for (const a of dir.supervisedScope(g.agencyId)) out.add(a);
    return [...out];
  },
};
