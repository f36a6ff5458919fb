export type DayKind = 'holiday' | 'workday';

export interface CalendarYear {
  year: number;
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: string | null;
  importedFrom: string;
  holidayCount: number;
  workdayCount: number;
  workingDays: number;
}

export interface CalendarYearList {
  items: CalendarYear[];
  missingNextYear: boolean;
  nextYear: number;
}

export interface CalendarDay {
  id: number;
  date: string;
  kind: DayKind;
  name: string;
  agencyId: number | null;
  agencyName: string | null;
  note: string | null;
}

export interface CalendarYearDetail {
  year: number;
  days: CalendarDay[];
}

export interface NewDay {
  date: string;
  kind: DayKind;
  name: string;
}
