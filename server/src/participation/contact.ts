/**
 * A contact (来信来访、留言): one consultation, suggestion, complaint, leader's-mailbox letter or
 * evaluation of the agency's disclosure, registered with the channel it came by, its date of receipt
 * and its response clock — pure: types, the status union with its transition table, receipt date,
 * due date and overdue / inspection flags (docs/product.md §4).
 *
 *   registered → assigned (to an internal unit) → reviewing (reply drafted, awaiting the disclosure
 *   office) → answered (approved: the reply is public to the sender) → closed (rated or closed)
 *   transferred (转办 to another agency, whose own clock starts on the day it receives it)
 */
import type { Rules } from '../agencies/rule-profile.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';

// ------------------------------------------------------------------ kinds and channels

export const CONTACT_KINDS = ['consultation', 'suggestion', 'complaint', 'mailbox', 'evaluation'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  consultation: '咨询',
  suggestion: '建议',
  complaint: '投诉举报',
  mailbox: '领导信箱',
  evaluation: '评议',
};

export const CONTACT_CHANNELS = [
  'hotline',
  'letter',
  'visit',
  'email',
  'web_message',
  'mailbox',
  'online_consultation',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  hotline: '热线电话',
  letter: '来信',
  visit: '来访',
  email: '电子邮件',
  web_message: '网上留言',
  mailbox: '领导信箱',
  online_consultation: '在线咨询',
};

/** The portal form's channel for each kind (the public form is one page; the kind picks the channel). */
export const PORTAL_CHANNEL: Record<ContactKind, ContactChannel> = {
  consultation: 'online_consultation',
  suggestion: 'web_message',
  complaint: 'web_message',
  mailbox: 'mailbox',
  evaluation: 'web_message',
};

export function isContactKind(s: unknown): s is ContactKind {
  return typeof s === 'string' && (CONTACT_KINDS as readonly string[]).includes(s);
}
export function isContactChannel(s: unknown): s is ContactChannel {
  return typeof s === 'string' && (CONTACT_CHANNELS as readonly string[]).includes(s);
}

// ------------------------------------------------------------------ status and transitions

export const CONTACT_STATUSES = [
  'registered',
  'assigned',
  'transferred',
  'reviewing',
  'answered',
  'closed',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  registered: '已登记',
  assigned: '已分办',
  transferred: '已转办',
  reviewing: '答复待审核',
  answered: '已答复',
  closed: '已办结',
};

export type ContactAction =
  | 'assign'
  | 'transfer'
  | 'draft_reply'
  | 'approve'
  | 'return'
  | 'rate'
  | 'reanswer'
  | 'close';

/** The transition table: from each status, the actions allowed and the status they lead to. */
export const CONTACT_TRANSITIONS: Record<ContactStatus, Partial<Record<ContactAction, ContactStatus>>> = {
  registered: { assign: 'assigned', transfer: 'transferred', draft_reply: 'reviewing' },
  assigned: { assign: 'assigned', transfer: 'transferred', draft_reply: 'reviewing' },
  transferred: { assign: 'assigned', transfer: 'transferred', draft_reply: 'reviewing' },
  reviewing: { approve: 'answered', return: 'assigned' },
  answered: { rate: 'closed', reanswer: 'assigned', close: 'closed' },
  closed: {},
};

export function nextStatus(from: ContactStatus, action: ContactAction): ContactStatus | null {
  return CONTACT_TRANSITIONS[from][action] ?? null;
}

export function isOpen(status: ContactStatus): boolean {
  return status !== 'answered' && status !== 'closed';
}

// ------------------------------------------------------------------ date of receipt

/**
 * The date of receipt per channel, in the manner of 《政府信息公开条例》第三十一条: (一) in person —
 * a visit or a call on the hotline — the day itself; (二) by post, the day the agency signs for the
 * letter; (三) an e-mail, the day both sides confirm it. A message left on the portal (web message,
 * leader's mailbox, online consultation) is confirmed by the system the moment it is filed: the
 * tracking code shown to the sender is that confirmation, so the day of submission counts.
 */
export type ContactReceiptRule = 'submission_day' | 'signed_for_day' | 'confirmation_day';
export const CONTACT_RECEIPT_RULES: Record<ContactChannel, ContactReceiptRule> = {
  hotline: 'submission_day',
  visit: 'submission_day',
  letter: 'signed_for_day',
  email: 'confirmation_day',
  web_message: 'submission_day',
  mailbox: 'submission_day',
  online_consultation: 'submission_day',
};
export const CONTACT_RECEIPT_RULE_LABELS: Record<ContactReceiptRule, string> = {
  submission_day: '以来电、来访或网上提交之日为收到之日（参照条例第三十一条第（一）（三）项）',
  signed_for_day: '以机关签收来信之日为收到之日（参照条例第三十一条第（二）项）',
  confirmation_day: '以双方确认之日为收到之日（参照条例第三十一条第（三）项）',
};

export interface ContactReceiptFacts {
  submittedOn: string;
  signedForOn?: string | null;
  confirmedOn?: string | null;
}

export type ContactReceipt =
  | { ok: true; receivedOn: string }
  | { ok: false; reason: 'needs_signed_for_date' | 'needs_confirmation' | 'in_future' | 'before_submission' };

