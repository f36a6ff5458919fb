/**
 * What leaves the server about a contact, per audience: staff (personal data masked unless the
 * actor handles it — contact.policy.ts) and the public (the sender's tracking page; the public
 * ledger, which never carries the sender's name or contact).
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_KIND_LABELS,
  CONTACT_RECEIPT_RULE_LABELS,
  CONTACT_RECEIPT_RULES,
  CONTACT_STATUS_LABELS,
  type ContactChannel,
  type ContactKind,
  type ContactStatus,
  EVALUATION_ASPECT_LABELS,
  EVALUATION_ASPECTS,
  EVALUATION_OUTCOME_LABELS,
  type EvaluationOutcome,
  failsWebsiteInspection,
  isOverdue,
  maskContact,
  maskName,
  SATISFACTION_LABELS,
  type Satisfaction,
} from './contact.ts';
import type { ContactStaffAction } from './contact.policy.ts';
import type { ContactDetail, ContactSummary } from './contact.schemas.ts';
import type { ContactRow, ContactTransferRow } from './contact.table.ts';

function flags(row: ContactRow, today: string) {
  const status = row.status as ContactStatus;
  return {
    overdue: isOverdue({ status, dueOn: row.dueOn }, today),
    inspectionFailure: failsWebsiteInspection(
      { status, firstReceivedOn: row.firstReceivedOn, answeredOn: row.answeredOn },
      today,
    ),
  };
}

export function presentContactSummary(
  row: ContactRow,
  dir: AgencyDirectory,
  personalData: boolean,
  today: string,
): ContactSummary {
  return {
    id: row.id,
    trackingNo: row.trackingNo ?? String(row.id),
    agencyId: row.agencyId,
    agencyName: dir.get(row.agencyId)?.name ?? '',
    unitId: row.unitId,
    unitName: row.unitId ? (dir.get(row.unitId)?.name ?? null) : null,
    kind: row.kind,
    kindLabel: CONTACT_KIND_LABELS[row.kind as ContactKind] ?? row.kind,
    channel: row.channel,
    channelLabel: CONTACT_CHANNEL_LABELS[row.channel as ContactChannel] ?? row.channel,
    status: row.status,
    statusLabel: CONTACT_STATUS_LABELS[row.status as ContactStatus] ?? row.status,
    subject: row.subject,
    senderName: personalData ? row.senderName : maskName(row.senderName),
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    answeredOn: row.answeredOn,
    ...flags(row, today),
  };
}

export function presentContactDetail(
  row: ContactRow,
  transfers: ContactTransferRow[],
  dir: AgencyDirectory,
  personalData: boolean,
  actions: ContactStaffAction[],
  today: string,
): ContactDetail {
  const scores = {
    content: row.scoreContent,
    form: row.scoreForm,
    system: row.scoreSystem,
    effect: row.scoreEffect,
  };
  const transferred = transfers.length > 0;
  return {
    ...presentContactSummary(row, dir, personalData, today),
    body: row.body,
    senderContact: personalData ? row.senderContact : maskContact(row.senderContact),
    publishConsent: row.publishConsent === 1,
    scores:
      row.kind === 'evaluation'
        ? EVALUATION_ASPECTS.map((a) => ({ aspect: a, label: EVALUATION_ASPECT_LABELS[a], score: scores[a] }))
        : [],
    submittedOn: row.submittedOn,
    firstReceivedOn: row.firstReceivedOn,
    receiptRule: CONTACT_RECEIPT_RULE_LABELS[CONTACT_RECEIPT_RULES[row.channel as ContactChannel]] ?? '',
    clockNote: transferred
      ? '转办后，承办机关的答复期限自其收到转办之日起按本机关工作日重新计算；“超过三个月未答复”仍自首次收到之日起算。'
      : '答复期限自收到之日起按本机关工作日计算（不含收到当日）。',
    replyText: row.replyText,
    replyOutcome: row.replyOutcome,
    replyOutcomeLabel: row.replyOutcome
      ? (EVALUATION_OUTCOME_LABELS[row.replyOutcome as EvaluationOutcome] ?? row.replyOutcome)
      : null,
    replyDraftedBy: row.replyDraftedBy,
    replyDraftedAt: row.replyDraftedAt,
    replyApprovedBy: row.replyApprovedBy,
    replyApprovedAt: row.replyApprovedAt,
    answeredByUnit: row.answeredByUnit,
    satisfaction: row.satisfaction,
    satisfactionLabel: row.satisfaction
      ? (SATISFACTION_LABELS[row.satisfaction as Satisfaction] ?? row.satisfaction)
      : null,
    ratingComment: row.ratingComment,
    reanswerCount: row.reanswerCount,
    transfers: transfers.map((t) => ({
      fromAgencyName: dir.get(t.fromAgencyId)?.name ?? '',
      toAgencyName: dir.get(t.toAgencyId)?.name ?? '',
      reason: t.reason,
      transferredOn: t.transferredOn,
    })),
    units: dir
      .ownUnits(row.agencyId)
      .map((id) => dir.get(id))
      .filter((u) => u && u.kind === 'unit' && u.active)
      .map((u) => ({ id: u!.id, name: u!.name })),
    actions,
    permissions: { personalData },
  };
}

/** The sender's tracking view: the reply only once approved; no personal data. */
export function presentForSender(row: ContactRow, dir: AgencyDirectory) {
  const approved = row.replyApprovedAt !== null && (row.status === 'answered' || row.status === 'closed');
  return {
    trackingNo: row.trackingNo ?? '',
    kindLabel: CONTACT_KIND_LABELS[row.kind as ContactKind] ?? row.kind,
    agencyName: dir.get(row.agencyId)?.name ?? '',
    statusLabel: CONTACT_STATUS_LABELS[row.status as ContactStatus] ?? row.status,
    subject: row.subject,
    body: row.body,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    reply: approved ? row.replyText : null,
    replyOutcomeLabel:
      approved && row.replyOutcome
        ? (EVALUATION_OUTCOME_LABELS[row.replyOutcome as EvaluationOutcome] ?? null)
        : null,
    answeredOn: approved ? row.answeredOn : null,
    answeredByUnit: approved ? row.answeredByUnit : null,
    satisfactionLabel: row.satisfaction
      ? (SATISFACTION_LABELS[row.satisfaction as Satisfaction] ?? null)
      : null,
    canRate: row.status === 'answered' && row.satisfaction === null,
    canAskReanswer: row.status === 'answered' && row.satisfaction === null && row.reanswerCount === 0,
  };
}

/** One row of the public ledger: question, 受理日期, 答复日期, answering unit, answer — no personal data. */
export function presentLedgerRow(row: ContactRow) {
  return {
    trackingNo: row.trackingNo ?? '',
    kindLabel: CONTACT_KIND_LABELS[row.kind as ContactKind] ?? row.kind,
    subject: row.subject,
    body: row.body,
    receivedOn: row.firstReceivedOn,
    answeredOn: row.answeredOn ?? '',
    answeredByUnit: row.answeredByUnit ?? '',
    reply: row.replyText ?? '',
  };
}
