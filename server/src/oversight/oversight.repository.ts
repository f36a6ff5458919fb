/** Every SQL statement of inspections and rectification (house style rule 2; migration 0017_oversight). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  EvidenceFileRow,
  FindingRow,
  OversightEvidenceFilesTable,
  OversightFindingsTable,
  OversightPlansTable,
  OversightRectificationReportsTable,
  OversightRectificationsTable,
  PlanRow,
  RectificationRow,
  ReportRow,
} from './oversight.table.ts';

export type EvidenceFileMeta = Omit<EvidenceFileRow, 'contentB64' | 'uploadedBy'>;

export interface PlanFilter {
  /** plans organized by one of these agencies or covering one of them; 'all' for every plan */
  agencies: number[] | 'all';
  status?: string;
  year?: number;
  limit: number;
  offset: number;
}

export interface RectificationFilter {
  owners: number[];
  status?: string;
  /** still owed (open or returned) and due before this date */
  overdueBefore?: string;
  /** still owed and due on or before this date */
  owedBy?: string;
  planId?: number;
  limit: number;
  offset: number;
}

export const oversightRepository = {
  // ---------------------------------------------------------------- plans
  async insertPlan(db: DbOrTx, row: Insertable<OversightPlansTable>, agencyIds: number[]): Promise<PlanRow> {
    const plan = await db.insertInto('oversightPlans').values(row).returningAll().executeTakeFirstOrThrow();
    await db
      .insertInto('oversightPlanAgencies')
      .values(agencyIds.map((agencyId) => ({ planId: plan.id, agencyId })))
      .execute();
    return plan;
  },
  async updatePlan(db: DbOrTx, id: number, patch: Updateable<OversightPlansTable>): Promise<PlanRow> {
    return db
      .updateTable('oversightPlans')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async plan(db: DbOrTx, id: number): Promise<PlanRow | undefined> {
    return db.selectFrom('oversightPlans').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async planAgencies(db: DbOrTx, planIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (planIds.length === 0) return out;
    const rows = await db
      .selectFrom('oversightPlanAgencies')
      .select(['planId', 'agencyId'])
      .where('planId', 'in', planIds)
      .orderBy('agencyId')
      .execute();
    for (const r of rows) out.set(r.planId, [...(out.get(r.planId) ?? []), r.agencyId]);
    return out;
  },
  async plans(db: DbOrTx, f: PlanFilter): Promise<{ rows: PlanRow[]; total: number }> {
    let q = db.selectFrom('oversightPlans');
    if (f.agencies !== 'all') {
      const ids = f.agencies.length > 0 ? f.agencies : [-1];
      q = q.where((eb) =>
        eb.or([
          eb('organizerAgencyId', 'in', ids),
          eb(
            'id',
            'in',
            eb.selectFrom('oversightPlanAgencies').select('planId').where('agencyId', 'in', ids),
          ),
        ]),
      );
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.year !== undefined)
      q = q.where('periodStart', '<=', `${f.year}-12-31`).where('periodEnd', '>=', `${f.year}-01-01`);
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await q
      .selectAll()
      .orderBy('periodStart', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total };
  },
  async publishedPlans(db: DbOrTx, limit: number): Promise<PlanRow[]> {
    return db
      .selectFrom('oversightPlans')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  // ---------------------------------------------------------------- findings
  async insertFinding(db: DbOrTx, row: Insertable<OversightFindingsTable>): Promise<FindingRow> {
    return db.insertInto('oversightFindings').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async finding(db: DbOrTx, id: number): Promise<FindingRow | undefined> {
    return db.selectFrom('oversightFindings').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async findingsOf(db: DbOrTx, planIds: number[]): Promise<FindingRow[]> {
    if (planIds.length === 0) return [];
    return db
      .selectFrom('oversightFindings')
      .selectAll()
      .where('planId', 'in', planIds)
      .orderBy('agencyId')
      .orderBy('id')
      .execute();
  },

  // ---------------------------------------------------------------- rectification
  async insertRectification(
    db: DbOrTx,
    row: Insertable<OversightRectificationsTable>,
  ): Promise<RectificationRow> {
    return db.insertInto('oversightRectifications').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateRectification(
    db: DbOrTx,
    id: number,
    patch: Updateable<OversightRectificationsTable>,
  ): Promise<RectificationRow> {
    return db
      .updateTable('oversightRectifications')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async rectification(db: DbOrTx, id: number): Promise<RectificationRow | undefined> {
    return db.selectFrom('oversightRectifications').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async rectificationsOfPlans(db: DbOrTx, planIds: number[]): Promise<RectificationRow[]> {
    if (planIds.length === 0) return [];
    return db
      .selectFrom('oversightRectifications')
      .selectAll()
      .where('planId', 'in', planIds)
      .orderBy('id')
      .execute();
  },
  async rectifications(
    db: DbOrTx,
    f: RectificationFilter,
  ): Promise<{ rows: RectificationRow[]; total: number }> {
    let q = db
      .selectFrom('oversightRectifications')
      .where('ownerAgencyId', 'in', f.owners.length > 0 ? f.owners : [-1]);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.planId !== undefined) q = q.where('planId', '=', f.planId);
    if (f.overdueBefore !== undefined)
      q = q.where('status', 'in', ['open', 'returned']).where('dueOn', '<', f.overdueBefore);
    if (f.owedBy !== undefined)
      q = q.where('status', 'in', ['open', 'returned']).where('dueOn', '<=', f.owedBy);
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await q.selectAll().orderBy('dueOn').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { rows, total };
  },

  // ---------------------------------------------------------------- reports
  async insertReport(db: DbOrTx, row: Insertable<OversightRectificationReportsTable>): Promise<ReportRow> {
    return db
      .insertInto('oversightRectificationReports')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async updateReport(
    db: DbOrTx,
    id: number,
    patch: Updateable<OversightRectificationReportsTable>,
  ): Promise<ReportRow> {
    return db
      .updateTable('oversightRectificationReports')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async reportsOf(db: DbOrTx, rectificationIds: number[]): Promise<ReportRow[]> {
    if (rectificationIds.length === 0) return [];
    return db
      .selectFrom('oversightRectificationReports')
      .selectAll()
      .where('rectificationId', 'in', rectificationIds)
      .orderBy('rectificationId')
      .orderBy('round')
      .execute();
  },

  // ---------------------------------------------------------------- evidence files
  async insertFile(db: DbOrTx, row: Insertable<OversightEvidenceFilesTable>): Promise<EvidenceFileMeta> {
    return db
      .insertInto('oversightEvidenceFiles')
      .values(row)
      .returning(['id', 'findingId', 'filename', 'mime', 'size', 'sha256', 'uploadedAt'])
      .executeTakeFirstOrThrow();
  },
  async filesOf(db: DbOrTx, findingIds: number[]): Promise<EvidenceFileMeta[]> {
    if (findingIds.length === 0) return [];
    return db
      .selectFrom('oversightEvidenceFiles')
      .select(['id', 'findingId', 'filename', 'mime', 'size', 'sha256', 'uploadedAt'])
      .where('findingId', 'in', findingIds)
      .orderBy('id')
      .execute();
  },
  async file(db: DbOrTx, id: number): Promise<EvidenceFileRow | undefined> {
    return db.selectFrom('oversightEvidenceFiles').selectAll().where('id', '=', id).executeTakeFirst();
  },

  // ---------------------------------------------------------------- evidence targets
  async itemAgency(db: DbOrTx, itemId: number): Promise<number | undefined> {
    const r = await db
      .selectFrom('informationItems')
      .select('agencyId')
      .where('id', '=', itemId)
      .executeTakeFirst();
    return r?.agencyId;
  },
  async applicationAgency(db: DbOrTx, applicationId: number): Promise<number | undefined> {
    const r = await db
      .selectFrom('requestApplications')
      .select('agencyId')
      .where('id', '=', applicationId)
      .executeTakeFirst();
    return r?.agencyId;
  },
  async userNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
    const uniq = [...new Set(ids)];
    if (uniq.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },
};
