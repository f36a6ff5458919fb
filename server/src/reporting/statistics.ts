/**
 * Statistics for the dashboards (docs/product.md §5.4), aggregated from row-level facts. Pure. Figures that
 * overlap the annual report (applications received, outcomes) use the same rules, so they match it.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { APPLICANT_COLUMNS, COLUMN_LABELS, OUTCOME_ROWS, type OutcomeKey } from './annual-report.ts';
import { columnOf } from './report-workflow.ts';
import type { StatApplication, StatItem } from './statistics.repository.ts';

export interface Statistics {
  year: number;
  applicationsByMonth: { month: string; received: number; closed: number }[];
  byChannel: { key: string; label: string; count: number }[];
  byApplicantType: { key: string; label: string; count: number }[];
  byOutcome: { key: string; label: string; count: number }[];
  timeliness: {
    closed: number;
    onTime: number;
    late: number;
    onTimeRate: number | null;
    avgWorkingDays: number | null;
  };
  openByDue: { key: string; label: string; count: number }[];
  /** R.30: correction notices given in the year, and those later than correctionNoticeDays after receipt */
  correctionNotices: { total: number; late: number };
  publicationsByCategory: { key: string; label: string; count: number }[];
  publicationsByMonth: { month: string; count: number }[];
  publicationsLate: number;
}

const months = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export function computeStatistics(input: {
  year: number;
  today: string;
  applications: StatApplication[];
  items: StatItem[];
  /** R.30 notices of the year; `late` computed by the caller on each agency's calendar */
  correctionNotices?: { agencyId: number; late: boolean }[];
  channelLabels: Record<string, string>;
  outcomeOf: (reportCategory: string | null, decidedOn: string | null) => OutcomeKey | null;
  calendarFor: (agencyId: number) => WorkingCalendar | null;
}): Statistics {
  const { year, today } = input;
  const y = String(year);
  const received = input.applications.filter((a) => a.receivedOn.startsWith(y));
  // 办结 = decided in the year (reply, withdrawal, lapse), as in the annual report (docs/rules.md §1)
  const closed = input.applications.filter((a) => a.decidedOn?.startsWith(y));

  const applicationsByMonth = months(year).map((m) => ({
    month: m,
    received: received.filter((a) => a.receivedOn.startsWith(m)).length,
    closed: closed.filter((a) => a.decidedOn!.startsWith(m)).length,
  }));
  const channels = [...new Set([...Object.keys(input.channelLabels), ...received.map((a) => a.channel)])];
  const byChannel = channels.map((c) => ({
    key: c,
    label: input.channelLabels[c] ?? c,
    count: received.filter((a) => a.channel === c).length,
  }));
  const byApplicantType = APPLICANT_COLUMNS.map((c) => ({
    key: c,
    label: COLUMN_LABELS[c],
    count: received.filter((a) => columnOf(a.applicantKind, a.orgType) === c).length,
  }));
  const outcomes = closed.map((a) => input.outcomeOf(a.reportCategory, a.decidedOn));
  const byOutcome = OUTCOME_ROWS.map((r) => ({
    key: r.key,
    label: r.group === r.label ? r.label : `${r.group} ${r.label}`,
    count: outcomes.filter((o) => o === r.key).length,
  })).filter((o) => o.count > 0);

  let onTime = 0;
  let late = 0;
  let daysSum = 0;
  let daysN = 0;
  for (const a of closed) {
    const replied = a.decidedOn!;
    // on time / late is a property of replies (R.33); a withdrawal or lapse has no reply to judge
    if (a.replyDueOn && a.repliedOn) {
      if (replied <= a.replyDueOn) onTime++;
      else late++;
    }
    const cal = input.calendarFor(a.agencyId);
    const start = a.clockStart ?? a.receivedOn;
    if (cal && start <= replied) {
      try {
        daysSum += cal.workingDaysBetween(start, replied);
        daysN++;
      } catch {
        // a year without calendar data: leave this application out of the average
      }
    }
  }
  const open = input.applications.filter((a) => a.decidedOn === null || a.decidedOn > today);
  const bucket = (a: StatApplication): string => {
    if (!a.replyDueOn) return 'unknown';
    if (a.replyDueOn < today) return 'overdue';
    const cal = input.calendarFor(a.agencyId);
    let left: number | null = null;
    try {
      left = cal ? cal.workingDaysBetween(today, a.replyDueOn) : null;
    } catch {
      left = null;
    }
    if (left === null) return 'unknown';
    return left <= 5 ? 'due5' : left <= 10 ? 'due10' : 'later';
  };
  const BUCKETS = [
    ['overdue', '已逾期'],
    ['due5', '5个工作日内到期'],
    ['due10', '6—10个工作日内到期'],
    ['later', '10个工作日以后到期'],
    ['unknown', '期限待定（待确认收到或日历缺失）'],
  ] as const;
  const openByDue = BUCKETS.map(([key, label]) => ({
    key,
    label,
    count: open.filter((a) => bucket(a) === key).length,
  }));

  const categories = [...new Set(input.items.map((i) => i.category ?? '未分类'))];
  const publicationsByCategory = categories
    .map((c) => ({
      key: c,
      label: c,
      count: input.items.filter((i) => (i.category ?? '未分类') === c).length,
    }))
    .sort((a, b) => b.count - a.count);
  const publicationsByMonth = months(year).map((m) => ({
    month: m,
    count: input.items.filter((i) => i.publishedOn.startsWith(m)).length,
  }));
  const publicationsLate = input.items.filter(
    (i) => i.publishDueOn !== null && i.publishedOn > i.publishDueOn,
  ).length;

  return {
    year,
    applicationsByMonth,
    byChannel,
    byApplicantType,
    byOutcome,
    timeliness: {
      closed: closed.length,
      onTime,
      late,
      onTimeRate: onTime + late > 0 ? Math.round((onTime / (onTime + late)) * 1000) / 10 : null,
      avgWorkingDays: daysN > 0 ? Math.round((daysSum / daysN) * 10) / 10 : null,
    },
    openByDue,
    correctionNotices: {
      total: input.correctionNotices?.length ?? 0,
      late: input.correctionNotices?.filter((n) => n.late).length ?? 0,
    },
    publicationsByCategory,
    publicationsByMonth,
    publicationsLate,
  };
}
