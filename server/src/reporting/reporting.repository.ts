/** Every SQL statement of the reporting module: its own tables, and the aggregates it reads from the records. */
import { sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { AnnualReportRow, SelfInspectionRow } from './reporting.table.ts';

export interface ApplicationFact {
  id: number;
  agencyId: number;
  registrationNo: string;
  applicantKind: string;
  orgType: string | null;
  receivedOn: string;
  /** the final reply or other terminating act (docs/rules.md §1): COALESCE(replied_on, closed_on) */
  decidedOn: string | null;
  reportCategory: string | null;
}

/** One cell of the GROUP BY behind Table 三 (see `table3Counts`). */
export interface ApplicationCountRow {
  agencyId: number;
  applicantKind: string;
  orgType: string | null;
  reportCategory: string | null;
  /** 1 = received in the year (一), 0 = received earlier and still open on 1 January (二) */
  isNew: number;
  /** 1 = decided (replied, withdrawn, lapsed) by 31 December (an outcome row), 0 = carried out (四、结转下年度) */
  decidedInYear: number;
  n: number;
}

export interface AppealFact {
  id: number;
  kind: string;
  filedOn: string;
  decidedOn: string | null;
  outcome: string;
}

/**
 * The date that decides an application's report year (docs/rules.md §1): the reply (R.33 — sending it
 * sets replied_on), else the other terminating act (withdrawal or lapse set closed_on). Archiving an
 * answered application (办结归档) also sets closed_on, but replied_on is always set first, so the
 * archive date never decides the year.
 */
const decidedOn = () => sql<string | null>`COALESCE(replied_on, closed_on)`;

export const reportingRepository = {
  /**
   * Applications of the agency that could appear in `year`: received by its end and not decided before
   * its start. One row per application — only for the records behind a Table 三 row, on demand.
   */
  async applicationFacts(db: DbOrTx, agencyIds: number[], year: number): Promise<ApplicationFact[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('requestApplications')
      .select([
        'id',
        'agencyId',
        'registrationNo',
        'applicantKind',
        'orgType',
        'receivedOn',
        'reportCategory',
      ])
      .select(decidedOn().as('decidedOn'))
      .where('agencyId', 'in', agencyIds)
      .where('receivedOn', 'is not', null)
      .where('receivedOn', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb(decidedOn(), 'is', null), eb(decidedOn(), '>=', `${year}-01-01`)]))
      .$narrowType<{ receivedOn: string }>()
      .execute();
  },

  /**
   * Table 三 aggregated in the database: the applications `applicationFacts` would return, counted per
   * agency × applicant kind × organisation type × disposition category × (new | carried in) × (decided in
   * the year | carried out). A few hundred rows at most, whatever the number of applications; the same
   * SQL on SQLite and PostgreSQL (the two flags are computed in a derived table so the GROUP BY names
   * plain columns rather than repeating parameterised CASE expressions). The year of an application is
   * that of its reply or other terminating act, never of its archiving (docs/rules.md §1, R.33).
   */
  async table3Counts(db: DbOrTx, agencyIds: number[], year: number): Promise<ApplicationCountRow[]> {
    if (agencyIds.length === 0) return [];
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const facts = db
      .selectFrom('requestApplications')
      .select(['agencyId', 'applicantKind', 'orgType', 'reportCategory'])
      .select((eb) => [
        eb.case().when('receivedOn', '>=', start).then(sql<number>`1`).else(sql<number>`0`).end().as('isNew'),
        eb
          .case()
          .when(eb.and([eb(decidedOn(), 'is not', null), eb(decidedOn(), '<=', end)]))
          .then(sql<number>`1`)
          .else(sql<number>`0`)
          .end()
          .as('decidedInYear'),
      ])
      .where('agencyId', 'in', agencyIds)
      .where('receivedOn', 'is not', null)
      .where('receivedOn', '<=', end)
      .where((eb) => eb.or([eb(decidedOn(), 'is', null), eb(decidedOn(), '>=', start)]));
    const rows = await db
      .selectFrom(facts.as('f'))
      .select([
        'f.agencyId',
        'f.applicantKind',
        'f.orgType',
        'f.reportCategory',
        'f.isNew',
        'f.decidedInYear',
      ])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .groupBy([
        'f.agencyId',
        'f.applicantKind',
        'f.orgType',
        'f.reportCategory',
        'f.isNew',
        'f.decidedInYear',
      ])
      .execute();
    // PostgreSQL returns count(*) as bigint text
    return rows.map((r) => ({
      ...r,
      isNew: Number(r.isNew),
      decidedInYear: Number(r.decidedInYear),
      n: Number(r.n),
    }));
  },

  /**
   * Replies sent in the year with the reply deadline in force when they were sent (the latest reply
   * deadline neither superseded nor cancelled): the narrative's late-reply count is computed from these.
   */
  async repliesOfYear(
    db: DbOrTx,
    agencyIds: number[],
    year: number,
  ): Promise<{ id: number; repliedOn: string; dueDate: string | null; deadlineId: number | null }[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', 'request_application')
          .on('d.kind', '=', 'reply')
          .on('d.state', 'not in', ['superseded', 'cancelled']),
      )
      .select(['a.id', 'a.repliedOn', 'd.dueDate', 'd.id as deadlineId'])
      .where('a.agencyId', 'in', agencyIds)
      .where('a.repliedOn', '>=', `${year}-01-01`)
      .where('a.repliedOn', '<=', `${year}-12-31`)
      .$narrowType<{ repliedOn: string }>()
      .execute();
  },

  /** 信息处理费 actually paid in the year (not waived), 国办函〔2020〕109号: amount in 元 and number of fees. */
  async feesPaid(db: DbOrTx, agencyIds: number[], year: number): Promise<{ yuan: number; count: number }> {
    if (agencyIds.length === 0) return { yuan: 0, count: 0 };
    const r = await db
      .selectFrom('requestFees as f')
      .innerJoin('requestApplications as a', 'a.id', 'f.applicationId')
      .select((eb) => [
        eb.fn.sum<number | string | null>('f.amount').as('yuan'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('a.agencyId', 'in', agencyIds)
      .where('f.waived', '=', 0)
      .where('f.paidOn', '>=', `${year}-01-01`)
      .where('f.paidOn', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    return { yuan: Number(r.yuan ?? 0), count: Number(r.n) };
  },

  async appealFacts(db: DbOrTx, agencyIds: number[], year: number): Promise<AppealFact[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('requestAppeals as ap')
      .innerJoin('requestApplications as a', 'a.id', 'ap.applicationId')
      .select(['ap.id', 'ap.kind', 'ap.filedOn', 'ap.decidedOn', 'ap.outcome'])
      .where('a.agencyId', 'in', agencyIds)
      .where('ap.filedOn', '>=', `${year}-01-01`)
      .where('ap.filedOn', '<=', `${year}-12-31`)
      .execute();
  },

  /**
   * Normative documents (catalog entry 'gfxwj', 行政法规、规章和规范性文件) of the agency: issued in the
   * year, abolished in the year, and in force at its end. Only published items count.
   */
  async normativeDocCounts(
    db: DbOrTx,
    agencyIds: number[],
    year: number,
  ): Promise<{ issued: number; abolished: number; inForce: number }> {
    if (agencyIds.length === 0) return { issued: 0, abolished: 0, inForce: 0 };
    const rows = await db
      .selectFrom('informationItems as i')
      .innerJoin('catalogEntries as c', 'c.id', 'i.catalogEntryId')
      .select(['i.generatedOn', 'i.publishedOn', 'i.validity', 'i.validityChangedOn'])
      .where('i.agencyId', 'in', agencyIds)
      .where('c.code', '=', 'gfxwj')
      .where('i.publishedOn', 'is not', null)
      .where('i.publishedOn', '<=', `${year}-12-31`)
      .execute();
    const y = String(year);
    let issued = 0;
    let abolished = 0;
    let inForce = 0;
    for (const r of rows) {
      if ((r.publishedOn ?? '').startsWith(y)) issued++;
      const ended = r.validity === 'abolished' || r.validity === 'expired';
      const endedOn = r.validityChangedOn ?? '';
      if (ended && endedOn.startsWith(y)) abolished++;
      if (!ended || endedOn > `${y}-12-31`) inForce++;
    }
    return { issued, abolished, inForce };
  },

  async publishedItemCount(db: DbOrTx, agencyIds: number[], year: number): Promise<number> {
    if (agencyIds.length === 0) return 0;
    const r = await db
      .selectFrom('informationItems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agencyId', 'in', agencyIds)
      .where('publishedOn', '>=', `${year}-01-01`)
      .where('publishedOn', '<=', `${year}-12-31`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The hand-over log (publication/archive): items sent to the state archive and the public library in a year (R.25). */
  async handovers(db: DbOrTx, agencyIds: number[], year: number) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('archiveHandovers')
      .select(['recipientKind', 'itemCount'])
      .where('agencyId', 'in', agencyIds)
      .where('year', '=', year)
      .execute();
  },

  /** Documents generated in the year by attribute, published proactive ones, and interpretations published in the year. */
  async documentFigures(db: DbOrTx, agencyIds: number[], year: number) {
    const empty = { byAttribute: new Map<string, number>(), proactivePublished: 0, interpretations: 0 };
    if (agencyIds.length === 0) return empty;
    const rows = await db
      .selectFrom('informationItems')
      .select(['attribute', 'status', 'interpretationOfId', 'generatedOn', 'publishedOn'])
      .where('agencyId', 'in', agencyIds)
      .where((eb) =>
        eb.or([
          eb.and([eb('generatedOn', '>=', `${year}-01-01`), eb('generatedOn', '<=', `${year}-12-31`)]),
          eb.and([eb('publishedOn', '>=', `${year}-01-01`), eb('publishedOn', '<=', `${year}-12-31`)]),
        ]),
      )
      .execute();
    const y = String(year);
    for (const r of rows) {
      if (r.interpretationOfId !== null) {
        if ((r.publishedOn ?? '').startsWith(y)) empty.interpretations++;
        continue;
      }
      if (!r.generatedOn.startsWith(y)) continue;
      empty.byAttribute.set(r.attribute, (empty.byAttribute.get(r.attribute) ?? 0) + 1);
      if (r.attribute === 'proactive' && r.status === 'published') empty.proactivePublished++;
    }
    return empty;
  },

  async report(db: DbOrTx, agencyId: number, year: number): Promise<AnnualReportRow | undefined> {
    return db
      .selectFrom('annualReports')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  },
  async reportsOfYear(db: DbOrTx, agencyIds: number[], year: number): Promise<AnnualReportRow[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('annualReports')
      .selectAll()
      .where('agencyId', 'in', agencyIds)
      .where('year', '=', year)
      .execute();
  },
  async reportsOfAgency(db: DbOrTx, agencyId: number): Promise<AnnualReportRow[]> {
    return db
      .selectFrom('annualReports')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .orderBy('year', 'desc')
      .execute();
  },
  async publishedReports(db: DbOrTx, agencyId: number): Promise<AnnualReportRow[]> {
    return db
      .selectFrom('annualReports')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('status', '=', 'published')
      .orderBy('year', 'desc')
      .execute();
  },
  async insertReport(db: DbOrTx, row: Omit<AnnualReportRow, 'id'>): Promise<AnnualReportRow> {
    return db.insertInto('annualReports').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateReport(db: DbOrTx, id: number, patch: Partial<AnnualReportRow>): Promise<AnnualReportRow> {
    return db
      .updateTable('annualReports')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async selfInspection(db: DbOrTx, agencyId: number, year: number): Promise<SelfInspectionRow | undefined> {
    return db
      .selectFrom('selfInspectionReports')
      .selectAll()
      .where('agencyId', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  },
  async upsertSelfInspection(db: DbOrTx, row: Omit<SelfInspectionRow, 'id'>): Promise<SelfInspectionRow> {
    const existing = await this.selfInspection(db, row.agencyId, row.year);
    if (existing) {
      return db
        .updateTable('selfInspectionReports')
        .set({ inputsJson: row.inputsJson, narrativeJson: row.narrativeJson, updatedAt: row.updatedAt })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return db.insertInto('selfInspectionReports').values(row).returningAll().executeTakeFirstOrThrow();
  },
};
