/**
 * What leaves the server, per audience. The public (tracking) view carries no personal data at all;
 * the staff view carries it in full only for staff handling the case, masked for everyone else.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { DeadlineRow } from '../db/database.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  type Channel,
  DELIVERY_METHOD_LABELS,
  type DeliveryMethod,
  ID_TYPE_LABELS,
  type IdType,
  maskName,
  maskTail,
  ORG_TYPE_LABELS,
  type OrgType,
  PROVISION_FORM_LABELS,
  type ProvisionForm,
  STATUS_LABELS,
  type Status,
  TRANSITIONS,
  availableActions,
} from './application.ts';
import { describeLeft, pausedWorkingDays } from './clock.ts';
import { type DispositionCode, dispositionDef } from './disposition.ts';
import type { QueueRow } from './request.repository.ts';
import type { ApplicationRow, ItemRow } from './request.table.ts';

const EVENT_LABELS: Record<string, string> = {
  'request.submitted': '提交申请',
  'request.assigned': '分办',
  'request.approved': '审批同意',
  'request.extended': '批准延期',
  'request.extension_requested': '申请延期',
  'request.extension_rejected': '不同意延期',
  'request.file_attached': '上传文件',
  'request.item_decided': '作出处理决定',
  'request.letter_issued': '生成文书',
  'request.third_party_notified': '告知第三方',
  'request.appeal_recorded': '登记复议/诉讼',
  'request.appeal_decided': '复议/诉讼结果',
  // service-record.service.ts: 送达
  'request.service_recorded': '登记送达',
  'request.service_served': '文书已送达',
  'request.service_failed': '文书未能送达',
  'request.service_receipt_attached': '上传送达回证',
  'request.service_downloaded': '申请人在网上下载文书',
  'request.applicant_noticed': '向申请人发送办理进度提醒',
  // paper-steps.ts: a step done on paper, recorded afterwards with its real date
  'request.step_backdated': '补录纸质办理环节（按实际日期计算期限）',
  'deadline.created': '期限起算',
  'deadline.extended_by_pause': '期限顺延（不计入期间）',
  'deadline.recomputed': '工作日历变更，期限重新计算',
};

/**
 * The steps an applicant sees on the tracking page, in words. Only what the applicant is told anyway
 * (by letter or by the status): internal steps — assignment to a handler, item decisions, approvals,
 * letters to third parties — stay inside the agency until the reply is sent (R.36: the reply is the
 * decision).
 */
const PUBLIC_STEPS: Record<string, string> = {
  'request.submitted': '提交申请',
  'request.confirm_receipt': '确认收到申请（收到申请之日，条例第三十一条）',
  'request.accept': '受理，开始办理',
  'request.request_correction': '告知补正（条例第三十条）',
  'request.receive_correction': '收到补正，答复期限重新起算',
  'request.lapse_correction': '逾期未补正，视为放弃申请',
  'request.consult_third_party': '征求第三方意见（所需时间不计入答复期限）',
  'request.consult_agency': '征求其他机关意见（所需时间不计入答复期限）',
  'request.end_consultation': '征求意见结束，继续办理',
  'request.extended': '延长答复期限（条例第三十三条第二款）',
  'request.delayed_r35': '延后答复（条例第三十五条）',
  'request.notice_fee': '发出信息处理费收费通知（缴费期间不计入答复期限）',
  'request.settle_fee': '已缴费或减免，继续办理',
  'request.lapse_fee': '逾期未缴费，不再处理',
  'request.suspend': '中止办理',
  'request.resume': '恢复办理',
  'request.withdraw': '申请人撤回申请',
  'request.send_reply': '发出答复书',
  'request.close': '办结',
  'request.reopen': '重新办理（行政复议或诉讼决定纠正）',
};

export function presentPublicHistory(
  events: readonly { action: string; occurredAt: string }[],
  dateOf: (iso: string) => string,
): { on: string; step: string }[] {
  return events.flatMap((e) => {
    const step = PUBLIC_STEPS[e.action];
    return step ? [{ on: dateOf(e.occurredAt), step }] : [];
  });
}

