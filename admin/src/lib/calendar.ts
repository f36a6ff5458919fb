import type { DayKind, NewDay } from '../types/calendar';

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'];

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month + 1)}-${pad(day)}`;
}

function parseIso(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : d;
}

/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(iso: string): number {
  const d = parseIso(iso);
  return d ? (d.getUTCDay() + 6) % 7 : 0;
}

export function isWeekend(iso: string): boolean {
  return weekdayIndex(iso) >= 5;
}

export interface MonthCell {
  key: string;
  /** null pads the first and last week */
  date: string | null;
}

/** The dates of a month (0-based) laid out in Monday-first weeks. */
export function monthWeeks(year: number, month: number): MonthCell[][] {
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = weekdayIndex(isoDate(year, month, 1));
  const cells: MonthCell[] = Array.from({ length: lead }, (_, i) => ({ key: `lead-${i}`, date: null }));
  for (let d = 1; d <= daysInMonth; d++) {
    const date = isoDate(year, month, d);
    cells.push({ key: date, date });
  }
  for (let i = 0; cells.length % 7 !== 0; i++) cells.push({ key: `trail-${i}`, date: null });
  const weeks: MonthCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const KIND_WORDS: Record<string, DayKind> = {
  holiday: 'holiday',
  workday: 'workday',
  休: 'holiday',
  班: 'workday',
};

function* dateRange(from: Date, to: Date): Generator<string> {
  for (let t = from.getTime(); t <= to.getTime(); t += 86_400_000)
    yield new Date(t).toISOString().slice(0, 10);
}

/**
 * Parses pasted lines `2027-01-01 holiday 元旦` (kind: holiday/workday or 休/班). A line may also give a
 * range `2027-02-10~2027-02-16 holiday 春节`. Blank lines and lines starting with # are skipped.
 */
export function parseDayLines(text: string, year: number | null): { days: NewDay[]; errors: string[] } {
  const days: NewDay[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const n = index + 1;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至]\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)\s+(.+)$/.exec(line);
    const kind = m ? KIND_WORDS[m[3]!.toLowerCase()] : undefined;
    if (!m || !kind) {
      errors.push(`第 ${n} 行格式不正确：应为“日期 holiday|workday 名称”`);
      return;
    }
    const from = parseIso(m[1]!);
    const to = m[2] ? parseIso(m[2]) : from;
    if (!from || !to || to < from) {
      errors.push(`第 ${n} 行日期无效`);
      return;
    }
    for (const date of dateRange(from, to)) {
      if (year !== null && !date.startsWith(`${year}-`)) {
        errors.push(`第 ${n} 行的 ${date} 不在 ${year} 年内`);
      } else if (seen.has(date)) {
        errors.push(`第 ${n} 行的 ${date} 重复`);
      } else {
        seen.add(date);
        days.push({ date, kind, name: m[4]!.trim() });
      }
    }
  });
  return { days, errors };
}

/**
 * The statutory holidays a State Council notice arranges (《全国年节及纪念日放假办法》第二条), in the
 * notice's order; the list staff choose a holiday's name from (server/src/calendar/holiday-notice.ts).
 */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export interface FestivalRow {
  name: string;
  from: string | null;
  to: string | null;
  workdays: string[];
}

/** The days of holidays entered one by one (name, first and last day off, make-up working days). */
export function daysOfFestivals(
  rows: FestivalRow[],
  year: number | null,
): { days: NewDay[]; errors: string[] } {
  const days: NewDay[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const push = (date: string, kind: DayKind, name: string) => {
    if (year !== null && !date.startsWith(`${year}-`)) {
      errors.push(`${name}：${date} 不在 ${year} 年内`);
      return;
    }
    const before = seen.get(date);
    if (before) {
      errors.push(`${date} 在“${before}”和“${name}”中重复`);
      return;
    }
    seen.set(date, name);
    days.push({ date, kind, name });
  };
  for (const r of rows) {
    if (!r.name || !r.from || !r.to) continue;
    const from = parseIso(r.from);
    const to = parseIso(r.to);
    if (!from || !to || to < from) {
      errors.push(`${r.name}：放假日期无效`);
      continue;
    }
    for (const date of dateRange(from, to)) push(date, 'holiday', r.name);
    for (const w of r.workdays) {
      if (!isWeekend(w)) errors.push(`${r.name}：调休上班日 ${w} 不是周末`);
      push(w, 'workday', r.name);
    }
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, errors };
}
