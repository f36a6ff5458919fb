/**
 * Who reads the detections (docs/access.md): the agency's own staff for their agency (and its
 * internal units), a supervising office for the agencies it supervises, the platform administrator
 * everything. A detection carries no applicant data (an application is named by its registration
 * number), so the supervising read needs no further masking. Detections are written only by the
 * daily job; nobody edits them.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope, readableScope, scopeList } from '../access/access.ts';

export const detectionPolicy = {
  readable(actor: StaffActor, dir: AgencyDirectory): number[] | 'all' {
    return scopeList(readableScope(actor, dir));
  },
  canRead(actor: StaffActor, dir: AgencyDirectory, agencyId: number): boolean {
    return inScope(readableScope(actor, dir), agencyId);
  },
};
