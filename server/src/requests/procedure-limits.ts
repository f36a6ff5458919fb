/**
 * The procedure limits the statutory clock enforces (docs/rules.md §3). Pure: dates in, a verdict out;
 * request.service.ts turns a verdict into an AppError (procedure-limits.errors.ts).
 *
 * - R.30 补正: one notice per application, due within correctionNoticeDays (7) working days of
 *   receipt; a notice after that is still sent (the office must be able to get an unclear application
 *   clarified) but flagged as late and counted; the corrected application cannot arrive before the notice.
 * - R.33 ¶2 延长: decided only while the reply period is running and not yet expired.
 * - Paper steps (consultation start and end, fee notice, extension decision, reply served, correction
 *   notice) may be recorded afterwards with their real date, bounded by the previous step and today.
 */
import type { Rules } from '../agencies/rule-profile.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';

/** R.30: whether a correction notice given on `noticeOn` is later than correctionNoticeDays after receipt. */
export function correctionNoticeLate(
  cal: WorkingCalendar,
  rules: Pick<Rules, 'correctionNoticeDays'>,
  receivedOn: string,
  noticeOn: string,
): boolean {
  return cal.workingDaysBetween(receivedOn, noticeOn) > rules.correctionNoticeDays;
}

/** R.30 一次性告知: a second correction notice on the same application is refused. */
export function correctionNoticeAllowed(previousNotices: number): boolean {
  return previousNotices === 0;
}

/** R.30: the corrected application is received on or after the day of the notice, and not in the future. */
export function correctionReceiptProblem(
  noticeOn: string | null,
  receivedOn: string,
  today: string,
): 'in_future' | 'before_notice' | null {
  if (receivedOn > today) return 'in_future';
  if (noticeOn && receivedOn < noticeOn) return 'before_notice';
  return null;
}

/** The reply deadline as the extension rule sees it. */
export interface ReplyPeriod {
  state: string;
  dueDate: string;
}

/**
 * R.33 ¶2: an extension is decided while the reply period runs — a reply deadline open (not paused by
 * consultation, fee or suspension; not ended by the reply) and not yet expired on the day of the decision.
 */
export function extensionProblem(
  period: ReplyPeriod | undefined,
  decidedOn: string,
): 'not_running' | 'expired' | null {
  if (period?.state !== 'open') return 'not_running';
  if (decidedOn > period.dueDate) return 'expired';
  return null;
}

/**
 * A step done on paper and recorded afterwards: its real date lies between the previous recorded step
 * (inclusive: two steps can happen on one day) and today. Returns the problem, or null.
 */
export function stepDateProblem(
  on: string,
  previousOn: string | null,
  today: string,
): 'in_future' | 'before_previous' | null {
  if (on > today) return 'in_future';
  if (previousOn && on < previousOn) return 'before_previous';
  return null;
}

/** The latest of the dates already recorded on an application (null entries ignored). */
export function latestStep(dates: readonly (string | null | undefined)[]): string | null {
  let out: string | null = null;
  for (const d of dates) if (d && (!out || d > out)) out = d;
  return out;
}

/** The steps that can be recorded with their real date, with the labels the audit trail and screens use. */
export const PAPER_STEPS = {
  correction_notice: '补正告知',
  consultation_start: '征求意见',
  consultation_end: '收到意见（结束征求意见）',
  fee_notice: '收费通知',
  extension_decision: '延期审批',
  reply_served: '送达答复书',
} as const;
export type PaperStep = keyof typeof PAPER_STEPS;
