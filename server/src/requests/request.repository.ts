import type { Selectable } from 'kysely';
import type { RequestAppealsTable } from './request.table.ts';
/** Every SQL statement of the requests module. */
import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool, sql } from 'kysely';
import type { DbOrTx } from '../db/create-db.ts';
import type { Database, DeadlineRow } from '../db/database.ts';
import type {
  ApplicationRow,
  ItemRow,
  LetterRow,
  RequestApplicationsTable,
  RequestItemsTable,
} from './request.table.ts';

export const SUBJECT = 'request_application';

export type QueueName =
  | 'all'
  | 'unconfirmed'
  | 'new'
  | 'correction'
  | 'consultation'
  | 'fee'
  | 'approval'
  | 'due_soon'
  | 'overdue'
  | 'open'
  | 'closed';

export interface QueueFilter {
  agencyIds: number[] | 'all';
  queue: QueueName;
  today: string;
  /** due_soon: due on or before this date (the national calendar's date) … */
  soonDate: string;
  /** … except for these agencies, whose local days give another date (calendar `dueSoonDates`) */
  soonExceptions?: { soonDate: string; agencyIds: number[] }[];
  q?: string;
  unitId?: number;
  handlerUserId?: number;
  channel?: string;
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
  offset: number;
}

export interface QueueRow {
  id: number;
  agencyId: number;
  registrationNo: string;
  status: string;
  channel: string;
  applicantName: string;
  applicantKind: string;
  receivedOn: string | null;
  submittedOn: string;
  unitId: number | null;
  handlerUserId: number | null;
  pauseKind: string | null;
  dueOn: string | null;
  itemCount: number;
  firstItem: string | null;
}

const OPEN_STATUSES = [
  'registered',
  'awaiting_correction',
  'in_progress',
  'consulting_third_party',
  'consulting_agency',
  'awaiting_fee',
  'suspended',
  'awaiting_approval',
];
const QUEUE_STATUSES: Partial<Record<QueueName, string[]>> = {
  unconfirmed: ['unconfirmed'],
  new: ['registered'],
  correction: ['awaiting_correction'],
  consultation: ['consulting_third_party', 'consulting_agency'],
  fee: ['awaiting_fee'],
  approval: ['awaiting_approval'],
  open: OPEN_STATUSES,
  closed: ['replied', 'closed', 'withdrawn', 'lapsed'],
};
/** Statuses whose reply clock is running (for due-soon / overdue). */
const RUNNING = ['registered', 'in_progress', 'awaiting_approval'];

/** The queues counted on the staff queue page (one grouped query: `queueCounts`). */
export const COUNTED_QUEUES = [
  'unconfirmed',
  'new',
  'correction',
  'consultation',
  'fee',
  'approval',
  'due_soon',
  'overdue',
] as const;
export type CountedQueue = (typeof COUNTED_QUEUES)[number];

type QueueEb = ExpressionBuilder<
  Database & { a: Database['requestApplications']; d: Database['deadlines'] },
  'a' | 'd'
>;

/** Reply due from today up to the agency's own "soon" date (national date unless an exception). */
function dueSoonCondition(eb: QueueEb, f: Pick<QueueFilter, 'today' | 'soonDate' | 'soonExceptions'>) {
  const exceptions = (f.soonExceptions ?? []).filter((x) => x.agencyIds.length > 0);
  const window =
    exceptions.length === 0
      ? eb('d.dueDate', '<=', f.soonDate)
      : eb.or([
          eb.and([
            eb(
              'a.agencyId',
              'not in',
              exceptions.flatMap((x) => x.agencyIds),
            ),
            eb('d.dueDate', '<=', f.soonDate),
          ]),
          ...exceptions.map((x) =>
            eb.and([eb('a.agencyId', 'in', x.agencyIds), eb('d.dueDate', '<=', x.soonDate)]),
          ),
        ]);
  return eb.and([
    eb('a.status', 'in', RUNNING),
    eb('d.state', '=', 'open'),
    eb('d.dueDate', '>=', f.today),
    window,
  ]);
}

