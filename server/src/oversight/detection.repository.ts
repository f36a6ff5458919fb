/**
 * All SQL of the detections: the stored findings and runs (0019_oversight_detections), and the reads of
 * the other modules' records the rules look at (information items, applications and their deadlines,
 * catalog entries, guide versions, annual reports) — read-only, the columns the rules need. Only
 * items for the public (`scope = 'public'`) are looked at: a detection is read by the supervising
 * office, which never reads 内部公开 items (docs/access.md).
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  ApplicationFacts,
  CatalogEntryFacts,
  CorrectionNoticeFacts,
  Finding,
  InterpretationFacts,
  ItemFacts,
  ReviewFacts,
} from './detection.ts';
import type { DetectionRow, DetectionRunRow } from './detection.table.ts';

const APPLICATION = 'request_application';
const PIPELINE = ['draft', 'leader_review', 'office_review', 'approval', 'scheduled'];
const RUNNING = ['registered', 'in_progress', 'awaiting_approval'];

export interface DetectionFilter {
  agencyIds: number[] | 'all';
  kind?: string;
  state?: 'open' | 'resolved';
}

function filtered<Q extends { where: (...a: never[]) => Q }>(q: Q, f: DetectionFilter): Q {
  // biome-ignore lint/suspicious/noExplicitAny: the builder's where overloads
  let r: any = q;
  if (f.agencyIds !== 'all') r = r.where('agencyId', 'in', f.agencyIds);
  if (f.kind) r = r.where('kind', '=', f.kind);
  if (f.state === 'open') r = r.where('resolvedOn', 'is', null);
  if (f.state === 'resolved') r = r.where('resolvedOn', 'is not', null);
  return r as Q;
}

export const detectionRepository = {
  // ---------------------------------------------------------------- records the rules read

  /** 第二十六条: proactive items published late since `from`, or still in the pipeline past their due date. */
  async proactiveItems(db: DbOrTx, from: string, today: string): Promise<ItemFacts[]> {
    return db
      .selectFrom('informationItems')
      .select([
        'id',
        'agencyId',
        'title',
        'attribute',
        'status',
        'generatedOn',
        'publishDueOn',
        'publishedOn',
      ])
      .where('attribute', '=', 'proactive')
      .where('scope', '=', 'public')
      .where('publishDueOn', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', '=', 'published'),
            eb('publishedOn', '>=', from),
            eb('publishedOn', '>', eb.ref('publishDueOn')),
          ]),
          eb.and([eb('status', 'in', PIPELINE), eb('publishDueOn', '<', today)]),
        ]),
      )
      .orderBy('id')
      .execute();
  },

  /** 第三十三条: applications answered after their reply deadline since `from`, or open past it. */
  async lateApplications(db: DbOrTx, from: string, today: string): Promise<ApplicationFacts[]> {
    const rows = await db
      .selectFrom('requestApplications as a')
      .innerJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', APPLICATION)
          .on('d.kind', '=', 'reply')
          .on('d.state', 'not in', ['cancelled', 'superseded']),
      )
      .select([
        'a.id',
        'a.agencyId',
        'a.registrationNo',
        'a.status',
        'a.repliedOn',
        'a.pauseKind',
        'd.dueDate',
      ])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('a.repliedOn', 'is not', null),
            eb('a.repliedOn', '>=', from),
            eb('a.repliedOn', '>', eb.ref('d.dueDate')),
          ]),
          eb.and([
            eb('a.repliedOn', 'is', null),
            eb('a.status', 'in', RUNNING),
            eb('a.pauseKind', 'is', null),
            eb('d.dueDate', '<', today),
          ]),
        ]),
      )
      .orderBy('a.id')
      .orderBy('d.id', 'desc')
      .execute();
    const seen = new Set<number>();
    const out: ApplicationFacts[] = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue; // the latest live reply deadline of each application
      seen.add(r.id);
      out.push({
        id: r.id,
        agencyId: r.agencyId,
        registrationNo: r.registrationNo,
        status: r.status,
        replyDueOn: r.dueDate,
        repliedOn: r.repliedOn,
        paused: r.pauseKind !== null,
      });
    }
    return out;
  },

  /** 第三十条: correction notices given since `from`, with the date the application was received. */
  async correctionNotices(db: DbOrTx, from: string): Promise<CorrectionNoticeFacts[]> {
    return db
      .selectFrom('deadlines as d')
      .innerJoin('requestApplications as a', 'a.id', 'd.subjectId')
      .select([
        'a.id as applicationId',
        'a.agencyId',
        'a.registrationNo',
        'a.receivedOn',
        'd.startDate as noticeOn',
      ])
      .where('d.subjectType', '=', APPLICATION)
      .where('d.kind', '=', 'correction')
      .where('a.receivedOn', 'is not', null)
      .where('d.startDate', '>=', from)
      .orderBy('d.id')
      .$narrowType<{ receivedOn: string }>()
      .execute();
  },

  /** Catalog entries with a recorded change (publication/catalog-update.service.ts). */
  async changedCatalogEntries(db: DbOrTx, from: string): Promise<CatalogEntryFacts[]> {
    return db
      .selectFrom('catalogEntries')
      .select(['id', 'agencyId', 'code', 'name', 'active', 'changedOn', 'updateDueOn', 'catalogUpdatedOn'])
      .where('changedOn', 'is not', null)
      .where('updateDueOn', 'is not', null)
      .where((eb) => eb.or([eb('catalogUpdatedOn', 'is', null), eb('catalogUpdatedOn', '>=', from)]))
      .orderBy('id')
      .execute();
  },

  /** The latest guide version of each agency in `agencyIds`. */
  async latestGuides(
    db: DbOrTx,
    agencyIds: number[],
  ): Promise<
    { agencyId: number; version: number; publishedOn: string; nextReviewOn: string; contentJson: string }[]
  > {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('guideVersions as g')
      .select(['g.agencyId', 'g.version', 'g.publishedOn', 'g.nextReviewOn', 'g.contentJson'])
      .where('g.agencyId', 'in', agencyIds)
      .where('g.version', '=', (eb) =>
        eb
          .selectFrom('guideVersions as g2')
          .select((e) => e.fn.max('g2.version').as('v'))
          .whereRef('g2.agencyId', '=', 'g.agencyId'),
      )
      .execute();
  },

  /** The agencies' contact data, as the guide shows it (publication/guide.ts contactOf). */
  async agencyContacts(db: DbOrTx, agencyIds: number[]) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('agencies')
      .select(['id', 'name', 'address', 'postalCode', 'officeHours', 'phone', 'fax', 'email', 'website'])
      .where('id', 'in', agencyIds)
      .execute();
  },

  async annualReports(
    db: DbOrTx,
    years: number[],
  ): Promise<{ agencyId: number; year: number; status: string; publishedAt: string | null }[]> {
    return db
      .selectFrom('annualReports')
      .select(['agencyId', 'year', 'status', 'publishedAt'])
      .where('year', 'in', years)
      .execute();
  },

  /** 第十七条: published items without the office's conclusion (after a pipeline start), or with a scan override. */
  async reviewGaps(db: DbOrTx, from: string): Promise<ReviewFacts[]> {
    const hasStage = (stage: string) =>
      sql<number>`CASE WHEN EXISTS (SELECT 1 FROM item_reviews r WHERE r.item_id = i.id AND r.stage = ${stage}) THEN 1 ELSE 0 END`;
    const rows = await db
      .selectFrom('informationItems as i')
      .select([
        'i.id',
        'i.agencyId',
        'i.title',
        'i.publishedOn',
        'i.scanOverrideJson',
        hasStage('drafter').as('inPipeline'),
        hasStage('office').as('officeReviewed'),
      ])
      .where('i.status', '=', 'published')
      .where('i.scope', '=', 'public')
      .where('i.publishedOn', '>=', from)
      .$narrowType<{ publishedOn: string }>()
      .orderBy('i.id')
      .execute();
    return rows
      .map((r) => ({
        id: r.id,
        agencyId: r.agencyId,
        title: r.title,
        publishedOn: r.publishedOn,
        inPipeline: Number(r.inPipeline) === 1,
        officeReviewed: Number(r.officeReviewed) === 1,
        scanOverride: r.scanOverrideJson !== null,
      }))
      .filter((r) => r.scanOverride || (r.inPipeline && !r.officeReviewed));
  },

  /** Interpretations (解读) of published policy documents: published since `from`, or still in the pipeline. */
  async interpretations(db: DbOrTx, from: string): Promise<InterpretationFacts[]> {
    return db
      .selectFrom('informationItems as i')
      .innerJoin('informationItems as p', 'p.id', 'i.interpretationOfId')
      .select([
        'i.id',
        'i.agencyId',
        'i.title',
        'i.status',
        'i.publishedOn',
        'p.id as policyId',
        'p.publishedOn as policyPublishedOn',
      ])
      .where('p.status', '=', 'published')
      .where('p.publishedOn', 'is not', null)
      .where('i.scope', '=', 'public')
      .where((eb) =>
        eb.or([
          eb.and([eb('i.status', '=', 'published'), eb('i.publishedOn', '>=', from)]),
          eb('i.status', 'in', PIPELINE),
        ]),
      )
      .$narrowType<{ policyPublishedOn: string }>()
      .orderBy('i.id')
      .execute();
  },

  // ---------------------------------------------------------------- stored findings

  async storedKeys(
    db: DbOrTx,
  ): Promise<{ id: number; kind: string; key: string; resolvedOn: string | null }[]> {
    return db
      .selectFrom('oversightDetections')
      .select(['id', 'kind', 'subjectKey as key', 'resolvedOn'])
      .execute();
  },

  async insert(db: DbOrTx, fs: Finding[], today: string, at: string): Promise<void> {
    for (let i = 0; i < fs.length; i += 200)
      await db
        .insertInto('oversightDetections')
        .values(
          fs.slice(i, i + 200).map((f) => ({
            agencyId: f.agencyId,
            kind: f.kind,
            subjectType: f.subjectType,
            subjectId: f.subjectId,
            subjectKey: f.key,
            title: f.title,
            dueOn: f.dueOn,
            detailJson: JSON.stringify(f.detail),
            firstSeenOn: today,
            lastSeenOn: today,
            resolvedOn: f.doneOn,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
  },

  async refresh(db: DbOrTx, id: number, f: Finding, today: string, at: string): Promise<void> {
    await db
      .updateTable('oversightDetections')
      .set({
        title: f.title,
        dueOn: f.dueOn,
        detailJson: JSON.stringify(f.detail),
        lastSeenOn: today,
        resolvedOn: f.doneOn,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
  },

  async resolve(db: DbOrTx, ids: number[], today: string, at: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 500)
      await db
        .updateTable('oversightDetections')
        .set({ resolvedOn: today, updatedAt: at })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('resolvedOn', 'is', null)
        .execute();
  },

  async byId(db: DbOrTx, id: number): Promise<DetectionRow | undefined> {
    return db.selectFrom('oversightDetections').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async saveRun(db: DbOrTx, run: DetectionRunRow): Promise<void> {
    await db
      .insertInto('oversightDetectionRuns')
      .values(run)
      .onConflict((oc) =>
        oc.column('runOn').doUpdateSet({
          found: run.found,
          opened: run.opened,
          resolved: run.resolved,
          finishedAt: run.finishedAt,
        }),
      )
      .execute();
  },

  async lastRun(db: DbOrTx): Promise<DetectionRunRow | undefined> {
    return db
      .selectFrom('oversightDetectionRuns')
      .selectAll()
      .orderBy('runOn', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async runs(db: DbOrTx): Promise<DetectionRunRow[]> {
    return db.selectFrom('oversightDetectionRuns').selectAll().orderBy('runOn').execute();
  },

  async list(
    db: DbOrTx,
    f: DetectionFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: DetectionRow[]; total: number }> {
    if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
    const rows = await filtered(db.selectFrom('oversightDetections').selectAll(), f)
      .orderBy(sql`CASE WHEN resolved_on IS NULL THEN 0 ELSE 1 END`)
      .orderBy('firstSeenOn', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = await filtered(
      db.selectFrom('oversightDetections').select((eb) => eb.fn.countAll<number>().as('n')),
      f,
    ).executeTakeFirstOrThrow();
    return { rows, total: Number(total.n) };
  },

  /** Counts per agency and kind, open and resolved, for the filter (without its state). */
  async counts(
    db: DbOrTx,
    f: DetectionFilter,
  ): Promise<{ agencyId: number; kind: string; open: number; resolved: number }[]> {
    if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return [];
    const rows = await filtered(
      db
        .selectFrom('oversightDetections')
        .select([
          'agencyId',
          'kind',
          sql<number>`SUM(CASE WHEN resolved_on IS NULL THEN 1 ELSE 0 END)`.as('open'),
          sql<number>`SUM(CASE WHEN resolved_on IS NULL THEN 0 ELSE 1 END)`.as('resolved'),
        ]),
      { ...f, state: undefined },
    )
      .groupBy(['agencyId', 'kind'])
      .orderBy('agencyId')
      .orderBy('kind')
      .execute();
    return rows.map((r) => ({
      agencyId: r.agencyId,
      kind: r.kind,
      open: Number(r.open),
      resolved: Number(r.resolved),
    }));
  },
};
