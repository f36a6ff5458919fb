/** Test helper: request applications inserted straight into the table, for the annual report's inputs. */
import type { DbOrTx } from '../db/create-db.ts';

let seq = 0;
/**
 * An application received (and, with `closedOn`, answered in `category` and archived that day) on the
 * given dates. `repliedOn` without `archivedOn` = answered, not yet archived; `repliedOn` + `archivedOn`
 * = answered, archived later; `withdrawnOn` / `lapsedOn` = the other terminating acts (closed_on only).
 */
export async function application(
  db: DbOrTx,
  a: {
    agencyId: number;
    kind?: 'natural' | 'organization';
    orgType?: string | null;
    receivedOn: string;
    closedOn?: string | null;
    repliedOn?: string | null;
    archivedOn?: string | null;
    withdrawnOn?: string | null;
    lapsedOn?: string | null;
    category?: string | null;
  },
): Promise<{ id: number; registrationNo: string }> {
  seq++;
  const now = '2025-01-01T00:00:00.000Z';
  const repliedOn = a.repliedOn ?? a.closedOn ?? null;
  const closedOn = a.withdrawnOn ?? a.lapsedOn ?? a.archivedOn ?? a.closedOn ?? null;
  const status = a.withdrawnOn
    ? 'withdrawn'
    : a.lapsedOn
      ? 'lapsed'
      : closedOn
        ? 'closed'
        : repliedOn
          ? 'replied'
          : 'in_progress';
  return db
    .insertInto('requestApplications')
    .values({
      agencyId: a.agencyId,
      registrationNo: `F${seq}-${Math.random().toString(36).slice(2, 8)}`,
      trackingHash: 'x',
      channel: 'online',
      status,
      applicantKind: a.kind ?? 'natural',
      orgType: a.orgType ?? null,
      applicantName: `申请人${seq}`,
      phone: '13800000000',
      provisionForm: 'electronic',
      deliveryMethod: 'online',
      submittedOn: a.receivedOn,
      submittedAt: now,
      receivedOn: a.receivedOn,
      clockStart: a.receivedOn,
      closedOn,
      repliedOn,
      reportCategory: a.category ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning(['id', 'registrationNo'])
    .executeTakeFirstOrThrow();
}
