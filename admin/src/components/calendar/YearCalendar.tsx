import { useMemo } from 'react';
import type { CalendarDay } from '../../types/calendar';
import { MonthGrid } from './MonthGrid';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

export function YearCalendar({
  year,
  days,
  onPick,
}: {
  year: number;
  days: CalendarDay[];
  onPick: (date: string) => void;
}) {
  const entriesByDate = useMemo(() => {
    const map = new Map<string, CalendarDay[]>();
    for (const d of days) map.set(d.date, [...(map.get(d.date) ?? []), d]);
    return map;
  }, [days]);
  return (
    <div className="cal-grid">
      {MONTHS.map((m) => (
        <MonthGrid key={m} year={year} month={m} entriesByDate={entriesByDate} onPick={onPick} />
      ))}
    </div>
  );
}
