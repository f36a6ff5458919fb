/**
 * What leaves the server about press events, per audience: the agency's staff (questioners' names and
 * contacts), a supervising office (masked); the public never sees a name or contact of a questioner.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { maskContact, maskPerson } from './consultation.ts';
import {
  acceptsQuestions,
  nextPressStatus,
  PRESS_KIND_LABELS,
  PRESS_STATUS_LABELS,
  type PressEventKind,
  type PressEventStatus,
  parseSpeakers,
  pressEventPublic,
  QUESTION_MODERATION_LABELS,
  type QuestionModeration,
} from './press-event.ts';
import type { PressDetailView, PressListItemView } from './press-event.schemas.ts';
import type { PressStaffDetail } from './press-event.service.ts';
import type { PressEventRow } from './press-event.table.ts';

export function presentPressListItem(
  e: PressEventRow,
  dir: AgencyDirectory,
  counts: { total: number; pending: number } | undefined,
): PressListItemView {
  return {
    id: e.id,
    agencyId: e.agencyId,
    agencyName: dir.get(e.agencyId)?.name ?? '',
    kind: e.kind as PressEventKind,
    kindLabel: PRESS_KIND_LABELS[e.kind as PressEventKind] ?? e.kind,
    topic: e.topic,
    eventDate: e.eventDate,
    startTime: e.startTime,
    status: e.status as PressEventStatus,
    statusLabel: PRESS_STATUS_LABELS[e.status as PressEventStatus] ?? e.status,
    speakers: parseSpeakers(e.speakersJson),
    questions: counts?.total ?? 0,
    pendingQuestions: counts?.pending ?? 0,
  };
}

export function presentPressDetail(
  d: PressStaffDetail,
  today: string,
  publicBaseUrl: string,
): PressDetailView {
  const e = d.event;
  const status = e.status as PressEventStatus;
  const unmasked = d.permissions.seesPersonalData;
  const questions = d.questions;
  const can = (a: 'announce' | 'hold' | 'publish_summary' | 'cancel') =>
    d.permissions.edit && nextPressStatus(status, a) !== null;
  return {
    ...presentPressListItem(e, d.dir, {
      total: questions.length,
      pending: questions.filter((q) => q.moderation === 'pending').length,
    }),
    description: e.description,
    place: e.place,
    onlineUrl: e.onlineUrl,
    announcedAt: e.announcedAt,
    heldAt: e.heldAt,
    summaryText: e.summaryText,
    summaryPublishedAt: e.summaryPublishedAt,
    cancelReason: e.cancelReason,
    acceptsQuestions: acceptsQuestions(status, e.eventDate, today),
    publicUrl: pressEventPublic(status, e.announcedAt)
      ? `${publicBaseUrl.replace(/\/$/, '')}/a/${d.agencyCode}/press/${e.id}`
      : null,
    questionList: questions.map((q) => ({
      id: q.id,
      body: q.body,
      authorName: unmasked ? q.authorName : (maskPerson(q.authorName) ?? ''),
      authorContact: unmasked ? q.authorContact : (maskContact(q.authorContact) ?? ''),
      receivedOn: q.receivedOn,
      moderation: q.moderation as QuestionModeration,
      moderationLabel: QUESTION_MODERATION_LABELS[q.moderation as QuestionModeration] ?? q.moderation,
      moderationReason: q.moderationReason,
    })),
    permissions: {
      ...d.permissions,
      edit: d.permissions.edit && (status === 'planned' || status === 'announced'),
      announce: can('announce'),
      hold: can('hold') && today >= e.eventDate,
      publishSummary: can('publish_summary'),
      cancel: can('cancel'),
    },
  };
}
