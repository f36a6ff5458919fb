import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-days.ts';
import {
  addMonths,
  appealFiledInTime,
  appealPeriods,
  canMoveService,
  liveRecord,
  serviceDateProblem,
  serviceDueOn,
  servedOnApplicant,
  servedRecord,
} from './service-record.ts';

const holiday = (date: string) => ({ date, kind: 'holiday' as const, name: '劳动节', agencyId: null });
// 2026: 1–5 May off (Labour Day), otherwise plain weeks
const cal = new WorkingCalendar(new Set([2026]), ['2026-05-01', '2026-05-04', '2026-05-05'].map(holiday));
const rules = { reconsiderationDays: 60, litigationMonths: 6 };

describe('送达 date arithmetic (《民法典》第二百零一条至第二百零三条)', () => {
  it('months: the corresponding day, or the month’s last day when there is none', () => {
    expect(addMonths('2026-03-05', 6)).toBe('2026-09-05');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('60 days for 行政复议 and 6 months for 行政诉讼 from the day after service; an end on a rest day or holiday moves to the next working day', () => {
    const p = appealPeriods('2026-03-05', rules, cal);
    // 5 March + 60 days = Monday 4 May, a holiday; 5 May too → Wednesday 6 May
    expect(p.reconsideration).toEqual({ until: '2026-05-06', calendarChecked: true });
    // 5 September 2026 is a Saturday → Monday 7 September
    expect(p.litigation).toEqual({ until: '2026-09-07', calendarChecked: true });
    expect(appealPeriods('2026-02-01', rules, cal).reconsideration).toEqual({
      until: '2026-04-02',
      calendarChecked: true,
    });
  });

  it('a year without calendar data keeps the plain end and says so', () => {
    const p = appealPeriods('2026-10-10', rules, cal);
    expect(p.litigation).toEqual({ until: '2027-04-10', calendarChecked: false });
    expect(appealPeriods('2026-03-05', rules, null).reconsideration).toEqual({
      until: '2026-05-04',
      calendarChecked: false,
    });
  });

  it('appeals filed in time: reconsideration and direct litigation from the date of service; after reconsideration and before service unknown', () => {
    const p = appealPeriods('2026-03-05', rules, cal);
    expect(appealFiledInTime('reconsideration', '2026-05-06', p)).toBe(true);
    expect(appealFiledInTime('reconsideration', '2026-05-07', p)).toBe(false);
    expect(appealFiledInTime('litigation_direct', '2026-09-07', p)).toBe(true);
    expect(appealFiledInTime('litigation_direct', '2026-09-08', p)).toBe(false);
    expect(appealFiledInTime('litigation_after_reconsideration', '2026-04-01', p)).toBeNull();
    expect(appealFiledInTime('reconsideration', '2026-04-01', null)).toBeNull();
  });

  it('service due: N working days after issue; null without calendar data', () => {
    expect(serviceDueOn('2026-04-28', 5, cal)).toBe('2026-05-08');
    expect(serviceDueOn('2026-12-28', 5, cal)).toBeNull();
  });

  it('records: transitions, the serving and the live record, letters to third parties are not served on the applicant', () => {
    expect(canMoveService('dispatched', 'served')).toBe(true);
    expect(canMoveService('dispatched', 'failed')).toBe(true);
    expect(canMoveService('served', 'failed')).toBe(false);
    expect(canMoveService('failed', 'served')).toBe(false);
    const rs = [
      { state: 'failed', servedOn: null },
      { state: 'served', servedOn: '2026-03-05' },
    ];
    expect(servedRecord(rs)?.servedOn).toBe('2026-03-05');
    expect(liveRecord(rs)).toBe(rs[1]);
    expect(liveRecord([rs[0]!])).toBeUndefined();
    expect(servedOnApplicant('reply')).toBe(true);
    expect(servedOnApplicant('third_party_consultation')).toBe(false);
    expect(serviceDateProblem('d', '签收日期', '2026-02-30', '2026-01-01', '2026-03-01')?.message).toBe(
      '日期格式不正确',
    );
    expect(serviceDateProblem('d', '签收日期', '2025-12-31', '2026-01-01', '2026-03-01')?.message).toContain(
      '不能早于',
    );
    expect(serviceDateProblem('d', '签收日期', '2026-03-02', '2026-01-01', '2026-03-01')?.message).toBe(
      '不能晚于今天',
    );
    expect(serviceDateProblem('d', '签收日期', '2026-03-01', '2026-01-01', '2026-03-01')).toBeNull();
  });
});
