/** SQL of submitting once (0016_request_submissions): idempotency records and kept attachments. */
import type { DbOrTx } from '../db/create-db.ts';

export const submissionRepository = {
  async byKey(db: DbOrTx, keyHash: string, now: string) {
    return db
      .selectFrom('requestSubmissions')
      .selectAll()
      .where('keyHash', '=', keyHash)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
  },
  async insert(
    db: DbOrTx,
    row: {
      keyHash: string;
      fingerprint: string;
      applicationId: number;
      codeEnc: string;
      createdAt: string;
      expiresAt: string;
    },
  ) {
    await db.insertInto('requestSubmissions').values(row).execute();
  },
  /** Expired keys may be used again; their kept attachments go with them. */
  async purgeExpired(db: DbOrTx, now: string, pendingBefore: string) {
    await db.deleteFrom('requestSubmissions').where('expiresAt', '<=', now).execute();
    await db.deleteFrom('requestPendingFiles').where('createdAt', '<', pendingBefore).execute();
  },

  async pendingFiles(db: DbOrTx, keyHash: string) {
    return db
      .selectFrom('requestPendingFiles')
      .select(['id', 'filename', 'mime', 'size', 'sha256'])
      .where('keyHash', '=', keyHash)
      .orderBy('id')
      .execute();
  },
  async pendingFilesWithContent(db: DbOrTx, keyHash: string) {
    return db
      .selectFrom('requestPendingFiles')
      .selectAll()
      .where('keyHash', '=', keyHash)
      .orderBy('id')
      .execute();
  },
  async insertPendingFile(
    db: DbOrTx,
    row: {
      keyHash: string;
      filename: string;
      mime: string;
      size: number;
      sha256: string;
      contentB64: string;
      createdAt: string;
    },
  ) {
    await db.insertInto('requestPendingFiles').values(row).execute();
  },
  async rekeyPendingFiles(db: DbOrTx, from: string, to: string) {
    await db.updateTable('requestPendingFiles').set({ keyHash: to }).where('keyHash', '=', from).execute();
  },
  async deletePendingFiles(db: DbOrTx, keyHash: string, ids?: number[]) {
    let q = db.deleteFrom('requestPendingFiles').where('keyHash', '=', keyHash);
    if (ids) {
      if (ids.length === 0) return;
      q = q.where('id', 'in', ids);
    }
    await q.execute();
  },
};
