/**
 * Reads the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) pasted as text:
 * each numbered section "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
 * gives the days off (放假) and the make-up working days (上班) of one holiday. Pure: the staff
 * preview it and save the days through the calendar API (calendar.api.ts); nothing is stored here.
 * Deadlines counted in working days depend on these days (《政府信息公开条例》第三十三条, docs/rules.md §3).
 */
import type { SpecialDayKind } from './working-days.ts';

/** The statutory holidays a notice arranges (《全国年节及纪念日放假办法》第二条). */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export interface NoticeDay {
  date: string;
  kind: SpecialDayKind;
  name: string;
}

export interface NoticeSection {
  /** the section's heading as written, e.g. 春节 or 国庆节、中秋节 */
  name: string;
  holidays: string[];
  workdays: string[];
  /** "共N天" as stated in the notice, null when not stated */
  statedDays: number | null;
}

export interface NoticeParse {
  year: number | null;
  sourceTitle: string | null;
  sourceDocumentNo: string | null;
  sections: NoticeSection[];
  /** every day off and make-up working day, in date order */
  days: NoticeDay[];
  /** what could not be read or does not add up, in Chinese; empty when the notice reads cleanly */
  problems: string[];
  /** remarks that do not stop saving (e.g. days of another year left out) */
  notes: string[];
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const WEEKDAY_LABEL = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Full-width digits → ASCII; line breaks and spaces dropped (a copied web page wraps anywhere). */
function normalize(text: string): string {
  return (
    text
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      // a numbered section starting a line starts a sentence, even after a title without a full stop
      .replace(/\n[\s\u3000]*(?=[一二三四五六七八九十]{1,2}、)/g, '。')
      .replace(/\s+/g, '')
  );
}

/** 共八天 / 共8天 → 8 */
function statedCount(s: string): number | null {
  const m = /共(\d+|[一二三四五六七八九十]+)天/.exec(s);
  if (!m) return null;
  const v = m[1]!;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === '十') return 10;
  if (v.startsWith('十')) return 10 + (CN_DIGITS[v[1]!] ?? 0);
  if (v.endsWith('十')) return (CN_DIGITS[v[0]!] ?? 0) * 10;
  return CN_DIGITS[v] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

interface DateToken {
  date: string;
  /** the weekday written after the date, e.g. （周四）, if any */
  weekday: number | null;
  /** the text between this date and the next one */
  after: string;
}

/**
 * The dates of a sentence: "2025年12月31日", "1月28日", or "3日" (the month of the previous date),
 * each with the weekday in the parenthesis after it (（农历除夕、周二）).
 */
function datesOf(sentence: string, year: number, problems: string[], where: string): DateToken[] {
  const re = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日([（(][^）)]*[）)])?/g;
  const out: DateToken[] = [];
  let month: number | null = null;
  let y = year;
  let m: RegExpExecArray | null = re.exec(sentence);
  while (m) {
    if (m[1]) y = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    const paren = m[4] ?? '';
    const end = re.lastIndex;
    if (month === null) {
      problems.push(`${where}：“${m[0]}”没有写明月份`);
    } else {
      const date = iso(y, month, Number(m[3]));
      if (!date) problems.push(`${where}：${month}月${m[3]}日不是有效日期`);
      else {
        const w = /(?:周|星期)([一二三四五六日天])/.exec(paren);
        out.push({ date, weekday: w ? (WEEKDAYS[w[1]!] ?? null) : null, after: '' });
      }
    }
    const next = re.exec(sentence);
    if (out.length && month !== null)
      out[out.length - 1]!.after = sentence.slice(end, next ? next.index : undefined);
    m = next;
  }
  return out;
}

