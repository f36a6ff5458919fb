import type { DbOrTx } from '../db/create-db.ts';
import type { AgencyRow, AgencyUpdate, NewAgencyRow, RuleProfileRow } from '../db/database.ts';

export const agencyRepository = {
  async all(db: DbOrTx): Promise<AgencyRow[]> {
    return db.selectFrom('agencies').selectAll().orderBy('sortOrder').orderBy('id').execute();
  },
  async byId(db: DbOrTx, id: number): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async byCode(db: DbOrTx, code: string): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async insert(db: DbOrTx, row: NewAgencyRow): Promise<AgencyRow> {
    return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async update(db: DbOrTx, id: number, patch: AgencyUpdate): Promise<AgencyRow> {
    return db
      .updateTable('agencies')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async countActiveChildren(db: DbOrTx, id: number): Promise<number> {
    const r = await db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async supervisions(db: DbOrTx): Promise<{ supervisorId: number; supervisedId: number }[]> {
    return db.selectFrom('agencySupervisions').select(['supervisorId', 'supervisedId']).execute();
  },
  async addSupervision(db: DbOrTx, supervisorId: number, supervisedId: number, at: string): Promise<boolean> {
    const r = await db
      .insertInto('agencySupervisions')
      .values({ supervisorId, supervisedId, createdAt: at })
      .onConflict((oc) => oc.columns(['supervisorId', 'supervisedId']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  async removeSupervision(db: DbOrTx, supervisorId: number, supervisedId: number): Promise<boolean> {
    const r = await db
      .deleteFrom('agencySupervisions')
      .where('supervisorId', '=', supervisorId)
      .where('supervisedId', '=', supervisedId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async ruleProfiles(db: DbOrTx): Promise<RuleProfileRow[]> {
    return db.selectFrom('ruleProfiles').selectAll().orderBy('id').execute();
  },
  async ruleProfile(db: DbOrTx, id: number): Promise<RuleProfileRow | undefined> {
    return db.selectFrom('ruleProfiles').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async ruleProfileByCode(db: DbOrTx, code: string): Promise<RuleProfileRow | undefined> {
    return db.selectFrom('ruleProfiles').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async defaultRuleProfile(db: DbOrTx): Promise<RuleProfileRow | undefined> {
    return db
      .selectFrom('ruleProfiles')
      .selectAll()
      .where('isDefault', '=', 1)
      .orderBy('id')
      .executeTakeFirst();
  },
  async insertRuleProfile(db: DbOrTx, row: Omit<RuleProfileRow, 'id'>): Promise<RuleProfileRow> {
    return db.insertInto('ruleProfiles').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async updateRuleProfile(db: DbOrTx, id: number, patch: Partial<RuleProfileRow>): Promise<RuleProfileRow> {
    return db
      .updateTable('ruleProfiles')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async ruleProfileUsage(db: DbOrTx): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('agencies')
      .select(['ruleProfileId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ruleProfileId', 'is not', null)
      .groupBy('ruleProfileId')
      .execute();
    return new Map(rows.map((r) => [Number(r.ruleProfileId), Number(r.n)]));
  },
};
