/**
 * The relation model every module's policy builds on (docs/access.md):
 * - own: a grant on an agency covers the agency itself and its internal units — its own staff
 *   administer it (draft, review, approve, publish, reply, settings, people);
 * - supervising: a supervising role (政务公开办, 督查, 考核) held on an agency that supervises another
 *   (an explicit agency_supervisions row, not the tree) lets the holder *read* the supervised agency
 *   — statistics, queues and case files with applicant data masked — and take supervision actions;
 *   it never lets it act inside that agency;
 * - none: everything else. Being the parent in the agency tree grants nothing by itself.
 * The platform administrator reads everything (masked) and administers agencies, users and
 * calendars, but takes no part in casework unless explicitly granted a role in the agency.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from './actor.ts';
import type { Role } from './roles.ts';

export type Scope = 'all' | ReadonlySet<number>;
export type Relation = 'own' | 'supervising' | 'none';

/** Roles that carry the supervising relation to the agencies their agency supervises. */
export const SUPERVISING_ROLES: readonly Role[] = ['disclosure_office', 'supervisor', 'assessor'];

/** Agencies the actor may read: its own agencies and, for supervising roles, the supervised ones. */
export function readableScope(actor: StaffActor, dir: AgencyDirectory): Scope {
  if (actor.isPlatformAdmin) return 'all';
  const out = new Set<number>();
  for (const g of actor.grants) {
    for (const a of dir.ownUnits(g.agencyId)) out.add(a);
    if (SUPERVISING_ROLES.includes(g.role)) for (const a of dir.supervisedScope(g.agencyId)) out.add(a);
  }
  return out;
}

/**
 * Agencies where the actor holds one of `roles` as the agency's own staff (a grant on the agency
 * itself, covering its internal units). Never the departments below it, never the supervised ones,
 * and nothing for the platform administrator's flag alone — only explicit grants count.
 */
export function scopeWithRole(actor: StaffActor, dir: AgencyDirectory, roles: readonly Role[]): Scope {
  const out = new Set<number>();
  for (const g of actor.grants)
    if (roles.includes(g.role)) for (const a of dir.ownUnits(g.agencyId)) out.add(a);
  return out;
}

/** Agencies the actor supervises through one of `roles` (default: every supervising role). */
export function supervisingScope(
  actor: StaffActor,
  dir: AgencyDirectory,
  roles: readonly Role[] = SUPERVISING_ROLES,
): Set<number> {
  const out = new Set<number>();
  for (const g of actor.grants)
    if (roles.includes(g.role) && SUPERVISING_ROLES.includes(g.role))
      for (const a of dir.supervisedScope(g.agencyId)) out.add(a);
  return out;
}

/** The actor's relation to an agency; `own` wins over `supervising`. */
export function relationTo(actor: StaffActor, dir: AgencyDirectory, agencyId: number): Relation {
  if (actor.grants.some((g) => dir.ownUnits(g.agencyId).includes(agencyId))) return 'own';
  if (supervisingScope(actor, dir).has(agencyId)) return 'supervising';
  return 'none';
}

/** Is the actor the agency's own staff (any role on it)? */
export function isOwnStaff(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
  return relationTo(actor, dir, agencyId) === 'own';
}

export function inScope(scope: Scope, agencyId: number | null): boolean {
  if (scope === 'all') return true;
  return agencyId !== null && scope.has(agencyId);
}

export function scopeList(scope: Scope): number[] | 'all' {
  return scope === 'all' ? 'all' : [...scope];
}

/**
 * Separation of duties (docs/access.md): on one item or application, a person who drafted it or who
 * already filled a step of the current review/approval round may not fill another step — whatever
 * roles they hold. `earlier` lists the user ids of the drafter and of every step already taken.
 */
export function fillsAnotherStep(actorUserId: number, earlier: readonly (number | null)[]): boolean {
  return earlier.includes(actorUserId);
}