/** The Chinese label of a timeline (audit) event of an application; the code when unknown. */
export function timelineLabel(action: string): string {
  const known = EVENT_LABELS[action];
  if (known) return known;
  const transition = action.startsWith('request.')
    ? (TRANSITIONS as Record<string, { label: string } | undefined>)[action.slice('request.'.length)]
    : undefined;
  return transition?.label ?? action;
}

export function statusLabel(s: string): string {
  return STATUS_LABELS[s as Status] ?? s;
}

function safeLeft(cal: WorkingCalendar, today: string, due: string | null): number | null {
  if (!due) return null;
  try {
    return cal.workingDaysLeft(today, due);
  } catch {
    return null; // a year without calendar data: shown as unknown rather than guessed
  }
}

export function presentQueueRow(
  r: QueueRow,
  cal: WorkingCalendar,
  today: string,
  agencyName: string,
  personal: boolean,
) {
  const running = ['registered', 'in_progress', 'awaiting_approval'].includes(r.status);
  const left = running ? safeLeft(cal, today, r.dueOn) : null;
  return {
    id: r.id,
    agencyId: r.agencyId,
    agencyName,
    registrationNo: r.registrationNo,
    status: r.status,
    statusLabel: statusLabel(r.status),
    channel: r.channel,
    applicantName: personal ? r.applicantName : maskName(r.applicantName),
    applicantKind: r.applicantKind,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    workingDaysLeft: left,
    overdue: running && r.dueOn !== null && today > r.dueOn,
    paused: r.pauseKind !== null,
    itemCount: r.itemCount,
    firstItem: r.firstItem,
    unitId: r.unitId,
    handlerUserId: r.handlerUserId,
  };
}

export function presentApplicant(a: ApplicationRow, personal: boolean) {
  const m = <T extends string | null>(v: T, s: number, e: number) => (personal ? v : maskTail(v, s, e));
  return {
    kind: a.applicantKind,
    kindLabel: APPLICANT_KIND_LABELS[a.applicantKind as 'natural'] ?? a.applicantKind,
    orgType: a.orgType,
    orgTypeLabel: a.orgType ? ORG_TYPE_LABELS[a.orgType as OrgType] : null,
    name: personal ? a.applicantName : maskName(a.applicantName),
    idType: a.idType,
    idTypeLabel: a.idType ? ID_TYPE_LABELS[a.idType as IdType] : null,
    idNumber: m(a.idNumber, 3, 2),
    creditCode: a.creditCode, // an organisation's public registration code
    legalRepresentative: personal
      ? a.legalRepresentative
      : a.legalRepresentative && maskName(a.legalRepresentative),
    contactPerson: personal ? a.contactPerson : a.contactPerson && maskName(a.contactPerson),
    phone: m(a.phone, 3, 4),
    email: personal ? a.email : a.email ? a.email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    address: personal ? a.address : a.address ? `${[...a.address].slice(0, 6).join('')}***` : null,
    postalCode: personal ? a.postalCode : null,
    masked: !personal,
  };
}

/**
 * A file name as the masked view shows it: an uploaded name is typed by the applicant or the handler
 * and can carry the applicant's name, an identity number or a phone number ("李秀英11010519491231002X.png").
 * Runs of 6 or more digits (with an ID number's X) keep their first 3 and last 2 characters, as the
 * masked identity number does; the applicant's name is masked as everywhere else.
 */
export function maskFileName(
  filename: string,
  a: Pick<ApplicationRow, 'applicantName' | 'legalRepresentative' | 'contactPerson'>,
): string {
  let out = filename;
  for (const n of [a.applicantName, a.legalRepresentative, a.contactPerson])
    if (n && [...n].length > 1) out = out.split(n).join(maskName(n));
  return out.replace(/\d[\dXx]{5,}/g, (m) => maskTail(m, 3, 2) ?? m);
}

export function presentFile<F extends { filename: string }>(f: F, a: ApplicationRow, personal: boolean): F {
  return personal ? f : { ...f, filename: maskFileName(f.filename, a) };
}

export function presentItem(i: ItemRow) {
  const def = i.disposition ? dispositionDef(i.disposition as DispositionCode) : null;
  return {
    id: i.id,
    seq: i.seq,
    description: i.description,
    title: i.title,
    docNo: i.docNo,
    disposition: i.disposition,
    dispositionLabel: def?.label ?? null,
    dispositionRow: def?.row ?? null,
    legalBasis: i.legalBasis,
    reasons: i.reasons,
    withheld: i.withheld,
    holdingAgency: i.holdingAgency,
    holdingContact: i.holdingContact,
    howToObtain: i.howToObtain,
    decidedAt: i.decidedAt,
  };
}

