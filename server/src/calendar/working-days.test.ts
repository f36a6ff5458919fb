/**
 * Working-day arithmetic on the official 2024–2026 calendar (国务院办公厅节假日安排通知), built from the
 * packaged `chinese-days` data exactly as the service builds it: national days have agencyId null,
 * and only 2024, 2025 and 2026 are confirmed.
 *
 * Counting convention (《民法典》第二百零一条): Civil Code art. 201 — the start day is excluded and a
 * period of N working days ends on the Nth working day after it; art. 203 is implied because only
 * working days count.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import { addDays, weekday } from '../shared/dates.ts';
import { packagedSchedule } from './calendar-sources.ts';
import { type SpecialDay, WorkingCalendar, workingDaysInYear } from './working-days.ts';

const YEARS = [2024, 2025, 2026];

function nationalDays(): SpecialDay[] {
  return YEARS.flatMap((y) => {
    const s = packagedSchedule(y);
    if (!s) throw new Error(`packaged data has no ${y}`);
    return s.days.map((d) => ({ ...d, agencyId: null }));
  });
}

const NATIONAL = nationalDays();
const cal = new WorkingCalendar(new Set(YEARS), NATIONAL);

/** The error a call throws (or fails the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned normally');
}

function appErrorCode(fn: () => unknown): string {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
}

function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('official holiday tables (国务院办公厅节假日安排通知) as seen through the calendar', () => {
  // [year, holiday, first day off, last day off, make-up working days]
  const TABLE: [number, string, string, string, string[]][] = [
    [2024, '春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
    [2024, '清明', '2024-04-04', '2024-04-06', ['2024-04-07']],
    [2024, '劳动节', '2024-05-01', '2024-05-05', ['2024-04-28', '2024-05-11']],
    [2024, '中秋', '2024-09-15', '2024-09-17', ['2024-09-14']],
    [2024, '国庆', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
    [2025, '元旦', '2025-01-01', '2025-01-01', []],
    [2025, '春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    [2025, '清明', '2025-04-04', '2025-04-06', []],
    [2025, '劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
    [2025, '端午', '2025-05-31', '2025-06-02', []],
    [2025, '国庆+中秋', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
    [2026, '元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    [2026, '春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    [2026, '清明', '2026-04-04', '2026-04-06', []],
    [2026, '劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
    [2026, '端午', '2026-06-19', '2026-06-21', []],
    [2026, '中秋', '2026-09-25', '2026-09-27', []],
    [2026, '国庆', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ];

  it.each(TABLE)('%i %s: %s – %s off, make-up working days %j', (_y, _name, first, last, makeUps) => {
    for (const d of daysFrom(first, last)) expect(cal.isWorkingDay(d), d).toBe(false);
    for (const d of makeUps) {
      // every make-up day falls on a weekend, and counts as a working day
      expect([0, 6], d).toContain(weekday(d));
      expect(cal.isWorkingDay(d), d).toBe(true);
    }
  });

  it('2024-02-09 (除夕) is not an official holiday in 2024: it is an ordinary Friday working day', () => {
    expect(cal.isWorkingDay('2024-02-09')).toBe(true);
  });

  it('working days per year match the official counts: 2024 → 251, 2025 → 248, 2026 → 248', () => {
    expect(workingDaysInYear(cal, 2024)).toBe(251);
    expect(workingDaysInYear(cal, 2025)).toBe(248);
    expect(workingDaysInYear(cal, 2026)).toBe(248);
  });
});

describe('2025 National Day + Mid-Autumn week (10-1 – 10-8 off; 9-28 Sun and 10-11 Sat worked)', () => {
  it('every day from 10-1 to 10-8 is a holiday; 9-28 (Sun) and 10-11 (Sat) are make-up working days', () => {
    for (const d of daysFrom('2025-10-01', '2025-10-08')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(weekday('2025-09-28')).toBe(0);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(weekday('2025-10-11')).toBe(6);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    // the ordinary weekends around the holiday stay rest days
    expect(cal.isWorkingDay('2025-09-27')).toBe(false);
    expect(cal.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('describe() names the holiday and the make-up day', () => {
    expect(cal.describe('2025-10-01')).toEqual({ working: false, reason: '国庆节' });
    expect(cal.describe('2025-10-11')).toEqual({ working: true, reason: '国庆节调休上班' });
    expect(cal.describe('2025-10-12')).toEqual({ working: false, reason: '周末' });
    expect(cal.describe('2025-10-13')).toEqual({ working: true, reason: '工作日' });
  });

  it('Civil Code art. 201: 5 working days from Fri 2025-09-26 end on Fri 2025-10-10 (9-28, 9-29, 9-30, 10-9, 10-10)', () => {
    expect(cal.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
  });

  it('R.33 (art. 33): a 20-working-day reply period received Thu 2025-09-25 is due Wed 2025-10-29', () => {
    // Counted by hand from 国办发明电〔2024〕12号, start day excluded (Civil Code art. 201):
    // 9-26(1) 9-28 Sun make-up(2) 9-29(3) 9-30(4) | 10-1..10-8 off | 10-9(5) 10-10(6) 10-11 Sat make-up(7)
    // 10-13..10-17 (8–12) 10-20..10-24 (13–17) 10-27(18) 10-28(19) 10-29(20)
    expect(cal.addWorkingDays('2025-09-25', 20)).toBe('2025-10-29');
    expect(cal.workingDaysBetween('2025-09-25', '2025-10-29')).toBe(20);
  });

  it('the period ending just before the holiday is not stretched: 3 working days from 2025-09-25 end on 9-29', () => {
    expect(cal.addWorkingDays('2025-09-25', 3)).toBe('2025-09-29');
  });

  it('nextWorkingDay skips the whole holiday week and lands on the make-up Sunday when it comes first', () => {
    expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(cal.nextWorkingDay('2025-10-03')).toBe('2025-10-09');
    expect(cal.nextWorkingDay('2025-09-26')).toBe('2025-09-28');
    expect(cal.nextWorkingDay('2025-10-10')).toBe('2025-10-11');
  });

  it('onOrNextWorkingDay keeps a working day (even a make-up weekend day) and moves a holiday forward', () => {
    expect(cal.onOrNextWorkingDay('2025-10-11')).toBe('2025-10-11');
    expect(cal.onOrNextWorkingDay('2025-09-28')).toBe('2025-09-28');
    expect(cal.onOrNextWorkingDay('2025-10-01')).toBe('2025-10-09');
    expect(cal.onOrNextWorkingDay('2025-10-12')).toBe('2025-10-13');
    expect(cal.onOrNextWorkingDay('2025-10-15')).toBe('2025-10-15');
  });
});

describe('2026 Spring Festival (2-15 – 2-23 off; 2-14 Sat and 2-28 Sat worked)', () => {
  it('2-15 to 2-23 are holidays; 2-14 and 2-28 (Saturdays) are working days', () => {
    for (const d of daysFrom('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('R.33: 20 working days from Tue 2026-02-10 are due Mon 2026-03-16', () => {
    // 2-11(1) 2-12(2) 2-13(3) 2-14 Sat make-up(4) | 2-15..2-23 off | 2-24(5) 2-25(6) 2-26(7) 2-27(8)
    // 2-28 Sat make-up(9) 3-2..3-6 (10–14) 3-9..3-13 (15–19) 3-16(20)
    expect(cal.addWorkingDays('2026-02-10', 20)).toBe('2026-03-16');
  });

  it('R.33: 20 working days from Fri 2026-02-13 are due Thu 2026-03-19', () => {
    // 2-14 Sat make-up(1) | 2-15..2-23 off | 2-24..2-27 (2–5) 2-28(6) 3-2..3-6 (7–11) 3-9..3-13 (12–16)
    // 3-16(17) 3-17(18) 3-18(19) 3-19(20)
    expect(cal.addWorkingDays('2026-02-13', 20)).toBe('2026-03-19');
  });

  it('Civil Code art. 201: a 1-working-day period starting Fri 2026-02-13 ends on the make-up Saturday 2-14', () => {
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });
});

describe('2026 New Year (1-1 – 1-3 off, 1-4 Sun worked)', () => {
  it('1-1, 1-2, 1-3 are holidays and Sunday 1-4 is a make-up working day', () => {
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.isWorkingDay('2026-01-03')).toBe(false);
    expect(weekday('2026-01-04')).toBe(0);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
  });

  it('a period crossing from 2025 into 2026 uses both years: 1 working day after Wed 2025-12-31 is Sun 2026-01-04', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
  });
});

describe('a year without confirmed data is refused, never treated as plain Monday–Friday', () => {
  function expectYearMissing(fn: () => unknown, year: number): void {
    const e = thrown(fn);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('CALENDAR_YEAR_MISSING');
    expect((e as AppError).detail).toEqual({ year });
  }

  it('2027 (no State Council notice in the data) is refused by isWorkingDay, describe and onOrNextWorkingDay', () => {
    expect(cal.hasYear(2027)).toBe(false);
    // 2027-01-04 is a Monday: a Monday–Friday fallback would call it a working day
    expectYearMissing(() => cal.isWorkingDay('2027-01-04'), 2027);
    expectYearMissing(() => cal.describe('2027-10-01'), 2027);
    expectYearMissing(() => cal.onOrNextWorkingDay('2027-03-01'), 2027);
  });

  it('addWorkingDays crossing into 2027 is refused (20 working days from 2026-12-20)', () => {
    expectYearMissing(() => cal.addWorkingDays('2026-12-20', 20), 2027);
    expectYearMissing(() => cal.nextWorkingDay('2026-12-31'), 2027);
  });

  it('periods that end inside 2026 are still computed near the year end', () => {
    expect(cal.addWorkingDays('2026-12-20', 5)).toBe('2026-12-25');
    expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('workingDaysBetween with either end in 2027 is refused', () => {
    expectYearMissing(() => cal.workingDaysBetween('2026-12-01', '2027-01-15'), 2027);
    expectYearMissing(() => cal.workingDaysBetween('2027-01-15', '2026-12-01'), 2027);
    expectYearMissing(() => cal.workingDaysLeft('2026-12-30', '2027-01-05'), 2027);
  });

  it('2023 is refused when it is not a confirmed year, even though 2024 is', () => {
    expect(cal.hasYear(2023)).toBe(false);
    expectYearMissing(() => cal.isWorkingDay('2023-12-29'), 2023);
    expectYearMissing(() => cal.addWorkingDays('2023-12-29', 1), 2023);
    expectYearMissing(() => cal.workingDaysBetween('2023-12-29', '2024-01-02'), 2023);
  });

  it('the message tells the administrator which year to import', () => {
    const e = thrown(() => cal.isWorkingDay('2027-01-04')) as AppError;
    expect(e.message).toContain('2027');
  });
});

describe('Civil Code art. 201: the start day is excluded', () => {
  it('a 1-working-day period starting Friday 2025-03-07 before an ordinary weekend ends Monday 2025-03-10', () => {
    expect(weekday('2025-03-07')).toBe(5);
    expect(cal.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  it('a period starting on a working Monday does not count the Monday itself', () => {
    expect(cal.addWorkingDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(cal.addWorkingDays('2025-03-10', 5)).toBe('2025-03-17');
  });

  it('a period starting on a holiday counts from the next working day', () => {
    // received during the Spring Festival 2025: first counted day is the make-up Saturday 2-8
    expect(cal.addWorkingDays('2025-02-01', 1)).toBe('2025-02-05');
    expect(cal.addWorkingDays('2025-02-04', 1)).toBe('2025-02-05');
    expect(cal.addWorkingDays('2025-02-07', 1)).toBe('2025-02-08');
  });

  it('addWorkingDays(d, 0) === d, even when d is not a working day', () => {
    for (const d of ['2025-03-07', '2025-03-08', '2025-10-01', '2026-02-14', '2024-12-31']) {
      expect(cal.addWorkingDays(d, 0)).toBe(d);
    }
  });

  it('workingDaysBetween counts the half-open interval (from, to] and is negative backwards', () => {
    expect(cal.workingDaysBetween('2025-03-07', '2025-03-07')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-07', '2025-03-09')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(cal.workingDaysBetween('2025-10-10', '2025-09-26')).toBe(-5);
  });

  it('workingDaysLeft is 0 on the due day and negative once overdue', () => {
    const due = cal.addWorkingDays('2025-09-25', 20);
    expect(cal.workingDaysLeft('2025-09-25', due)).toBe(20);
    expect(cal.workingDaysLeft(due, due)).toBe(0);
    expect(cal.workingDaysLeft('2025-10-31', due)).toBe(-2);
  });

  it('for every start day of 2025 and n ∈ {1, 7, 15, 20}: workingDaysBetween(s, addWorkingDays(s, n)) === n, and the due day is the first such day', () => {
    // 7: art. 30 correction notice; 15: art. 32 third-party consultation; 20: art. 33 reply
    let checked = 0;
    for (let s = '2025-01-01'; s <= '2025-12-31'; s = addDays(s, 1)) {
      for (const n of [1, 7, 15, 20]) {
        const due = cal.addWorkingDays(s, n);
        expect(cal.workingDaysBetween(s, due), `${s} + ${n}`).toBe(n);
        expect(cal.workingDaysBetween(due, s), `${due} - ${s}`).toBe(-n);
        expect(cal.isWorkingDay(due), `${s} + ${n} = ${due}`).toBe(true);
        expect(cal.workingDaysBetween(s, addDays(due, -1)), `${s} + ${n}: day before ${due}`).toBe(n - 1);
        checked++;
      }
    }
    expect(checked).toBe(365 * 4);
  });
});

describe('local holidays of an agency layered on the national calendar', () => {
  const AGENCY = 5;
  const localHoliday: SpecialDay = {
    date: '2025-07-16',
    kind: 'holiday',
    name: '地方节日',
    agencyId: AGENCY,
  };

  it('a local holiday on an ordinary weekday shifts a deadline by one working day', () => {
    const local = new WorkingCalendar(new Set(YEARS), [...NATIONAL, localHoliday]);
    expect(weekday('2025-07-16')).toBe(3);
    expect(cal.isWorkingDay('2025-07-16')).toBe(true);
    expect(local.isWorkingDay('2025-07-16')).toBe(false);
    expect(local.describe('2025-07-16')).toEqual({ working: false, reason: '地方节日' });
    // 5 working days from Mon 2025-07-14: national 7-21, local 7-22
    expect(cal.addWorkingDays('2025-07-14', 5)).toBe('2025-07-21');
    expect(local.addWorkingDays('2025-07-14', 5)).toBe('2025-07-22');
    // R.33: 20 working days from 2025-07-14: national 8-11, local 8-12
    expect(cal.addWorkingDays('2025-07-14', 20)).toBe('2025-08-11');
    expect(local.addWorkingDays('2025-07-14', 20)).toBe('2025-08-12');
    expect(workingDaysInYear(local, 2025)).toBe(247);
  });

  it('a local holiday overrides a national make-up working day on the same date, whatever the input order', () => {
    const onMakeUp: SpecialDay = { date: '2025-09-28', kind: 'holiday', name: '地方节日', agencyId: AGENCY };
    const nationalFirst = new WorkingCalendar(new Set(YEARS), [...NATIONAL, onMakeUp]);
    const localFirst = new WorkingCalendar(new Set(YEARS), [onMakeUp, ...NATIONAL]);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(nationalFirst.isWorkingDay('2025-09-28')).toBe(false);
    expect(localFirst.isWorkingDay('2025-09-28')).toBe(false);
    // 5 working days from Fri 2025-09-26: national 10-10, local 10-11 (the make-up Saturday)
    expect(nationalFirst.addWorkingDays('2025-09-26', 5)).toBe('2025-10-11');
    expect(localFirst.addWorkingDays('2025-09-26', 5)).toBe('2025-10-11');
  });

  it("a local 'workday' on a national holiday makes that day a working day for the agency only", () => {
    const localWork: SpecialDay = { date: '2025-10-08', kind: 'workday', name: '地方安排', agencyId: AGENCY };
    const local = new WorkingCalendar(new Set(YEARS), [...NATIONAL, localWork]);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(local.isWorkingDay('2025-10-08')).toBe(true);
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(local.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08');
    expect(local.workingDaysBetween('2025-09-30', '2025-10-10')).toBe(3);
  });

  it('a local day does not make a missing year available', () => {
    const local = new WorkingCalendar(new Set(YEARS), [
      ...NATIONAL,
      { date: '2027-01-04', kind: 'workday', name: '地方安排', agencyId: AGENCY },
    ]);
    expect(appErrorCode(() => local.isWorkingDay('2027-01-04'))).toBe('CALENDAR_YEAR_MISSING');
  });
});

describe('bad input', () => {
  it('an invalid date string is refused with CALENDAR_INVALID_DATE', () => {
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '2025-1-5',
      '20250105',
      'not-a-date',
      '',
      '2025-10-01T00:00:00Z',
    ]) {
      expect(
        appErrorCode(() => cal.isWorkingDay(bad)),
        bad,
      ).toBe('CALENDAR_INVALID_DATE');
    }
    expect(appErrorCode(() => cal.addWorkingDays('2025-02-29', 1))).toBe('CALENDAR_INVALID_DATE');
    expect(appErrorCode(() => cal.addWorkingDays('2025-02-29', 0))).toBe('CALENDAR_INVALID_DATE');
    expect(appErrorCode(() => cal.workingDaysBetween('2025-03-01', '2025-04-31'))).toBe(
      'CALENDAR_INVALID_DATE',
    );
    expect(appErrorCode(() => cal.describe('2025/10/01'))).toBe('CALENDAR_INVALID_DATE');
  });

  it('2024-02-29 (leap day) is valid and a working Thursday', () => {
    expect(cal.isWorkingDay('2024-02-29')).toBe(true);
  });

  it('negative or non-integer working days throw RangeError', () => {
    for (const n of [-1, -20, 1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => cal.addWorkingDays('2025-03-10', n), String(n)).toThrow(RangeError);
    }
  });
});
