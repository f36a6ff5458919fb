/**
 * 送达: how a letter reached the applicant, and when — pure. The applicant chooses the way the reply
 * is delivered (《政府信息公开条例》第二十九条第二款第三项: 领取, 邮寄, 电子邮件, 在线); the date of
 * service starts the applicant's periods: 行政复议 within 60 days (《行政复议法》第二十条) and
 * 行政诉讼 within 6 months (《行政诉讼法》第四十六条), both "自知道或者应当知道" the decision, which the
 * reply letter states as "自收到本答复之日起" (letter.ts).
 *
 * Periods count as 《民法典》第二百零一条至第二百零三条 say: the day of service is not counted; a
 * period in months ends on the corresponding day of the last month (its last day when there is none);
 * a period ending on a rest day or holiday ends on the next working day. The evidence per method:
 * - 邮寄: carrier and tracking number when posted; served on the date of receipt (签收) entered later;
 *   a returned letter fails and may be served again;
 * - 领取: the date and who collected, optionally the signed receipt (送达回证) as an upload;
 * - 电子邮件: the outbox's outcome — accepted by the mail server serves the letter on that day
 *   (the date it reaches the applicant's system); bounced or failed fails it;
 * - 在线: the applicant's first download of the letter on the tracking page.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { addDays, isValidIsoDate } from '../shared/dates.ts';

export const SERVICE_METHODS = ['collect', 'post', 'email', 'online'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  collect: '当面领取',
  post: '邮寄',
  email: '电子邮件',
  online: '网上获取',
};

export const SERVICE_STATES = ['dispatched', 'served', 'failed'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];
export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  dispatched: '已寄出（待签收）',
  served: '已送达',
  failed: '未能送达',
};

/** dispatched → served | failed; a served or failed record is final (a failed letter is served anew). */
export const SERVICE_TRANSITIONS: Record<ServiceState, readonly ServiceState[]> = {
  dispatched: ['served', 'failed'],
  served: [],
  failed: [],
};

export function canMoveService(from: ServiceState, to: ServiceState): boolean {
  return SERVICE_TRANSITIONS[from].includes(to);
}

export const EMAIL_OUTCOMES = ['pending', 'accepted', 'bounced', 'failed'] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];
export const EMAIL_OUTCOME_LABELS: Record<EmailOutcome, string> = {
  pending: '待发送',
  accepted: '邮件服务器已接收',
  bounced: '被退回',
  failed: '发送失败',
};

/** Letters served on the applicant: everything sent except the letters to third parties (R.32). */
export function servedOnApplicant(kind: string): boolean {
  return kind !== 'third_party_consultation' && kind !== 'third_party_disclosure';
}

/** The letters whose late service is listed on the to-do list: the reply starts the appeal periods. */
export function serviceWatched(kind: string): boolean {
  return kind === 'reply';
}

/** `months` calendar months after `date` (《民法典》第二百零二条: no corresponding day → month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface PeriodEnd {
  /** the period's last day */
  until: string;
  /** false when the calendar of that year is not entered yet: a holiday could still move the end */
  calendarChecked: boolean;
}

/** 《民法典》第二百零三条: a period that ends on a rest day or holiday ends on the next working day. */
function onWorkingDay(date: string, cal: WorkingCalendar | null): PeriodEnd {
  if (!cal?.hasYear(Number(date.slice(0, 4)))) return { until: date, calendarChecked: false };
  try {
    return { until: cal.onOrNextWorkingDay(date), calendarChecked: true };
  } catch {
    // the next working day falls in a year without calendar data
    return { until: date, calendarChecked: false };
  }
}

export interface AppealPeriods {
  servedOn: string;
  reconsideration: PeriodEnd;
  litigation: PeriodEnd;
}

/** The last days for 行政复议 (N days) and 行政诉讼 (M months) after the date of service. */
export function appealPeriods(
  servedOn: string,
  rules: { reconsiderationDays: number; litigationMonths: number },
  cal: WorkingCalendar | null,
): AppealPeriods {
  return {
    servedOn,
    reconsideration: onWorkingDay(addDays(servedOn, rules.reconsiderationDays), cal),
    litigation: onWorkingDay(addMonths(servedOn, rules.litigationMonths), cal),
  };
}

/**
 * Whether an appeal was filed within its period: 行政复议 and direct 行政诉讼 from the date of service;
 * a suit after reconsideration runs from the reconsideration decision (《行政诉讼法》第四十五条), which
 * the platform does not record — null, as when the reply has not been served.
 */
export function appealFiledInTime(
  kind: string,
  filedOn: string,
  periods: AppealPeriods | null,
): boolean | null {
  if (!periods) return null;
  if (kind === 'reconsideration') return filedOn <= periods.reconsideration.until;
  if (kind === 'litigation_direct') return filedOn <= periods.litigation.until;
  return null;
}

/** The day a letter must be served by: `serviceDays` working days after it is issued (rule profile). */
export function serviceDueOn(issuedOn: string, serviceDays: number, cal: WorkingCalendar): string | null {
  try {
    return cal.addWorkingDays(issuedOn, serviceDays);
  } catch {
    return null;
  }
}

export interface ServiceRecordLike {
  state: string;
  servedOn: string | null;
}

/** The record that serves the letter (there is at most one that is not failed), if it is served. */
export function servedRecord<R extends ServiceRecordLike>(records: readonly R[]): R | undefined {
  return records.find((r) => r.state === 'served' && r.servedOn !== null);
}

/** A record still under way or served: a new one may be made only when every earlier one failed. */
export function liveRecord<R extends ServiceRecordLike>(records: readonly R[]): R | undefined {
  return records.find((r) => r.state !== 'failed');
}

export interface DateProblem {
  field: string;
  label: string;
  message: string;
}

/** A date of the service evidence: valid, not before the letter, not after today. */
export function serviceDateProblem(
  field: string,
  label: string,
  date: string,
  notBefore: string,
  today: string,
): DateProblem | null {
  if (!isValidIsoDate(date)) return { field, label, message: '日期格式不正确' };
  if (date < notBefore) return { field, label, message: `不能早于${notBefore}` };
  if (date > today) return { field, label, message: '不能晚于今天' };
  return null;
}