/** Reads a pasted notice; `fallbackYear` is used when the title with the year is not pasted. */
export function parseHolidayNotice(text: string, fallbackYear?: number | null): NoticeParse {
  const problems: string[] = [];
  const t = normalize(text);
  const titleMatch = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(t);
  const year = titleMatch ? Number(titleMatch[1]) : (fallbackYear ?? null);
  const docNo = /国办发明电〔\d{4}〕\d+号/.exec(t.replace(/[[［]/g, '〔').replace(/[\]］]/g, '〕'));
  const result: NoticeParse = {
    year,
    sourceTitle: year ? `国务院办公厅关于${year}年部分节假日安排的通知` : null,
    sourceDocumentNo: docNo ? docNo[0] : null,
    sections: [],
    days: [],
    problems,
    notes: [],
  };
  if (year === null) {
    problems.push('未找到年度：请粘贴含标题“国务院办公厅关于XXXX年部分节假日安排的通知”的全文，或先填写年度');
    return result;
  }

  // numbered sections "一、元旦：……" after a full stop, up to the next one or the closing paragraph
  const body = t.split('节假日期间')[0]!;
  const sectionRe =
    /(?<=^|。)[一二三四五六七八九十]{1,2}、([^：:。，]{1,20})[：:](.*?)(?=(?<=。)[一二三四五六七八九十]{1,2}、[^：:。，]{1,20}[：:]|$)/g;
  const seen = new Map<string, string>();
  for (let m = sectionRe.exec(body); m; m = sectionRe.exec(body)) {
    const name = m[1]!.trim();
    const text = m[2]!;
    const section: NoticeSection = { name, holidays: [], workdays: [], statedDays: statedCount(text) };
    const unknown = name.split(/[、和]/).filter((n) => !(HOLIDAY_NAMES as readonly string[]).includes(n));
    if (unknown.length) problems.push(`“${name}”不是法定节假日名称（${HOLIDAY_NAMES.join('、')}）`);
    for (const sentence of text.split(/[。；;]/)) {
      if (!sentence) continue;
      const dates = datesOf(sentence, year, problems, name);
      for (const d of dates)
        if (d.weekday !== null && d.weekday !== weekday(d.date))
          problems.push(
            `${name}：${d.date} 是${WEEKDAY_LABEL[weekday(d.date)]}，通知写的是${WEEKDAY_LABEL[d.weekday]}`,
          );
      if (/放假/.test(sentence)) {
        const [from, to] = dates;
        if (!from) {
          problems.push(`${name}：“${sentence}”中没有放假日期`);
          continue;
        }
        const last = to && /^(?:至|到|—|-|~|～)/.test(from.after) ? to.date : from.date;
        if (last < from.date) {
          problems.push(`${name}：放假结束日期早于开始日期`);
          continue;
        }
        for (let d = from.date; d <= last; d = addDay(d)) section.holidays.push(d);
        // "1月1日放假1天" / "共3天"
        const single = /放假(\d+)天/.exec(sentence);
        if (section.statedDays === null && single) section.statedDays = Number(single[1]);
      } else if (/上班/.test(sentence)) {
        if (!dates.length) problems.push(`${name}：“${sentence}”中没有上班日期`);
        for (const d of dates) {
          section.workdays.push(d.date);
          const w = weekday(d.date);
          if (w !== 0 && w !== 6) problems.push(`${name}：调休上班日 ${d.date} 不是周末`);
        }
      }
    }
    if (section.statedDays !== null && section.statedDays !== section.holidays.length)
      problems.push(`${name}：通知写共${section.statedDays}天，识别出${section.holidays.length}天`);
    if (!section.holidays.length) problems.push(`${name}：没有识别出放假日期`);
    for (const [list, kind] of [
      [section.holidays, 'holiday'],
      [section.workdays, 'workday'],
    ] as const)
      for (const date of list) {
        const before = seen.get(date);
        if (before) {
          problems.push(`${date} 在“${before}”和“${name}”中重复出现`);
          continue;
        }
        seen.set(date, name);
        result.days.push({ date, kind, name });
      }
    result.sections.push(section);
  }
  if (!result.sections.length)
    problems.push(
      '未识别到节假日安排：通知正文应为“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”的格式',
    );
  // a holiday begun in the year before (e.g. 2022年12月31日至2023年1月2日) belongs to that year's calendar
  const outside = result.days.filter((d) => !d.date.startsWith(`${year}-`));
  if (outside.length) {
    result.notes.push(
      `${outside.map((d) => d.date).join('、')} 不在 ${year} 年内，未列入本年度（请在该年度中录入）`,
    );
    result.days = result.days.filter((d) => d.date.startsWith(`${year}-`));
  }
  result.days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return result;
}
