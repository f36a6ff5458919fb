/**
 * Rectification (限期整改), pure: every finding of an inspection orders its agency to rectify within
 * a number of working days on that agency's calendar; the agency submits a written rectification
 * report (整改报告, district supervision measures art. 14: 将整改情况及时以书面形式报告), which the
 * supervising office accepts or returns. The agency never accepts its own rectification.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'returned', 'accepted'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '整改中',
  submitted: '整改报告待验收',
  returned: '退回重新整改',
  accepted: '已验收',
};

export type RectificationEvent = 'submit' | 'accept' | 'return';

const TRANSITIONS: Record<RectificationStatus, Partial<Record<RectificationEvent, RectificationStatus>>> = {
  open: { submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  returned: { submit: 'submitted' },
  accepted: {},
};

export function nextRectificationStatus(
  from: RectificationStatus,
  event: RectificationEvent,
): RectificationStatus | null {
  return TRANSITIONS[from][event] ?? null;
}

/** Working days an inspector may give: at least 1, at most 60 (three months of working days). */
export const MIN_RECTIFICATION_DAYS = 1;
export const MAX_RECTIFICATION_DAYS = 60;

/** The deadline: `workingDays` working days after the order date on the agency's calendar. */
export function rectificationDue(cal: WorkingCalendar, orderedOn: string, workingDays: number): string {
  return cal.addWorkingDays(orderedOn, workingDays);
}

/**
 * Overdue (逾期未整改): the agency still owes a report (open or returned) and the deadline has passed.
 * A report waiting for the inspector's decision is not the agency's delay.
 */
export function isOverdue(t: { status: RectificationStatus; dueOn: string }, today: string): boolean {
  return (t.status === 'open' || t.status === 'returned') && today > t.dueOn;
}

/** Due soon: still owed, not overdue, due on or before `soonDate`. */
export function isDueSoon(
  t: { status: RectificationStatus; dueOn: string },
  today: string,
  soonDate: string,
): boolean {
  return (t.status === 'open' || t.status === 'returned') && today <= t.dueOn && t.dueOn <= soonDate;
}

/** The status as the public and the staff read it: overdue shows as 逾期未整改. */
export function statusLabel(t: { status: RectificationStatus; dueOn: string }, today: string): string {
  return isOverdue(t, today) ? '逾期未整改' : RECTIFICATION_STATUS_LABELS[t.status];
}

export const EVIDENCE_KINDS = ['item', 'application', 'url'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  item: '公开信息',
  application: '依申请公开申请',
  url: '网页',
};

/** Evidence of a finding: a link to a record of the platform (by id) or to a web page. */
export interface Evidence {
  kind: EvidenceKind;
  /** item or application id (as text), or the URL */
  ref: string;
  note: string | null;
}

/** Only http(s) URLs are evidence links (a javascript: link must never reach a page). */
export function isEvidenceUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
