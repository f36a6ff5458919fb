/** SQL of the statistics dashboards: row-level facts for one or more agencies and a year (aggregated in statistics.ts). */
import type { DbOrTx } from '../db/create-db.ts';

export interface StatApplication {
  agencyId: number;
  channel: string;
  applicantKind: string;
  orgType: string | null;
  receivedOn: string;
  repliedOn: string | null;
  closedOn: string | null;
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
  /** Applications received in the year, or still open at its start, with their reply deadline. */
  async applications(db: DbOrTx, agencyIds: number[], year: number): Promise<StatApplication[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', 'request_application')
          .on('d.kind', '=', 'reply')
          .on('d.state', '!=', 'cancelled'),
      )
      .select([
        'a.agencyId',
        'a.channel',
        'a.applicantKind',
        'a.orgType',
        'a.receivedOn',
        'a.repliedOn',
        'a.closedOn',
        'a.reportCategory',
        'a.clockStart',
        'd.dueDate as replyDueOn',
      ])
      .where('a.agencyId', 'in', agencyIds)
      .where('a.receivedOn', 'is not', null)
      .where('a.receivedOn', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('a.closedOn', 'is', null), eb('a.closedOn', '>=', `${year}-01-01`)]))
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
