/** Test helper: request applications inserted straight into the table, for the annual report's inputs. */
import type { DbOrTx } from '../db/create-db.ts';

let seq = 0;
/** An application received (and, with `closedOn`, answered in `category`) on the given dates. */
export async function application(
  db: DbOrTx,
  a: {
    agencyId: number;
    kind?: 'natural' | 'organization';
    orgType?: string | null;
    receivedOn: string;
    closedOn?: string | null;
    category?: string | null;
  },
): Promise<{ id: number; registrationNo: string }> {
  seq++;
  const now = '2025-01-01T00:00:00.000Z';
  return db
    .insertInto('requestApplications')
    .values({
      agencyId: a.agencyId,
      registrationNo: `F${seq}-${Math.random().toString(36).slice(2, 8)}`,
      trackingHash: 'x',
      channel: 'online',
      status: a.closedOn ? 'closed' : 'in_progress',
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
      closedOn: a.closedOn ?? null,
      repliedOn: a.closedOn ?? null,
      reportCategory: a.category ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning(['id', 'registrationNo'])
    .executeTakeFirstOrThrow();
}
