/** SQL of serving the letters (0021_service_records; service-record.ts). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { RequestServiceRecordsTable, ServiceRecordRow } from './request.table.ts';

export const serviceRecordRepository = {
  async forApplication(db: DbOrTx, applicationId: number): Promise<ServiceRecordRow[]> {
    return db
      .selectFrom('requestServiceRecords')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },
  async forLetter(db: DbOrTx, letterId: number): Promise<ServiceRecordRow[]> {
    return db
      .selectFrom('requestServiceRecords')
      .selectAll()
      .where('letterId', '=', letterId)
      .orderBy('id')
      .execute();
  },
  async byId(db: DbOrTx, id: number): Promise<ServiceRecordRow | undefined> {
    return db.selectFrom('requestServiceRecords').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async forNotification(db: DbOrTx, notificationId: number): Promise<ServiceRecordRow[]> {
    return db
      .selectFrom('requestServiceRecords')
      .selectAll()
      .where('notificationId', '=', notificationId)
      .orderBy('id')
      .execute();
  },
  async insert(db: DbOrTx, row: Insertable<RequestServiceRecordsTable>): Promise<ServiceRecordRow> {
    return db.insertInto('requestServiceRecords').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async update(
    db: DbOrTx,
    id: number,
    patch: Updateable<RequestServiceRecordsTable>,
  ): Promise<ServiceRecordRow> {
    return db
      .updateTable('requestServiceRecords')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  /**
   * Sent reply letters of an agency's applications with no record that serves or is serving them
   * (the to-do list: service-record.todo.ts). Third-party letters are never served on the applicant.
   */
  async unservedReplies(db: DbOrTx, agencyId: number) {
    return db
      .selectFrom('requestLetters as l')
      .innerJoin('requestApplications as a', 'a.id', 'l.applicationId')
      .select([
        'l.id as letterId',
        'l.issuedOn',
        'l.title',
        'a.id as applicationId',
        'a.agencyId',
        'a.registrationNo',
        'a.applicantName',
        'a.unitId',
        'a.handlerUserId',
        'a.status',
      ])
      .where('a.agencyId', '=', agencyId)
      .where('l.kind', '=', 'reply')
      .where('l.sentAt', 'is not', null)
      .where('a.status', 'in', ['replied', 'closed'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('requestServiceRecords as s')
              .select('s.id')
              .whereRef('s.letterId', '=', 'l.id')
              .where('s.state', '=', 'served'),
          ),
        ),
      )
      .orderBy('l.id')
      .execute();
  },
  async insertReceiptFile(
    db: DbOrTx,
    row: {
      applicationId: number;
      filename: string;
      mime: string;
      size: number;
      sha256: string;
      contentB64: string;
      createdBy: number | null;
      createdAt: string;
    },
  ) {
    return db
      .insertInto('requestFiles')
      .values({ ...row, kind: 'service_receipt' })
      .returning(['id', 'kind', 'filename', 'mime', 'size', 'createdAt'])
      .executeTakeFirstOrThrow();
  },
};
