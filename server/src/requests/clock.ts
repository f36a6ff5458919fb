/**
 * The statutory clock of an application — pure functions over a WorkingCalendar and the agency's
 * Rules (rule-profile.ts). Counting follows Civil Code art. 201 (the start day is excluded), as
 * WorkingCalendar.addWorkingDays does.
 *
 *   reply due = clock start + replyDays (R.33 ¶2) + approved extension (R.33 ¶2, ≤ extensionDays)
 *               + working days spent paused (R.33 ¶3 consultation; 109号 fee notice to payment;
 *                 《县局政务公开制度汇编》 art.10 suspension)
 *   clock start = date of receipt (R.31), or the date the corrected application is received (R.30)
 *   R.35: a reasonable later date set for an excessive request replaces a shorter due date.
 */
import type { Rules } from '../agencies/rule-profile.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { Channel } from './application.ts';

// ------------------------------------------------------------------ date of receipt (R.31)

/**
 * R.31: (一) in person → the day of submission; (二) by post → the day the agency signs for it, and
 * for ordinary letters the day the office confirms receipt with the applicant; (三) over the internet
 * or by the office's fax → the day both sides confirm. E-mail is a data message (数据电文, R.29) and
 * follows (三). An oral application is made in person (R.29 ¶1).
 */
export type ReceiptRule = 'submission_day' | 'signed_for_day' | 'confirmation_day';

export const RECEIPT_RULES: Record<Channel, ReceiptRule> = {
  in_person: 'submission_day',
  oral: 'submission_day',
  registered_post: 'signed_for_day',
  ordinary_post: 'confirmation_day',
  online: 'confirmation_day',
  fax: 'confirmation_day',
  email: 'confirmation_day',
};

export const RECEIPT_RULE_LABELS: Record<ReceiptRule, string> = {
  submission_day: '以提交之日为收到申请之日（条例第三十一条第（一）项）',
  signed_for_day: '以机关签收之日为收到申请之日（条例第三十一条第（二）项）',
  confirmation_day: '以双方确认之日为收到申请之日（条例第三十一条第（二）（三）项）',
};

/** Whether the office must confirm receipt before the clock starts (R.31 (二) ordinary letters, (三)). */
export function needsConfirmation(channel: Channel): boolean {
  return RECEIPT_RULES[channel] === 'confirmation_day';
}

export interface ReceiptFacts {
  /** the day the applicant handed in / sent the application */
  submittedOn: string;
  /** registered post: the day the agency signed for the letter */
  signedForOn?: string | null;
  /** ordinary post, online, fax, e-mail: the day the office confirmed receipt with the applicant */
  confirmedOn?: string | null;
}

export type ReceiptResult =
  | { ok: true; receivedOn: string }
  | { ok: false; reason: 'needs_confirmation' | 'needs_signed_for_date' | 'in_future' | 'before_submission' };

/** The date of receipt by channel (R.31); it can never lie in the future or before submission. */
export function receiptDate(channel: Channel, f: ReceiptFacts, today: string): ReceiptResult {
  const rule = RECEIPT_RULES[channel];
  let date: string | null | undefined;
  if (rule === 'submission_day') date = f.submittedOn;
  else if (rule === 'signed_for_day') {
    date = f.signedForOn;
    if (!date) return { ok: false, reason: 'needs_signed_for_date' };
  } else {
    date = f.confirmedOn;
    if (!date) return { ok: false, reason: 'needs_confirmation' };
  }
  if (date > today) return { ok: false, reason: 'in_future' };
  if (date < f.submittedOn && rule !== 'submission_day') return { ok: false, reason: 'before_submission' };
  return { ok: true, receivedOn: date };
}

// ------------------------------------------------------------------ the reply period

export type PauseKind = 'third_party' | 'inter_agency' | 'fee' | 'suspension';
export const PAUSE_LABELS: Record<PauseKind, string> = {
  third_party: '征求第三方意见（条例第三十二条、第三十三条第三款，不计入答复期限）',
  inter_agency: '征求其他机关意见（条例第三十四条、第三十三条第三款，不计入答复期限）',
  fee: '收费通知至缴费（国办函〔2020〕109号，不计入答复期限）',
  suspension: '中止办理（不可抗力等，不计入答复期限）',
};

export interface ClockState {
  /** R.30/R.31: receipt, or the receipt of the corrected application; null before confirmation */
  clockStart: string | null;
  /** approved extension in working days (R.33 ¶2) */
  extensionDays: number;
  /** working days spent in finished pauses */
  pausedDays: number;
  /** the running pause, if any */
  pause: { kind: PauseKind; since: string } | null;
  /** R.35: a reasonable later date told to the applicant */
  delayedDueOn: string | null;
}

export const EMPTY_CLOCK: ClockState = {
  clockStart: null,
  extensionDays: 0,
  pausedDays: 0,
  pause: null,
  delayedDueOn: null,
};

/** Working days the reply period runs for: replyDays + extension + finished pauses. */
export function replyWorkingDays(rules: Rules, s: ClockState): number {
  return rules.replyDays + s.extensionDays + s.pausedDays;
}

