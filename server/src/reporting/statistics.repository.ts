/** SQL of the statistics dashboards: row-level facts for one or more agencies and a year (aggregated in statistics.ts). */
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';

export interface StatApplication {
  agencyId: number;
  channel: string;
  applicantKind: string;
  orgType: string | null;
  receivedOn: string;
  repliedOn: string | null;
  /** reply or other terminating act (docs/rules.md §1): COALESCE(replied_on, closed_on), never the archive date */
  decidedOn: string | null;
  reportCategory: string | null;
  clockStart: string | null;
  replyDueOn: string | null;
}

export interface StatItem {
  agencyId: number;
  publishedOn: string;
  publishDueOn: string | null;
  category: string | null;
}

export const statisticsRepository = {
  /**
   * Applications received by the end of the year and not decided before its start, with their reply
   * deadline in force (superseded deadlines — before a correction or an R.35 later date — left out).
   */
  async applications(db: DbOrTx, agencyIds: number[], year: number): Promise<StatApplication[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', 'request_application')
          .on('d.kind', '=', 'reply')
          .on('d.state', 'not in', ['cancelled', 'superseded']),
      )
      .select([
        'a.agencyId',
        'a.channel',
        'a.applicantKind',
        'a.orgType',
        'a.receivedOn',
        'a.repliedOn',
        sql<string | null>`COALESCE(a.replied_on, a.closed_on)`.as('decidedOn'),
        'a.reportCategory',
        'a.clockStart',
        'd.dueDate as replyDueOn',
      ])
      .where('a.agencyId', 'in', agencyIds)
      .where('a.receivedOn', 'is not', null)
      .where('a.receivedOn', '<=', `${year}-12-31`)
      .where((eb) =>
        eb.or([
          eb(sql`COALESCE(a.replied_on, a.closed_on)`, 'is', null),
          eb(sql`COALESCE(a.replied_on, a.closed_on)`, '>=', `${year}-01-01`),
        ]),
      )
      .$narrowType<{ receivedOn: string }>()
      .execute();
  },

  /**
   * R.30 correction notices given in the year (the correction deadline opens on the day of the notice,
   * request.service.ts requestCorrection), with the date of receipt they are measured from.
   */
  async correctionNotices(
    db: DbOrTx,
    agencyIds: number[],
    year: number,
  ): Promise<{ agencyId: number; receivedOn: string; noticeOn: string }[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('deadlines as d')
      .innerJoin('requestApplications as a', 'a.id', 'd.subjectId')
      .select(['a.agencyId', 'a.receivedOn', 'd.startDate as noticeOn'])
      .where('d.subjectType', '=', 'request_application')
      .where('d.kind', '=', 'correction')
      .where('a.agencyId', 'in', agencyIds)
      .where('a.receivedOn', 'is not', null)
      .where('d.startDate', '>=', `${year}-01-01`)
      .where('d.startDate', '<=', `${year}-12-31`)
      .$narrowType<{ receivedOn: string }>()
      .execute();
  },

  async publishedItems(db: DbOrTx, agencyIds: number[], year: number): Promise<StatItem[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('informationItems as i')
      .leftJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      .leftJoin('catalogEntries as p', 'p.id', 'c.parentId')
      .select([
        'i.agencyId',
        'i.publishedOn',
        'i.publishDueOn',
        (eb) => eb.fn.coalesce('p.name', 'c.name').as('category'),
      ])
      .where('i.agencyId', 'in', agencyIds)
      .where('i.publishedOn', '>=', `${year}-01-01`)
      .where('i.publishedOn', '<=', `${year}-12-31`)
      .$narrowType<{ publishedOn: string }>()
      .execute();
  },

  async latestGuide(
    db: DbOrTx,
    agencyIds: number[],
  ): Promise<{ agencyId: number; publishedOn: string; nextReviewOn: string }[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('guideVersions')
      .select([
        'agencyId',
        (eb) => eb.fn.max('publishedOn').as('publishedOn'),
        (eb) => eb.fn.max('nextReviewOn').as('nextReviewOn'),
      ])
      .where('agencyId', 'in', agencyIds)
      .groupBy('agencyId')
      .execute() as Promise<{ agencyId: number; publishedOn: string; nextReviewOn: string }[]>;
  },

  async catalogOverdue(db: DbOrTx, agencyIds: number[], today: string): Promise<number> {
    if (agencyIds.length === 0) return 0;
    const r = await db
      .selectFrom('catalogEntries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', 'in', agencyIds)
      .where('updateDueOn', 'is not', null)
      .where('updateDueOn', '<', today)
      .where((eb) =>
        eb.or([eb('catalogUpdatedOn', 'is', null), eb('catalogUpdatedOn', '<', eb.ref('changedOn'))]),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
