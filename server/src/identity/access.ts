/**
 * The scope rules every module's policy builds on (domain.md §1): staff see their own agency and its
 * internal units; supervising roles also see the agencies their agency supervises; the platform
 * administrator sees everything. Nothing crosses agencies otherwise.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from './actor.ts';
import type { Role } from './roles.ts';

export type Scope = 'all' | ReadonlySet<number>;

const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'disclosure_office', 'assessor', 'agency_admin'];

export function readableScope(actor: StaffActor, dir: AgencyDirectory): Scope {
  if (actor.isPlatformAdmin) return 'all';
  const out = new Set<number>();
  for (const g of actor.grants) {
    for (const a of dir.subtree(g.agencyId)) out.add(a);
    if (SUPERVISING_ROLES.includes(g.role)) for (const a of dir.supervisedScope(g.agencyId)) out.add(a);
  }
  return out;
}

/** Agencies where the actor holds one of `roles` (on the agency itself or an ancestor). */
export function scopeWithRole(actor: StaffActor, dir: AgencyDirectory, roles: readonly Role[]): Scope {
  if (actor.isPlatformAdmin) return 'all';
  const out = new Set<number>();
  for (const g of actor.grants)
    if (roles.includes(g.role)) for (const a of dir.subtree(g.agencyId)) out.add(a);
  return out;
}

export function inScope(scope: Scope, agencyId: number | null): boolean {
  if (scope === 'all') return true;
  return agencyId !== null && scope.has(agencyId);
}

export function scopeList(scope: Scope): number[] | 'all' {
  return scope === 'all' ? 'all' : [...scope];
}
