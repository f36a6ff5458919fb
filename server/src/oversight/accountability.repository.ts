/** Reads and writes of the accountability cases (tables of 0022_oversight_accountability). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  CasePersonRow,
  CaseRow,
  OversightAccountabilityCasesTable,
  OversightAccountabilityPersonsTable,
} from './accountability.table.ts';

export const accountabilityRepository = {
  async insertCase(tx: DbOrTx, v: Insertable<OversightAccountabilityCasesTable>): Promise<CaseRow> {
    return tx.insertInto('oversightAccountabilityCases').values(v).returningAll().executeTakeFirstOrThrow();
  },

  async insertPerson(tx: DbOrTx, v: Insertable<OversightAccountabilityPersonsTable>): Promise<void> {
    await tx.insertInto('oversightAccountabilityPersons').values(v).execute();
  },

  async updateCase(
    tx: DbOrTx,
    id: number,
    v: Updateable<OversightAccountabilityCasesTable>,
  ): Promise<CaseRow> {
    return tx
      .updateTable('oversightAccountabilityCases')
      .set(v)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updatePerson(
    tx: DbOrTx,
    id: number,
    v: Updateable<OversightAccountabilityPersonsTable>,
  ): Promise<void> {
    await tx.updateTable('oversightAccountabilityPersons').set(v).where('id', '=', id).execute();
  },

  async caseById(db: DbOrTx, id: number): Promise<CaseRow | undefined> {
    return db.selectFrom('oversightAccountabilityCases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async persons(db: DbOrTx, caseIds: number[]): Promise<CasePersonRow[]> {
    if (caseIds.length === 0) return [];
    return db
      .selectFrom('oversightAccountabilityPersons')
      .selectAll()
      .where('caseId', 'in', caseIds)
      .orderBy('id')
      .execute();
  },

  /** Cases of the given supervising agencies, or in which the user is a person concerned. */
  async list(
    db: DbOrTx,
    f: { supervisorIds: number[]; userId: number; status?: string; limit: number; offset: number },
  ): Promise<{ rows: CaseRow[]; total: number }> {
    const base = () => {
      let q = db
        .selectFrom('oversightAccountabilityCases')
        .where((eb) =>
          eb.or([
            ...(f.supervisorIds.length ? [eb('supervisorAgencyId', 'in', f.supervisorIds)] : []),
            eb(
              'id',
              'in',
              eb.selectFrom('oversightAccountabilityPersons').select('caseId').where('userId', '=', f.userId),
            ),
          ]),
        );
      if (f.status) q = q.where('status', '=', f.status);
      return q;
    };
    const rows = await base().selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
    const n = await base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(n.n) };
  },

  async countOfYear(tx: DbOrTx, supervisorId: number, yearPrefix: string): Promise<number> {
    const r = await tx
      .selectFrom('oversightAccountabilityCases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('supervisorAgencyId', '=', supervisorId)
      .where('createdAt', 'like', `${yearPrefix}%`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Staff users holding a role in one of the agencies (the agency and its internal units). */
  async staffIn(db: DbOrTx, agencyIds: number[], userIds: number[]): Promise<Set<number>> {
    if (agencyIds.length === 0 || userIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('roleAssignments')
      .select('userId')
      .where('agencyId', 'in', agencyIds)
      .where('userId', 'in', userIds)
      .execute();
    return new Set(rows.map((r) => r.userId));
  },

  /** The staff of the agencies (for the choice of persons concerned). */
  async staffList(db: DbOrTx, agencyIds: number[]) {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('roleAssignments as r')
      .innerJoin('users as u', 'u.id', 'r.userId')
      .select(['u.id as userId', 'u.displayName as name', 'r.role'])
      .where('r.agencyId', 'in', agencyIds)
      .orderBy('u.id')
      .execute();
  },

  async userNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
    const uniq = [...new Set(ids)];
    if (uniq.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', uniq).execute();
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },

  /** The agency a source record belongs to (finding, detection, complaint), or undefined. */
  async sourceAgency(db: DbOrTx, source: 'finding' | 'detection' | 'complaint', id: number) {
    if (source === 'finding')
      return (
        await db.selectFrom('oversightFindings').select('agencyId').where('id', '=', id).executeTakeFirst()
      )?.agencyId;
    if (source === 'detection')
      return (
        await db.selectFrom('oversightDetections').select('agencyId').where('id', '=', id).executeTakeFirst()
      )?.agencyId;
    return (
      await db.selectFrom('participationContacts').select('agencyId').where('id', '=', id).executeTakeFirst()
    )?.agencyId;
  },

  /** The agency a linked record belongs to. */
  async linkedAgency(db: DbOrTx, type: 'information_item' | 'request_application', id: number) {
    if (type === 'information_item')
      return (
        await db.selectFrom('informationItems').select('agencyId').where('id', '=', id).executeTakeFirst()
      )?.agencyId;
    return (
      await db.selectFrom('requestApplications').select('agencyId').where('id', '=', id).executeTakeFirst()
    )?.agencyId;
  },
};
