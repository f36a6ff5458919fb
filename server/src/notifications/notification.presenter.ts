/** What leaves the server: a user's own in-app notifications, and outbox rows for system administrators. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { CHANNEL_LABELS, type Channel, linkOf, STATE_LABELS, type State } from './notification.ts';
import type { NotificationRow } from './notification.table.ts';

export function presentInboxItem(r: NotificationRow) {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    agencyId: r.agencyId,
    link: linkOf(r),
    createdAt: r.createdAt,
    readAt: r.readAt,
  };
}

export function presentOutboxItem(r: NotificationRow, dir: AgencyDirectory) {
  return {
    id: r.id,
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    recipient: r.recipient,
    title: r.title,
    body: r.body,
    agencyId: r.agencyId,
    agencyName: r.agencyId !== null ? (dir.get(r.agencyId)?.name ?? null) : null,
    state: r.state,
    stateLabel: STATE_LABELS[r.state as State] ?? r.state,
    attempts: Number(r.attempts),
    lastError: r.lastError,
    nextAttemptAt: r.state === 'pending' ? r.nextAttemptAt : null,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    link: linkOf(r),
  };
}
