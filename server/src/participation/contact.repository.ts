/** Every SQL statement of contacts (participation_contacts, participation_contact_transfers). */
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type {
  ContactRow,
  ContactTransferRow,
  ParticipationContactsTable,
  ParticipationContactTransfersTable,
} from './contact.table.ts';

export interface ContactListFilter {
  agencyIds: number[] | 'all';
  status?: string;
  kind?: string;
  channel?: string;
  /** open contacts whose due date is before this date */
  overdueBefore?: string;
  q?: string;
  limit: number;
  offset: number;
}

const OPEN = ['registered', 'assigned', 'transferred', 'reviewing'];

export const contactRepository = {
  async insert(db: DbOrTx, row: Insertable<ParticipationContactsTable>): Promise<ContactRow> {
    return db.insertInto('participationContacts').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: DbOrTx, id: number, patch: Updateable<ParticipationContactsTable>): Promise<ContactRow> {
    return db
      .updateTable('participationContacts')
      .set(patch)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async byId(db: DbOrTx, id: number): Promise<ContactRow | undefined> {
    return db.selectFrom('participationContacts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Row-locks the contact on PostgreSQL so two concurrent steps serialise. */
  async byIdForUpdate(db: DbOrTx, id: number, postgres: boolean): Promise<ContactRow | undefined> {
    const q = db.selectFrom('participationContacts').selectAll().where('id', '=', id);
    return (postgres ? q.forUpdate() : q).executeTakeFirst();
  },

  async byTrackingNo(db: DbOrTx, trackingNo: string): Promise<ContactRow | undefined> {
    return db
      .selectFrom('participationContacts')
      .selectAll()
      .where('trackingNo', '=', trackingNo)
      .executeTakeFirst();
  },

  async list(db: DbOrTx, f: ContactListFilter): Promise<{ rows: ContactRow[]; total: number }> {
    let q = db.selectFrom('participationContacts');
    if (f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return { rows: [], total: 0 };
      q = q.where('agencyId', 'in', f.agencyIds);
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.overdueBefore) q = q.where('status', 'in', OPEN).where('dueOn', '<', f.overdueBefore);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('subject', 'like', like), eb('trackingNo', 'like', like)]));
    }
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll()
      .orderBy('dueOn', 'asc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total };
  },

  /** Answered contacts whose senders agreed to publication, newest answer first (the public ledger). */
  async publicLedger(
    db: DbOrTx,
    agencyId: number,
    limit: number,
    offset: number,
  ): Promise<{ rows: ContactRow[]; total: number }> {
    const q = db
      .selectFrom('participationContacts')
      .where('agencyId', '=', agencyId)
      .where('publishConsent', '=', 1)
      .where('status', 'in', ['answered', 'closed'])
      .where('replyApprovedAt', 'is not', null);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll()
      .orderBy('answeredOn', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return { rows, total };
  },

  /** Per answering unit: answers given and how many on time (answered on or before the due date). */
  async answerStats(
    db: DbOrTx,
    agencyId: number,
  ): Promise<{ unit: string; answered: number; onTime: number }[]> {
    const rows = await db
      .selectFrom('participationContacts')
      .where('agencyId', '=', agencyId)
      .where('status', 'in', ['answered', 'closed'])
      .where('answeredOn', 'is not', null)
      .select((eb) => [
        'answeredByUnit',
        eb.fn.countAll().as('answered'),
        eb.fn.sum(eb.case().when('answeredOn', '<=', eb.ref('dueOn')).then(1).else(0).end()).as('onTime'),
      ])
      .groupBy('answeredByUnit')
      .orderBy('answeredByUnit')
      .execute();
    return rows.map((r) => ({
      unit: r.answeredByUnit ?? '',
      answered: Number(r.answered),
      onTime: Number(r.onTime),
    }));
  },

  /** Open contacts of these agencies (the to-do list and reminders). */
  async openOf(db: DbOrTx, agencyIds: number[]): Promise<ContactRow[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('participationContacts')
      .selectAll()
      .where('agencyId', 'in', agencyIds)
      .where('status', 'in', OPEN)
      .orderBy('dueOn')
      .limit(200)
      .execute();
  },

  /** Open contacts due between two dates (inclusive), for reminders. */
  async openDueBetween(db: DbOrTx, from: string, to: string): Promise<ContactRow[]> {
    return db
      .selectFrom('participationContacts')
      .selectAll()
      .where('status', 'in', OPEN)
      .where('dueOn', '>=', from)
      .where('dueOn', '<=', to)
      .orderBy('id')
      .execute();
  },

  /** Active holders of the disclosure-office role on these agencies (reminder recipients). */
  async officeHolders(db: DbOrTx, agencyIds: number[]): Promise<{ agencyId: number; userId: number }[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('roleAssignments as r')
      .innerJoin('users as u', 'u.id', 'r.userId')
      .select(['r.agencyId', 'r.userId'])
      .where('r.agencyId', 'in', agencyIds)
      .where('r.role', '=', 'disclosure_office')
      .where('u.active', '=', 1)
      .execute();
  },

  async insertTransfer(
    db: DbOrTx,
    row: Insertable<ParticipationContactTransfersTable>,
  ): Promise<ContactTransferRow> {
    return db
      .insertInto('participationContactTransfers')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async transfers(db: DbOrTx, contactId: number): Promise<ContactTransferRow[]> {
    return db
      .selectFrom('participationContactTransfers')
      .selectAll()
      .where('contactId', '=', contactId)
      .orderBy('id')
      .execute();
  },
};
