/**
 * Repeat requests (R.36(6) 重复申请) and requests for the same information by several applicants
 * (R.44) as staff see them: warnings on the case page and the per-agency list of candidates for
 * proactive publication. Matching is the pure similar.ts; only the reads live here.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { maskName } from './application.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { requestPolicy } from './request.policy.ts';
import { requestRepository as repo } from './request.repository.ts';
import type { ApplicationRow, ItemRow } from './request.table.ts';
import {
  type Asked,
  applicantKey,
  clusterRequests,
  R44_MIN_APPLICANTS,
  R44_WINDOW_MONTHS,
  sameInformation,
  windowStart,
} from './similar.ts';

/** Request items read for the R.44 list: a 12-month window of one agency rarely holds more. */
const CANDIDATE_ROWS = 5000;

export interface RepeatHit {
  itemId: number;
  applicationId: number;
  registrationNo: string;
  repliedOn: string | null;
  description: string;
  disposition: string | null;
  basis: string;
}

/** R.36(6): earlier applications of the same applicant, already answered, asking for the same information. */
export async function repeatsOf(
  db: DbOrTx,
  app: ApplicationRow,
  items: readonly ItemRow[],
): Promise<RepeatHit[]> {
  const earlier = await repo.sameApplicantAnswered(db, app.agencyId, app.applicantName, app.idNumber, app.id);
  const out: RepeatHit[] = [];
  for (const item of items)
    for (const e of earlier) {
      const m = sameInformation(item, e);
      if (m.same)
        out.push({
          itemId: item.id,
          applicationId: e.id,
          registrationNo: e.registrationNo,
          repliedOn: e.repliedOn,
          description: e.description,
          disposition: e.disposition,
          basis: m.basis,
        });
    }
  return out;
}

export interface SameInfo {
  itemId: number;
  /** distinct applicants, this one included, who asked for it within the window */
  applicants: number;
  suggestProactive: boolean;
  others: { applicationId: number; registrationNo: string; submittedOn: string }[];
}

/** R.44: for each item, the other applicants who asked for the same information in the last 12 months. */
export async function sameInformationOf(
  deps: Deps,
  db: DbOrTx,
  app: ApplicationRow,
  items: readonly ItemRow[],
): Promise<SameInfo[]> {
  const since = windowStart(chinaDate(deps.clock.now()));
  // the most recent requests matter most on a case page; the cap keeps a case view cheap
  const rows = await repo.itemsOfAgencySince(db, app.agencyId, since, { limit: 2000, newestFirst: true });
  const me = applicantKey(app);
  return items.map((item) => {
    const others = rows.filter(
      (r) => r.applicationId !== app.id && applicantKey(r) !== me && sameInformation(item, r).same,
    );
    const applicants = new Set([me, ...others.map((r) => applicantKey(r))]).size;
    const seen = new Set<number>();
    return {
      itemId: item.id,
      applicants,
      suggestProactive: applicants >= R44_MIN_APPLICANTS,
      others: others
        .filter((r) => !seen.has(r.applicationId) && seen.add(r.applicationId))
        .map((r) => ({
          applicationId: r.applicationId,
          registrationNo: r.registrationNo,
          submittedOn: r.submittedOn,
        })),
    };
  });
}

/**
 * R.44 candidates of one agency: information asked for by at least R44_MIN_APPLICANTS distinct
 * applicants in the last R44_WINDOW_MONTHS months. Applicants are shown masked: this is a list for
 * deciding what to publish, not for handling a case.
 */
export async function proactiveCandidates(deps: Deps, db: DbOrTx, actor: StaffActor, agencyId: number) {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (!agency || !requestPolicy.canRead(actor, dir, agencyId)) throw new AppError('AGENCY_NOT_FOUND');
  const today = chinaDate(deps.clock.now());
  const since = windowStart(today);
  const rows = await repo.itemsOfAgencySince(db, agencyId, since, { limit: CANDIDATE_ROWS });
  const asked = rows.map((r) => ({
    applicationId: r.applicationId,
    registrationNo: r.registrationNo,
    applicant: applicantKey(r),
    applicantName: r.applicantName,
    submittedOn: r.submittedOn,
    description: r.description,
    title: r.title,
    docNo: r.docNo,
    disposition: r.disposition,
  })) satisfies Asked[];
  const groups = clusterRequests(asked)
    .filter((g) => g.applicants >= R44_MIN_APPLICANTS)
    .sort((a, b) => b.applicants - a.applicants || a.lead.submittedOn.localeCompare(b.lead.submittedOn));
  return {
    agencyId,
    agencyName: agency.name,
    since,
    today,
    minApplicants: R44_MIN_APPLICANTS,
    windowMonths: R44_WINDOW_MONTHS,
    truncated: rows.length >= CANDIDATE_ROWS,
    items: groups.map((g) => ({
      description: g.lead.description,
      title: g.lead.title,
      docNo: g.lead.docNo,
      applicants: g.applicants,
      requests: g.members.length,
      firstOn: g.members[0]!.submittedOn,
      lastOn: g.members.at(-1)!.submittedOn,
      disclosedBefore: g.members.some(
        (m) => m.disposition === 'disclosed' || m.disposition === 'partially_disclosed',
      ),
      applications: g.members.map((m) => ({
        id: m.applicationId,
        registrationNo: m.registrationNo,
        applicantName: maskName(m.applicantName),
        submittedOn: m.submittedOn,
      })),
    })),
  };
}
