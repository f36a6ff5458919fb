import { memo } from 'react';
import { monthWeeks, WEEKDAY_LABELS } from '../../lib/calendar';
import type { CalendarDay } from '../../types/calendar';
import { presentDay } from './dayStyle';

interface MonthGridProps {
  year: number;
  /** 0-based */
  month: number;
  entriesByDate: Map<string, CalendarDay[]>;
  onPick: (date: string) => void;
}

const NONE: CalendarDay[] = [];

export const MonthGrid = memo(function MonthGrid({ year, month, entriesByDate, onPick }: MonthGridProps) {
  return (
    <table className="cal-month">
      <caption>{month + 1} 月</caption>
      <thead>
        <tr>
          {WEEKDAY_LABELS.map((w) => (
            <th key={w} scope="col" abbr={`星期${w}`}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week) => (
          <tr key={week.find((c) => c.date !== null)?.date}>
            {week.map(({ key, date }) => {
              if (!date) return <td key={key} />;
              const view = presentDay(date, entriesByDate.get(date) ?? NONE);
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={view.className}
                    title={view.label}
                    aria-label={view.label}
                    onClick={() => onPick(date)}
                  >
                    {Number(date.slice(8))}
                    {view.mark && (
                      <span className="cal-mark" aria-hidden>
                        {view.mark}
                      </span>
                    )}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
