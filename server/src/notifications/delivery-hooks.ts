/**
 * What the outbox asks of the modules whose messages it sends (house style: low modules announce,
 * high modules subscribe): the bytes behind an e-mail's attachment references, and the outcome of a
 * delivery. The requests module subscribes for its applications (requests/service-email.ts): letters
 * rendered as DOCX and provided files as attachments, and the outcome recorded on the service record.
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import type { NotificationRow } from './notification.table.ts';
import type { MailAttachment } from './notifier.ts';

/** An attachment as the outbox row stores it: a reference (`letter` 12, `file` 40), never the bytes. */
export interface AttachmentRef {
  kind: string;
  id: number;
}

/** accepted: the mail server took it; bounced: refused for good (5xx); failed: gave up after the retries. */
export type DeliveryOutcome = 'accepted' | 'bounced' | 'failed';

export interface DeliveryHook {
  attachments?(
    deps: Deps,
    db: DbOrTx,
    row: NotificationRow,
    refs: AttachmentRef[],
  ): Promise<MailAttachment[]>;
  /** in the transaction that records the attempt */
  outcome?(
    deps: Deps,
    tx: DbOrTx,
    row: NotificationRow,
    outcome: DeliveryOutcome,
    error: string | null,
  ): Promise<void>;
}

const hooks = new Map<string, DeliveryHook>();

/** Subscribes to the delivery of notifications about `subjectType` (one subscriber per subject type). */
export function onDelivery(subjectType: string, hook: DeliveryHook): void {
  hooks.set(subjectType, hook);
}

export function deliveryHook(subjectType: string): DeliveryHook | undefined {
  return hooks.get(subjectType);
}

export function parseAttachmentRefs(json: string | null): AttachmentRef[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter(
          (r): r is AttachmentRef =>
            typeof r === 'object' && r !== null && typeof r.kind === 'string' && Number.isInteger(r.id),
        )
      : [];
  } catch {
    return [];
  }
}
