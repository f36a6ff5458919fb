/**
 * Notifications (通知) and reminders (提醒) — pure: channels, delivery states, the retry backoff,
 * dedupe keys and the wording of reminders. Issue #3: reminders 5 and 1 working days before a reply is
 * due and a flag once it is overdue (the days come from rules.reminderDaysBefore); issue #5: the
 * annual report (R.49) 30 and 7 days before its due date and once it is overdue. The reminders are a
 * product rule of the issues, not a statutory duty; the deadlines they watch are statutory (R.33, R.49).
 */

export const CHANNELS = ['inapp', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export type OutboundChannel = Exclude<Channel, 'inapp'>;

export const CHANNEL_LABELS: Record<Channel, string> = { inapp: '站内通知', email: '电子邮件', sms: '短信' };

/** In-app rows are delivered on insert; e-mail/SMS rows wait in the outbox (发件箱) until sent or given up. */
export const STATES = ['delivered', 'pending', 'sent', 'failed'] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  delivered: '已送达',
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

export function initialState(channel: Channel): State {
  return channel === 'inapp' ? 'delivered' : 'pending';
}

export const SUBJECT_REQUEST = 'request_application';
/** contacts of participation/ (留言、咨询、投诉举报、评议); the module enqueues its own reminders */
export const SUBJECT_CONTACT = 'participation_contact';
export const SUBJECT_REPORT = 'annual_report';

// ------------------------------------------------------------------ retries

export const DEFAULT_MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 2 * 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** Wait before attempt n+1 after n failed attempts: 2, 6, 18, 54, 162 minutes …, at most 6 hours. */
export function backoffMs(failedAttempts: number): number {
  if (failedAttempts < 1) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 3 ** (failedAttempts - 1));
}

export type AttemptOutcome =
  | { state: 'sent'; attempts: number; sentAt: string; nextAttemptAt: null; lastError: null }
  | { state: 'pending' | 'failed'; attempts: number; nextAttemptAt: string | null; lastError: string };

/** What a delivery attempt made at `now` leaves behind: sent, another try later, or given up. */
export function afterAttempt(
  previousAttempts: number,
  now: Date,
  result: { ok: true } | { ok: false; error: string; permanent?: boolean },
  maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
): AttemptOutcome {
  const attempts = previousAttempts + 1;
  if (result.ok)
    return { state: 'sent', attempts, sentAt: now.toISOString(), nextAttemptAt: null, lastError: null };
  const lastError = result.error.slice(0, 500);
  // a permanent refusal (SMTP 5xx, notifier.ts) is not tried again
  if (attempts >= maxAttempts || result.permanent)
    return { state: 'failed', attempts, nextAttemptAt: null, lastError };
  return {
    state: 'pending',
    attempts,
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
    lastError,
  };
}

// ------------------------------------------------------------------ dedupe keys

/** One key per (event, channel, recipient): enqueueing the same reminder twice inserts nothing. */
export function dedupeKey(event: string, channel: Channel, recipient: string): string {
  return `${event}:${channel}:${recipient}`;
}

export type RequestReminder = { kind: 'remind'; daysLeft: number } | { kind: 'overdue' };

/** req:<id>:<dueOn>:remind5 / …:overdue — a new due date (extension, pause) earns new reminders. */
export function requestEvent(applicationId: number, dueOn: string, r: RequestReminder): string {
  return `req:${applicationId}:${dueOn}:${r.kind === 'overdue' ? 'overdue' : `remind${r.daysLeft}`}`;
}

export type ReportReminder = { kind: 'remind'; daysLeft: number } | { kind: 'overdue' };

export function reportEvent(agencyId: number, year: number, dueOn: string, r: ReportReminder): string {
  return `report:${agencyId}:${year}:${dueOn}:${r.kind === 'overdue' ? 'overdue' : `remind${r.daysLeft}`}`;
}

// ------------------------------------------------------------------ which reminder today

/**
 * The reply-deadline reminder of an application today, given the working days left (0 on the due day,
 * negative once overdue): one of rules.reminderDaysBefore, or overdue. The overdue flag is raised once
 * (its dedupe key): normally on the first overdue day; the reminder job looks back a few days so a
 * server that was down that day still raises it.
 */
export function requestReminderToday(
  workingDaysLeft: number,
  reminderDaysBefore: readonly number[],
): RequestReminder | null {
  if (workingDaysLeft < 0) return { kind: 'overdue' };
  if (reminderDaysBefore.includes(workingDaysLeft)) return { kind: 'remind', daysLeft: workingDaysLeft };
  return null;
}

/** Annual report (R.49): 30 and 7 calendar days before the due date, and overdue once. */
export const REPORT_REMINDER_DAYS = [30, 7] as const;

export function reportReminderToday(calendarDaysLeft: number): ReportReminder | null {
  if (calendarDaysLeft < 0) return { kind: 'overdue' };
  if ((REPORT_REMINDER_DAYS as readonly number[]).includes(calendarDaysLeft))
    return { kind: 'remind', daysLeft: calendarDaysLeft };
  return null;
}

// ------------------------------------------------------------------ wording

export interface Message {
  title: string;
  body: string;
}

export function requestReminderMessage(
  r: RequestReminder,
  a: { registrationNo: string; agencyName: string; dueOn: string; link: string },
): Message {
  if (r.kind === 'overdue')
    return {
      title: `答复已逾期：${a.registrationNo}`,
      body: `${a.agencyName}受理的政府信息公开申请 ${a.registrationNo} 答复期限为 ${a.dueOn}（条例第三十三条），现已逾期，请尽快答复。\n${a.link}`,
    };
  return {
    title: `答复期限提醒：${a.registrationNo} 剩余 ${r.daysLeft} 个工作日`,
    body: `${a.agencyName}受理的政府信息公开申请 ${a.registrationNo} 应于 ${a.dueOn} 前答复（条例第三十三条），剩余 ${r.daysLeft} 个工作日。\n${a.link}`,
  };
}

export function reportReminderMessage(
  r: ReportReminder,
  a: { agencyName: string; year: number; dueOn: string; link: string },
): Message {
  const what = `${a.agencyName}${a.year}年政府信息公开工作年度报告`;
  if (r.kind === 'overdue')
    return {
      title: `年度报告已逾期：${a.year}年`,
      body: `${what}应于 ${a.dueOn} 前公布（条例第四十九条），目前尚未发布，请尽快审批并发布。\n${a.link}`,
    };
  return {
    title: `年度报告提醒：${a.year}年报告还有 ${r.daysLeft} 天到期`,
    body: `${what}应于 ${a.dueOn} 前公布（条例第四十九条），还有 ${r.daysLeft} 天，请及时编制、审批并发布。\n${a.link}`,
  };
}

/** The staff SPA path a notification links to. */
export function linkOf(n: {
  subjectType: string;
  subjectId: number;
  agencyId: number | null;
}): string | null {
  if (n.subjectType === SUBJECT_REQUEST) return `/admin/requests/${n.subjectId}`;
  if (n.subjectType === SUBJECT_CONTACT) return `/admin/participation/contacts/${n.subjectId}`;
  if (n.subjectType === SUBJECT_REPORT && n.agencyId !== null)
    return `/admin/reporting/annual-report?agencyId=${n.agencyId}&year=${n.subjectId}`;
  return null;
}
