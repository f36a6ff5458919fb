/**
 * R.26: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开"
 * (《县局政务公开制度汇编》 art.4). The due date is a pure function of (generated-or-changed date, working days,
 * calendar); the start day is excluded (Civil Code art. 201, see calendar/working-days.ts).
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';

export type ClockState = 'on_time' | 'due_soon' | 'overdue' | 'done';

export function publicationDueDate(cal: WorkingCalendar, generatedOrChangedOn: string, days: number): string {
  return cal.addWorkingDays(generatedOrChangedOn, days);
}

/**
 * Where an unpublished item stands on `today`: overdue after the due date, due soon when at most
 * `soonDays` working days remain (the rule profile's first reminder), on time otherwise.
 */
export function publicationClockState(
  cal: WorkingCalendar,
  today: string,
  due: string,
  soonDays: number,
  published: boolean,
): { state: ClockState; workingDaysLeft: number } {
  const left = cal.workingDaysLeft(today, due);
  if (published) return { state: 'done', workingDaysLeft: left };
  if (left < 0) return { state: 'overdue', workingDaysLeft: left };
  return { state: left <= soonDays ? 'due_soon' : 'on_time', workingDaysLeft: left };
}
