/**
 * Working-day arithmetic on the Chinese official calendar — pure functions of (date, days, calendar).
 *
 * A working day (工作日) is Monday–Friday, minus statutory holidays (法定节假日, 《全国年节及纪念日放假办法》),
 * plus make-up working days (调休上班) announced each year by the State Council General Office.
 * Local holidays of an agency's region (e.g. an autonomous prefecture's 火把节) are layered on top.
 *
 * Counting follows Civil Code art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算" —
 * the start day is excluded, and a period of N working days ends on the Nth working day after it.
 * Art. 203 (a period ending on a holiday ends the next working day) is implied: only working days count.
 *
 * A year without confirmed data is refused (CALENDAR_YEAR_MISSING): it is never assumed to be a plain
 * Monday–Friday year, because that silently produces wrong statutory deadlines.
 */
import { AppError } from '../shared/app-error.ts';
import { addDays, isValidIsoDate, weekday, yearOf } from '../shared/dates.ts';

export type SpecialDayKind = 'holiday' | 'workday';

export interface SpecialDay {
  date: string;
  kind: SpecialDayKind;
  name: string;
  /** null for the national calendar, else the agency whose local rule this is */
  agencyId: number | null;
}

export class WorkingCalendar {
  private readonly special: ReadonlyMap<string, SpecialDay>;

  /**
   * @param confirmedYears years whose official schedule has been entered
   * @param days national days first, then local days (a local day overrides the national one)
   */
  constructor(
    readonly confirmedYears: ReadonlySet<number>,
    days: Iterable<SpecialDay>,
  ) {
    const m = new Map<string, SpecialDay>();
    for (const d of days) {
      const prev = m.get(d.date);
      if (!prev || prev.agencyId === null || d.agencyId !== null) m.set(d.date, d);
    }
    this.special = m;
  }

  hasYear(year: number): boolean {
    return this.confirmedYears.has(year);
  }

  private assertYear(date: string): void {
    if (!isValidIsoDate(date)) throw new AppError('CALENDAR_INVALID_DATE', { detail: { date } });
    const y = yearOf(date);
    if (!this.confirmedYears.has(y)) {
      throw new AppError('CALENDAR_YEAR_MISSING', {
        message: `${y} 年的法定节假日安排尚未录入，无法按工作日计算期限。请管理员在“工作日历”中导入或录入国务院办公厅关于 ${y} 年部分节假日安排的通知。`,
        detail: { year: y },
      });
    }
  }

  /** What kind of day this is, with the holiday's name. Throws for a year without data. */
  describe(date: string): { working: boolean; reason: string } {
    this.assertYear(date);
    const s = this.special.get(date);
    if (s)
      return { working: s.kind === 'workday', reason: s.kind === 'workday' ? `${s.name}调休上班` : s.name };
    const wd = weekday(date);
    return wd === 0 || wd === 6 ? { working: false, reason: '周末' } : { working: true, reason: '工作日' };
  }

  isWorkingDay(date: string): boolean {
    this.assertYear(date);
    return this.workingUnchecked(date);
  }

  /** For dates already validated: only the year's presence is checked (cheap), not the format. */
  private workingUnchecked(date: string): boolean {
    if (!this.confirmedYears.has(yearOf(date))) this.assertYear(date);
    const s = this.special.get(date);
    if (s) return s.kind === 'workday';
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** The Nth working day after `start` (start excluded, Civil Code art. 201). N = 0 returns start. */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    this.assertYear(start);
    let d = start;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.workingUnchecked(d)) left--;
    }
    return d;
  }

  /**
   * Working days in the half-open interval (from, to]: the days elapsed after `from` up to and
   * including `to`. Negative when `to` is before `from`. Satisfies
   * workingDaysBetween(s, addWorkingDays(s, n)) === n.
   */
  workingDaysBetween(from: string, to: string): number {
    this.assertYear(from);
    this.assertYear(to);
    if (to === from) return 0;
    const forward = to > from;
    const [a, b] = forward ? [from, to] : [to, from];
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.workingUnchecked(d)) count++;
    return forward ? count : -count;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself when it is a working day, else the next one. */
  onOrNextWorkingDay(date: string): string {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** Working days left from `today` until `due` (0 on the due day, negative once overdue). */
  workingDaysLeft(today: string, due: string): number {
    return this.workingDaysBetween(today, due);
  }
}

/** Counts of working days in a year (used by `calendar check`: 2024 → 251, 2025 → 248, 2026 → 248). */
export function workingDaysInYear(cal: WorkingCalendar, year: number): number {
  let n = 0;
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}
