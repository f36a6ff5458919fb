/** SQL of the agencies' switches for notices to applicants (0021_service_records; applicant-notice.ts). */
import type { DbOrTx } from '../db/create-db.ts';

export const applicantNoticeRepository = {
  async disabledJson(db: DbOrTx, agencyId: number): Promise<string | undefined> {
    const row = await db
      .selectFrom('requestNoticeSettings')
      .select('disabledJson')
      .where('agencyId', '=', agencyId)
      .executeTakeFirst();
    return row?.disabledJson;
  },
  async saveDisabled(db: DbOrTx, agencyId: number, disabledJson: string, updatedAt: string): Promise<void> {
    await db
      .insertInto('requestNoticeSettings')
      .values({ agencyId, disabledJson, updatedAt })
      .onConflict((oc) => oc.column('agencyId').doUpdateSet({ disabledJson, updatedAt }))
      .execute();
  },
};
