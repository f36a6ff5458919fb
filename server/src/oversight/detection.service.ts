/**
 * Detections (违规自动发现): the daily run that records the violations found in the platform's own
 * records (rules in detection.ts), and the list for the agency's own staff and its supervising office.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import type { Rules } from '../agencies/rule-profile.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { underLease } from '../cluster/lease.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { contactOf, guideReviewStatus, parseGuideContent } from '../publication/index.ts';
import { reportDueDate } from '../reporting/index.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  annualReportLate,
  catalogLate,
  correctionLate,
  DETECTION_KIND_INFO,
  type DetectionKind,
  type Finding,
  type GuideFacts,
  guideFindings,
  interpretationLate,
  isDetectionKind,
  proactiveLate,
  reconcile,
  type ReportDuty,
  requestLate,
  reviewFindings,
  staffPathOf,
} from './detection.ts';
import { detectionPolicy } from './detection.policy.ts';
import { type DetectionFilter, detectionRepository as repo } from './detection.repository.ts';
import type { DetectionRow, DetectionRunRow } from './detection.table.ts';

/** Records completed late are looked at from 1 January of last year on (older ones are history already stored). */
export function windowStart(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}-01-01`;
}

/** Agencies that owe a guide and an annual report (R.12, R.49): active governments and departments. */
function dutyBearers(dir: AgencyDirectory) {
  return [...dir.byId.values()].filter(
    (a) => a.active && (a.kind === 'government' || a.kind === 'department'),
  );
}

/** Every rule over today's records. Pure apart from the reads; exported for the tests. */
export async function findViolations(deps: Deps, tx: DbOrTx, today: string): Promise<Finding[]> {
  const from = windowStart(today);
  const dir = await agencyDirectory(deps, tx);
  const calendars = new Map<number, WorkingCalendar | null>();
  const rulesByProfile = new Map<number | null, Rules>();
  const rulesById = new Map<number, Rules>();
  const agencyIds = new Set<number>();

  const [items, apps, notices, entries, reports, gaps, interps] = await Promise.all([
    repo.proactiveItems(tx, from, today),
    repo.lateApplications(tx, from, today),
    repo.correctionNotices(tx, from),
    repo.changedCatalogEntries(tx, from),
    repo.annualReports(tx, [Number(today.slice(0, 4)) - 2, Number(today.slice(0, 4)) - 1]),
    repo.reviewGaps(tx, from),
    repo.interpretations(tx, from),
  ]);
  const bearers = dutyBearers(dir);
  for (const r of [...items, ...apps, ...notices, ...interps]) agencyIds.add(r.agencyId);
  for (const a of bearers) agencyIds.add(a.id);
  for (const id of agencyIds) {
    calendars.set(id, await calendarFor(deps, id, tx).catch(() => null));
    const key = dir.ruleProfileOf(id);
    let r = rulesByProfile.get(key);
    if (!r) {
      r = await rulesForAgency(deps, tx, id);
      rulesByProfile.set(key, r);
    }
    rulesById.set(id, r);
  }
  const cal = (id: number) => calendars.get(id) ?? null;
  const rules = (id: number) => rulesById.get(id)!;

  // 第十二条: the guide of every agency that owes one
  const latest = new Map(
    (
      await repo.latestGuides(
        tx,
        bearers.map((a) => a.id),
      )
    ).map((g) => [g.agencyId, g]),
  );
  const contacts = new Map(
    (
      await repo.agencyContacts(
        tx,
        bearers.map((a) => a.id),
      )
    ).map((a) => [a.id, a]),
  );
  const guides: GuideFacts[] = bearers.map((a) => {
    const g = latest.get(a.id);
    const contact = contacts.get(a.id);
    const changedFields =
      g && contact
        ? guideReviewStatus(
            { nextReviewOn: g.nextReviewOn, content: parseGuideContent(g.contentJson) },
            contactOf(contact),
            today,
          ).changedFields
        : [];
    return {
      agencyId: a.id,
      agencyName: a.name,
      latest: g ? { version: g.version, publishedOn: g.publishedOn, nextReviewOn: g.nextReviewOn } : null,
      changedFields,
    };
  });

  // 第四十九条: the reports of the last two years
  const published = new Map(
    reports
      .filter((r) => r.status === 'published' && r.publishedAt)
      .map((r) => [`${r.agencyId}:${r.year}`, chinaDate(new Date(r.publishedAt!))]),
  );
  const duties: ReportDuty[] = [];
  for (const a of bearers) {
    const r = rules(a.id);
    for (const year of [Number(today.slice(0, 4)) - 2, Number(today.slice(0, 4)) - 1]) {
      const dueOn = reportDueDate(
        year,
        a.kind === 'government',
        r.annualReportDueDepartment,
        r.annualReportDueGovernment,
      );
      const publishedOn = published.get(`${a.id}:${year}`) ?? null;
      // a report of the year before last is judged only when it was published within the window
      if (year < Number(today.slice(0, 4)) - 1 && (!publishedOn || publishedOn < from)) continue;
      duties.push({ agencyId: a.id, agencyName: a.name, year, dueOn, publishedOn });
    }
  }

  return [
    ...proactiveLate(items, today, cal),
    ...requestLate(apps, today, cal),
    ...correctionLate(notices, cal, rules),
    ...catalogLate(entries, today),
    ...guideFindings(guides, today),
    ...annualReportLate(duties, today),
    ...reviewFindings(gaps),
    ...interpretationLate(interps, today, cal, rules),
  ];
}

/**
 * One day's run: new findings inserted, open ones refreshed or resolved, and one audit event (the
 * platform chain) when anything changed. Idempotent for a day: a second run finds the same.
 */
export async function recordDetections(deps: Deps, tx: DbOrTx): Promise<DetectionRunRow> {
  const today = chinaDate(deps.clock.now());
  const at = deps.clock.now().toISOString();
  const found = await findViolations(deps, tx, today);
  const plan = reconcile(await repo.storedKeys(tx), found);
  await repo.insert(tx, plan.insert, today, at);
  for (const u of plan.update) await repo.refresh(tx, u.id, u.f, today, at);
  await repo.resolve(tx, plan.resolve, today, at);
  const run: DetectionRunRow = {
    runOn: today,
    found: found.length,
    opened: plan.insert.length,
    resolved: plan.resolve.length + plan.update.filter((u) => u.f.doneOn !== null).length,
    finishedAt: at,
  };
  await repo.saveRun(tx, run);
  await recordAudit(tx, deps, {
    actor: SYSTEM_ACTOR,
    agencyId: null,
    entityType: 'oversight_detection_run',
    entityId: today,
    action: 'oversight.detections_recorded',
    after: { found: run.found, opened: run.opened, resolved: run.resolved },
  });
  return run;
}

export const DETECTION_JOB = 'job:违规自动发现';

/**
 * The daily job (jobs.ts): once per Beijing date across the cluster — the lease's period is the date,
 * so the node that completes it marks the day done and every other tick that day skips it.
 */
export async function detectionJob(deps: Deps): Promise<number> {
  const day = chinaDate(deps.clock.now());
  const run = await underLease(deps, DETECTION_JOB, { ttlMs: 10 * 60_000, period: day }, () =>
    inTransaction(deps, (tx) => recordDetections(deps, tx)),
  );
  return run ? run.opened + run.resolved : 0;
}

// ---------------------------------------------------------------- reading

export interface DetectionQuery {
  agencyId?: number;
  kind?: DetectionKind;
  state?: 'open' | 'resolved';
  limit: number;
  offset: number;
}

export interface DetectionList {
  rows: DetectionRow[];
  total: number;
  counts: { agencyId: number; kind: string; open: number; resolved: number }[];
  lastRun: DetectionRunRow | null;
  dir: AgencyDirectory;
}

/** The detections the actor may read: its own agencies' and, for a supervising office, the supervised ones'. */
export async function listDetections(
  deps: Deps,
  actor: StaffActor,
  q: DetectionQuery,
): Promise<DetectionList> {
  const dir = await agencyDirectory(deps);
  let agencyIds = detectionPolicy.readable(actor, dir);
  if (q.agencyId !== undefined) {
    if (!dir.get(q.agencyId)) throw new AppError('DETECTION_AGENCY_NOT_FOUND');
    if (!detectionPolicy.canRead(actor, dir, q.agencyId)) throw new AppError('DETECTION_FORBIDDEN');
    const own = dir.ownUnits(q.agencyId);
    agencyIds = agencyIds === 'all' ? own : own.filter((id) => (agencyIds as number[]).includes(id));
  }
  const f: DetectionFilter = {
    agencyIds,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.state ? { state: q.state } : {}),
  };
  const [page, counts, lastRun] = await Promise.all([
    repo.list(deps.db, f, { limit: q.limit, offset: q.offset }),
    repo.counts(deps.db, f),
    repo.lastRun(deps.db),
  ]);
  return { ...page, counts, lastRun: lastRun ?? null, dir };
}

/** One detection the actor may read; DETECTION_NOT_FOUND otherwise (not revealing another agency's findings). */
export async function readDetection(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<{ row: DetectionRow; dir: AgencyDirectory }> {
  const row = await repo.byId(db, id);
  const dir = await agencyDirectory(deps, db);
  if (!row || !detectionPolicy.canRead(actor, dir, row.agencyId)) throw new AppError('DETECTION_NOT_FOUND');
  return { row, dir };
}

export interface DetectionEvidence {
  id: number;
  agencyId: number;
  kind: string;
  label: string;
  basis: string;
  title: string;
  /** staff SPA path of the record */
  link: string;
  dueOn: string | null;
  firstSeenOn: string;
  resolvedOn: string | null;
}

/**
 * One detection as evidence (for an inspection finding made from it in one step, issue #11), for an
 * actor who may read it; DETECTION_NOT_FOUND otherwise (not revealing another agency's findings).
 */
export async function detectionEvidence(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<DetectionEvidence> {
  const { row } = await readDetection(deps, db, actor, id);
  const info = isDetectionKind(row.kind) ? DETECTION_KIND_INFO[row.kind] : { label: row.kind, basis: '' };
  return {
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind,
    label: info.label,
    basis: info.basis,
    title: row.title,
    link: staffPathOf(row),
    dueOn: row.dueOn,
    firstSeenOn: row.firstSeenOn,
    resolvedOn: row.resolvedOn,
  };
}