export const requestRepository = {
  /**
   * Active staff holding one of `roles` on the agency (with or without a 所在科室) or on one of its
   * units; the caller sorts them by unit.
   */
  async roleHoldersOf(db: DbOrTx, agencyId: number, unitIds: number[], roles: readonly string[]) {
    return db
      .selectFrom('roleAssignments as r')
      .innerJoin('users as u', 'u.id', 'r.userId')
      .select(['r.userId', 'u.displayName', 'r.role', 'r.agencyId', 'r.unitId'])
      .where('u.active', '=', 1)
      .where('r.role', 'in', [...roles])
      .where((eb) =>
        eb.or([
          eb('r.agencyId', '=', agencyId),
          ...(unitIds.length ? [eb('r.agencyId', 'in', unitIds)] : []),
        ]),
      )
      .orderBy('r.userId')
      .orderBy('r.role')
      .execute();
  },
  async insertAppeal(db: DbOrTx, row: Omit<Selectable<RequestAppealsTable>, 'id'>) {
    return db.insertInto('requestAppeals').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async appeals(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('requestAppeals')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },

  async nextSequence(db: DbOrTx, agencyId: number, year: number): Promise<number> {
    const r = await db
      .insertInto('requestSequences')
      .values({ agencyId, year, lastSeq: 1 })
      .onConflict((oc) =>
        oc.columns(['agencyId', 'year']).doUpdateSet({ lastSeq: sql`request_sequences.last_seq + 1` }),
      )
      .returning('lastSeq')
      .executeTakeFirstOrThrow();
    return Number(r.lastSeq);
  },

  async insertApplication(db: DbOrTx, row: Insertable<RequestApplicationsTable>): Promise<ApplicationRow> {
    return db.insertInto('requestApplications').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * The application and its items: on PostgreSQL one statement (a data-modifying CTE, items from one
   * JSON parameter), saving a round trip on the public submit path; on SQLite (in-process) two.
   */
  async insertApplicationWithItems(
    db: DbOrTx,
    dialect: 'sqlite' | 'postgres',
    row: Insertable<RequestApplicationsTable>,
    items: { seq: number; description: string; title: string | null; docNo: string | null }[],
  ): Promise<ApplicationRow> {
    if (dialect === 'sqlite' || items.length === 0) {
      const app = await this.insertApplication(db, row);
      await this.insertItems(
        db,
        items.map((i) => ({ ...i, applicationId: app.id })),
      );
      return app;
    }
    const json = JSON.stringify(
      items.map((i) => ({ seq: i.seq, description: i.description, title: i.title, doc_no: i.docNo })),
    );
    return db
      .with('app', (q) => q.insertInto('requestApplications').values(row).returningAll())
      .with('it', (q) =>
        q
          .insertInto('requestItems')
          .columns(['applicationId', 'seq', 'description', 'title', 'docNo'])
          .expression(
            sql`SELECT app.id, x.seq, x.description, x.title, x.doc_no FROM app,
                jsonb_to_recordset(${json}::jsonb) AS x(seq integer, description text, title text, doc_no text)`,
          ),
      )
      .selectFrom('app')
      .selectAll()
      .executeTakeFirstOrThrow() as Promise<ApplicationRow>;
  },

  async insertItems(db: DbOrTx, rows: Insertable<RequestItemsTable>[]): Promise<void> {
    if (rows.length > 0) await db.insertInto('requestItems').values(rows).execute();
  },

  async byId(db: DbOrTx, id: number): Promise<ApplicationRow | undefined> {
    return db.selectFrom('requestApplications').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byRegistrationNo(db: DbOrTx, no: string): Promise<ApplicationRow | undefined> {
    return db
      .selectFrom('requestApplications')
      .selectAll()
      .where('registrationNo', '=', no)
      .executeTakeFirst();
  },

  async update(
    db: DbOrTx,
    id: number,
    set: Partial<Omit<ApplicationRow, 'id' | 'agencyId' | 'registrationNo'>>,
  ): Promise<ApplicationRow> {
    return db
      .updateTable('requestApplications')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async items(db: DbOrTx, applicationId: number): Promise<ItemRow[]> {
    return db
      .selectFrom('requestItems')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('seq')
      .execute();
  },

  async updateItem(
    db: DbOrTx,
    id: number,
    set: Partial<Omit<ItemRow, 'id' | 'applicationId'>>,
  ): Promise<ItemRow> {
    return db
      .updateTable('requestItems')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  // ---------------------------------------------------------------- deadlines of an application

  async deadlines(db: DbOrTx, applicationId: number): Promise<DeadlineRow[]> {
    return db
      .selectFrom('deadlines')
      .selectAll()
      .where('subjectType', '=', SUBJECT)
      .where('subjectId', '=', applicationId)
      .orderBy('id')
      .execute();
  },

  /** The live deadline of a kind (open or paused). */
  async liveDeadline(db: DbOrTx, applicationId: number, kind: string): Promise<DeadlineRow | undefined> {
    return db
      .selectFrom('deadlines')
      .selectAll()
      .where('subjectType', '=', SUBJECT)
      .where('subjectId', '=', applicationId)
      .where('kind', '=', kind)
      .where('state', 'in', ['open', 'paused'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },

  async setDeadline(
    db: DbOrTx,
    id: number,
    set: { state?: string; workingDays?: number; dueDate?: string; startDate?: string },
    at: string,
  ): Promise<void> {
    await db
      .updateTable('deadlines')
      .set({ ...set, updatedAt: at })
      .where('id', '=', id)
      .execute();
  },

  async closeLiveDeadlines(db: DbOrTx, applicationId: number, state: string, at: string, kinds?: string[]) {
    let q = db
      .updateTable('deadlines')
      .set({ state, updatedAt: at })
      .where('subjectType', '=', SUBJECT)
      .where('subjectId', '=', applicationId)
      .where('state', 'in', ['open', 'paused']);
    if (kinds) q = q.where('kind', 'in', kinds);
    await q.execute();
  },

  /**
   * Applications whose reply clock is running (not paused, not closed) with the open reply deadline
   * due between `from` and `to` — what the reminder job (notifications module) looks at.
   */
  async runningDueBetween(
    db: DbOrTx,
    from: string,
    to: string,
  ): Promise<
    { id: number; agencyId: number; registrationNo: string; handlerUserId: number | null; dueOn: string }[]
  > {
    return db
      .selectFrom('deadlines as d')
      .innerJoin('requestApplications as a', 'a.id', 'd.subjectId')
      .select(['a.id', 'a.agencyId', 'a.registrationNo', 'a.handlerUserId', 'd.dueDate as dueOn'])
      .where('d.subjectType', '=', SUBJECT)
      .where('d.kind', '=', 'reply')
      .where('d.state', '=', 'open')
      .where('d.dueDate', '>=', from)
      .where('d.dueDate', '<=', to)
      .where('a.status', 'in', RUNNING)
      .where('a.pauseKind', 'is', null)
      .orderBy('a.id')
      .execute();
  },

  // ---------------------------------------------------------------- queues

  async queue(db: DbOrTx, f: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
    let q = db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', SUBJECT)
          .on('d.kind', '=', 'reply')
          .on('d.state', 'in', ['open', 'paused']),
      );
    if (f.agencyIds !== 'all') {
      if (f.agencyIds.length === 0) return { rows: [], total: 0 };
      q = q.where('a.agencyId', 'in', f.agencyIds);
    }
    const statuses = QUEUE_STATUSES[f.queue];
    if (statuses) q = q.where('a.status', 'in', statuses);
    if (f.queue === 'due_soon') q = q.where((eb) => dueSoonCondition(eb, f));
    if (f.queue === 'overdue')
      q = q.where('a.status', 'in', RUNNING).where('d.state', '=', 'open').where('d.dueDate', '<', f.today);
    // a deadline's agency is its application's: the scope read from the deadlines' own index (0007)
    if ((f.queue === 'due_soon' || f.queue === 'overdue') && f.agencyIds !== 'all')
      q = q.where('d.agencyId', 'in', f.agencyIds);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('a.registrationNo', 'like', like),
          eb('a.applicantName', 'like', like),
          eb.exists(
            eb
              .selectFrom('requestItems as i')
              .select('i.id')
              .whereRef('i.applicationId', '=', 'a.id')
              .where((e2) => e2.or([e2('i.description', 'like', like), e2('i.title', 'like', like)])),
          ),
        ]),
      );
    }
    if (f.unitId) q = q.where('a.unitId', '=', f.unitId);
    if (f.handlerUserId) q = q.where('a.handlerUserId', '=', f.handlerUserId);
    if (f.channel) q = q.where('a.channel', '=', f.channel);
    if (f.receivedFrom) q = q.where('a.receivedOn', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('a.receivedOn', '<=', f.receivedTo);

    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ordered =
      f.queue === 'due_soon' || f.queue === 'overdue'
        ? q.orderBy('d.dueDate').orderBy('a.id')
        : f.queue === 'closed' || f.queue === 'all'
          ? q.orderBy('a.id', 'desc')
          : q.orderBy('a.id'); // applications are handled in order of receipt (docs/product.md §3.3)
    const rows = await ordered
      .select([
        'a.id',
        'a.agencyId',
        'a.registrationNo',
        'a.status',
        'a.channel',
        'a.applicantName',
        'a.applicantKind',
        'a.receivedOn',
        'a.submittedOn',
        'a.unitId',
        'a.handlerUserId',
        'a.pauseKind',
        'd.dueDate as dueOn',
      ])
      .select((eb) => [
        eb
          .selectFrom('requestItems as i')
          .select((e2) => e2.fn.countAll<number>().as('c'))
          .whereRef('i.applicationId', '=', 'a.id')
          .as('itemCount'),
        eb
          .selectFrom('requestItems as i')
          .select('i.description')
          .whereRef('i.applicationId', '=', 'a.id')
          .where('i.seq', '=', 1)
          .as('firstItem'),
      ])
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return {
      rows: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount ?? 0), dueOn: r.dueOn ?? null })),
      total: Number(total.n),
    };
  },

  /**
   * The size of every counted queue in one pass over the open applications in scope (instead of one
   * COUNT per queue); the same conditions as `queue`.
   */
  async queueCounts(
    db: DbOrTx,
    f: Pick<QueueFilter, 'agencyIds' | 'today' | 'soonDate' | 'soonExceptions'>,
  ): Promise<Record<CountedQueue, number>> {
    const zero = Object.fromEntries(COUNTED_QUEUES.map((k) => [k, 0])) as Record<CountedQueue, number>;
    if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return zero;
    let q = db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', SUBJECT)
          .on('d.kind', '=', 'reply')
          .on('d.state', 'in', ['open', 'paused']),
      )
      .where('a.status', 'in', ['unconfirmed', ...OPEN_STATUSES]);
    if (f.agencyIds !== 'all') q = q.where('a.agencyId', 'in', f.agencyIds);
    const row = await q
      .select((eb) => {
        const count = (cond: Expression<SqlBool>) =>
          eb.fn.sum<number | string | null>(eb.case().when(cond).then(1).else(0).end());
        return [
          count(eb('a.status', 'in', QUEUE_STATUSES.unconfirmed!)).as('unconfirmed'),
          count(eb('a.status', 'in', QUEUE_STATUSES.new!)).as('new'),
          count(eb('a.status', 'in', QUEUE_STATUSES.correction!)).as('correction'),
          count(eb('a.status', 'in', QUEUE_STATUSES.consultation!)).as('consultation'),
          count(eb('a.status', 'in', QUEUE_STATUSES.fee!)).as('fee'),
          count(eb('a.status', 'in', QUEUE_STATUSES.approval!)).as('approval'),
          count(dueSoonCondition(eb as unknown as QueueEb, f)).as('dueSoon'),
          count(
            eb.and([
              eb('a.status', 'in', RUNNING),
              eb('d.state', '=', 'open'),
              eb('d.dueDate', '<', f.today),
            ]),
          ).as('overdue'),
        ];
      })
      .executeTakeFirst();
    zero.unconfirmed = Number(row?.unconfirmed ?? 0);
    zero.new = Number(row?.new ?? 0);
    zero.correction = Number(row?.correction ?? 0);
    zero.consultation = Number(row?.consultation ?? 0);
    zero.fee = Number(row?.fee ?? 0);
    zero.approval = Number(row?.approval ?? 0);
    zero.due_soon = Number(row?.dueSoon ?? 0); // the column names are camel-cased on the way back
    zero.overdue = Number(row?.overdue ?? 0);
    return zero;
  },

  /** The to-do list's cases (request.todo.ts): the agency's unconfirmed and open applications with their reply due date. */
  async todoRows(db: DbOrTx, agencyId: number): Promise<(ApplicationRow & { dueOn: string | null })[]> {
    const rows = await db
      .selectFrom('requestApplications as a')
      .leftJoin('deadlines as d', (j) =>
        j
          .onRef('d.subjectId', '=', 'a.id')
          .on('d.subjectType', '=', SUBJECT)
          .on('d.kind', '=', 'reply')
          .on('d.state', 'in', ['open', 'paused']),
      )
      .selectAll('a')
      .select(['d.dueDate as dueOn', 'd.state as deadlineState'])
      .where('a.agencyId', '=', agencyId)
      .where('a.status', 'in', ['unconfirmed', ...OPEN_STATUSES])
      .orderBy('a.id')
      .execute();
    // a paused clock has no running due date (R.33 ¶3)
    return rows.map(({ deadlineState, ...r }) => ({
      ...r,
      dueOn: deadlineState === 'open' ? (r.dueOn ?? null) : null,
    }));
  },

  // ---------------------------------------------------------------- letters, files, approvals

  async insertLetter(db: DbOrTx, row: Omit<LetterRow, 'id'>): Promise<LetterRow> {
    return db.insertInto('requestLetters').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async letters(db: DbOrTx, applicationId: number): Promise<LetterRow[]> {
    return db
      .selectFrom('requestLetters')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },
  async letter(db: DbOrTx, id: number): Promise<LetterRow | undefined> {
    return db.selectFrom('requestLetters').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async markLetterSent(db: DbOrTx, id: number, at: string): Promise<void> {
    await db.updateTable('requestLetters').set({ sentAt: at }).where('id', '=', id).execute();
  },

  async approvals(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('requestApprovals')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },
  async insertApproval(
    db: DbOrTx,
    row: {
      applicationId: number;
      subject: string;
      step: number;
      role: string;
      decision: string;
      comment: string | null;
      userId: number;
      createdAt: string;
    },
  ) {
    return db.insertInto('requestApprovals').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async settings(db: DbOrTx, agencyId: number) {
    return db.selectFrom('requestSettings').selectAll().where('agencyId', '=', agencyId).executeTakeFirst();
  },

  async files(db: DbOrTx, applicationId: number, withContent = false) {
    const cols = ['id', 'applicationId', 'kind', 'filename', 'mime', 'size', 'sha256', 'createdAt'] as const;
    const q = db.selectFrom('requestFiles').where('applicationId', '=', applicationId).orderBy('id');
    return withContent ? q.selectAll().execute() : q.select([...cols]).execute();
  },
  async file(db: DbOrTx, id: number) {
    return db.selectFrom('requestFiles').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertFile(
    db: DbOrTx,
    row: {
      applicationId: number;
      kind: string;
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
      .values(row)
      .returning(['id', 'kind', 'filename', 'mime', 'size'])
      .executeTakeFirstOrThrow();
  },

  async insertConsultation(
    db: DbOrTx,
    row: {
      applicationId: number;
      kind: string;
      party: string;
      sentOn: string;
      note: string | null;
      createdAt: string;
    },
  ) {
    return db.insertInto('requestConsultations').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async openConsultation(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('requestConsultations')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .where('answeredOn', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },
  async answerConsultation(db: DbOrTx, id: number, answeredOn: string, opinion: string, note: string | null) {
    await db
      .updateTable('requestConsultations')
      .set({ answeredOn, opinion, note })
      .where('id', '=', id)
      .execute();
  },
  async consultations(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('requestConsultations')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },

  async insertFee(
    db: DbOrTx,
    row: {
      applicationId: number;
      method: string;
      units: number;
      priorUnits: number;
      amount: number;
      linesJson: string;
      noticeOn: string;
      createdAt: string;
    },
  ) {
    return db.insertInto('requestFees').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async fees(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('requestFees')
      .selectAll()
      .where('applicationId', '=', applicationId)
      .orderBy('id')
      .execute();
  },
  async settleFee(
    db: DbOrTx,
    id: number,
    set: { paidOn?: string | null; receiptNo?: string | null; waived?: number; waiverReason?: string | null },
  ) {
    await db.updateTable('requestFees').set(set).where('id', '=', id).execute();
  },
  /** 109号 art.4: pieces already counted for this applicant in the calendar month. */
  async piecesThisMonth(
    db: DbOrTx,
    agencyId: number,
    applicantName: string,
    monthPrefix: string,
    exceptId: number,
  ) {
    const r = await db
      .selectFrom('requestFees as f')
      .innerJoin('requestApplications as a', 'a.id', 'f.applicationId')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('f.units'), sql<number>`0`).as('n'))
      .where('a.agencyId', '=', agencyId)
      .where('a.applicantName', '=', applicantName)
      .where('f.method', '=', 'per_piece')
      .where('f.noticeOn', 'like', `${monthPrefix}%`)
      .where('a.id', '!=', exceptId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async audit(db: DbOrTx, applicationId: number) {
    return db
      .selectFrom('auditEvents')
      .select(['id', 'occurredAt', 'actorLabel', 'action', 'afterJson'])
      .where('entityType', '=', SUBJECT)
      .where('entityId', '=', String(applicationId))
      .orderBy('id')
      .execute();
  },

  /** Earlier applications of the same applicant with an item of similar description (重复申请, R.36(6)). */
  async sameApplicantAnswered(
    db: DbOrTx,
    agencyId: number,
    applicantName: string,
    idNumber: string | null,
    exceptId: number,
  ) {
    let q = db
      .selectFrom('requestApplications as a')
      .innerJoin('requestItems as i', 'i.applicationId', 'a.id')
      .select(['a.id', 'a.registrationNo', 'a.repliedOn', 'i.description', 'i.title', 'i.disposition'])
      .where('a.agencyId', '=', agencyId)
      .where('a.applicantName', '=', applicantName)
      .where('a.id', '!=', exceptId)
      .where('a.status', 'in', ['replied', 'closed']);
    if (idNumber) q = q.where('a.idNumber', '=', idNumber);
    return q.orderBy('a.id', 'desc').limit(200).execute();
  },

  /**
   * Request items of an agency's applications submitted since a date, oldest first, with what tells
   * applicants apart (R.44: several applicants asking for the same information). Capped: the window is
   * 12 months of one agency.
   */
  async itemsOfAgencySince(
    db: DbOrTx,
    agencyId: number,
    since: string,
    opts: { limit: number; newestFirst?: boolean },
  ) {
    const dir = opts.newestFirst ? 'desc' : 'asc';
    return db
      .selectFrom('requestApplications as a')
      .innerJoin('requestItems as i', 'i.applicationId', 'a.id')
      .select([
        'a.id as applicationId',
        'a.registrationNo',
        'a.applicantName',
        'a.idNumber',
        'a.creditCode',
        'a.submittedOn',
        'a.status',
        'a.repliedOn',
        'i.id as itemId',
        'i.description',
        'i.title',
        'i.docNo',
        'i.disposition',
      ])
      .where('a.agencyId', '=', agencyId)
      .where('a.submittedOn', '>=', since)
      .where('a.status', 'not in', ['withdrawn'])
      .orderBy('a.submittedOn', dir)
      .orderBy('a.id', dir)
      .orderBy('i.seq')
      .limit(opts.limit)
      .execute();
  },

  // ---------------------------------------------------------------- settings and appeals

  async upsertSettings(
    db: DbOrTx,
    row: { agencyId: number; approvalChainJson: string; templatesJson: string; updatedAt: string },
  ) {
    await db
      .insertInto('requestSettings')
      .values(row)
      .onConflict((oc) =>
        oc.column('agencyId').doUpdateSet({
          approvalChainJson: row.approvalChainJson,
          templatesJson: row.templatesJson,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
  },

  async appeal(db: DbOrTx, id: number) {
    return db.selectFrom('requestAppeals').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateAppeal(
    db: DbOrTx,
    id: number,
    set: { outcome: string; decidedOn: string | null; note: string | null; updatedAt: string },
  ) {
    return db
      .updateTable('requestAppeals')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
