/** The procedure limits of the statutory clock (procedure-limits.ts; docs/rules.md §3), on the real 2025 calendar. */
import { describe, expect, it } from 'vitest';
import { REGULATION_2019 } from '../agencies/rule-profile.ts';
import { packagedSchedule } from '../calendar/calendar-sources.ts';
import { WorkingCalendar } from '../calendar/working-days.ts';
import {
  correctionNoticeAllowed,
  correctionNoticeLate,
  correctionReceiptProblem,
  extensionProblem,
  latestStep,
  stepDateProblem,
} from './procedure-limits.ts';

const cal = new WorkingCalendar(
  new Set([2025]),
  packagedSchedule(2025)!.days.map((d) => ({ ...d, agencyId: null })),
);

describe('R.30 补正', () => {
  it('R.30: a notice within 7 working days of receipt is on time; on the 8th working day it is late (National Day not counted, make-up days counted)', () => {
    // received Friday 2025-09-26; working days after it: 9-28 (make-up Sunday), 9-29, 9-30, then
    // 10-9, 10-10, 10-11 (make-up Saturday), 10-13 = the 7th, 10-14 = the 8th
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7);
    expect(correctionNoticeLate(cal, REGULATION_2019, '2025-09-26', '2025-10-10')).toBe(false);
    expect(correctionNoticeLate(cal, REGULATION_2019, '2025-09-26', '2025-10-13')).toBe(false);
    expect(correctionNoticeLate(cal, REGULATION_2019, '2025-09-26', '2025-10-14')).toBe(true);
  });
  it('R.30 一次性告知: only the first correction notice is allowed', () => {
    expect(correctionNoticeAllowed(0)).toBe(true);
    expect(correctionNoticeAllowed(1)).toBe(false);
  });
  it('R.30: the corrected application cannot be received before the notice nor after today', () => {
    expect(correctionReceiptProblem('2025-10-09', '2025-10-08', '2025-10-20')).toBe('before_notice');
    expect(correctionReceiptProblem('2025-10-09', '2025-10-09', '2025-10-20')).toBeNull();
    expect(correctionReceiptProblem('2025-10-09', '2025-10-21', '2025-10-20')).toBe('in_future');
  });
});

describe('R.33 ¶2 延长答复期限', () => {
  it('R.33: allowed while the reply period runs, up to and including its last day; refused after expiry or while paused', () => {
    expect(extensionProblem({ state: 'open', dueDate: '2025-10-30' }, '2025-10-30')).toBeNull();
    expect(extensionProblem({ state: 'open', dueDate: '2025-10-30' }, '2025-10-31')).toBe('expired');
    expect(extensionProblem({ state: 'paused', dueDate: '2025-10-30' }, '2025-10-20')).toBe('not_running');
    expect(extensionProblem({ state: 'met', dueDate: '2025-10-30' }, '2025-10-20')).toBe('not_running');
    expect(extensionProblem(undefined, '2025-10-20')).toBe('not_running');
  });
});

describe('paper steps recorded afterwards', () => {
  it('the real date lies between the previous recorded step (same day allowed) and today', () => {
    expect(stepDateProblem('2025-10-10', '2025-10-09', '2025-10-15')).toBeNull();
    expect(stepDateProblem('2025-10-09', '2025-10-09', '2025-10-15')).toBeNull();
    expect(stepDateProblem('2025-10-08', '2025-10-09', '2025-10-15')).toBe('before_previous');
    expect(stepDateProblem('2025-10-16', '2025-10-09', '2025-10-15')).toBe('in_future');
    expect(latestStep(['2025-09-26', null, '2025-10-09', undefined, '2025-10-01'])).toBe('2025-10-09');
    expect(latestStep([null])).toBeNull();
  });
});
