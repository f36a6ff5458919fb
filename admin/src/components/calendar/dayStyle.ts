import { isWeekend } from '../../lib/calendar';
import type { CalendarDay } from '../../types/calendar';

const DATE_LABEL = new Intl.DateTimeFormat('zh-CN', {
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  timeZone: 'UTC',
});

export interface DayPresentation {
  className: string;
  /** 休 / 班 / empty */
  mark: string;
  /** full description for screen readers and the tooltip */
  label: string;
}

/** How a date looks: a special arrangement wins over the weekday; local ones are marked as such. */
export function presentDay(date: string, entries: CalendarDay[]): DayPresentation {
  const entry = entries.find((e) => e.agencyId === null) ?? entries[0];
  const dateLabel = DATE_LABEL.format(new Date(`${date}T00:00:00Z`));
  const classes = ['cal-day'];
  if (!entry) {
    const weekend = isWeekend(date);
    if (weekend) classes.push('cal-day--weekend');
    return {
      className: classes.join(' '),
      mark: '',
      label: `${dateLabel}，${weekend ? '周末休息' : '工作日'}`,
    };
  }
  classes.push(entry.kind === 'holiday' ? 'cal-day--holiday' : 'cal-day--workday');
  if (entry.agencyId !== null) classes.push('cal-day--local');
  const kindText = entry.kind === 'holiday' ? '放假' : '调休上班';
  const scope = entry.agencyId !== null ? `（${entry.agencyName ?? '地方'}）` : '';
  const more = entries.length > 1 ? `，另有 ${entries.length - 1} 条地方安排` : '';
  return {
    className: classes.join(' '),
    mark: entry.kind === 'holiday' ? '休' : '班',
    label: `${dateLabel}，${entry.name}${scope}${kindText}${more}`,
  };
}
