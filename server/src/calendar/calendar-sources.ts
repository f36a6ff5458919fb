/**
 * Importing the official schedule from the `chinese-days` package data (which matched every day of
 * 2024–2026 against the State Council notices; 国务院办公厅节假日安排通知). Each year records its source
 * notice. The package falls back to plain Monday–Friday outside its data; we only import years
 * that are present in its data, and refuse the rest.
 */
import { createRequire } from 'node:module';
import type { SpecialDayKind } from './working-days.ts';

const require = createRequire(import.meta.url);

export interface YearSchedule {
  year: number;
  sourceTitle: string;
  sourceDocumentNo: string | null;
  sourceUrl: string | null;
  publishedOn: string | null;
  days: { date: string; kind: SpecialDayKind; name: string }[];
}

/** Notices we have verified (国务院办公厅节假日安排通知). Other years cite the notice by its standard title. */
const KNOWN_NOTICES: Record<number, Pick<YearSchedule, 'sourceDocumentNo' | 'sourceUrl' | 'publishedOn'>> = {
  2024: {
    sourceDocumentNo: '国办发明电〔2023〕7号',
    sourceUrl: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    publishedOn: '2023-10-25',
  },
  2025: {
    sourceDocumentNo: '国办发明电〔2024〕12号',
    sourceUrl: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    publishedOn: '2024-11-12',
  },
  2026: {
    sourceDocumentNo: null,
    sourceUrl: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    publishedOn: '2025-11-04',
  },
};

export const CHINESE_DAYS_VERSION = (require('chinese-days/package.json') as { version: string }).version;

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function load(): ChineseDaysData {
  return require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
}

/** "Spring Festival,春节,4" → 春节 */
function chineseName(v: string): string {
  const parts = v.split(',');
  return (parts[1] ?? parts[0] ?? '').trim() || '节假日';
}

export function packagedYears(): number[] {
  const d = load();
  const years = new Set<number>();
  for (const k of Object.keys(d.holidays)) years.add(Number(k.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

export function packagedSchedule(year: number): YearSchedule | null {
  const d = load();
  const prefix = `${year}-`;
  const days: YearSchedule['days'] = [];
  for (const [date, v] of Object.entries(d.holidays))
    if (date.startsWith(prefix)) days.push({ date, kind: 'holiday', name: chineseName(v) });
  for (const [date, v] of Object.entries(d.workdays))
    if (date.startsWith(prefix)) days.push({ date, kind: 'workday', name: chineseName(v) });
  if (days.length === 0) return null;
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  const known = KNOWN_NOTICES[year];
  return {
    year,
    sourceTitle: `国务院办公厅关于${year}年部分节假日安排的通知`,
    sourceDocumentNo: known?.sourceDocumentNo ?? null,
    sourceUrl: known?.sourceUrl ?? null,
    publishedOn: known?.publishedOn ?? null,
    days,
  };
}