/**
 * The reply due date, counting a running pause up to `today` (so the screen shows the date as it
 * stands now), or null when the clock has not started. R.35's later date wins when it is later.
 */
export function replyDueOn(cal: WorkingCalendar, rules: Rules, s: ClockState, today?: string): string | null {
  if (!s.clockStart) return null;
  const running = s.pause && today ? Math.max(0, pausedWorkingDays(cal, s.pause.since, today)) : 0;
  const due = cal.addWorkingDays(s.clockStart, replyWorkingDays(rules, s) + running);
  return s.delayedDueOn && s.delayedDueOn > due ? s.delayedDueOn : due;
}

/** Working days of a pause that began on `since` and ended on `until`: the days (since, until]. */
export function pausedWorkingDays(cal: WorkingCalendar, since: string, until: string): number {
  return Math.max(0, cal.workingDaysBetween(since, until));
}

export function startPause(s: ClockState, kind: PauseKind, since: string): ClockState {
  if (s.pause) throw new RangeError('the clock is already paused');
  return { ...s, pause: { kind, since } };
}

/** Ends the running pause on `until`; the paused working days extend the reply period. */
export function endPause(
  cal: WorkingCalendar,
  s: ClockState,
  until: string,
): { state: ClockState; days: number } {
  if (!s.pause) throw new RangeError('the clock is not paused');
  const days = pausedWorkingDays(cal, s.pause.since, until);
  return { state: { ...s, pausedDays: s.pausedDays + days, pause: null }, days };
}

/** R.30: the reply period runs afresh from the day the corrected application is received. */
export function restartOnCorrection(s: ClockState, correctedOn: string): ClockState {
  return { ...s, clockStart: correctedOn, pausedDays: 0, pause: null };
}

/** R.33 ¶2: at most `rules.extensionDays` in total. */
export function extensionAllowed(rules: Rules, s: ClockState, days: number): boolean {
  return Number.isInteger(days) && days > 0 && s.extensionDays + days <= rules.extensionDays;
}

// ------------------------------------------------------------------ other deadlines

/** R.30: the correction notice is due within correctionNoticeDays of receipt. */
export function correctionNoticeDueOn(cal: WorkingCalendar, rules: Rules, receivedOn: string): string {
  return cal.addWorkingDays(receivedOn, rules.correctionNoticeDays);
}

/** R.30: no correction by its deadline (without good reason) → deemed abandoned. */
export function correctionLapsed(correctionDueOn: string, today: string): boolean {
  return today > correctionDueOn;
}

/** R.32: the third party answers within thirdPartyDays; R.34: other agencies within interAgencyDays. */
export function consultationDueOn(
  cal: WorkingCalendar,
  rules: Rules,
  kind: 'third_party' | 'inter_agency',
  sentOn: string,
): string {
  return cal.addWorkingDays(sentOn, kind === 'third_party' ? rules.thirdPartyDays : rules.interAgencyDays);
}

/** 国办函〔2020〕109号: pay within feePaymentDays from the day after the notice (start excluded). */
export function feePaymentDueOn(cal: WorkingCalendar, rules: Rules, noticeOn: string): string {
  return cal.addWorkingDays(noticeOn, rules.feePaymentDays);
}

export function feeLapsed(feeDueOn: string, today: string): boolean {
  return today > feeDueOn;
}

/** Whether the fee period pauses the reply clock under these rules (国办函〔2020〕109号; default yes). */
export function feePauses(rules: Rules): boolean {
  return rules.feePaymentPausesClock;
}

// ------------------------------------------------------------------ display and reminders

/** 0 on the due day, negative once overdue. */
export function workingDaysLeft(cal: WorkingCalendar, today: string, dueOn: string): number {
  return cal.workingDaysLeft(today, dueOn);
}

export function isOverdue(today: string, dueOn: string): boolean {
  return today > dueOn;
}

/** Which reminder (rules.reminderDaysBefore, e.g. 5 and 1 working days before) falls due today, if any. */
export function reminderDueToday(
  cal: WorkingCalendar,
  rules: Rules,
  today: string,
  dueOn: string,
): number | null {
  const left = cal.workingDaysLeft(today, dueOn);
  return rules.reminderDaysBefore.includes(left) ? left : null;
}

/** The reminder dates for a due date: the working day that many working days before it. */
export function reminderDates(cal: WorkingCalendar, rules: Rules, dueOn: string, from: string): string[] {
  const out: string[] = [];
  for (const n of rules.reminderDaysBefore) {
    let d = dueOn;
    let left = n;
    // walk back n working days from the due date
    while (left > 0 && d > from) {
      const prev = new Date(`${d}T00:00:00Z`);
      prev.setUTCDate(prev.getUTCDate() - 1);
      d = prev.toISOString().slice(0, 10);
      if (cal.isWorkingDay(d)) left--;
    }
    if (left === 0 && d >= from) out.push(d);
  }
  return out.sort();
}

/** A short Chinese phrase for a screen: 剩余 3 个工作日 / 今日到期 / 已逾期 2 个工作日. */
export function describeLeft(left: number): string {
  if (left > 0) return `剩余 ${left} 个工作日`;
  if (left === 0) return '今日到期';
  return `已逾期 ${-left} 个工作日`;
}
