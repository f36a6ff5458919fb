import type { FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { staffOf } from '../access/staff-of.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { reportingPolicy } from './reporting.policy.ts';

/** A government or department whose reports the logged-in staff member may read; 404 otherwise (no existence leak). */
export async function reportableAgency(
  deps: Deps,
  req: FastifyRequest,
  agencyId: number,
): Promise<{ actor: StaffActor; dir: AgencyDirectory; agency: AgencyNode }> {
  const { actor } = staffOf(req);
  const dir = await agencyDirectory(deps);
  const agency = dir.get(agencyId);
  if (
    !agency ||
    agency.kind === 'unit' ||
    agency.kind === 'region' ||
    !reportingPolicy.canRead(actor, dir, agencyId)
  )
    throw new AppError('AGENCY_NOT_FOUND');
  return { actor, dir, agency };
}