export function presentClock(
  a: ApplicationRow,
  reply: DeadlineRow | undefined,
  cal: WorkingCalendar,
  today: string,
) {
  let dueOn = reply?.dueDate ?? null;
  if (reply && reply.state === 'paused' && a.pausedSince) {
    try {
      dueOn = cal.addWorkingDays(reply.dueDate, pausedWorkingDays(cal, a.pausedSince, today));
    } catch {
      /* keep the stored date */
    }
  }
  const running = ['registered', 'in_progress', 'awaiting_approval'].includes(a.status);
  const left = running ? safeLeft(cal, today, dueOn) : null;
  return {
    receivedOn: a.receivedOn,
    clockStart: a.clockStart,
    dueOn,
    workingDaysLeft: left,
    leftText: left === null ? (a.pauseKind ? '计时暂停' : null) : describeLeft(left),
    overdue: running && dueOn !== null && today > dueOn,
    extensionDays: a.extensionDays,
    extensionRequestedDays: a.extensionRequestedDays,
    pausedDays: a.pausedDays,
    pauseKind: a.pauseKind,
    pausedSince: a.pausedSince,
    delayedDueOn: a.delayedDueOn,
  };
}

export function presentCaseHeader(a: ApplicationRow, agencyName: string) {
  return {
    id: a.id,
    agencyId: a.agencyId,
    agencyName,
    registrationNo: a.registrationNo,
    status: a.status,
    statusLabel: statusLabel(a.status),
    actions: availableActions(a.status as Status),
    channel: a.channel,
    channelLabel: CHANNEL_LABELS[a.channel as Channel] ?? a.channel,
    provisionForm: a.provisionForm,
    provisionFormLabel: PROVISION_FORM_LABELS[a.provisionForm as ProvisionForm] ?? a.provisionForm,
    deliveryMethod: a.deliveryMethod,
    deliveryMethodLabel: DELIVERY_METHOD_LABELS[a.deliveryMethod as DeliveryMethod] ?? a.deliveryMethod,
    purpose: a.purpose,
    submittedOn: a.submittedOn,
    unitId: a.unitId,
    handlerUserId: a.handlerUserId,
    reportCategory: a.reportCategory,
    reportCategoryLabel: a.reportCategory ? dispositionDef(a.reportCategory as DispositionCode).label : null,
    feeMethod: a.feeMethod,
    repliedOn: a.repliedOn,
    closedOn: a.closedOn,
  };
}

const FILE_KIND_LABELS: Record<string, string> = {
  provided: '提供的政府信息',
  scan: '申请表扫描件',
  identity_proof: '身份证明',
  service_receipt: '送达回证',
};

/**
 * A case file as listed on the case page. File names often carry the applicant's name or identity
 * number ("张三身份证.jpg"), so staff who see the case masked (a supervising office) get the kind only.
 */
export function presentCaseFile(
  f: { id: number; kind: string; filename: string; mime: string; size: number; createdAt: string },
  personal: boolean,
) {
  const label = FILE_KIND_LABELS[f.kind] ?? '文件';
  return {
    id: f.id,
    kind: f.kind,
    filename: personal ? f.filename : `${label}（文件名已隐去）`,
    mime: f.mime,
    size: f.size,
    createdAt: f.createdAt,
  };
}

/** Audit details that may carry the applicant's data or a file name (e.g. request.file_attached). */
const PERSONAL_DETAIL_KEYS = new Set([
  'filename',
  'applicantName',
  'idNumber',
  'phone',
  'email',
  'address',
  'postalCode',
  'contactName',
  'collectedBy',
  'addressee',
  'text',
]);

/** The timeline detail of a case event; personal keys dropped for staff who see the case masked. */
export function presentTimelineDetail(afterJson: string | null, personal: boolean): unknown {
  if (!afterJson) return null;
  const detail = JSON.parse(afterJson) as unknown;
  if (personal || detail === null || typeof detail !== 'object' || Array.isArray(detail)) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([k]) => !PERSONAL_DETAIL_KEYS.has(k)));
}