export function contactReceiptDate(
  channel: ContactChannel,
  f: ContactReceiptFacts,
  today: string,
): ContactReceipt {
  const rule = CONTACT_RECEIPT_RULES[channel];
  let date: string | null | undefined = f.submittedOn;
  if (rule === 'signed_for_day') {
    date = f.signedForOn;
    if (!date) return { ok: false, reason: 'needs_signed_for_date' };
  } else if (rule === 'confirmation_day') {
    date = f.confirmedOn;
    if (!date) return { ok: false, reason: 'needs_confirmation' };
  }
  if (f.submittedOn > today || date > today) return { ok: false, reason: 'in_future' };
  if (date < f.submittedOn) return { ok: false, reason: 'before_submission' };
  return { ok: true, receivedOn: date };
}

// ------------------------------------------------------------------ response clock

/**
 * Answer periods in working days, per kind. Evaluation: feedback on the rectification within 15
 * working days of receiving the opinion (《县局政务公开制度汇编》二 评议, the rule profile's
 * `evaluationFeedbackDays`). The others are the time limits the agency promises in public
 * (《县局政务公开制度汇编》三 反馈: "向社会公布的服务承诺中有时限要求的，必须在承诺时限内办理完毕"):
 * platform defaults below, overridden per kind by the rule profile's `contactAnswerDays`
 * (docs/glossary.md).
 */
export const DEFAULT_CONTACT_ANSWER_DAYS: Record<ContactKind, number> = {
  consultation: 10,
  suggestion: 15,
  complaint: 15,
  mailbox: 15,
  evaluation: 15,
};

/** The rule profile's optional per-kind periods (a JSON key of the profile; unknown kinds ignored). */
export interface ContactRules {
  evaluationFeedbackDays: number;
  contactAnswerDays?: Partial<Record<ContactKind, number>>;
}

export function answerDays(kind: ContactKind, rules: ContactRules | Rules): number {
  const override = (rules as ContactRules).contactAnswerDays?.[kind];
  if (typeof override === 'number' && Number.isInteger(override) && override > 0 && override <= 365)
    return override;
  if (kind === 'evaluation') return rules.evaluationFeedbackDays;
  return DEFAULT_CONTACT_ANSWER_DAYS[kind];
}

/** Due date: `answerDays` working days after the date of receipt (the start day excluded, Civil Code art. 201). */
export function contactDueOn(
  cal: WorkingCalendar,
  receivedOn: string,
  kind: ContactKind,
  rules: ContactRules | Rules,
): string {
  return cal.addWorkingDays(receivedOn, answerDays(kind, rules));
}

export function isOverdue(c: { status: ContactStatus; dueOn: string | null }, today: string): boolean {
  return isOpen(c.status) && c.dueOn !== null && today > c.dueOn;
}

/** The date `months` calendar months after `date` (the last day of a shorter month when needed). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * 《政府网站与政务新媒体检查指标》（国办函〔2019〕80号）单项否决 "互动回应差": a website whose
 * consultation or complaint column leaves a message unanswered for more than three months fails the
 * inspection. Counted from the sender's first receipt — a transfer does not restart it.
 */
export const INSPECTION_UNANSWERED_MONTHS = 3;

export function failsWebsiteInspection(
  c: { status: ContactStatus; firstReceivedOn: string; answeredOn: string | null },
  today: string,
): boolean {
  const limit = addMonths(c.firstReceivedOn, INSPECTION_UNANSWERED_MONTHS);
  const end = isOpen(c.status) ? today : (c.answeredOn ?? today);
  return end > limit;
}

// ------------------------------------------------------------------ reply, evaluation, rating

/** How an evaluation opinion was dealt with (《县局政务公开制度汇编》二 评议: rectified, or explained). */
export const EVALUATION_OUTCOMES = ['rectified', 'explained'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
export const EVALUATION_OUTCOME_LABELS: Record<EvaluationOutcome, string> = {
  rectified: '已整改',
  explained: '已说明',
};

/** The four aspects the public rates an agency's disclosure on (docs/product.md §4). */
export const EVALUATION_ASPECTS = ['content', 'form', 'system', 'effect'] as const;
export type EvaluationAspect = (typeof EVALUATION_ASPECTS)[number];
export const EVALUATION_ASPECT_LABELS: Record<EvaluationAspect, string> = {
  content: '公开内容',
  form: '公开形式',
  system: '公开制度',
  effect: '公开效果',
};
export const EVALUATION_SCORE_LABELS: Record<number, string> = {
  1: '很差',
  2: '较差',
  3: '一般',
  4: '较好',
  5: '很好',
};

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};
export function isSatisfaction(s: unknown): s is Satisfaction {
  return typeof s === 'string' && (SATISFACTION as readonly string[]).includes(s);
}

/** A dissatisfied sender may ask once for a re-answer. */
export function mayAskReanswer(c: { status: ContactStatus; reanswerCount: number }): boolean {
  return c.status === 'answered' && c.reanswerCount === 0;
}

// ------------------------------------------------------------------ tracking numbers and masking

const KIND_PREFIX: Record<ContactKind, string> = {
  consultation: 'ZX',
  suggestion: 'JY',
  complaint: 'TS',
  mailbox: 'XX',
  evaluation: 'PY',
};

/** The public number of a contact, e.g. TS2026-000042 (kind, year of receipt, id). */
export function trackingNoOf(kind: ContactKind, year: number, id: number): string {
  return `${KIND_PREFIX[kind]}${year}-${String(id).padStart(6, '0')}`;
}

export function normaliseTrackingNo(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '');
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; empty stays empty. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13912345678 → 139****5678; a@b.cn → a***@b.cn. */
export function maskContact(contact: string | null): string | null {
  if (!contact) return contact;
  const at = contact.indexOf('@');
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  if (contact.length >= 7) return `${contact.slice(0, 3)}****${contact.slice(-4)}`;
  return '****';
}
